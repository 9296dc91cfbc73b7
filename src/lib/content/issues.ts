/** One problem found in the content: where it is, what is wrong, and what to do. */
export interface ContentIssue {
	file: string;
	/** Key path inside the file, e.g. `lessons[2].blocks[0].type`; '' for the whole file. */
	path: string;
	message: string;
	fix: string;
}

/** Thrown when content does not validate; its message lists every issue. */
export class ContentError extends Error {
	readonly issues: ContentIssue[];
	constructor(issues: ContentIssue[]) {
		super(formatIssues(issues));
		this.name = 'ContentError';
		this.issues = issues;
	}
}

/** Human-readable list, one issue per paragraph, for the terminal and the build log. */
export function formatIssues(issues: ContentIssue[]): string {
	const lines = issues.map(
		(i) => `${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}\n    → ${i.fix}`
	);
	return `Course content has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** Collects issues for one file so checks can say `at(path).fail(...)` without repeating it. */
export class IssueList {
	readonly items: ContentIssue[] = [];
	add(issue: ContentIssue): void {
		this.items.push(issue);
	}
	for(file: string) {
		return (path: string, message: string, fix: string) => this.add({ file, path, message, fix });
	}
	throwIfAny(): void {
		if (this.items.length) throw new ContentError(this.items);
	}
}

/** The closest candidate by edit distance, for "did you mean" hints; undefined when none is close. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const c of candidates) {
		const d = editDistance(word, c);
		if (d < bestDistance) {
			best = c;
			bestDistance = d;
		}
	}
	return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
		? best
		: undefined;
}

/** " (did you mean "x"?)" or "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
	const c = closest(word, candidates);
	return c ? ` Did you mean "${c}"?` : '';
}

function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = tmp;
		}
	}
	return row[b.length]!;
}
