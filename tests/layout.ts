// What the text-expansion and right-to-left tests share: the course in a language (the
// pseudo-locale build for en-XA and ar-XB, the shipped package otherwise), a learner state kept in
// the browser, answers given by structure (the words change with the language), layout problems
// measured in the page, and screenshots attached for a human to look at.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { isPseudo } from '../src/lib/content/pseudo.ts';
import { encodeState } from '../src/lib/course/codec.ts';
import { emptyState, initialOrder, type LearnerState } from '../src/lib/course/progress.ts';
import type { Question } from '../src/lib/course/types.ts';
import { bundleName, course } from './harness.ts';

/** Where `npm run build:pseudo` writes the course with the pseudo-locales. */
const PSEUDO_BUILD = join(process.cwd(), 'build-pseudo');
/** The pseudo build is served here, from disk, by the test itself. */
const PSEUDO_ORIGIN = 'http://pseudo.test';

/** Serve build-pseudo/ at PSEUDO_ORIGIN for this page (no server: Playwright answers). */
async function servePseudo(page: Page) {
	if (!existsSync(join(PSEUDO_BUILD, 'index.html'))) {
		throw new Error('build-pseudo/ is missing: run npm run build:pseudo (npm test does)');
	}
	await page.route(`${PSEUDO_ORIGIN}/**`, async (route) => {
		const path = new URL(route.request().url()).pathname.replace(/^\/course\//, '');
		const file = join(PSEUDO_BUILD, decodeURIComponent(path) || 'index.html');
		if (!file.startsWith(PSEUDO_BUILD) || !existsSync(file)) return route.fulfill({ status: 404 });
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		await route.fulfill({ body: readFileSync(file), contentType: type });
	});
}
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp'
};

/**
 * Open the course on `route` with `state` kept in the browser, as the course keeps it with no LMS
 * around it: the pseudo build for a pseudo-locale (or `build: 'pseudo'`), else the shipped
 * SCORM 1.2 package at its sub-path in the preview LMS's server.
 */
export async function openWith(
	page: Page,
	options: {
		state: LearnerState;
		route?: string;
		status?: { completion: string; success: string };
		build?: 'pseudo' | 'shipped';
	}
) {
	const { state, route = '' } = options;
	const pseudo = options.build ? options.build === 'pseudo' : isPseudo(state.language);
	let url: string;
	if (pseudo) {
		await servePseudo(page);
		url = `${PSEUDO_ORIGIN}/course/index.html`;
	} else {
		// The player page's settings name the package's address; the player itself is not opened
		// (no LMS around the course, and nothing of the player's in this browser's storage).
		const player = `/player.html?bundle=${encodeURIComponent(bundleName('scorm12'))}`;
		const html = await (await page.request.get(player)).text();
		const config = /<script type="application\/json" id="preview-config">(.*?)<\/script>/s.exec(
			html
		);
		url = new URL(
			JSON.parse(config![1]!).launchUrl,
			new URL(player, test.info().project.use.baseURL)
		).href;
	}
	const report = {
		location: state.location,
		suspendData: encodeState({ state, course }),
		...(options.status ?? { completion: 'incomplete', success: 'unknown' })
	};
	// Kept before the course starts, once: later loads keep what the course itself saved.
	await page.addInitScript(
		({ key, report }) => {
			if (sessionStorage.getItem('seeded')) return;
			sessionStorage.setItem('seeded', '1');
			localStorage.setItem(key, JSON.stringify(report));
		},
		{ key: `course-progress:${course.id}`, report }
	);
	await page.goto(route ? `${url}#/${route}` : url);
	await expect(page.locator('html')).toHaveAttribute('lang', state.language);
	await expect(page.locator('main h1')).toBeVisible();
}

/** A learner in `language` who has done the first lesson of each of `modules` (progress shows). */
export function firstLessonsDone(language: string, modules = course.modules): LearnerState {
	const state = emptyState({ language });
	for (const m of modules) {
		state.modules[m.id] = {
			lessonsDone: [m.lessons[0]!.id],
			attempt: 1,
			answers: {},
			scenarios: {},
			scenariosDone: []
		};
	}
	return state;
}

/** Any complete answer to an assessment item, whatever it is (found by structure, not words). */
export async function answerSomehow(item: Locator) {
	for (const select of await item.locator('.match-item select').all()) {
		await select.selectOption({ index: 1 });
	}
	if (await item.locator('.option input').count()) {
		await item.locator('.option input').first().check();
	}
}

/**
 * Set a question's controls by their place, not their words: the correct answer, or a complete
 * wrong one (an ordering left as first shown is wrong; a sorting with its first item wrong).
 */
export async function answerByPlace(scope: Locator, question: Question, correctly: boolean) {
	if (question.kind === 'order') {
		if (!correctly) return;
		const current = initialOrder(question);
		for (const [i, item] of question.items.entries()) {
			for (let p = current.indexOf(item); p > i; p--) {
				await scope.locator('.order-item').nth(p).locator('[data-move="-1"]').click();
				[current[p - 1], current[p]] = [current[p]!, current[p - 1]!];
			}
		}
		return;
	}
	if (question.kind === 'match') {
		for (const [i, category] of question.key.entries()) {
			const wrong = question.categories.find((c) => c !== category)!;
			await scope
				.locator('.match-item select')
				.nth(i)
				.selectOption(correctly || i > 0 ? category : wrong);
		}
		return;
	}
	const inputs = scope.locator('.option input');
	const picks = correctly
		? question.options.filter((o) => o.correct)
		: [question.options.find((o) => !o.correct)!];
	for (const o of picks) await inputs.nth(question.options.indexOf(o)).check();
}

/** What is wrong with the layout on screen: clipped text, overlapping controls, sideways scroll. */
export interface LayoutProblems {
	clipped: string[];
	overlapping: string[];
	/** CSS pixels the page scrolls sideways. */
	sideways: number;
}

/** Measure the layout problems of the current screen (see LayoutProblems). */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
	return page.evaluate(() => {
		const name = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 50)}"`;
		const shown = (el: Element) =>
			el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
			!el.closest('.visually-hidden') &&
			el.getBoundingClientRect().width > 1 &&
			el.getBoundingClientRect().height > 1;
		const clipped: string[] = [];
		// Text cut off by its box: a box that hides overflow and has more content than room, or a
		// control or heading whose own text runs past its edges.
		const controls =
			'button, .button, select, summary, label, legend, h1, h2, h3, h4, th, td, .tag';
		for (const el of document.body.querySelectorAll('*')) {
			if (!shown(el) || !(el.textContent ?? '').trim()) continue;
			const style = getComputedStyle(el);
			const hides = /hidden|clip/.test(style.overflowX + style.overflowY);
			const over = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
			if (style.display !== 'inline' && over && (hides || el.matches(controls))) {
				clipped.push(
					`${name(el)} (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`
				);
			}
		}
		// A menu shows its chosen line in its own width: every option must fit in it.
		for (const select of document.querySelectorAll('select')) {
			// A customizable select (appearance: base-select) wraps its text: measured as a control.
			if (!shown(select) || getComputedStyle(select).appearance === 'base-select') continue;
			const probe = select.cloneNode(true) as HTMLSelectElement;
			probe.style.cssText =
				'position:absolute;visibility:hidden;max-inline-size:none;inline-size:auto';
			select.after(probe);
			const needed = probe.getBoundingClientRect().width;
			probe.remove();
			const width = select.getBoundingClientRect().width;
			if (needed > width + 1)
				clipped.push(
					`${name(select)} (options need ${Math.round(needed)} px, ${Math.round(width)} px given)`
				);
		}
		// Controls and headings that cover one another (each line box of a wrapped link on its own).
		const targets = [
			...document.body.querySelectorAll(
				'a, button, input, select, textarea, summary, h1, h2, h3, h4, legend, .tag, [role="progressbar"]'
			)
		].filter(shown);
		const overlapping: string[] = [];
		targets.forEach((a, i) => {
			for (const b of targets.slice(i + 1)) {
				if (a.contains(b) || b.contains(a)) continue;
				const hit = [...a.getClientRects()].some((r) =>
					[...b.getClientRects()].some(
						(s) =>
							Math.min(r.right, s.right) - Math.max(r.left, s.left) > 1 &&
							Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > 1
					)
				);
				if (hit) overlapping.push(`${name(a)} covers ${name(b)}`);
			}
		});
		const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
		return { clipped, overlapping, sideways };
	});
}

/**
 * A full-page screenshot for a human to look at, attached to the report: the file is in the
 * test's attachments folder under test-results/ (JPEG, small enough to keep them all).
 */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
	// Written to a file, not held in the report (the JSON report would carry every image inline).
	const path = testInfo.outputPath(`${name}.jpg`);
	await page.screenshot({ path, fullPage: true, type: 'jpeg', quality: 50 });
	await testInfo.attach(`${name}.jpg`, { path, contentType: 'image/jpeg' });
	rmSync(path);
}
