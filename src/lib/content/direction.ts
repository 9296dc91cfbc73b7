// Which way a language's text runs, and keeping values such as phone numbers whole inside
// right-to-left text.

/** Languages written right to left (by their first subtag: `ar`, `ar-XB`...). */
const RTL = ['ar', 'fa', 'he', 'ur'];

/** The direction of a language's text. */
export function textDirection(language: string): 'ltr' | 'rtl' {
	return RTL.includes(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * A fact's value as it goes into text of `language`. In right-to-left text it is isolated
 * (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE), so "22 U.S.C. § 7102" or
 * "1-877-4-HSI-TIP (1-877-447-4847)" keep their order instead of being reordered with the
 * Arabic around them; left-to-right text is left as it is.
 */
export function isolateFact(value: string, language: string): string {
	return textDirection(language) === 'rtl' ? `\u2068${value}\u2069` : value;
}
