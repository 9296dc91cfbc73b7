import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCourseContent } from './load.ts';
import { compileRich } from './markup.ts';
import { pseudoLocale, pseudoText, visibleLength } from './pseudo.ts';
import { flattenText } from './text-keys.ts';

const MODULES = join(process.cwd(), 'modules');
/** Every English text of the course: the course file and each module's. */
const english = [
	join(MODULES, 'locales', 'en.yaml'),
	...readdirSync(MODULES)
		.filter((d) => /^\d\d-/.test(d))
		.map((m) => join(MODULES, m, 'locales', 'en.yaml'))
].flatMap((file) =>
	[...flattenText(parse(readFileSync(file, 'utf8'))).values()].filter(
		(v): v is string => typeof v === 'string'
	)
);
const tokens = (text: string) => text.match(/\{\{[^}]*\}\}|\*\*/g) ?? [];
const controls = /[\u200e\u200f\u202a-\u202e]/g;
const facts = { hotline: { id: 'hotline', value: '1-888-373-7888', source: 's' } };

describe('en-XA: accented, +40 %', () => {
	it('makes each line 40 % longer (at least the brackets on short ones)', () => {
		expect(english.length).toBeGreaterThan(500);
		for (const text of english) {
			const lines = text.split('\n');
			const out = pseudoText(text, 'expand').split('\n');
			expect(out).toHaveLength(lines.length);
			lines.forEach((line, i) => {
				const body = line.replace(/^\s*- /, '');
				const n = visibleLength(body);
				if (!body.trim()) return expect(out[i]).toBe(line);
				const m = visibleLength(out[i]!.replace(/^\s*- /, ''));
				expect(m, line).toBeGreaterThanOrEqual(Math.max(n + 2, Math.ceil(n * 1.4)));
				expect(m, line).toBeLessThanOrEqual(Math.ceil(n * 1.4) + 3);
			});
		}
	});

	it('keeps placeholders, bold markers, list lines and paragraphs; accents every other letter', () => {
		const text = 'A **bold** start: {{fact:hotline}} {{agency:name}}.\n\n- one\n- **two** items';
		const out = pseudoText(text, 'expand');
		expect(tokens(out)).toEqual(tokens(text));
		expect(out.split('\n').map((l) => l.slice(0, 2))).toEqual(['[Å', '', '- ', '- ']);
		expect(out.replace(/\{\{[^}]*\}\}/g, '')).not.toMatch(/[a-zA-Z]/);
		// It compiles to the same shape: two blocks, the list's two items, bold runs where they were.
		const before = compileRich(text, facts, { agency: { name: 'PD' } }).value;
		const after = compileRich(out, facts, { agency: { name: 'PD' } });
		expect(after.errors).toEqual([]);
		expect(
			after.value.map((b) => (Array.isArray(b) ? b.length : b.ul.map((r) => r.length)))
		).toEqual(before.map((b) => (Array.isArray(b) ? b.length : b.ul.map((r) => r.length))));
		expect(JSON.stringify(after.value)).toContain('1-888-373-7888');
	});

	it('keeps interface placeholders', () => {
		const text = 'Lessons: {{lessons}} · checks: {{questions}}';
		expect(tokens(pseudoText(text, 'expand'))).toEqual(['{{lessons}}', '{{questions}}']);
	});

	it('is deterministic', () => {
		const text = english.join('\n\n');
		expect(pseudoText(text, 'expand')).toBe(pseudoText(text, 'expand'));
		expect(pseudoText('Next', 'expand')).toBe('[Ñéẋţ]');
	});
});

describe('ar-XB: English right to left', () => {
	it('wraps each word in a right-to-left override, leaving placeholders and markup outside', () => {
		const text = 'About {{count}} **minutes**.\n\n- one';
		const out = pseudoText(text, 'rtl');
		expect(out).toBe(
			'\u200f\u202eAbout\u202c\u200f {{count}} **\u200f\u202eminutes\u202c\u200f**\u200f\u202e.\u202c\u200f\n\n- \u200f\u202eone\u202c\u200f'
		);
		for (const t of english) expect(pseudoText(t, 'rtl').replace(controls, '')).toBe(t);
	});

	it("gives each plural base Arabic's six forms, from the English form of that name or _other", () => {
		const out = pseudoLocale({ n_one: '{{count}} item', n_other: '{{count}} items' }, 'ar-XB');
		const strip = (o: unknown) =>
			Object.fromEntries(
				Object.entries(o as Record<string, string>).map(([k, v]) => [k, v.replace(controls, '')])
			);
		expect(strip(out)).toEqual({
			n_zero: '{{count}} items',
			n_one: '{{count}} item',
			n_two: '{{count}} items',
			n_few: '{{count}} items',
			n_many: '{{count}} items',
			n_other: '{{count}} items'
		});
	});
});

describe('a pseudo build of the course', () => {
	it('adds en-XA and ar-XB only when asked, with every key and the facts as they are', () => {
		expect(loadCourseContent({ root: MODULES }).course.languages).not.toContain('en-XA');
		const { course, resources, text } = loadCourseContent({ root: MODULES, pseudo: true });
		expect(course.languages).toEqual(expect.arrayContaining(['en', 'en-XA', 'ar-XB']));
		expect(text.missing['en-XA']).toEqual([]);
		expect(text.missing['ar-XB']).toEqual([]);
		expect(text.keys['en-XA']).toBe(text.keys.en);
		// Facts keep their values; in right-to-left text they are isolated (factInLanguage).
		const phone = course.facts.nhth_phone!.value;
		expect(JSON.stringify(resources['en-XA'])).toContain(phone);
		expect(JSON.stringify(resources['en-XA'])).not.toContain('\u2066');
		expect(JSON.stringify(resources['ar-XB'])).toContain(`\u2066${phone}\u2069`);
	});
});
