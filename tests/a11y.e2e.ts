// Accessibility of every screen type: axe (WCAG 2.1 A/AA + best practice) with zero violations,
// and no horizontal scrolling at 320 CSS px. The course runs on its own here (no LMS around it),
// which also shows the local-progress notice.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
	allModulesDone,
	answer,
	bestPath,
	course,
	imageAlt,
	keepLocally,
	lessonTitle,
	moduleTitle,
	openAlone,
	playScenario,
	takeAssessment
} from './harness.ts';

const module = course.modules[0]!;
const scenario = module.scenarios[0]!;

/** The course at its LMS sub-path with no LMS API around it. */
async function openCourse(page: Page) {
	await openAlone(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function expectClean(page: Page, screen: string) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const found = result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(found, `axe on ${screen}`).toEqual([]);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
	expect(overflow, `horizontal scroll on ${screen}`).toBeLessThanOrEqual(0);
}

for (const width of [1280, 320]) {
	test(`every screen type is axe-clean and reflows at ${width} px`, async ({ page }) => {
		// About 30 axe scans in one walk through the module: allow for a busy machine.
		test.setTimeout(240_000);
		await page.setViewportSize({ width, height: 800 });
		await openCourse(page);
		await expect(page.getByText(/No training system found/)).toBeVisible();
		await expectClean(page, 'home');

		await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
		for (const lesson of module.lessons) {
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				lessonTitle(module, lesson.id)
			);
			for (const block of lesson.blocks.filter((b) => b.type === 'image')) {
				// Informative images are named by their alt text, and the file really loads.
				const img = page.getByRole('img', { name: imageAlt(module, lesson.id, block.id) });
				await expect(img).toBeVisible();
				await expect
					.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
					.toBeGreaterThan(0);
			}
			for (const summary of await page.locator('summary').all()) await summary.click();
			await expectClean(page, `lesson ${lesson.id}`);
			for (const b of lesson.blocks) {
				const q = module.questions.find((x) => b.type === 'question' && x.id === b.id);
				if (q) await answer(page, module, q, false);
			}
			await expectClean(page, `lesson ${lesson.id} with feedback`);
			await page.getByRole('button', { name: 'Next' }).click();
		}

		await expect(page.getByRole('group', { name: 'What do you do?' })).toBeVisible();
		await expectClean(page, 'scenario scene');
		const path = bestPath(scenario);
		// Play the best path up to its last decision, then look at a consequence and the debrief.
		await playScenario(page, module, scenario, path.slice(0, -1));
		await page.getByRole('group', { name: 'What do you do?' }).getByRole('button').first().click();
		await expectClean(page, 'scenario consequence');
		await page.getByRole('button', { name: 'See the outcome' }).click();
		await expect(page.getByRole('heading', { name: /^Outcome:/ })).toBeVisible();
		await expectClean(page, 'scenario debrief');

		await page.getByRole('link', { name: course.title.en! }).click();
		await expect(page.getByRole('button', { name: /Try the knowledge checks in/ })).toBeVisible();
		await expectClean(page, 'home with result');
		await page.getByRole('button', { name: 'Save and exit' }).click();
		await expect(page.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();
		await expectClean(page, 'exit');
	});
}

for (const width of [1280, 320]) {
	test(`the assessment, its results, the resources, pocket card and certificate are axe-clean at ${width} px`, async ({
		page
	}) => {
		test.setTimeout(240_000);
		await page.setViewportSize({ width, height: 800 });
		await openCourse(page);
		// Every module done, kept in this browser as the course does with no LMS around it.
		await keepLocally(
			page,
			{ ...allModulesDone(), location: 'assessment' },
			{ completion: 'incomplete', success: 'unknown' }
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Final assessment');
		await expectClean(page, 'assessment start');
		await page.getByRole('button', { name: 'Start the assessment' }).click();
		await expect(page.locator('form.assessment')).toBeVisible();
		await expectClean(page, 'assessment in progress');
		await takeAssessment(page, { wrong: 10 });
		await expectClean(page, 'assessment results and review');
		await takeAssessment(page, { wrong: 0 });
		await expect(page.getByText('You passed the course.')).toBeVisible();
		for (const [route, heading] of [
			['resources', 'Resources'],
			['card', 'Pocket card'],
			['certificate', 'Certificate of completion']
		]) {
			await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
			await expectClean(page, route!);
		}
	});
}

test('a lesson and a scenario decision work by keyboard alone, focus moves to each new heading', async ({
	page
}) => {
	await openCourse(page);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	const start = page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) });
	await start.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	const form = page.locator('form.check').first();
	const first = form.locator('input').first();
	await first.focus();
	await page.keyboard.press('Space');
	await form.getByRole('button', { name: 'Check my answer' }).focus();
	await page.keyboard.press('Enter');
	await expect(form.locator('.feedback[role="status"]')).toContainText(/Correct\.|Not quite\./);
	await page.evaluate((hash) => (location.hash = hash), `#/m/${module.id}/s/${scenario.id}`);
	await expect(page.getByRole('group', { name: 'What do you do?' })).toBeVisible();
	await page.getByRole('group', { name: 'What do you do?' }).getByRole('button').first().focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'What happens' })).toBeFocused();
});

for (const language of course.languages) {
	test(`the pocket card and the certificate each print on one page, Letter and A4 (${language})`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await openCourse(page);
		// Every module done and the assessment passed, kept as the course keeps it with no LMS.
		const assessment = {
			attempt: 1,
			items: [],
			answers: {},
			submitted: true,
			best: 1,
			passedOn: Date.UTC(2026, 10, 25)
		};
		const state = { ...allModulesDone(), language, location: 'card', assessment };
		await keepLocally(page, state, { completion: 'completed', success: 'passed' });
		await expect(page.locator('html')).toHaveAttribute('lang', language);
		for (const route of ['card', 'certificate']) {
			// The certificate is there only when passed: its name heading proves the state took.
			await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
			await expect(page.locator('main h1')).toBeVisible();
			await page.emulateMedia({ media: 'print' });
			for (const format of ['Letter', 'A4'] as const) {
				const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
				const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
				expect(pages, `${route} on ${format}`).toBe(1);
			}
			await page.emulateMedia({ media: 'screen' });
		}
	});
}
