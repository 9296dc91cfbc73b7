// A completion or a pass the LMS already holds is never taken back: a relaunch with unreadable or
// older saved data, or a retry of the knowledge checks, must not turn 'passed' into 'failed' or
// 'completed' into 'incomplete' in a learner's record.

// Higher is further along. Equal ranks may replace each other.
const lessonStatus: Record<string, number> = {
	'not attempted': 0,
	browsed: 0,
	incomplete: 0,
	completed: 1,
	failed: 2,
	passed: 3
};
const completion: Record<string, number> = {
	'not attempted': 0,
	unknown: 0,
	incomplete: 0,
	completed: 1
};
const success: Record<string, number> = { unknown: 0, failed: 1, passed: 2 };

function ranksFor(element: string): Record<string, number> | undefined {
	if (/^cmi\.core\.lesson_status$|^cmi\.objectives\.\d+\.status$/.test(element))
		return lessonStatus;
	if (/^cmi\.(objectives\.\d+\.)?completion_status$/.test(element)) return completion;
	if (/^cmi\.(objectives\.\d+\.)?success_status$/.test(element)) return success;
	return undefined;
}

/** The value to send for a status element: `next`, unless it would undo what `held` reached. */
export function keepReached(options: { element: string; held: string | undefined; next: string }) {
	const ranks = ranksFor(options.element);
	const held = options.held === undefined ? undefined : ranks?.[options.held];
	const next = ranks?.[options.next];
	return held !== undefined && next !== undefined && next < held ? options.held! : options.next;
}

/**
 * Apply keepReached to a report's values; when a held pass is kept, the report's course score is
 * not sent either, so the record keeps the score that earned the pass.
 */
export function applyReached(options: {
	values: Array<[string, string]>;
	held: (element: string) => string | undefined;
}): Array<[string, string]> {
	let passKept = false;
	const kept = options.values.map(([element, next]): [string, string] => {
		const value = keepReached({ element, held: options.held(element), next });
		if (value !== next && value === 'passed' && !element.startsWith('cmi.objectives')) {
			passKept = true;
		}
		return [element, value];
	});
	return passKept ? kept.filter(([element]) => !/^cmi\.(core\.)?score\./.test(element)) : kept;
}
