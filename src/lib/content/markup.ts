// The content's small markup, compiled at build time into data the components render as text.
// Nothing here produces HTML, and anything that looks like HTML is refused.
import type { Fact, Rich, RichBlock, Runs } from '../course/types.ts';

const FACT_REF = /\{\{\s*fact:([a-z0-9_]+)\s*\}\}/g;
const ANY_BRACES = /\{\{[^}]*\}\}/g;

export interface MarkupResult<T> {
	value: T;
	errors: { message: string; fix: string }[];
	/** Ids of the facts the text used, so their sources join the lesson's Sources panel. */
	facts: string[];
}

/**
 * Substitute {{fact:id}} and refuse HTML; returns the plain string. Interface labels pass
 * `interpolation: true` to keep i18next's {{name}} placeholders for run-time values.
 */
export function compilePlain(
	text: string,
	facts: Record<string, Fact>,
	options: { interpolation?: boolean; agency?: Record<string, string> } = {}
): MarkupResult<string> {
	const errors: MarkupResult<string>['errors'] = [];
	const used: string[] = [];
	if (/[<>]/.test(text)) {
		errors.push({
			message: 'text contains < or >, which could be read as HTML',
			fix: 'write the words instead (e.g. "under 18"); the course never injects HTML'
		});
	}
	const value = text.replace(ANY_BRACES, (token) => {
		const a = /^\{\{\s*agency:([a-zA-Z]+)\s*\}\}$/.exec(token);
		if (a && options.agency?.[a[1]!] !== undefined) return options.agency[a[1]!]!;
		const m = /^\{\{\s*fact:([a-z0-9_]+)\s*\}\}$/.exec(token);
		const fact = m ? facts[m[1]!] : undefined;
		if (!m && options.interpolation && /^\{\{\s*[a-zA-Z]+\s*\}\}$/.test(token)) return token;
		if (!m || !fact) {
			errors.push({
				message: `unknown placeholder ${token}`,
				fix: a
					? `use {{agency:<key>}} with a key of the agency profile (${Object.keys(options.agency ?? {}).join(', ')})`
					: `use {{fact:<id>}} with an id from modules/facts.yaml (known: ${Object.keys(facts).join(', ')})`
			});
			return token;
		}
		used.push(fact.id);
		return fact.value;
	});
	return { value, errors, facts: used };
}

/** Compile paragraphs, "- " lists and **bold** into Rich data. */
export function compileRich(
	text: string,
	facts: Record<string, Fact>,
	options: { agency?: Record<string, string> } = {}
): MarkupResult<Rich> {
	const plain = compilePlain(text, facts, options);
	const errors = [...plain.errors];
	const blocks: RichBlock[] = [];
	for (const chunk of plain.value.trim().split(/\n\s*\n/)) {
		const lines = chunk.split('\n').map((l) => l.trim());
		const isList = lines.every((l) => l.startsWith('- '));
		if (isList) {
			blocks.push({ ul: lines.map((l) => runs(l.slice(2).trim(), errors)) });
		} else if (lines.some((l) => l.startsWith('- '))) {
			errors.push({
				message: 'a paragraph mixes bullet lines ("- ") with other lines',
				fix: 'leave a blank line between a paragraph and its list'
			});
		} else {
			blocks.push(runs(lines.join(' '), errors));
		}
	}
	return { value: blocks, errors, facts: plain.facts };
}

function runs(text: string, errors: MarkupResult<unknown>['errors']): Runs {
	const parts = text.split('**');
	if (parts.length % 2 === 0) {
		errors.push({
			message: 'unmatched ** (bold marker)',
			fix: 'close every **bold** with a second **'
		});
	}
	// Drop a trailing empty plain run; keep a leading '' so odd indexes stay bold.
	return parts.at(-1) === '' && parts.length > 1 ? parts.slice(0, -1) : parts;
}

/** Every {{fact:id}} token in a text, for checks that run before compilation. */
export function factRefs(text: string): string[] {
	return [...text.matchAll(FACT_REF)].map((m) => m[1]!);
}

const RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'];
const RTL_LETTERS = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thaana}\p{Script=Syriac}]/u;

/** Whether a language is written right to left (its base subtag). */
export function isRtlLanguage(language: string): boolean {
	return RTL_LANGUAGES.includes(language.toLowerCase().split('-')[0]!);
}

/**
 * A fact's value as it goes into text of `language`. In a right-to-left language a value with no
 * right-to-left letters (a phone number, "1-877-4-HSI-TIP (1-877-447-4847)", a form name) is
 * wrapped in a left-to-right isolate (U+2066 … U+2069), so the bidi algorithm cannot reorder its
 * parts around the Arabic words.
 */
export function factInLanguage(value: string, language: string): string {
	return isRtlLanguage(language) && !RTL_LETTERS.test(value) ? `\u2066${value}\u2069` : value;
}
