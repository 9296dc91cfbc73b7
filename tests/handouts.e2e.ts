// The victim handouts: each in its own language and direction, naming its language in itself,
// one printed page on Letter and on A4; the Arabic one right to left (screenshot attached).
import { expect, test } from '@playwright/test';
import { course, openAlone } from './harness.ts';

test('the handouts list names each language in itself', async ({ page }) => {
	await openAlone(page, 'handouts');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Handouts for a person who may be a victim'
	);
	// From the content (the list the course loads), eleven languages.
	const links = page.locator('.handout-list a');
	await expect(links).toHaveCount(11);
	await expect(page.getByRole('link', { name: 'العربية' })).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('link', { name: 'Español' })).toHaveAttribute('lang', 'es');
});

const LANGUAGES = ['en', 'es', 'ar', 'zh-Hans', 'zh-Hant', 'fr', 'ko', 'pt', 'ru', 'th', 'vi'];

for (const language of LANGUAGES) {
	test(`the ${language} handout: its language and direction, one page on Letter and A4`, async ({
		page
	}, testInfo) => {
		await openAlone(page, `handouts/${language}`);
		const handout = page.locator(`article.handout[lang="${language}"]`);
		await expect(handout).toBeVisible();
		const rtl = language === 'ar';
		await expect(handout).toHaveAttribute('dir', rtl ? 'rtl' : 'ltr');
		expect(await handout.evaluate((e) => getComputedStyle(e).direction)).toBe(rtl ? 'rtl' : 'ltr');
		// The hotline number, the text line and 911 come from facts.yaml, in every language.
		for (const id of ['nhth_phone', 'nhth_text', 'emergency_number']) {
			await expect(handout).toContainText(course.facts[id]!.value);
		}
		if (rtl || language.startsWith('zh') || language === 'th') {
			await testInfo.attach(`handout-${language}.png`, {
				body: await handout.screenshot(),
				contentType: 'image/png'
			});
		}
		await page.emulateMedia({ media: 'print' });
		for (const format of ['Letter', 'A4'] as const) {
			const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
			const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
			expect(pages, `${language} on ${format}`).toBe(1);
		}
	});
}
