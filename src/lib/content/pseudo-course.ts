// The pseudo-locales in a course build (`COURSE_PSEUDO=1`, tests only): shipped as two more
// languages whose text files are made from the default language's as they are read. Facts and
// agency texts keep the default language's values, so numbers and names read as they really do.
import { basename, dirname, join } from 'node:path';
import type * as v from 'valibot';
import { PSEUDO_LOCALES, isPseudo, pseudoLocale, pseudoText } from './pseudo.ts';
import type { courseSchema, factsSchema, profileSchema } from './schema.ts';

const PSEUDO = Object.keys(PSEUDO_LOCALES) as (keyof typeof PSEUDO_LOCALES)[];

/** A reader that answers `locales/<pseudo>.yaml` with the source language's file, transformed. */
export function pseudoReader(options: {
	read: (file: string) => unknown;
	source: () => string;
}): (file: string) => unknown {
	return (file) => {
		const language = basename(file, '.yaml');
		if (basename(dirname(file)) !== 'locales' || !isPseudo(language)) return options.read(file);
		return pseudoLocale(options.read(join(dirname(file), `${options.source()}.yaml`)), language);
	};
}

/** Add the pseudo-locales to the languages, with a title, draft status, facts and agency texts. */
export function addPseudoLocales(options: {
	settings: v.InferOutput<typeof courseSchema>;
	facts: v.InferOutput<typeof factsSchema>;
	profile: v.InferOutput<typeof profileSchema>;
}) {
	const { settings, facts, profile } = options;
	const source = settings.defaultLanguage;
	for (const language of PSEUDO) {
		if (!settings.languages.includes(language)) settings.languages.push(language);
		if (profile.languages && !profile.languages.includes(language))
			profile.languages.push(language);
		settings.title[language] = pseudoText(settings.title[source] ?? '', PSEUDO_LOCALES[language]);
		settings.translations = { ...settings.translations, [language]: 'draft' };
		for (const fact of Object.values(facts)) {
			if (typeof fact.value !== 'string' && fact.value[source] !== undefined)
				fact.value[language] = fact.value[source];
		}
		for (const text of Object.values(profile.agency)) {
			if (typeof text !== 'string' && text[source] !== undefined) text[language] = text[source];
		}
	}
}
