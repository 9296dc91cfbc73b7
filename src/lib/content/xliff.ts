// The translators' round trip: every text of a language with its English source as XLIFF 2.0,
// one <file> per locale file, one <unit> per text key; and back into the locale YAML files.
// Text is carried as written in YAML (markup, placeholders and all), escaped for XML.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { keysForLanguage } from './plurals.ts';
import { flattenText, setPath } from './text-keys.ts';

/** Every locale folder under modules/: the course's own and one per module. */
export function localeDirs(root: string): string[] {
	const modules = readdirSync(root)
		.filter((d) => /^\d{2}-/.test(d) && existsSync(join(root, d, 'locales')))
		.sort()
		.map((d) => join(root, d, 'locales'));
	return [join(root, 'locales'), ...modules];
}

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

function readText(file: string): Map<string, unknown> {
	return existsSync(file) ? flattenText(parse(readFileSync(file, 'utf8')) ?? {}) : new Map();
}

/**
 * The keys of a target language and the source key each translates: plural forms are the
 * target's own (Arabic gets `_zero` to `_many` units whose source is the English `_other`).
 */
function targetKeys(from: Map<string, unknown>, target: string) {
	return keysForLanguage(
		[...from.keys()].filter((k) => typeof from.get(k) === 'string'),
		target
	);
}

/** XLIFF 2.0 of a language: the source language's text, and the target's where it exists. */
export function exportXliff(options: { root: string; source: string; target: string }): string {
	const { root, source, target } = options;
	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${source}" trgLang="${target}">`
	];
	for (const dir of localeDirs(root)) {
		const from = readText(join(dir, `${source}.yaml`));
		const to = readText(join(dir, `${target}.yaml`));
		out.push(`  <file id="${escapeXml(relative(root, dir))}">`);
		for (const { key, from: sourceKey } of targetKeys(from, target)) {
			const value = from.get(sourceKey) as string;
			const translated = to.get(key);
			out.push(`    <unit id="${escapeXml(key)}">`);
			out.push(`      <segment${typeof translated === 'string' ? ' state="translated"' : ''}>`);
			out.push(`        <source>${escapeXml(value)}</source>`);
			if (typeof translated === 'string')
				out.push(`        <target>${escapeXml(translated)}</target>`);
			out.push('      </segment>', '    </unit>');
		}
		out.push('  </file>');
	}
	out.push('</xliff>', '');
	return out.join('\n');
}

/** The targets of an XLIFF 2.0 document: locale folder (relative to root) → key → text. */
export function readXliff(xml: string): {
	target: string;
	files: Map<string, Map<string, string>>;
} {
	const target = /<xliff[^>]*\btrgLang="([^"]+)"/.exec(xml)?.[1];
	if (!target) throw new Error('Not an XLIFF 2.0 file with a trgLang (the target language).');
	const files = new Map<string, Map<string, string>>();
	for (const file of xml.matchAll(/<file id="([^"]*)">([\s\S]*?)<\/file>/g)) {
		const units = new Map<string, string>();
		for (const unit of file[2]!.matchAll(/<unit id="([^"]*)">([\s\S]*?)<\/unit>/g)) {
			const text = /<target>([\s\S]*?)<\/target>/.exec(unit[2]!)?.[1];
			if (text !== undefined) units.set(unescapeXml(unit[1]!), unescapeXml(text));
		}
		files.set(unescapeXml(file[1]!), units);
	}
	return { target, files };
}

/**
 * Write the targets back into `<locale folder>/<target>.yaml`, in the source file's key order.
 * Returns the files written. Keys the source no longer has are refused, so a stale file is seen.
 */
export function importXliff(options: { root: string; xml: string; source: string }): string[] {
	const { root, source } = options;
	const { target, files } = readXliff(options.xml);
	const written: string[] = [];
	for (const [dirName, units] of files) {
		const dir = join(root, dirName);
		const keys = new Set(
			targetKeys(readText(join(dir, `${source}.yaml`)), target).map(({ key }) => key)
		);
		const stale = [...units.keys()].filter((k) => !keys.has(k));
		if (stale.length) {
			throw new Error(`${dirName}: keys the ${source} text no longer has: ${stale.join(', ')}`);
		}
		const doc: Record<string, unknown> = {};
		for (const key of keys) {
			const text = units.get(key);
			if (text !== undefined) setPath(doc, key, text);
		}
		const file = join(dir, `${target}.yaml`);
		writeFileSync(file, stringify(doc, { lineWidth: 0 }));
		written.push(file);
	}
	return written;
}
