// Budgets held in CI: sizes and counts only, never wall-clock times (those vary with the machine;
// `npm run bench` measures them, docs/performance.md records them). Runs after `npm run package`.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { compile } from 'svelte/compiler';
import { WORST_STAMP, worstCaseState } from '../src/lib/course/budget.ts';
import { encodeState } from '../src/lib/course/codec.ts';
import { moduleTextFile } from '../src/lib/i18n/text-files.ts';
import { ENGINE_FILE } from '../src/lib/scenario/engine.ts';
import {
	STANDARDS,
	bundleName,
	course,
	followLink,
	launch,
	lessonTitle,
	moduleTitle,
	packageBase,
	recordCourseRequests,
	scenarioTitle
} from './harness.ts';

const KB = 1024;
const BUDGET = {
	/** build/index.html is the whole start-up download (the tests below hold that too). */
	startupGzip: 90 * KB,
	/** Each zip file as written to dist/: every language, and images too (stricter than without). */
	zip: 1.5 * KB * KB,
	suspendData: 2048
};

// Strings only a development build carries: element locations and warning formatting from
// Svelte's dev runtime, component file names from dev compilation, Vite's client and HMR.
const DEV_MARKERS: [string, RegExp][] = [
	['Svelte dev element locations', /__svelte_meta/],
	['Svelte dev warning format', /%c\[svelte\]/],
	['component file names', /\.svelte['"`]/],
	['Vite client', /\/@vite\/client/],
	['hot module replacement', /import\.meta\.hot/]
];

const devMarkers = (code: string): string[] =>
	DEV_MARKERS.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);

test('start-up download: build/index.html is at most 90 KB gzip -9', () => {
	const html = readFileSync(join('build', 'index.html'));
	const gzip = gzipSync(html, { level: 9 }).length;
	expect(gzip, `build/index.html is ${gzip} bytes gzip`).toBeLessThanOrEqual(BUDGET.startupGzip);
});

test('worst-case suspend_data is at most 2048 characters (same codec for both standards)', () => {
	const length = encodeState({ state: worstCaseState(course), course, stamp: WORST_STAMP }).length;
	expect(length).toBeLessThanOrEqual(BUDGET.suspendData);
});

test('the dev-build markers would catch a development build', () => {
	const { js } = compile('<script>let n = $state(0);</script><button>{n}</button>', {
		dev: true,
		filename: 'src/routes/Probe.svelte'
	});
	expect(devMarkers(js.code)).not.toEqual([]);
});

for (const standard of STANDARDS) {
	test(`${standard} zip: at most 1.5 MB, no source maps, no development build`, () => {
		const file = join('dist', bundleName(standard));
		const size = statSync(file).size;
		expect(size, `${file} is ${size} bytes`).toBeLessThanOrEqual(BUDGET.zip);
		const files = unzipSync(readFileSync(file));
		expect(Object.keys(files).filter((name) => name.endsWith('.map'))).toEqual([]);
		const index = files['index.html'];
		expect(index, 'the zip has index.html').toBeDefined();
		const gzip = gzipSync(index!, { level: 9 }).length;
		expect(gzip, `packaged index.html is ${gzip} bytes gzip`).toBeLessThanOrEqual(
			BUDGET.startupGzip
		);
		for (const [name, data] of Object.entries(files)) {
			if (!/\.(html|js|css)$/.test(name)) continue;
			const code = strFromU8(data);
			expect(code.includes('sourceMappingURL'), `${name} names a source map`).toBe(false);
			expect(devMarkers(code), `development build markers in ${name}`).toEqual([]);
		}
	});
}

test('the home screen loads index.html only; a module’s text loads when it is opened', async ({
	page
}) => {
	const requests = recordCourseRequests(page);
	const frame = await launch(page, 'scorm12');
	const base = await packageBase(page);
	const loaded = () => requests.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length));
	const title = course.title[course.defaultLanguage]!;
	// Let anything the home screen would fetch after rendering go out before judging.
	await page.waitForLoadState('networkidle');
	expect(loaded(), 'requests before any module is opened').toEqual(['index.html']);

	const opened: string[] = [];
	for (const module of course.modules) {
		await frame.getByRole('link', { name: new RegExp(`^Start.*${moduleTitle(module)}`) }).click();
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
			lessonTitle(module, module.lessons[0]!.id)
		);
		opened.push(moduleTextFile(module.id, course.defaultLanguage));
		expect(loaded().filter((path) => /^content\/[^/]+\.js$/.test(path))).toEqual(opened);
		await frame.getByRole('link', { name: title, exact: true }).click();
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(title);
	}

	// The scenario engine (xstate) is not in the start-up file: it loads with the first scenario.
	const module = course.modules[0]!;
	const scenario = module.scenarios[0]!;
	await followLink(frame, `m/${module.id}/s/${scenario.id}`);
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
		scenarioTitle(module, scenario.id)
	);
	await expect(frame.locator('.choices')).toBeVisible();
	expect(loaded().filter((path) => path === ENGINE_FILE)).toEqual([ENGINE_FILE]);
});
