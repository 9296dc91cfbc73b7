// Every phone number lives in one place, modules/facts.yaml, with its source: the text writes
// {{fact:<id>}}. A number typed into any other content file (lessons, scenarios, questions, the
// interface, handouts, agency profiles) fails here with the file and the line.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** A North American phone number (digits, dots, spaces or dashes), or one spelled with letters. */
const PHONE = /\b1?[-. ]?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b|\b1-\d{3}-\d-[A-Z]{3}-[A-Z]{3}\b/;
/** The facts that are numbers to dial or text (short codes too), as facts.yaml writes them. */
const DIALED = Object.values(
	parse(readFileSync(join(process.cwd(), 'modules', 'facts.yaml'), 'utf8')) as Record<
		string,
		{ value: unknown }
	>
)
	.flatMap((f) => (typeof f.value === 'string' ? [f.value] : []))
	.filter((v) => /^[\d-]{5,}$/.test(v));

function yamlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return yamlFiles(path);
		return entry.name.endsWith('.yaml') ? [path] : [];
	});
}

/** `file:line: text` for each line (comments aside) holding a phone-shaped number. */
function phoneNumbersIn(file: string, text: string): string[] {
	return text.split('\n').flatMap((line, n) => {
		const code = line.replace(/(^|\s)#.*$/, '');
		const dialed = PHONE.test(code) || DIALED.some((v) => new RegExp(`\\b${v}\\b`).test(code));
		return dialed ? [`${file}:${n + 1}: ${line.trim()}`] : [];
	});
}

describe('phone numbers come from facts.yaml only', () => {
	it('finds a number typed into text, and not a fact placeholder or a year', () => {
		expect(DIALED).toContain('233733');
		expect(phoneNumbersIn('x.yaml', 'body: Call 1-888-373-7888 now.')).toHaveLength(1);
		expect(phoneNumbersIn('x.yaml', 'body: Text HELP to 233733.')).toHaveLength(1);
		expect(phoneNumbersIn('x.yaml', 'body: Call 1-877-4-HSI-TIP.')).toHaveLength(1);
		expect(phoneNumbersIn('x.yaml', 'body: Call {{fact:nhth_phone}} since 2021.')).toEqual([]);
		expect(phoneNumbersIn('x.yaml', '# the page lists 1-866-347-2423')).toEqual([]);
	});

	it('no content file but facts.yaml holds one', () => {
		const root = process.cwd();
		const files = [
			...yamlFiles(join(root, 'modules')),
			...yamlFiles(join(root, 'profiles'))
		].filter((f) => relative(root, f) !== join('modules', 'facts.yaml'));
		expect(files.length).toBeGreaterThan(20);
		const found = files.flatMap((f) => phoneNumbersIn(relative(root, f), readFileSync(f, 'utf8')));
		expect(found, 'write {{fact:<id>}} and keep the number in modules/facts.yaml').toEqual([]);
	});
});
