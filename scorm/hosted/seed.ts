// What the hosted runtime loads into scorm-again before Initialize: the learner's last commit, turned
// into a new launch the way an LMS does it (scorm/preview/attempt.ts is the same rule for the
// preview LMS). After exit 'suspend' the attempt resumes; after any other exit a new attempt starts
// from the beginning. The endpoint keeps one cumulative record per learner and course, so status,
// score, interactions and objectives carry over either way.
import { encodeLaunchData, type LaunchIdentity } from './protocol.ts';

/** Flat cmi element → value, as scorm-again's loadFromFlattenedJSON takes it. */
export type FlatCmi = Record<string, string>;

/** Kept on every relaunch: the record of what the learner did. */
const CARRIED = [
	'cmi.completion_status',
	'cmi.success_status',
	'cmi.progress_measure',
	'cmi.score.',
	'cmi.learner_preference.',
	'cmi.interactions.',
	'cmi.objectives.'
];
/** Kept only when the attempt resumes: where the learner was. */
const RESUMED = ['cmi.location', 'cmi.suspend_data', 'cmi.comments_from_learner.'];

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;

/** Flattens scorm-again's nested commit JSON ({ cmi: { score: { raw } } }) to dotted elements. */
export function flattenCmi(value: unknown, prefix = ''): FlatCmi {
	const flat: FlatCmi = {};
	if (typeof value !== 'object' || value === null) return flat;
	for (const [key, child] of Object.entries(value)) {
		const element = prefix ? `${prefix}.${key}` : key;
		if (typeof child === 'object' && child !== null)
			Object.assign(flat, flattenCmi(child, element));
		else if (typeof child === 'string' || typeof child === 'number' || typeof child === 'boolean')
			flat[element] = String(child);
	}
	return flat;
}

const matches = (element: string, list: readonly string[]): boolean =>
	list.some((p) => (p.endsWith('.') ? element.startsWith(p) : element === p));

/** The elements a new launch starts with, from the learner's last commit (null: first launch). */
export function launchSeed(options: {
	last: { cmi: Record<string, unknown> } | null;
	learner: { id: string; name: string };
	identity: LaunchIdentity;
}): FlatCmi {
	const { last, learner, identity } = options;
	const committed = flattenCmi(last ? { cmi: last.cmi } : null);
	const exit = committed['cmi.exit'] ?? '';
	const resume = exit === 'suspend' || exit === 'logout';
	const total = committed['cmi.total_time'] ?? '';
	const seed: FlatCmi = {};
	for (const [element, value] of Object.entries(committed)) {
		// Blank means unset: loading '' into a score or a status is a type error in scorm-again.
		if (value === '') continue;
		if (matches(element, CARRIED) || (resume && matches(element, RESUMED))) seed[element] = value;
	}
	return {
		...seed,
		'cmi.learner_id': learner.id,
		'cmi.learner_name': learner.name,
		'cmi.credit': 'credit',
		'cmi.mode': 'normal',
		'cmi.entry': resume ? 'resume' : 'ab-initio',
		'cmi.total_time': DURATION.test(total) ? total : 'PT0S',
		'cmi.launch_data': encodeLaunchData(identity)
	};
}
