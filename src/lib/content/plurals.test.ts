import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ContentError } from './issues.ts';
import { loadCourseContent } from './load.ts';
import { keysForLanguage, pluralBases, pluralCategories } from './plurals.ts';

describe('plural categories', () => {
	it('follow Intl.PluralRules, in CLDR order', () => {
		expect(pluralCategories('en')).toEqual(['one', 'other']);
		expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
		expect(pluralCategories('ar-XB')).toEqual(pluralCategories('ar'));
		expect(pluralCategories('zh')).toEqual(['other']);
	});

	it('rewrite a plural base into the target language forms, where the source forms stood', () => {
		const source = ['a', 'n_one', 'n_other', 'b', 'count'];
		expect(pluralBases(source)).toEqual(new Set(['n']));
		expect(keysForLanguage(source, 'ar')).toEqual([
			{ key: 'a', from: 'a' },
			{ key: 'n_zero', from: 'n_other' },
			{ key: 'n_one', from: 'n_one' },
			{ key: 'n_two', from: 'n_other' },
			{ key: 'n_few', from: 'n_other' },
			{ key: 'n_many', from: 'n_other' },
			{ key: 'n_other', from: 'n_other' },
			{ key: 'b', from: 'b' },
			{ key: 'count', from: 'count' }
		]);
		expect(keysForLanguage(source, 'zh').map((k) => k.key)).toEqual(['a', 'n_other', 'b', 'count']);
		expect(keysForLanguage(source, 'en').map((k) => k.key)).toEqual(source);
	});
});

const GOOD = join(import.meta.dirname, 'fixtures', 'good');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The good fixture shipping English and `language`, whose text is English's; English gets the
 * plural `ui.items_one` / `ui.items_other`, and `forms` are the plural forms of `language`.
 */
function withLanguage(language: string, forms: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'plurals-'));
	dirs.push(dir);
	cpSync(GOOD, dir, { recursive: true });
	const edit = (file: string, change: (d: Doc) => void) => {
		const doc = parse(readFileSync(join(dir, file), 'utf8')) as Doc;
		change(doc);
		writeFileSync(join(dir, file), stringify(doc));
	};
	edit('course.yaml', (d) => {
		d.languages = ['en', language];
		d.title[language] = 'Course';
	});
	edit('locales/en.yaml', (d) => {
		d.ui.items_one = '{{count}} item';
		d.ui.items_other = '{{count}} items';
	});
	cpSync(join(dir, 'locales/en.yaml'), join(dir, `locales/${language}.yaml`));
	cpSync(join(dir, '01-basics/locales/en.yaml'), join(dir, `01-basics/locales/${language}.yaml`));
	edit(`locales/${language}.yaml`, (d) => {
		delete d.ui.items_one;
		delete d.ui.items_other;
		for (const f of forms) d.ui[`items_${f}`] = `{{count}} (${f})`;
	});
	// One agency text for every language.
	const agency = { name: 'PD', taskForce: 'TF', victimSpecialist: 'VS', supervisorProtocol: 'S' };
	writeFileSync(join(dir, 'profile.yaml'), stringify({ id: 'test', agency }));
	return dir;
}

const load = (root: string) => loadCourseContent({ root, profile: join(root, 'profile.yaml') });

function issuesOf(root: string): ContentError['issues'] {
	try {
		load(root);
	} catch (e) {
		expect(e).toBeInstanceOf(ContentError);
		return (e as ContentError).issues;
	}
	return [];
}

describe('plural keys per language', () => {
	it('Arabic needs all six forms: each missing one is named with its file and key', () => {
		const issues = issuesOf(withLanguage('ar', ['one', 'other']));
		// Paths show relative to the working directory: compare their ends.
		expect(issues.map((i) => `${i.file.replace(/^.*\/(locales\/)/, '$1')} ${i.path}`)).toEqual(
			['zero', 'two', 'few', 'many'].map((f) => `locales/ar.yaml ui.items_${f}`)
		);
		expect(issues[0]!.message).toMatch(
			/missing plural form "zero" of ui\.items in shipped language "ar" \(ar has the forms zero, one, two, few, many, other\)/
		);
		expect(issues[0]!.fix).toMatch(/^add ui\.items_zero to .*\/locales\/ar\.yaml$/);
	});

	it('a form the language does not have is refused, with the forms it does have', () => {
		const issues = issuesOf(withLanguage('zh', ['one', 'other']));
		expect(issues).toEqual([
			{
				file: expect.stringMatching(/\/locales\/zh\.yaml$/),
				path: 'ui.items_one',
				message: 'plural form "one" is not one of the forms of "zh" (other)',
				fix: 'remove it; zh writes ui.items_other'
			}
		]);
	});

	it("each language's own forms load, and compile for i18next", () => {
		const forms = pluralCategories('ar');
		const { resources } = load(withLanguage('ar', forms));
		const ui = resources.ar!.course!.ui as Doc;
		expect(Object.keys(ui).filter((k) => k.startsWith('items_'))).toEqual(
			forms.map((f) => `items_${f}`)
		);
		expect(ui.items_few).toBe('{{count}} (few)');
	});
});
