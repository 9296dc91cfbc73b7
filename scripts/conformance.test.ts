// The conformance report stays true: every WCAG 2.1 A/AA criterion has a status, how it is met and
// a test that exists (or a reason), and docs/accessibility.html is what the source generates.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTPUT, SOURCE, loadConformance, renderConformance } from './conformance/report.ts';
import { WCAG21_AA } from './conformance/criteria.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the report's source and the tests it names, with the source edited. */
function edited(edit: (text: string) => string): string {
	const dir = mkdtempSync(join(tmpdir(), 'acr-'));
	dirs.push(dir);
	cpSync('docs/accessibility', join(dir, 'docs', 'accessibility'), { recursive: true });
	cpSync('tests', join(dir, 'tests'), { recursive: true });
	cpSync('src', join(dir, 'src'), { recursive: true });
	cpSync('scripts', join(dir, 'scripts'), { recursive: true });
	const file = join(dir, SOURCE);
	writeFileSync(file, edit(readFileSync(file, 'utf8')));
	return dir;
}

describe('the accessibility conformance report', () => {
	it('covers every WCAG 2.1 A and AA criterion, each with tests or a reason', () => {
		const { report, problems } = loadConformance();
		expect(problems).toEqual([]);
		expect(report.criteria.map((c) => c.id)).toEqual(WCAG21_AA.map((c) => c.id));
	});

	it('names the version of the course it was made for (modules/course.yaml)', () => {
		const course = readFileSync('modules/course.yaml', 'utf8').match(/^version: (\S+)$/m)?.[1];
		expect(course).toBeTruthy();
		expect(loadConformance().report.version).toBe(course);
	});

	it('docs/accessibility.html is up to date (run `npm run a11y:report`)', () => {
		expect(readFileSync(OUTPUT, 'utf8')).toBe(renderConformance(loadConformance().report));
	});

	it('fails on a test that does not exist, a missing criterion, or no test and no reason', () => {
		const badTest = edited((t) =>
			t.replace(/tests\/keyboard\.e2e\.ts › /, 'tests/keyboard.e2e.ts › no such test ')
		);
		expect(loadConformance(badTest).problems.join('\n')).toMatch(
			/no test in tests\/keyboard\.e2e\.ts says/
		);
		const missing = edited((t) => t.replace(/^ {2}'2\.4\.2':[\s\S]*?(?=^ {2}')/m, ''));
		expect(loadConformance(missing).problems.join('\n')).toMatch(
			/criteria\.2\.4\.2 \(Page Titled\): missing/
		);
		const bare = edited((t) =>
			t.replace(/(^ {2}'2\.4\.2':\n(?: {4}.*\n)*?) {4}tests:.*\n((?: {6}- .*\n)*)/m, '$1')
		);
		expect(loadConformance(bare).problems.join('\n')).toMatch(
			/2\.4\.2 \(Page Titled\): name the tests/
		);
	});
});
