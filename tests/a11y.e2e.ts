// Accessibility of every screen type: axe (WCAG 2.1 A/AA + best practice) with zero violations,
// and no horizontal scrolling at 320 CSS px. The course runs on its own here (no LMS around it),
// which also shows the local-progress notice.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
	answer,
	bestPath,
	bundleName,
	course,
	imageAlt,
	lessonTitle,
	moduleTitle,
	playScenario
} from './harness.ts';

const module = course.modules[0]!;
const scenario = module.scenarios[0]!;

/** The course at its LMS sub-path with no LMS API around it. */
async function openCourse(page: Page) {
	await page.goto(`/player.html?bundle=${encodeURIComponent(bundleName('scorm12'))}`);
	const config = JSON.parse((await page.locator('#preview-config').textContent())!);
	await page.goto(config.launchUrl);
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
		// Some thirty axe runs: 35-60 s on a shared, busy machine, too close to the 60 s default.
		test.slow();
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
				expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
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
		await expect(page.getByText('You have not reached the pass mark yet.')).toBeVisible();
		await expectClean(page, 'home with result');
		await page.getByRole('button', { name: 'Save and exit' }).click();
		await expect(page.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();
		await expectClean(page, 'exit');
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
	await expect(form.getByRole('status')).toContainText(/Correct\.|Not quite\./);
	await page.evaluate((hash) => (location.hash = hash), `#/m/${module.id}/s/${scenario.id}`);
	await expect(page.getByRole('group', { name: 'What do you do?' })).toBeVisible();
	await page.getByRole('group', { name: 'What do you do?' }).getByRole('button').first().focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'What happens' })).toBeFocused();
});
