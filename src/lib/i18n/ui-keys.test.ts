// Every ui.* label the app asks for exists in the default language: the build checks that each
// shipped language has every key en.yaml defines, and this checks en.yaml has every key in use.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flattenText } from '../content/text-keys.ts';

const en = flattenText(parse(readFileSync(join(process.cwd(), 'modules/locales/en.yaml'), 'utf8')));

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('ui text keys', () => {
	it('every literal t("ui.…") key in the app exists in en.yaml', () => {
		const used = new Set<string>();
		for (const file of sources(join(process.cwd(), 'src'))) {
			const code = readFileSync(file, 'utf8').replace(/\/\*\*[^]*?\*\//g, '');
			for (const match of code.matchAll(/\bt\('(ui\.[\w.]+)'/g)) used.add(match[1]!);
		}
		expect(used.size).toBeGreaterThan(40);
		// i18next plurals live under key_one, key_other.
		const exists = (key: string) => en.has(key) || en.has(`${key}_other`);
		expect([...used].filter((key) => !exists(key))).toEqual([]);
	});

	it('every restore note the session can set has its text', () => {
		for (const note of ['local', 'foreign', 'dropped'])
			expect(en.has(`ui.restore.${note}`)).toBe(true);
	});
});
