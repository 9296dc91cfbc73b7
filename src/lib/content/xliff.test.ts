import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportXliff, importXliff, localeDirs, readXliff } from './xliff.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the real modules/ to write into. */
function copy(): string {
	const dir = mkdtempSync(join(tmpdir(), 'xliff-'));
	dirs.push(dir);
	cpSync(join(process.cwd(), 'modules'), dir, { recursive: true });
	return dir;
}

describe('XLIFF round trip', () => {
	it('exports every text with its source, and an import of it changes nothing', () => {
		const root = copy();
		// English as its own target: every unit has a target equal to its source.
		const xml = exportXliff({ root, source: 'en', target: 'en' });
		expect(xml).toContain('urn:oasis:names:tc:xliff:document:2.0');
		const { files } = readXliff(xml);
		expect(files.size).toBe(localeDirs(root).length);
		const before = localeDirs(root).map((d) => parse(readFileSync(join(d, 'en.yaml'), 'utf8')));
		importXliff({ root, xml, source: 'en' });
		const after = localeDirs(root).map((d) => parse(readFileSync(join(d, 'en.yaml'), 'utf8')));
		expect(after).toEqual(before);
	});

	it('carries markup, placeholders and XML characters through untouched', () => {
		const root = copy();
		const xml = exportXliff({ root, source: 'en', target: 'xx' }).replace(
			/<source>([^<]*)<\/source>/g,
			(_, text: string) =>
				`<source>${text}</source><target>${text} &amp; **x** {{fact:nhth_phone}}</target>`
		);
		importXliff({ root, xml, source: 'en' });
		const written = parse(readFileSync(join(root, 'locales', 'xx.yaml'), 'utf8'));
		expect(written.ui.skip).toBe('Skip to main content & **x** {{fact:nhth_phone}}');
	});

	it('refuses a file with keys the source no longer has', () => {
		const root = copy();
		const xml = exportXliff({ root, source: 'en', target: 'en' }).replace(
			'<unit id="description">',
			'<unit id="gone.key"><segment><source>a</source><target>b</target></segment></unit><unit id="description">'
		);
		expect(() => importXliff({ root, xml, source: 'en' })).toThrow(/no longer has: gone\.key/);
	});

	it('gives a language its own plural forms, each with the English form it translates', () => {
		const root = copy();
		const xml = exportXliff({ root, source: 'en', target: 'ar' });
		const units = [
			...xml.matchAll(/<unit id="ui\.home\.minutes_(\w+)">\s*<segment[^>]*>\s*<source>([^<]*)</g)
		];
		expect(units.map((u) => [u[1], u[2]])).toEqual([
			['zero', 'About {{count}} minutes'],
			['one', 'About {{count}} minute'],
			['two', 'About {{count}} minutes'],
			['few', 'About {{count}} minutes'],
			['many', 'About {{count}} minutes'],
			['other', 'About {{count}} minutes']
		]);
		importXliff({
			root,
			source: 'en',
			xml: xml.replace(
				/(<unit id="ui\.home\.minutes_few">\s*<segment[^>]*>\s*<source>[^<]*<\/source>)/,
				'$1<target>{{count}} دقائق</target>'
			)
		});
		const written = parse(readFileSync(join(root, 'locales', 'ar.yaml'), 'utf8'));
		expect(written.ui.home.minutes_few).toBe('{{count}} دقائق');
	});
});
