// Reflow and display preferences on every screen type and state (the walk of tests/a11y-walk.ts):
// no sideways scrolling at 320 CSS px nor at 400 % zoom (WCAG 1.4.10); the WCAG 1.4.12 text
// spacing clips no text and makes no controls overlap; with reduced motion nothing moves; forced
// colours keep progress visible; no time limit ends or moves anything. Text contrast is axe's
// color-contrast rule, in normal and forced-colours modes (tests/a11y-matrix.e2e.ts).
import { expect, test, type Page } from '@playwright/test';
import { allModulesDone, assessmentItems, course, fillAnswer, openAlone } from './harness.ts';
import { axTree } from './a11y-tree.ts';
import { openAttemptInProgress, reopenWith, textOf, uiOf, walk, type Stop } from './a11y-walk.ts';

const lang = course.defaultLanguage;

/** WCAG 1.4.12's text-spacing values, as the W3C-cited bookmarklet sets them. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
	word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

type Finding = 'sideways' | 'clipped' | 'motion';

/**
 * In the page: what is wrong with the layout. `sideways`: the page, or a visible element, past
 * the viewport's sides. `clipped`: text cut off by its box or spilling out of a fixed-size one,
 * and controls whose boxes overlap. `motion`: transitions, animations or smooth scrolling longer
 * than 0.01 s. Content hidden for screen readers only (1 px boxes) is not looked at.
 */
function layoutProblems(finding: Finding): string[] {
	const found: string[] = [];
	const describe = (el: Element) =>
		`<${el.localName} class="${el.getAttribute('class') ?? ''}"> "${el.textContent?.trim().slice(0, 40)}"`;
	const srOnly = (el: Element) => {
		for (let e: Element | null = el; e; e = e.parentElement) {
			const r = e.getBoundingClientRect();
			const style = getComputedStyle(e);
			const cut = style.overflow !== 'visible' || style.clipPath !== 'none';
			if (r.width <= 1 && r.height <= 1 && cut) return true;
		}
		return false;
	};
	const all = [...document.querySelectorAll('body *')];
	const shown = (el: Element) => {
		const r = el.getBoundingClientRect();
		return (
			r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !srOnly(el)
		);
	};
	if (finding === 'sideways') {
		const width = document.documentElement.clientWidth;
		const { scrollWidth } = document.documentElement;
		if (scrollWidth > width) found.push(`the page scrolls sideways: ${scrollWidth} > ${width} px`);
		for (const el of all.filter(shown)) {
			const r = el.getBoundingClientRect();
			if (r.right > width + 1 || r.left < -1)
				found.push(
					`${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} of ${width} px`
				);
		}
	}
	if (finding === 'clipped') {
		const clips = (v: string) => v === 'hidden' || v === 'clip';
		for (const el of all) {
			if (!el.textContent?.trim() || !shown(el)) continue;
			const style = getComputedStyle(el);
			const wide = el.scrollWidth > el.clientWidth + 1;
			const tall = el.scrollHeight > el.clientHeight + 1;
			if (
				(clips(style.overflowX) && wide) ||
				(clips(style.overflowY) && tall) ||
				(style.textOverflow === 'ellipsis' && wide)
			)
				found.push(`text clipped: ${describe(el)}`);
			// A box of fixed size that its text spills out of (auto-sized boxes grow with it).
			else if (
				style.display !== 'inline' &&
				style.overflowY === 'visible' &&
				el.clientHeight > 0 &&
				tall
			)
				found.push(`text spills out of its box: ${describe(el)}`);
		}
		const controls = [
			...document.querySelectorAll('a[href], button, input, select, textarea, summary')
		].filter(shown);
		for (const [i, a] of controls.entries()) {
			for (const b of controls.slice(i + 1)) {
				if (a.contains(b) || b.contains(a)) continue;
				const p = a.getBoundingClientRect();
				const q = b.getBoundingClientRect();
				const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
				const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
				if (x > 1 && y > 1) found.push(`controls overlap: ${describe(a)} and ${describe(b)}`);
			}
		}
	}
	if (finding === 'motion') {
		const seconds = (list: string) =>
			Math.max(
				...list
					.split(',')
					.map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v)))
			);
		for (const el of [document.documentElement, ...all]) {
			for (const pseudo of [null, '::before', '::after']) {
				const style = getComputedStyle(el, pseudo);
				const what = `<${el.localName} class="${el.getAttribute('class') ?? ''}">${pseudo ?? ''}`;
				if (style.transitionProperty !== 'none' && seconds(style.transitionDuration) > 0.01)
					found.push(`${what}: transition ${style.transitionProperty} ${style.transitionDuration}`);
				if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01)
					found.push(`${what}: animation ${style.animationName} ${style.animationDuration}`);
				if (style.scrollBehavior === 'smooth') found.push(`${what}: smooth scrolling`);
			}
		}
		for (const a of document.getAnimations()) {
			const duration = Number(a.effect?.getComputedTiming().duration ?? 0);
			if (duration > 10) found.push(`an animation of ${duration} ms is running`);
		}
	}
	return found.slice(0, 10);
}

async function expectNo(page: Page, finding: Finding, where: string) {
	expect.soft(await page.evaluate(layoutProblems, finding), where).toEqual([]);
}

test.describe('reflow', () => {
	for (const language of course.languages) {
		test(`no sideways scrolling at 320 CSS px on any screen (${language})`, async ({ page }) => {
			test.setTimeout(180_000);
			await page.setViewportSize({ width: 320, height: 800 });
			await walk(page, language, ({ name }: Stop) =>
				expectNo(page, 'sideways', `sideways overflow at 320 px on ${name}`)
			);
		});
	}

	test.describe('at 400 % zoom', () => {
		// Browser zoom scales the CSS pixel: a 1280 x 800 window at 400 % lays out 320 x 200 CSS px
		// with 4 device pixels to each, and media queries see 320 px. That is this viewport and scale
		// factor. CSS `zoom` leaves the viewport and media queries at 1280 px, and CDP
		// Emulation.setPageScaleFactor is pinch zoom, which magnifies without reflowing.
		test.use({ viewport: { width: 320, height: 200 }, deviceScaleFactor: 4 });
		test(`no sideways scrolling on any screen (${lang})`, async ({ page }) => {
			test.setTimeout(180_000);
			let checked = false;
			await walk(page, lang, async ({ name }: Stop) => {
				if (!checked) {
					checked = true;
					const seen = await page.evaluate(() => ({
						width: innerWidth,
						ratio: devicePixelRatio,
						narrow: matchMedia('(max-width: 320px)').matches
					}));
					expect(seen).toEqual({ width: 320, ratio: 4, narrow: true });
				}
				await expectNo(page, 'sideways', `sideways overflow at 400 % zoom on ${name}`);
			});
		});
	});
});

test.describe('text spacing (WCAG 1.4.12)', () => {
	for (const width of [1280, 320]) {
		test(`no text clipped and no controls overlapping at ${width} px (${lang})`, async ({
			page
		}) => {
			test.setTimeout(180_000);
			await page.setViewportSize({ width, height: 800 });
			// On every document the walk opens, before the course's own styles apply.
			await page.addInitScript((css) => {
				const add = () => {
					const style = document.createElement('style');
					style.dataset.textSpacing = '';
					style.textContent = css;
					document.head.append(style);
				};
				if (document.head) add();
				else document.addEventListener('DOMContentLoaded', add);
			}, TEXT_SPACING);
			await walk(page, lang, async ({ name }: Stop) => {
				await expect(page.locator('style[data-text-spacing]')).toHaveCount(1);
				await expectNo(page, 'clipped', `text spacing on ${name}`);
				if (width === 320) await expectNo(page, 'sideways', `text spacing at 320 px on ${name}`);
			});
		});
	}
});

test(`with reduced motion nothing moves on any screen (${lang})`, async ({ page }) => {
	test.setTimeout(180_000);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await walk(page, lang, async ({ name }: Stop) => {
		expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
			true
		);
		await expectNo(page, 'motion', `motion on ${name}`);
	});
});

test('forced colours: the progress bars keep their fill', async ({ page }) => {
	await page.emulateMedia({ forcedColors: 'active' });
	await openAlone(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const [module] = course.modules;
	const state = { ...allModulesDone(), language: lang };
	state.modules = { [module!.id]: { ...state.modules[module!.id]!, scenariosDone: [] } };
	await reopenWith(page, state, { completion: 'incomplete', success: 'unknown' });
	const fills = await page.locator('.progress-fill').evaluateAll((els) => {
		const probe = document.body.appendChild(document.createElement('div'));
		probe.style.background = 'Canvas';
		const canvas = getComputedStyle(probe).backgroundColor;
		probe.remove();
		return els
			.filter((el) => el.getBoundingClientRect().width > 0)
			.map((el) => ({
				bar: el.parentElement!.getAttribute('aria-label'),
				fill: getComputedStyle(el).backgroundColor,
				canvas
			}));
	});
	expect(fills.length, 'progress bars with a fill').toBeGreaterThan(0);
	for (const { bar, fill, canvas } of fills)
		expect(fill, `${bar}: fill against Canvas`).not.toBe(canvas);
});

test('no time limits: four idle hours in the assessment end, move or lose nothing', async ({
	page
}) => {
	const ui = uiOf(lang);
	await page.clock.install();
	const items = await openAttemptInProgress(page, lang);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.assessment.title);
	const bank = assessmentItems();
	const rows = page.locator('form.assessment .assessment-items > li');
	const first = bank.get(items[0]!)!;
	await fillAnswer(
		rows.first(),
		textOf(lang, first.module.id).assessment[first.question.id],
		first.question,
		true,
		ui.check
	);
	const before = await page.evaluate(() => ({
		hash: location.hash,
		html: document.querySelector('main')!.innerHTML
	}));
	await page.clock.fastForward('04:00:00');
	const after = await page.evaluate(() => ({
		hash: location.hash,
		html: document.querySelector('main')!.innerHTML
	}));
	expect(after, 'the screen four hours later').toEqual(before);
	expect(
		(await axTree(page)).filter((n) => n.role === 'timer'),
		'timers'
	).toEqual([]);
	await expect(page.locator('main')).not.toContainText(/\b\d{1,2}:\d{2}\b/);
	for (const [i, id] of items.entries()) {
		const { module, question } = bank.get(id)!;
		if (i > 0)
			await fillAnswer(
				rows.nth(i),
				textOf(lang, module.id).assessment[id],
				question,
				true,
				ui.check
			);
	}
	await page.getByRole('button', { name: ui.assessment.submit }).click();
	await expect(page.getByRole('heading', { name: ui.assessment.yourScore })).toBeVisible();
});
