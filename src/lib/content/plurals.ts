// i18next plural keys (`x_one`, `x_other`...) per language. A plural in the source text is a base
// with an `_other` form; every other language holds exactly its own CLDR categories of that base
// (Arabic: zero, one, two, few, many, other; Spanish: one, many, other; Chinese: other), as
// i18next picks the form with `Intl.PluralRules` at run time.

/** CLDR plural categories, in the order translators expect them. */
const ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const FORM = /^(.+)_(zero|one|two|few|many|other)$/;

/** The plural categories of a language (as i18next resolves them with `Intl.PluralRules`). */
export function pluralCategories(language: string): string[] {
	const found = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
	return ORDER.filter((c) => found.includes(c));
}

/** The plural bases among dotted keys: `ui.home.minutes` when `ui.home.minutes_other` is there. */
export function pluralBases(keys: Iterable<string>): Set<string> {
	const bases = new Set<string>();
	for (const key of keys) {
		const m = FORM.exec(key);
		if (m && m[2] === 'other') bases.add(m[1]!);
	}
	return bases;
}

/** The base and category of a key that is a form of one of `bases`, else undefined. */
export function pluralForm(
	key: string,
	bases: Set<string>
): { base: string; category: string } | undefined {
	const m = FORM.exec(key);
	return m && bases.has(m[1]!) ? { base: m[1]!, category: m[2]! } : undefined;
}

/**
 * The keys a language needs, from the source language's keys: each plural base's source forms are
 * replaced, where the first of them stood, by the target language's categories. `from` says which
 * source key each one translates (its own form when the source has it, else `_other`).
 */
export function keysForLanguage(
	sourceKeys: string[],
	language: string
): { key: string; from: string }[] {
	const bases = pluralBases(sourceKeys);
	const source = new Set(sourceKeys);
	const out: { key: string; from: string }[] = [];
	const done = new Set<string>();
	for (const key of sourceKeys) {
		const form = pluralForm(key, bases);
		if (!form) {
			out.push({ key, from: key });
			continue;
		}
		if (done.has(form.base)) continue;
		done.add(form.base);
		for (const c of pluralCategories(language)) {
			const own = `${form.base}_${c}`;
			out.push({ key: own, from: source.has(own) ? own : `${form.base}_other` });
		}
	}
	return out;
}
