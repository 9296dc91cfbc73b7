// Keyboard-only driving and focus measurement for tests/keyboard.e2e.ts: Tab until a control has
// focus (failing with the path focus took), answer every question kind and play a scenario with
// keys alone, and read where focus is and what its indicator looks like, in the course's own
// frame or the preview LMS around it.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { initialOrder } from '../src/lib/course/progress.ts';
import type { Module, Question, Scenario } from '../src/lib/course/types.ts';
import { campusContent, content } from './harness.ts';

export type Scope = Page | FrameLocator;
type Text = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The English text of a namespace (a module's, or the campus module's). */
export const textOf = (ns: string): Text =>
	(content.resources.en![ns] ?? campusContent.resources.en![ns]) as Text;

/** Where focus is when it has left the page (the browser's own controls). */
export const OUTSIDE = '(outside the page)';

/** What the probe reports about the focused element. */
export interface Stop {
	/** Frames crossed, then the element: `frame > button "Next"`. */
	where: string;
	/** skip link, link, button, scenario choice, ordering button, radio, checkbox, ... */
	kind: string;
	inMain: boolean;
	/** In the page footer (after main). */
	inFooter?: boolean;
	/** The focus indicator, when asked for. */
	ring?: Ring;
}

/** A focus indicator as computed, and the backgrounds beside it (each a stack, topmost first). */
export interface Ring {
	style: string;
	width: number;
	color: string;
	adjacent: string[][];
	/** The element's whole box is inside the viewport. */
	inView: boolean;
}

interface FocusProbe {
	stop(measure: boolean): Stop;
}

declare global {
	interface Window {
		focusProbe?: FocusProbe;
	}
}

/**
 * Installed in every frame before the page's own scripts (so it is self-contained). It follows
 * focus from the top page down through same-origin frames, names the element, and reads its
 * indicator: the outline (or a box-shadow ring) and, on each side, what is painted just inside
 * and just outside the ring (elementsFromPoint), which is what the ring must stand out from.
 */
function installFocusProbe() {
	const label = (el: Element): string => {
		// A radio group is one Tab stop, whichever of its radios takes focus: name the group.
		if ((el as HTMLInputElement).type === 'radio') return `group ${(el as HTMLInputElement).name}`;
		const own = el.getAttribute('aria-label');
		// A label that wraps a menu holds its options' text too: leave that out.
		const inner = el.tagName === 'SELECT' ? (el.textContent ?? '') : '';
		const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.replace(inner, '');
		return (own ?? labelled ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 48);
	};
	const kind = (el: Element): string => {
		if (el.classList.contains('skip-link')) return 'skip link';
		if (el.closest('.language-picker')) return 'language picker';
		if (el.tagName === 'SELECT') return 'sorting menu';
		if (el.tagName === 'INPUT') return (el as HTMLInputElement).type;
		if (el.tagName === 'BUTTON' && el.hasAttribute('data-move')) return 'ordering button';
		if (el.tagName === 'BUTTON' && el.classList.contains('choice')) return 'scenario choice';
		if (el.tagName === 'SUMMARY') return 'disclosure';
		return { A: 'link', BUTTON: 'button' }[el.tagName] ?? `${el.tagName.toLowerCase()}`;
	};
	const ring = (el: Element): Ring => {
		const view = el.ownerDocument.defaultView!;
		const css = view.getComputedStyle(el);
		let style = css.outlineStyle;
		let width = parseFloat(css.outlineWidth);
		let offset = parseFloat(css.outlineOffset);
		let color = css.outlineColor;
		if (style === 'none' && css.boxShadow !== 'none') {
			// A ring drawn as a box-shadow: "<color> 0px 0px <blur> <spread> [inset]".
			const m =
				/^(rgba?\([^)]*\)) (-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px( inset)?/.exec(
					css.boxShadow
				);
			if (m) {
				style = 'box-shadow';
				color = m[1]!;
				width = Number(m[5]);
				offset = m[6] ? -width : 0;
			}
		}
		const r = el.getBoundingClientRect();
		const w = view.innerWidth;
		const h = view.innerHeight;
		const adjacent: string[][] = [];
		// Just inside the ring (the gap, or the element itself) and just outside it, on each side.
		for (const d of [offset - 1, offset + width + 1]) {
			const cx = (r.left + r.right) / 2;
			const cy = (r.top + r.bottom) / 2;
			for (const [x, y] of [
				[r.left - d, cy],
				[r.right + d, cy],
				[cx, r.top - d],
				[cx, r.bottom + d]
			] as const) {
				if (x < 0 || y < 0 || x >= w || y >= h) continue;
				adjacent.push(
					el.ownerDocument
						.elementsFromPoint(x, y)
						.map((e) => view.getComputedStyle(e).backgroundColor)
				);
			}
		}
		const inView = r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= w && r.bottom <= h;
		return { style, width, color, adjacent, inView };
	};
	window.focusProbe = {
		stop(measure) {
			const top = window.top!.document;
			if (!top.hasFocus()) return { where: '(outside the page)', kind: 'none', inMain: false };
			let doc = top;
			let el = doc.activeElement;
			let where = '';
			while (el?.tagName === 'IFRAME' && (el as HTMLIFrameElement).contentDocument) {
				where += 'frame > ';
				doc = (el as HTMLIFrameElement).contentDocument!;
				el = doc.activeElement;
			}
			if (!el) return { where: `${where}nothing`, kind: 'none', inMain: false };
			const type = (el as HTMLInputElement).type ? `[${(el as HTMLInputElement).type}]` : '';
			where += `${el.tagName.toLowerCase()}${type} "${label(el)}"`;
			const stop: Stop = {
				where,
				kind: kind(el),
				inMain: !!el.closest('main'),
				inFooter: !!el.closest('footer')
			};
			if (measure) stop.ring = ring(el);
			return stop;
		}
	};
}

/** Put the probe in every frame of `page` (call before the first navigation). */
export const installProbe = (page: Page) => page.addInitScript(installFocusProbe);

/** Where focus is now (and, with `measure`, its indicator). */
export const stop = (page: Page, measure = false): Promise<Stop> =>
	page.evaluate((m) => window.focusProbe!.stop(m), measure);

/**
 * Press Tab (Shift+Tab when `backward`) until one of `target`'s elements has focus; returns the
 * presses it took. Fails after `max` presses with the path focus took: a control that Tab never
 * reaches, or a trap that keeps focus from going round the page, both show there.
 */
export async function tabTo(
	page: Page,
	target: Locator,
	options: { backward?: boolean; max?: number } = {}
): Promise<number> {
	const { backward = false, max = 120 } = options;
	const path: string[] = [];
	for (let presses = 0; ; presses++) {
		const now = await target.evaluateAll((els) => ({
			hit: els.some((e) => e === e.ownerDocument.activeElement && e.ownerDocument.hasFocus()),
			where: window.focusProbe!.stop(false).where
		}));
		if (now.hit) return presses;
		path.push(now.where);
		if (presses >= max) {
			throw new Error(
				`${max} presses of ${backward ? 'Shift+Tab' : 'Tab'} never reached ${target}; focus went: ${path.slice(-40).join(' → ')}`
			);
		}
		await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
	}
}

/** Tab to a control and press a key on it (Enter by default). */
export async function activate(page: Page, target: Locator, key = 'Enter') {
	await tabTo(page, target);
	await page.keyboard.press(key);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function pressTimes(page: Page, key: string, times: number) {
	for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/**
 * Give the correct answer to a question inside `scope` with keys alone: arrow keys then Space in
 * a radio group, Space on each checkbox, Enter on Move up (focus follows the item), arrow keys
 * on each sorting menu.
 */
export async function answerByKeys(page: Page, scope: Locator, q: Text, question: Question) {
	if (question.kind === 'order') {
		const current = initialOrder(question);
		for (const [i, item] of question.items.entries()) {
			const name = q.items[item] as string;
			for (let p = current.indexOf(item); p > i; p--) {
				await activate(page, scope.getByRole('button', { name: `Move up: ${name}`, exact: true }));
				[current[p - 1], current[p]] = [current[p]!, current[p - 1]!];
				// Focus stays with the item as it moves (on Move down once it reaches the top).
				await expect(scope.locator('[data-move]:focus')).toHaveAttribute(
					'aria-label',
					new RegExp(`^Move (up|down): ${escapeRe(name)}$`)
				);
				// ...and the move is announced (a polite live region).
				await expect(scope.locator('.visually-hidden[role="status"]')).toHaveText(
					`${name}: now ${p} of ${current.length}.`
				);
			}
		}
		await expect(scope.locator('.order-text')).toHaveText(question.items.map((i) => q.items[i]));
		return;
	}
	if (question.kind === 'match') {
		for (const [i, item] of question.items.entries()) {
			const menu = scope.getByLabel(q.items[item], { exact: true });
			await tabTo(page, menu);
			// The first entry is "Choose a category"; the categories follow in their order.
			const want = question.categories.indexOf(question.key[i]!) + 1;
			const now = await menu.evaluate((s: HTMLSelectElement) => s.selectedIndex);
			await pressTimes(page, want > now ? 'ArrowDown' : 'ArrowUp', Math.abs(want - now));
			await expect(menu).toHaveValue(question.key[i]!);
		}
		return;
	}
	const picks = question.options.filter((o) => o.correct);
	if (question.kind === 'multiple') {
		for (const o of picks) {
			const box = scope.getByRole('checkbox', {
				name: `${o.id.toUpperCase()}. ${q.options[o.id]}`,
				exact: true
			});
			await activate(page, box, 'Space');
			await expect(box).toBeChecked();
		}
		return;
	}
	// A radio group is one Tab stop; arrow keys move through it and check as they go.
	const radios = scope.getByRole('radio');
	await tabTo(page, radios);
	const at = await radios.evaluateAll((els) => els.findIndex((e) => e === document.activeElement));
	const want = question.options.indexOf(picks[0]!);
	await pressTimes(page, want > at ? 'ArrowDown' : 'ArrowUp', Math.abs(want - at));
	await page.keyboard.press('Space');
	await expect(radios.nth(want)).toBeChecked();
}

/**
 * Play `path` through a scenario with keys: Enter on each choice, focus on "What happens", Enter
 * on Continue, focus on the next decision's heading; at the end, focus on the outcome.
 */
export async function playByKeys(
	page: Page,
	scope: Scope,
	module: Module,
	scenario: Scenario,
	path: string[]
) {
	const s = textOf(module.id).scenarios[scenario.id];
	let scene = scenario.start;
	for (const [n, choiceId] of path.entries()) {
		await activate(
			page,
			scope
				.getByRole('group', { name: 'What do you do?' })
				.getByRole('button', { name: s.scenes[scene].choices[choiceId].label, exact: true })
		);
		await expect(scope.getByRole('heading', { name: 'What happens' })).toBeFocused();
		await activate(page, scope.getByRole('button', { name: /^(Continue|See the outcome)$/ }));
		scene = scenario.scenes
			.find((x) => x.id === scene)!
			.choices.find((c) => c.id === choiceId)!.goto;
		const next = n + 1 < path.length ? `Decision ${n + 2}` : /^Outcome:/;
		await expect(scope.getByRole('heading', { name: next })).toBeFocused();
	}
}

/** The screen's h1 has focus and reads `name`. */
export async function expectHeadingFocused(scope: Scope, name: string) {
	const h1 = scope.getByRole('heading', { level: 1 });
	await expect(h1).toHaveText(name);
	await expect(h1).toBeFocused();
}

type Rgba = [number, number, number, number];

/** A computed CSS colour (`rgb()` / `rgba()`, what Chromium returns) as numbers. */
export function parseColor(css: string): Rgba {
	const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(css);
	if (!m) throw new Error(`Cannot read the colour "${css}"`);
	return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** `top` painted over an opaque `under`. */
function over(top: Rgba, under: Rgba): Rgba {
	const a = top[3];
	return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
}

/** What a stack of backgrounds (topmost first) paints, on the white canvas. */
export function paint(stack: string[]): Rgba {
	return stack.reduceRight<Rgba>((under, css) => over(parseColor(css), under), [255, 255, 255, 1]);
}

/** WCAG 2 relative luminance of an opaque sRGB colour. */
export function luminance([r, g, b]: Rgba): number {
	const lin = (v: number) => {
		const c = v / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** The ring's lowest contrast against what is beside it, and what falls short of 3:1 and 2 px. */
export function judgeRing(ring: Ring): { ratio: number; problems: string[] } {
	const problems: string[] = [];
	if (!['solid', 'double', 'dashed', 'dotted', 'box-shadow'].includes(ring.style)) {
		problems.push(`no measurable indicator (outline-style ${ring.style})`);
	}
	if (!(ring.width >= 2)) problems.push(`${ring.width} px wide`);
	if (!ring.adjacent.length) problems.push('nothing beside the ring is in view');
	let ratio = Infinity;
	for (const stack of ring.adjacent) {
		const beside = paint(stack);
		ratio = Math.min(ratio, contrastRatio(over(parseColor(ring.color), beside), beside));
	}
	if (ratio < 3) problems.push(`${ratio.toFixed(2)}:1 against what is beside it`);
	return { ratio, problems };
}
