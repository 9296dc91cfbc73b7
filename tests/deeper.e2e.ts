// Optional depth: "Go deeper" disclosures open by keyboard, print opened, and the core path finishes
// a module without opening any (the course running alone, as the patrol bundle ships).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { blockRuns } from '../src/lib/course/depth.ts';
import {
	answer,
	bestPath,
	content,
	course,
	lessonTitle,
	moduleTitle,
	openAlone,
	playScenario
} from './harness.ts';

const module = course.modules[0]!;
const lesson = module.lessons.find((l) => l.blocks.some((b) => b.depth))!;
const text = content.resources.en![module.id] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
// The first optional block of that lesson, and a line of its text to look for.
const block = lesson.blocks.find((b) => b.depth)!;
const inside: string = text.lessons[lesson.id][block.id].title;

/** Count every "Go deeper" disclosure the learner opens from now on. */
async function countOpened(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { deeperOpened: number };
		w.deeperOpened = 0;
		document.addEventListener(
			'toggle',
			(e) => {
				const el = e.target as HTMLDetailsElement;
				if (el.matches('details.deeper') && el.open) w.deeperOpened++;
			},
			true
		);
	});
	return () => page.evaluate(() => (window as unknown as { deeperOpened: number }).deeperOpened);
}

test('a "Go deeper" disclosure starts closed, opens by keyboard, and prints opened', async ({
	page
}) => {
	expect(inside, `${block.id} has a title to look for`).toBeTruthy();
	await openAlone(page, `m/${module.id}/l/${lesson.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, lesson.id));
	const deeper = page.locator('details.deeper').first();
	const summary = deeper.locator('> summary');
	await expect(summary).toHaveText('Go deeper (optional)');
	await expect(deeper).not.toHaveAttribute('open');
	await expect(deeper.getByText(inside, { exact: true })).toBeHidden();

	// Printed, a closed disclosure shows its text all the same.
	await page.emulateMedia({ media: 'print' });
	await expect(deeper.getByText(inside, { exact: true })).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	await expect(deeper.getByText(inside, { exact: true })).toBeHidden();

	// Keyboard: focus it in the tab order from the lesson heading, then Enter opens and closes it.
	await page.getByRole('heading', { level: 1 }).focus();
	for (let i = 0; i < 20 && !(await summary.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(summary).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(deeper).toHaveAttribute('open');
	await expect(deeper.getByText(inside, { exact: true })).toBeVisible();
	// Opened, what it holds is as accessible as the rest of the lesson.
	const axe = await new AxeBuilder({ page })
		.include('details.deeper')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	await page.keyboard.press('Enter');
	await expect(deeper).not.toHaveAttribute('open');
});

test('the core path finishes a module without opening any "Go deeper" disclosure', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openAlone(page, `m/${module.id}/l/${module.lessons[0]!.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		lessonTitle(module, module.lessons[0]!.id)
	);
	const opened = await countOpened(page);
	let disclosures = 0;
	for (const l of module.lessons) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, l.id));
		// One closed disclosure per stretch of optional blocks; knowledge checks stay outside.
		const runs = blockRuns(l.blocks).filter((r) => r[0]!.depth);
		await expect(page.locator('details.deeper')).toHaveCount(runs.length);
		await expect(page.locator('details.deeper[open]')).toHaveCount(0);
		await expect(page.locator('details.deeper form')).toHaveCount(0);
		disclosures += runs.length;
		for (const b of l.blocks) {
			const q = module.questions.find((x) => b.type === 'question' && x.id === b.id);
			if (q) await answer(page, module, q);
		}
		await page.getByRole('button', { name: 'Next' }).click();
	}
	for (const s of module.scenarios) {
		await playScenario(page, module, s, bestPath(s));
		await page.getByRole('button', { name: /^(Next|Finish)$/ }).click();
	}
	// Finish leads on to the next module; from there, home shows this one done.
	const next = course.modules[1]!;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		lessonTitle(next, next.lessons[0]!.id)
	);
	expect(disclosures).toBeGreaterThan(0);
	expect(await opened()).toBe(0);
	await page.getByRole('link', { name: course.title.en!, exact: true }).click();
	await expect(
		page.getByRole('link', { name: new RegExp(`^Review\\s*${moduleTitle(module)}$`) })
	).toBeVisible();
});
