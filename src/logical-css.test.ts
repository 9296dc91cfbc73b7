// A lint for right-to-left: the course's CSS uses logical properties (margin-inline-start,
// inset-inline-end, text-align: start...), which mirror with `dir`, never physical left/right ones.
// A justified exception carries `/* physical: <why> */` on its line or the line before.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The logical property to use instead of a physical one. */
const LOGICAL: [RegExp, string][] = [
	[/^(margin|padding|scroll-margin|scroll-padding)-left$/, '$1-inline-start'],
	[/^(margin|padding|scroll-margin|scroll-padding)-right$/, '$1-inline-end'],
	[/^border-left(-.+)?$/, 'border-inline-start$1'],
	[/^border-right(-.+)?$/, 'border-inline-end$1'],
	[/^border-(top|bottom)-left-radius$/, 'border-$1-start-radius (in ltr; -end in rtl)'],
	[/^border-(top|bottom)-right-radius$/, 'border-$1-end-radius (in ltr; -start in rtl)'],
	[/^left$/, 'inset-inline-start'],
	[/^right$/, 'inset-inline-end']
];
/** Shorthands whose four values go top, right, bottom, left. */
const FOUR_SIDES =
	/^(margin|padding|inset|scroll-margin|scroll-padding|border-(width|style|color))$/;

interface Finding {
	line: number;
	declaration: string;
	fix: string;
}

/** Physical left/right declarations in CSS text, skipping those marked `physical: <why>`. */
function findPhysical(css: string): Finding[] {
	const lines = css.split('\n');
	const allowed = (line: number) =>
		[lines[line - 1], lines[line - 2]].some((l) => /physical:\s*\S/.test(l ?? ''));
	// Comments out, keeping their line breaks so line numbers stay true.
	const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
	const found: Finding[] = [];
	// A declaration follows `{` or `;` (or starts a style attribute) and ends at `;` or `}`.
	for (const m of text.matchAll(/(?:^|[{;])\s*(-?[a-z][a-z-]*)\s*:\s*([^;{}]*?)\s*(?=[;}]|$)/g)) {
		const [, property = '', value = ''] = m;
		const line = text.slice(0, m.index + m[0].length).split('\n').length;
		const fix = fixFor(property, value.replace(/(["'])(?:(?!\1).)*\1|url\([^)]*\)/g, ''));
		if (fix && !allowed(line)) found.push({ line, declaration: `${property}: ${value}`, fix });
	}
	return found;
}

function fixFor(property: string, value: string): string | undefined {
	for (const [physical, logical] of LOGICAL) {
		if (physical.test(property)) return `use ${property.replace(physical, logical)}`;
	}
	if (/\b(left|right)\b/.test(value)) {
		return property.startsWith('text-align') || /^(float|clear)$/.test(property)
			? `use ${property}: ${value.replace(/\bleft\b/g, 'start').replace(/\bright\b/g, 'end')}`
			: 'use a logical value (start, end, inline-start, inline-end)';
	}
	const parts = value.split(/\s+/).filter(Boolean);
	if (FOUR_SIDES.test(property) && parts.length === 4 && parts[1] !== parts[3]) {
		return `use ${property}-block and ${property}-inline (right and left differ)`;
	}
	if (property === 'border-radius' && parts.length > 1 && !value.includes('/')) {
		const [a, b = a, c = a, d = b] = parts;
		if (a !== b || c !== d) return 'use border-start-start-radius and its siblings';
	}
	return undefined;
}

/** The CSS of a Svelte file, each piece on its own line: <style> blocks, style="..." and style:. */
function svelteCss(source: string): string {
	const blank = (s: string) => s.replace(/[^\n]/g, ' ');
	const pattern = /(<style[^>]*>)([\s\S]*?)<\/style>|\bstyle="([^"]*)"|\bstyle:([a-z-]+)/g;
	let css = '';
	let at = 0;
	for (const m of source.matchAll(pattern)) {
		css += blank(source.slice(at, m.index));
		if (m[2] !== undefined) css += blank(m[1]!) + m[2];
		else if (m[3] !== undefined) css += `;${m[3]};`;
		else css += `;${m[4]}: x;`;
		at = m.index + m[0].length;
	}
	return css + blank(source.slice(at));
}

function filesUnder(dir: string, ext: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith(ext))
		.map((f) => join(dir, f));
}

describe('the finder', () => {
	it('finds physical properties, values and asymmetric shorthands, with the logical fix', () => {
		const css = [
			'.a { margin-left: 1rem; padding-right: 2px }',
			'.b {',
			'  border-left: 4px solid red;',
			'  text-align: right;',
			'  float: left;',
			'  left: 0;',
			'  margin: 0 1rem 0 2rem;',
			'  border-radius: 4px 0 0 4px;',
			'}',
			'.c:hover { color: red }',
			'@media print { .d { right: 0 } }'
		].join('\n');
		expect(findPhysical(css).map((f) => `${f.line} ${f.declaration} → ${f.fix}`)).toEqual([
			'1 margin-left: 1rem → use margin-inline-start',
			'1 padding-right: 2px → use padding-inline-end',
			'3 border-left: 4px solid red → use border-inline-start',
			'4 text-align: right → use text-align: end',
			'5 float: left → use float: start',
			'6 left: 0 → use inset-inline-start',
			'7 margin: 0 1rem 0 2rem → use margin-block and margin-inline (right and left differ)',
			'8 border-radius: 4px 0 0 4px → use border-start-start-radius and its siblings',
			'11 right: 0 → use inset-inline-end'
		]);
	});

	it('passes logical properties, symmetric shorthands, selectors and marked exceptions', () => {
		const css = [
			'.a:hover, a.left { margin-inline-start: 1rem; text-align: start; inset-inline-end: 0 }',
			'.b { margin: 0 1rem; padding: 1px 2px 3px 2px; border-radius: 4px; content: "left" }',
			'/* physical: a print margin that must not mirror */',
			'.c { margin-left: 1rem }',
			'.d { right: 0 } /* physical: the page corner in both directions */'
		].join('\n');
		expect(findPhysical(css)).toEqual([]);
	});

	it('reads the CSS of a Svelte file in place: style blocks, attributes and directives', () => {
		const svelte = [
			'<script>let x = { left: 1 };</script>',
			'<div style="margin-right: 2px; color: red"></div>',
			'<p style:padding-left="1rem" style:inline-size="{w}%"></p>',
			'<style>',
			'  .e { float: right; }',
			'</style>'
		].join('\n');
		expect(findPhysical(svelteCss(svelte)).map((f) => `${f.line} ${f.declaration}`)).toEqual([
			'2 margin-right: 2px',
			'3 padding-left: x',
			'5 float: right'
		]);
	});
});

describe("the course's CSS", () => {
	const root = process.cwd();
	const sources = [
		join(root, 'src', 'app.css'),
		...filesUnder(join(root, 'static'), '.css').filter((f) => !f.includes('content')),
		...filesUnder(join(root, 'src'), '.svelte')
	];

	it('has no physical left/right property (use logical ones, or mark the exception)', () => {
		expect(sources.length).toBeGreaterThan(20);
		const found = sources.flatMap((file) => {
			const text = readFileSync(file, 'utf8');
			const css = file.endsWith('.svelte') ? svelteCss(text) : text;
			return findPhysical(css).map(
				(f) => `${relative(root, file)}:${f.line}: ${f.declaration} (${f.fix})`
			);
		});
		expect(found).toEqual([]);
	});
});
