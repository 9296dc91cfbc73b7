// Text expansion: every screen type in the en-XA pseudo-locale (English accented, 40 % longer,
// bracketed) at 320 px and at 1280 px, with no text cut off, no control or heading covering
// another and no sideways scrolling. Screenshots of each screen are attached to the report.
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { Module } from '../src/lib/course/types.ts';
import {
	PASSED_ASSESSMENT,
	allModulesDone,
	bestPath,
	course,
	goTo,
	lessonChecks
} from './harness.ts';
import {
	answerByPlace,
	answerSomehow,
	attachScreenshot,
	firstLessonsDone,
	layoutProblems,
	openWith
} from './layout.ts';

const LANGUAGE = 'en-XA';
const WIDTHS = [320, 1280];

/** The fewest lessons that show every question kind and every block type, with their module. */
function lessonsShowingEverything(): { module: Module; lesson: Module['lessons'][number] }[] {
	const all = course.modules.flatMap((module) =>
		module.lessons.map((lesson) => {
			const kinds = lesson.blocks.map((b) =>
				b.type === 'question' ? module.questions.find((q) => q.id === b.id)!.kind : b.type
			);
			return { module, lesson, kinds: new Set(kinds) };
		})
	);
	const wanted = new Set(all.flatMap((l) => [...l.kinds]));
	const picked: typeof all = [];
	while (wanted.size) {
		const best = all.reduce((a, b) =>
			[...b.kinds].filter((k) => wanted.has(k)).length >
			[...a.kinds].filter((k) => wanted.has(k)).length
				? b
				: a
		);
		picked.push(best);
		for (const k of best.kinds) wanted.delete(k);
	}
	return picked;
}

/** A learner in en-XA who has done the first lesson (so progress bars show some progress). */
const started = () => firstLessonsDone(LANGUAGE, course.modules.slice(0, 1));

/** The screen is in the pseudo-locale, then measured, then shown in the report. */
async function expectRoomy(page: Page, testInfo: TestInfo, screen: string) {
	await expect(page.locator('main h1')).toHaveText(/^\[.+\]$/);
	const { clipped, overlapping, sideways } = await layoutProblems(page);
	const width = page.viewportSize()!.width;
	await attachScreenshot(page, testInfo, `${LANGUAGE}-${width}-${screen.replaceAll(' ', '-')}`);
	expect.soft(clipped, `clipped text on ${screen} at ${width} px`).toEqual([]);
	expect.soft(overlapping, `overlapping controls on ${screen} at ${width} px`).toEqual([]);
	expect.soft(sideways, `sideways scrolling on ${screen} at ${width} px`).toBeLessThanOrEqual(0);
}

/** Open every disclosure (reveals, module objectives, sources) so its text is measured too. */
async function openAll(page: Page) {
	const closed = page.locator('main details:not([open]) > summary');
	for (let n = await closed.count(); n > 0; n--) await closed.first().click();
}

for (const width of WIDTHS) {
	test.describe(`${LANGUAGE} at ${width} px`, () => {
		test.beforeEach(async ({ page }) => page.setViewportSize({ width, height: 800 }));

		test('home, lessons with every question kind before and after feedback, exit', async ({
			page
		}, testInfo) => {
			test.setTimeout(180_000);
			await openWith(page, { state: started() });
			await openAll(page);
			await expectRoomy(page, testInfo, 'home');
			for (const { module, lesson } of lessonsShowingEverything()) {
				await goTo(page, `m/${module.id}/l/${lesson.id}`);
				const checks = page.locator('form.check');
				await expect(checks.first()).toBeVisible();
				await openAll(page);
				await expectRoomy(page, testInfo, `lesson ${lesson.id}`);
				// The first check answered wrongly (the right answer is then marked), the rest right.
				for (const [i, question] of lessonChecks(module, lesson.id).entries()) {
					const form = checks.nth(i);
					await answerByPlace(form, question, i > 0);
					await form.locator('button[type="submit"]').click();
					await expect(form.locator('.feedback-verdict')).toBeVisible();
				}
				await expectRoomy(page, testInfo, `lesson ${lesson.id} with feedback`);
			}
			await page.locator('.site-header button').click();
			await expect(page.locator('.site-header button')).toHaveCount(0);
			await expectRoomy(page, testInfo, 'exit');
		});

		test('scenario: scene, consequence, debrief', async ({ page }, testInfo) => {
			test.setTimeout(120_000);
			const module = course.modules[0]!;
			const scenario = module.scenarios[0]!;
			await openWith(page, { state: started(), route: `m/${module.id}/s/${scenario.id}` });
			let scene = scenario.scenes.find((s) => s.id === scenario.start)!;
			for (const [n, choiceId] of bestPath(scenario).entries()) {
				await expect(page.locator('.scene .choice').first()).toBeVisible();
				if (n === 0) await expectRoomy(page, testInfo, 'scenario scene');
				await page
					.locator('.scene .choice')
					.nth(scene.choices.findIndex((c) => c.id === choiceId))
					.click();
				await expect(page.locator('.consequence')).toBeVisible();
				if (n === 0) await expectRoomy(page, testInfo, 'scenario consequence');
				const next = scene.choices.find((c) => c.id === choiceId)!.goto;
				await page.locator('.consequence .button').click();
				scene = scenario.scenes.find((s) => s.id === next) ?? scene;
			}
			await expect(page.locator('.debrief')).toBeVisible();
			await openAll(page);
			await expectRoomy(page, testInfo, 'scenario debrief');
		});

		test('final assessment: start, items of every kind, results and review', async ({
			page
		}, testInfo) => {
			test.setTimeout(120_000);
			const state = { ...allModulesDone(), language: LANGUAGE, location: 'assessment' };
			await openWith(page, { state, route: 'assessment' });
			await expectRoomy(page, testInfo, 'assessment start');
			await page.locator('main button.button').click();
			const items = page.locator('form.assessment .assessment-items > li');
			await expect(items.first()).toBeVisible();
			for (const item of await items.all()) await answerSomehow(item);
			await expectRoomy(page, testInfo, 'assessment answered');
			await page.locator('form.assessment button[type="submit"]').click();
			await expect(page.locator('.results-table')).toBeVisible();
			await expectRoomy(page, testInfo, 'assessment results');
		});

		test('resources, pocket card, certificate, handouts', async ({ page }, testInfo) => {
			test.setTimeout(120_000);
			const state = {
				...allModulesDone(),
				language: LANGUAGE,
				location: '',
				assessment: PASSED_ASSESSMENT
			};
			await openWith(page, { state, status: { completion: 'completed', success: 'passed' } });
			for (const route of ['resources', 'card', 'certificate', 'handouts']) {
				await goTo(page, route);
				await openAll(page);
				await expectRoomy(page, testInfo, route);
			}
			// A handout is in its own language (and direction) inside the pseudo-locale's chrome.
			await goTo(page, 'handouts/ar');
			await expect(page.locator('article.handout[dir="rtl"]')).toBeVisible();
			const { clipped, overlapping, sideways } = await layoutProblems(page);
			await attachScreenshot(page, testInfo, `${LANGUAGE}-${width}-handout-ar`);
			expect.soft([...clipped, ...overlapping], 'the Arabic handout').toEqual([]);
			expect.soft(sideways, 'sideways scrolling on the Arabic handout').toBeLessThanOrEqual(0);
		});
	});
}

test('the pseudo-locales are in no shipped package', () => {
	const zips = readdirSync('dist').filter((f) => f.endsWith('.zip'));
	expect(zips.length).toBeGreaterThan(0);
	for (const zip of zips) {
		const files = unzipSync(readFileSync(`dist/${zip}`), {
			filter: (f) => f.name.startsWith('content/') || f.name === 'index.html'
		});
		const names = Object.keys(files);
		expect(names.length, zip).toBeGreaterThan(1);
		expect(
			names.filter((n) => /\.(en-XA|ar-XB)\.js$/.test(n)),
			zip
		).toEqual([]);
		expect(new TextDecoder().decode(files['index.html']), zip).not.toMatch(/en-XA|ar-XB/);
	}
});
