// Keyboard use and printing. The course runs on its own here (no LMS around it). Axe and the
// accessibility tree on every screen and state are in tests/a11y-matrix.e2e.ts, reflow and display
// preferences in tests/a11y-reflow.e2e.ts, what a screen reader is told in tests/a11y-tree.e2e.ts.
import { expect, test, type Page } from '@playwright/test';
import {
	PASSED_ASSESSMENT,
	allModulesDone,
	course,
	goTo,
	keepLocally,
	moduleTitle,
	openAlone
} from './harness.ts';

const module = course.modules[0]!;
const scenario = module.scenarios[0]!;

/** The course at its LMS sub-path with no LMS API around it. */
async function openCourse(page: Page) {
	await openAlone(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
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
	await goTo(page, `m/${module.id}/s/${scenario.id}`);
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
		const state = {
			...allModulesDone(),
			language,
			location: 'card',
			assessment: PASSED_ASSESSMENT
		};
		await keepLocally(page, state, { completion: 'completed', success: 'passed' });
		await expect(page.locator('html')).toHaveAttribute('lang', language);
		for (const route of ['card', 'certificate']) {
			// The certificate is there only when passed: its name heading proves the state took.
			await goTo(page, route);
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
