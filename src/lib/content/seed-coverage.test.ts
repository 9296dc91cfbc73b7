// docs/seed-coverage.md maps each statement of the source page to what teaches it. This holds the
// map true: every quote is on the page, every statement names something, and every reference
// names a lesson, check, assessment item, scenario, glossary term or screen that exists.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSE_ROUTES } from '../course/navigation.ts';
import { loadCourse } from './load.ts';

const root = process.cwd();
const sourceDir = join(root, '..', 'shared', 'source');
const normalize = (text: string) =>
	text
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201c\u201d]/g, '"')
		.replace(/\s+/g, ' ');
const page = normalize(
	readdirSync(sourceDir)
		.map((f) => readFileSync(join(sourceDir, f), 'utf8'))
		.join('\n')
);
const rows = readFileSync(join(root, 'docs', 'seed-coverage.md'), 'utf8')
	.split('\n')
	.filter((line) => /^\|\s*\d+\s*\|/.test(line))
	.map((line) => {
		const [, n, statement, refs] = line.split('|').map((c) => c.trim());
		return {
			n,
			quote: statement!.match(/"(.*)"/)?.[1] ?? '',
			refs: refs!.split(/,\s*/).filter(Boolean)
		};
	});

// Both shipped variants: together they hold every module.
const courses = ['profiles/default.yaml', 'profiles/campus.yaml'].map((profile) =>
	loadCourse({ root: join(root, 'modules'), profile })
);

/** Whether a reference names something that exists in either variant. */
function exists(ref: string): boolean {
	const [scope, kind, id] = ref.split('/');
	if (scope === 'screen') return (COURSE_ROUTES as readonly string[]).includes(kind!);
	if (scope === 'glossary') return courses[0]!.glossary.some((g) => g.id === kind);
	const module = courses.flatMap((c) => c.modules).find((m) => m.id === scope);
	if (!module || !id) return false;
	const lists: Record<string, { id: string }[]> = {
		lessons: module.lessons,
		questions: module.questions,
		assessment: module.assessment,
		scenarios: module.scenarios
	};
	return !!lists[kind!]?.some((x) => x.id === id);
}

describe('docs/seed-coverage.md', () => {
	it('lists the statements of the source page', () => {
		expect(rows.length).toBeGreaterThanOrEqual(40);
	});

	it.each(rows)('statement $n is quoted from the page and taught somewhere that exists', (row) => {
		expect(row.quote.length, 'a quote in "double quotes"').toBeGreaterThan(10);
		expect(page, `quote of statement ${row.n} is not on the page`).toContain(normalize(row.quote));
		expect(row.refs.length).toBeGreaterThan(0);
		expect(
			row.refs.filter((r) => !exists(r)),
			'references that point nowhere'
		).toEqual([]);
	});
});
