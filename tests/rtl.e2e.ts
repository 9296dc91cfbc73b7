// Right to left: every screen type measured in English, then in a right-to-left language, on the
// same page (the language picker switches). The html is dir=rtl; the header, the title, the
// progress bars and the step buttons sit mirrored; the marks that point along the line are
// mirrored (disclosure triangles, progress fills, callout and case accents, option controls); the
// Arabic handout is right to left whatever the interface. Screenshots are attached; geometry is
// asserted (no pixel comparison: fonts differ between machines).
//
// ar-XB (English written right to left, from the pseudo build) is measured to the pixel: its text
// has English's widths, so every box must sit where the English one sits, mirrored. Arabic, once
// `ar` is in course.yaml's languages, runs the same screens on the shipped package, where the
// words differ in width: each box must be on the mirrored side.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { isPseudo } from '../src/lib/content/pseudo.ts';
import { PASSED_ASSESSMENT, allModulesDone, bestPath, course, goTo } from './harness.ts';
import { answerSomehow, attachScreenshot, firstLessonsDone, openWith } from './layout.ts';

const RTL_LANGUAGES = ['ar-XB', ...course.languages.filter((l) => l === 'ar')];
/** How far (CSS px) a pseudo-locale box may sit from the mirror image of the English one. */
const SLACK = 4;

interface Box {
	left: number;
	right: number;
	top: number;
	width: number;
}
/** What is measured on a screen; null where the screen has no such thing. */
interface Measures {
	width: number;
	dir: string;
	/** The header's content box, the course title's text in it, the Exit button. */
	header: Box;
	brand: Box;
	exit: Box | null;
	/** The main column, the page title's box and its text (not a handout's: it has its own dir). */
	main: Box;
	h1: Box | null;
	h1Text: Box | null;
	/** Progress bars: the header's track and fill, and each module card's. */
	progress: { track: Box; fill: Box }[];
	previous: Box | null;
	next: Box | null;
	/** A closed disclosure: its box and its text (the triangle sits at the line's start). */
	summary: { box: Box; text: Box } | null;
	/** Accent borders (callouts, cases): left and right widths. */
	accents: { left: number; right: number }[];
	/** An answer option: its control and its words. */
	option: { input: Box; text: Box } | null;
	/** A bulleted list: its left and right padding (the bullets' side). */
	list: { left: number; right: number } | null;
	/** A table header cell: its box and its text. */
	th: { box: Box; text: Box } | null;
	/** The handout on screen: its direction, its box, its first paragraph's text. */
	handout: { dir: string; direction: string; box: Box; text: Box } | null;
	/** Isolated facts (LRI or FSI … PDI) on one line: the boxes of their first and last characters. */
	facts: { value: string; first: Box; last: Box }[];
}

function measure(page: Page): Promise<Measures> {
	return page.evaluate(() => {
		const box = (r: DOMRect) => ({ left: r.left, right: r.right, top: r.top, width: r.width });
		const content = (el: Element) => {
			const r = el.getBoundingClientRect();
			const s = getComputedStyle(el);
			const l = parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth);
			const rr = parseFloat(s.paddingRight) + parseFloat(s.borderRightWidth);
			return { left: r.left + l, right: r.right - rr, top: r.top, width: r.width - l - rr };
		};
		const text = (el: Element) => {
			const range = document.createRange();
			range.selectNodeContents(el);
			return box(range.getBoundingClientRect());
		};
		const one = (selector: string) => {
			const el = document.querySelector(selector);
			return el && el.getBoundingClientRect().width > 0 ? el : null;
		};
		const at = (selector: string) => {
			const el = one(selector);
			return el ? box(el.getBoundingClientRect()) : null;
		};
		const summary = one('main details:not([open]) > summary');
		const option = one('main label.option');
		const list = one('main ul:not([class]):not(.handout *)');
		const h1 = one('main h1:not(.handout *)');
		const th = one('main th');
		const handout = one('article.handout');
		return {
			width: document.documentElement.clientWidth,
			dir: document.documentElement.dir,
			header: content(one('.header-inner')!),
			brand: text(one('.brand')!),
			exit: at('.site-header button'),
			main: content(one('main')!),
			h1: h1 && content(h1),
			h1Text: h1 && text(h1),
			progress: [...document.querySelectorAll('.progress-track')].map((t) => ({
				track: content(t),
				fill: box(t.querySelector('.progress-fill')!.getBoundingClientRect())
			})),
			previous: at('.step-nav > a'),
			next: at('.step-nav > button'),
			summary: summary && { box: content(summary), text: text(summary) },
			accents: [
				...document.querySelectorAll('main .callout-important, main .callout-warning, main .case')
			].map((el) => ({
				left: parseFloat(getComputedStyle(el).borderLeftWidth),
				right: parseFloat(getComputedStyle(el).borderRightWidth)
			})),
			option: option && {
				input: box(option.querySelector('input')!.getBoundingClientRect()),
				text: text(option.querySelector('span')!)
			},
			list: list && {
				left: parseFloat(getComputedStyle(list).paddingLeft),
				right: parseFloat(getComputedStyle(list).paddingRight)
			},
			th: th && { box: content(th), text: text(th) },
			handout: handout && {
				dir: handout.getAttribute('dir') ?? '',
				direction: getComputedStyle(handout).direction,
				box: content(handout),
				text: text(handout.querySelector('p:not(.handout-language)') ?? handout)
			},
			facts: [...document.querySelectorAll('main p, main li')].flatMap((el) => {
				const node = [...el.childNodes].find(
					(n) => n.nodeType === 3 && /[\u2066\u2068]/.test(n.textContent!)
				);
				const value = node?.textContent ?? '';
				const from = value.search(/[\u2066\u2068]/) + 1;
				const to = value.indexOf('\u2069', from) - 1;
				if (!node || to <= from) return [];
				const char = (i: number) => {
					const range = document.createRange();
					range.setStart(node, i);
					range.setEnd(node, i + 1);
					return box(range.getBoundingClientRect());
				};
				const [first, last] = [char(from), char(to)];
				return Math.abs(first.top - last.top) < 4
					? [{ value: value.slice(from, to + 1), first, last }]
					: [];
			})
		};
	});
}

/** Switch the interface language with the picker and wait for the screen in it. */
async function switchTo(page: Page, language: string, ready: string) {
	await page.locator('.language-picker select').selectOption(language);
	await expect(page.locator('html')).toHaveAttribute('lang', language);
	await expect(page.locator(ready).first()).toBeVisible();
	await page.evaluate(() => document.fonts.ready);
}

type Dir = 'ltr' | 'rtl';
type Part =
	'progress' | 'steps' | 'summary' | 'accents' | 'option' | 'list' | 'th' | 'exit' | 'facts';
/** How far a box sits from the line start of its container: the left in ltr, the right in rtl. */
const fromStart = (inner: Box, outer: Box, dir: Dir) =>
	dir === 'ltr' ? inner.left - outer.left : outer.right - inner.right;
/** Whether `a` comes before `b` along a line in that direction. */
const before = (a: Box, b: Box, dir: Dir) =>
	dir === 'ltr' ? a.right <= b.left + 0.5 : a.left >= b.right - 0.5;

/** Left edge from the left in one direction against right edge from the right in the other. */
function expectMirrored(ltr: Box, rtl: Box, width: number, what: string) {
	const place = Math.abs(ltr.left - (width - rtl.right));
	expect.soft(place, `${what}: mirrored place`).toBeLessThan(SLACK);
	expect.soft(Math.abs(ltr.width - rtl.width), `${what}: same width`).toBeLessThan(SLACK);
}

/** What must hold in either direction: each thing on the side where the line starts. */
function expectFromLineStart(m: Measures, dir: Dir, screen: string) {
	const at = (what: string) => `${screen} (${dir}): ${what}`;
	expect(m.dir, at('html dir')).toBe(dir);
	const start = (inner: Box, outer: Box) => Math.abs(fromStart(inner, outer, dir));
	expect.soft(start(m.brand, m.header), at('course title at the line start')).toBeLessThan(2);
	if (m.h1 && m.h1Text) {
		expect.soft(start(m.h1Text, m.h1), at('heading at the line start')).toBeLessThan(2);
	}
	if (m.exit && Math.abs(m.exit.top - m.brand.top) < 30) {
		expect.soft(before(m.brand, m.exit, dir), at('Exit after the title')).toBe(true);
	} else if (m.exit) {
		// A narrow header wraps: Exit then starts a row of its own.
		expect.soft(start(m.exit, m.header), at('Exit starts its row')).toBeLessThan(2);
	}
	for (const [i, { track, fill }] of m.progress.entries()) {
		if (fill.width < 1) continue;
		expect
			.soft(start(fill, track), at(`progress bar ${i} fills from the line start`))
			.toBeLessThan(1);
	}
	if (m.next && m.previous) {
		expect.soft(before(m.previous, m.next, dir), at('Next after Previous')).toBe(true);
	}
	if (m.summary) {
		// The disclosure triangle takes the line start, before the words.
		const gap = fromStart(m.summary.text, m.summary.box, dir);
		expect.soft(gap, at('disclosure triangle before the words')).toBeGreaterThan(6);
	}
	for (const [i, a] of m.accents.entries()) {
		const startSide = dir === 'ltr' ? a.left > a.right : a.right > a.left;
		expect.soft(startSide, at(`accent border ${i} on the line-start side`)).toBe(true);
	}
	if (m.option) {
		const first = before(m.option.input, m.option.text, dir);
		expect.soft(first, at('an option control before its words')).toBe(true);
	}
	if (m.list) {
		const bullets = dir === 'ltr' ? m.list.left > m.list.right : m.list.right > m.list.left;
		expect.soft(bullets, at('list bullets on the line-start side')).toBe(true);
	}
	if (m.th)
		expect.soft(start(m.th.text, m.th.box), at('table header at the line start')).toBeLessThan(2);
	for (const f of m.facts) {
		// A number or a statute reads left to right inside right-to-left text, kept whole; a value
		// whose first letter is Arabic ("24 ساعة") reads right to left.
		const letter = /[A-Za-z\u00c0-\u024f\u0590-\u08ff]/.exec(f.value)?.[0] ?? 'a';
		const ltr = !/[\u0590-\u08ff]/.test(letter);
		const order = ltr ? f.last.left - f.first.left : f.first.left - f.last.left;
		expect.soft(order, at(`"${f.value}" in its own order`)).toBeGreaterThan(0);
	}
}

/** Both directions of one screen measured, compared, and shown in the report. */
async function compare(
	page: Page,
	testInfo: TestInfo,
	options: { rtl: string; screen: string; ready: string; has?: Part[] }
) {
	const { rtl, screen, ready, has = [] } = options;
	await expect(page.locator(ready).first()).toBeVisible();
	const l = await measure(page);
	await switchTo(page, rtl, ready);
	const r = await measure(page);
	await attachScreenshot(page, testInfo, `${rtl}-${screen.replaceAll(' ', '-')}`);
	await switchTo(page, 'en', ready);
	// The parts this screen is there to show are measured (a check of nothing would pass).
	for (const part of has.filter((p) => p !== 'facts')) {
		const found = (m: Measures) =>
			part === 'progress'
				? m.progress.some((p) => p.fill.width >= 1)
				: part === 'steps'
					? !!m.next && !!m.previous
					: part === 'accents'
						? m.accents.length > 0
						: !!m[part];
		expect([found(l), found(r)], `${screen}: ${part} in both directions`).toEqual([true, true]);
	}
	if (has.includes('facts')) expect(r.facts.length, `${screen}: isolated facts`).toBeGreaterThan(0);
	expectFromLineStart(l, 'ltr', screen);
	expectFromLineStart(r, 'rtl', screen);
	// The same things on both sides (a screen's parts do not depend on the language).
	const say = (what: string) => `${screen}: ${what}`;
	expect([!!r.h1, r.progress.length, r.accents.length], say('the same parts')).toEqual([
		!!l.h1,
		l.progress.length,
		l.accents.length
	]);
	if (!isPseudo(rtl)) return;
	// The pseudo-locale has English's widths: every box is the English one's mirror image.
	expectMirrored(l.brand, r.brand, l.width, say('course title'));
	if (l.h1Text && r.h1Text) expectMirrored(l.h1Text, r.h1Text, l.width, say('heading'));
	expectMirrored(l.main, r.main, l.width, say('main column'));
	if (l.exit && r.exit) expectMirrored(l.exit, r.exit, l.width, say('Exit'));
	for (const [i, p] of l.progress.entries()) {
		expectMirrored(p.track, r.progress[i]!.track, l.width, say(`progress ${i}`));
	}
	if (l.next && r.next) expectMirrored(l.next, r.next, l.width, say('Next'));
	if (l.previous && r.previous) expectMirrored(l.previous, r.previous, l.width, say('Previous'));
}

/** A learner who has done the first lesson of each module (every progress bar shows some). */
const started = () => firstLessonsDone('en');

const module = course.modules[0]!;
/** A lesson of Module 1 with an answer option, a reveal and an accented callout. */
const lesson = module.lessons.find(
	(l) =>
		l.blocks.some((b) => b.type === 'reveal') &&
		l.blocks.some((b) => b.type === 'question') &&
		l.blocks.some((b) => b.type === 'callout' && b.tone !== 'info')
)!;
const scenario = module.scenarios[0]!;

for (const rtl of RTL_LANGUAGES) {
	const build = isPseudo(rtl) ? 'pseudo' : 'shipped';
	test.describe(`right to left: ${rtl}`, () => {
		test.beforeEach(async ({ page }) => page.setViewportSize({ width: 1280, height: 800 }));

		test('home, lesson, scenario scene, consequence and debrief, exit', async ({
			page
		}, testInfo) => {
			test.setTimeout(180_000);
			await openWith(page, { state: started(), build });
			await compare(page, testInfo, {
				rtl,
				screen: 'home',
				ready: '.module-list',
				has: ['progress', 'summary', 'list', 'exit']
			});
			await goTo(page, `m/${module.id}/l/${lesson.id}`);
			await compare(page, testInfo, {
				rtl,
				screen: 'lesson',
				ready: 'form.check',
				has: ['steps', 'summary', 'accents', 'option', 'facts']
			});
			await goTo(page, `m/${module.id}/s/${scenario.id}`);
			await compare(page, testInfo, {
				rtl,
				screen: 'scenario scene',
				ready: '.scene .choice',
				has: ['steps']
			});
			await page.locator('.scene .choice').first().click();
			await compare(page, testInfo, { rtl, screen: 'scenario consequence', ready: '.consequence' });
			await page.locator('.site-header button').click();
			await compare(page, testInfo, { rtl, screen: 'exit', ready: 'main h1' });
		});

		test('scenario debrief', async ({ page }, testInfo) => {
			const state = started();
			state.modules[module.id]!.scenarios[scenario.id] = bestPath(scenario);
			await openWith(page, { state, build, route: `m/${module.id}/s/${scenario.id}` });
			await compare(page, testInfo, {
				rtl,
				screen: 'scenario debrief',
				ready: '.debrief',
				has: ['steps', 'progress']
			});
		});

		test('final assessment: start, items, results', async ({ page }, testInfo) => {
			test.setTimeout(120_000);
			const state = { ...allModulesDone(), location: 'assessment' };
			await openWith(page, { state, build, route: 'assessment' });
			await compare(page, testInfo, {
				rtl,
				screen: 'assessment start',
				ready: 'main button.button'
			});
			await page.locator('main button.button').click();
			const items = page.locator('form.assessment .assessment-items > li');
			await compare(page, testInfo, {
				rtl,
				screen: 'assessment items',
				ready: 'form.assessment',
				has: ['option']
			});
			for (const item of await items.all()) await answerSomehow(item);
			await page.locator('form.assessment button[type="submit"]').click();
			await compare(page, testInfo, {
				rtl,
				screen: 'assessment results',
				ready: '.results-table',
				has: ['th']
			});
		});

		test('resources, pocket card, certificate, handouts; the Arabic handout right to left', async ({
			page
		}, testInfo) => {
			test.setTimeout(120_000);
			const state = { ...allModulesDone(), assessment: PASSED_ASSESSMENT };
			await openWith(page, {
				state,
				build,
				status: { completion: 'completed', success: 'passed' }
			});
			for (const [route, ready] of [
				['resources', '.glossary'],
				['card', '.pocket-card'],
				['certificate', '.certificate'],
				['handouts', '.handout-list']
			] as const) {
				await goTo(page, route);
				await compare(page, testInfo, { rtl, screen: route, ready });
			}
			// Each handout keeps its own direction, whatever the interface's.
			for (const [language, dir] of [
				['ar', 'rtl'],
				['en', 'ltr']
			] as const) {
				await goTo(page, `handouts/${language}`);
				await compare(page, testInfo, {
					rtl,
					screen: `handout ${language}`,
					ready: 'article.handout'
				});
				for (const ui of ['en', rtl]) {
					await switchTo(page, ui, 'article.handout');
					const { handout } = await measure(page);
					expect(handout, `the ${language} handout in ${ui}`).toMatchObject({
						dir,
						direction: dir
					});
					const edge =
						dir === 'rtl'
							? handout!.box.right - handout!.text.right
							: handout!.text.left - handout!.box.left;
					expect
						.soft(
							Math.abs(edge),
							`the ${language} handout's text starts at its ${dir === 'rtl' ? 'right' : 'left'} (${ui})`
						)
						.toBeLessThan(2);
				}
				await switchTo(page, 'en', 'article.handout');
			}
		});
	});
}
