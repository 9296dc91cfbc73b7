// The accessibility matrix: every screen type and state (tests/a11y-walk.ts), in every shipped
// language and its direction, and again in forced-colors mode at 320 px; at each stop axe
// (WCAG 2.0/2.1 A and AA and best practice, colour contrast included) and the accessibility tree
// (landmarks, one h1, the heading outline, named controls and images) must be clean. One walk per
// language scans each state once. Forced colours run once per direction (the default language, and
// the first right-to-left one shipped).
import { expect, test } from '@playwright/test';
import { isRtlLanguage } from '../src/lib/content/markup.ts';
import { course } from './harness.ts';
import { auditTree, axTree, axeViolations } from './a11y-tree.ts';
import { uiOf, walk, type Stop } from './a11y-walk.ts';

const rtl = course.languages.find((lang) => isRtlLanguage(lang));
const runs = [
	...course.languages.map((lang) => ({ lang, forced: false, width: 1280 })),
	...[course.defaultLanguage, ...(rtl ? [rtl] : [])].map((lang) => ({
		lang,
		forced: true,
		width: 320
	}))
];

for (const { lang, forced, width } of runs) {
	const mode = forced ? `, forced colors, ${width} px` : '';
	test(`axe and the accessibility tree are clean on every screen and state (${lang}${mode})`, async ({
		page
	}) => {
		test.setTimeout(300_000);
		await page.setViewportSize({ width, height: 800 });
		if (forced) await page.emulateMedia({ forcedColors: 'active' });
		const check = async ({ name, page, frame, nav }: Stop) => {
			const found = await axeViolations(page, frame);
			expect.soft(found, `axe on ${name}`).toEqual([]);
			const tree = await axTree(page, frame);
			const navLabel = nav ? uiOf(lang).nav.label : undefined;
			expect.soft(auditTree(tree, { navLabel }), `accessibility tree of ${name}`).toEqual([]);
		};
		const started = Date.now();
		const visited = await walk(page, lang, check, { lms: true });
		console.log(
			`${lang}${mode}: ${visited.length} stops in ${Math.round((Date.now() - started) / 1000)} s`
		);
	});
}
