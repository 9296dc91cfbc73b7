// The course opens from file:// too (some agencies preview a package by unzipping it): the inline
// bundle and the classic-script module text are the only forms that load there.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { course, launch, lessonTitle, moduleTitle } from './harness.ts';

test('opens from file:// and loads a module’s text', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(pathToFileURL(join(process.cwd(), 'build', 'index.html')).href);
	const module = course.modules[0]!;
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		lessonTitle(module, module.lessons[0]!.id)
	);
	expect(errors).toEqual([]);
});

test('a module whose text fails to load says so and loads on retry', async ({ page }) => {
	const frame = await launch(page, 'scorm12');
	let fail = true;
	await page.route('**/content/*.js', (route) => (fail ? route.abort() : route.continue()));
	const module = course.modules[0]!;
	await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	await expect(frame.getByRole('alert')).toContainText('could not load this module');
	fail = false;
	await frame.getByRole('button', { name: 'Try again' }).click();
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
		lessonTitle(module, module.lessons[0]!.id)
	);
	await expect(frame.getByRole('heading', { level: 1 })).toBeFocused();
});
