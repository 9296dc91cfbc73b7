// WCAG points the other accessibility suites do not cover: the conformance report shipped in the
// package and linked from the footer, a title for every screen, and the assessment's check of
// unanswered questions before test responses are submitted (3.3.1, 3.3.3, 3.3.4).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { WCAG21_AA } from '../scripts/conformance/criteria.ts';
import {
	course,
	dataModel,
	launch,
	lessonTitle,
	moduleTitle,
	openAlone,
	openAssessment
} from './harness.ts';

const TITLE = course.title[course.defaultLanguage]!;

test('the footer links the conformance report, shipped in the package: every A/AA criterion, axe-clean', async ({
	page
}) => {
	await openAlone(page);
	const link = page.getByRole('contentinfo').getByRole('link', { name: /Accessibility report/ });
	await expect(link).toHaveAttribute('target', '_blank');
	const [report] = await Promise.all([page.waitForEvent('popup'), link.click()]);
	await report.waitForLoadState();
	// Beside index.html in the package the course was launched from.
	expect(new URL(report.url()).pathname).toBe(
		new URL('accessibility.html', page.url().split('#')[0]).pathname
	);
	await expect(report.getByRole('heading', { level: 1 })).toHaveText(
		'Accessibility conformance report'
	);
	const rows = report.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(WCAG21_AA.length + 1);
	for (const { id, name } of WCAG21_AA) {
		await expect(report.getByRole('rowheader', { name: `${id} ${name}`, exact: true })).toHaveCount(
			1
		);
	}
	for (const width of [1280, 320]) {
		await report.setViewportSize({ width, height: 800 });
		const result = await new AxeBuilder({ page: report })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
			.analyze();
		expect(
			result.violations.map((v) => v.id),
			`axe at ${width} px`
		).toEqual([]);
		const overflow = await report.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
	}
});

test('every screen has its own page title: the screen, then the course', async ({ page }) => {
	await openAlone(page);
	await expect(page).toHaveTitle(TITLE);
	const module = course.modules[0]!;
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	const lesson = lessonTitle(module, module.lessons[0]!.id);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson);
	await expect(page).toHaveTitle(`${lesson} · ${TITLE}`);
	for (const [route, heading] of [
		['resources', 'Resources'],
		['handouts', 'Handouts for a person who may be a victim']
	]) {
		await openAlone(page, route!);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
		await expect(page).toHaveTitle(`${heading} · ${TITLE}`);
	}
});

test('submitting with questions unanswered names them, takes focus there and submits nothing', async ({
	page
}) => {
	await launch(page, 'scorm2004');
	const frame = await openAssessment(page);
	await frame.getByRole('button', { name: 'Start the assessment' }).click();
	await frame.getByRole('button', { name: 'Submit the assessment' }).click();
	const error = frame
		.getByRole('alert')
		.filter({ hasText: 'Answer every question before you submit' });
	await expect(error).toBeVisible();
	await expect(error).toBeFocused();
	await expect(error).toContainText(`${course.assessmentSize}`);
	const cmi = await dataModel(page);
	expect(cmi['cmi.score.scaled'] ?? '', 'no score reported').toBe('');
	expect(cmi['cmi.success_status'] ?? 'unknown').toBe('unknown');
});

test('images of text: no content image carries text (words go in the text and alt)', () => {
	const svgs = readdirSync('modules', { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('.svg')
	);
	expect(svgs.length).toBeGreaterThan(0);
	for (const file of svgs) {
		expect(readFileSync(join('modules', file), 'utf8'), file).not.toMatch(/<text[\s>]/);
	}
});
