// Victim handouts (modules/handouts.yaml, modules/handouts/<language>.yaml): one page each in the
// languages of the DHS fact sheet. Every language has the English file's keys; text compiles like
// the course's (facts substituted, markup to data, HTML refused).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Course, Handout } from '../course/types.ts';
import { checkRefs } from './checks.ts';
import type { IssueList } from './issues.ts';
import { compilePlain, compileRich, factInLanguage } from './markup.ts';
import { displayPath, parseWith } from './read.ts';
import { handoutSchema, handoutsSchema } from './schema.ts';
import { flattenText, setPath } from './text-keys.ts';

/** Right-to-left scripts among the handout languages. */
const RTL = ['ar', 'fa', 'he', 'ur'];

/** Keys whose text is rich (paragraphs, lists, bold). */
const isRich = (key: string) => key === 'intro' || key.endsWith('.body');

export function loadHandouts(options: {
	root: string;
	read: (file: string) => unknown;
	issues: IssueList;
	course: Pick<Course, 'facts' | 'sources'>;
}): { handouts: Handout[]; sources: string[]; text: Record<string, Record<string, unknown>> } {
	const { root, read, issues } = options;
	const file = join(root, 'handouts.yaml');
	const none = { handouts: [], sources: [], text: {} };
	if (!existsSync(file)) return none;
	const list = parseWith({ schema: handoutsSchema, data: read(file), file, issues });
	if (!list) return none;
	checkRefs({
		refs: list.sources.map((id, i) => ({ id, path: `sources[${i}]` })),
		known: Object.keys(options.course.sources),
		what: 'source',
		where: 'modules/sources.yaml',
		report: issues.for(displayPath(file))
	});
	const englishFile = join(root, 'handouts', 'en.yaml');
	const english = flattenText(read(englishFile) ?? {});
	const handouts: Handout[] = [];
	const text: Record<string, Record<string, unknown>> = {};
	for (const [i, language] of list.languages.entries()) {
		const path = join(root, 'handouts', `${language}.yaml`);
		const at = issues.for(displayPath(path));
		if (!existsSync(path)) {
			issues.add({
				file: displayPath(file),
				path: `languages[${i}]`,
				message: `no handout text for "${language}"`,
				fix: `write modules/handouts/${language}.yaml with the keys of en.yaml, or remove the language`
			});
			continue;
		}
		const raw = read(path);
		const parsed = parseWith({ schema: handoutSchema, data: raw, file: path, issues });
		if (!parsed) continue;
		const keys = flattenText(raw);
		const compiled: Record<string, unknown> = {};
		const facts = Object.fromEntries(
			Object.entries(options.course.facts).map(([id, f]) => [
				id,
				{ ...f, value: factInLanguage(f.values?.[language] ?? f.value, language) }
			])
		);
		for (const key of english.keys()) {
			if (key === 'status') continue;
			const value = keys.get(key);
			if (typeof value !== 'string' || !value.trim()) {
				at(key, `missing text in handout "${language}"`, `add ${key} (see handouts/en.yaml)`);
				continue;
			}
			const result = isRich(key) ? compileRich(value, facts) : compilePlain(value, facts);
			for (const e of result.errors) at(key, e.message, e.fix);
			setPath(compiled, key, result.value);
		}
		for (const key of keys.keys()) {
			if (!english.has(key)) at(key, 'key that the English handout does not have', 'remove it');
		}
		text[language] = compiled;
		handouts.push({
			language,
			name: parsed.language,
			status: parsed.status,
			dir: RTL.includes(language.split('-')[0]!) ? 'rtl' : 'ltr',
			sections: Object.keys(parsed.sections)
		});
	}
	return { handouts, sources: list.sources, text };
}

export type HandoutSchema = v.InferOutput<typeof handoutSchema>;
