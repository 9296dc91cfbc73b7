// Pseudo-locales, generated from the English text for tests only (`COURSE_PSEUDO=1` builds into
// build-pseudo/, never into a package). `en-XA` is English with accented letters, each line
// padded to +40 % and bracketed, so clipped, overflowing or hard-coded text shows at once. `ar-XB`
// is English written right to left (each word in a right-to-left override), so the interface lays
// out right to left before any Arabic text exists. Placeholders (`{{count}}`, `{{fact:id}}`,
// `{{agency:key}}`), `**` markup and `- ` list lines are kept as they are.
import { keysForLanguage } from './plurals.ts';

/** The pseudo-locales and how each is made. */
export const PSEUDO_LOCALES = { 'en-XA': 'expand', 'ar-XB': 'rtl' } as const;
export type PseudoLanguage = keyof typeof PSEUDO_LOCALES;
type Kind = (typeof PSEUDO_LOCALES)[PseudoLanguage];

/** How much longer `en-XA` text is than English (German and Finnish run about this long). */
export const EXPANSION = 0.4;

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
// One code point each, with marks above and below, to catch clipped ascenders and descenders.
const ACCENTED = 'áƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const ACCENT = new Map([...PLAIN].map((c, i) => [c, [...ACCENTED][i]!]));
const PAD = 'öñé ţŵö ţĥŕéé ƒöûŕ ƒîṽé šîẋ šéṽéñ éîĝĥţ ñîñé ţéñ ';
/** Markup and placeholders the generator never touches. */
const TOKEN = /(\{\{[^}]*\}\}|\*\*)/;
const LIST = /^(\s*- )?(.*)$/s;

// Right-to-left mark and override, then pop directional formatting and mark again: each word
// reads right to left on its own and the words flow right to left in an rtl paragraph.
const RLM = '\u200f';
const RLO = '\u202e';
const PDF = '\u202c';

/** The visible length of a text: without placeholders, markup and direction controls. */
export function visibleLength(text: string): number {
	return [...text.replace(/\{\{[^}]*\}\}|\*\*|[\u200e\u200f\u202a-\u202e]/g, '')].length;
}

/** One value in a pseudo-locale: every line on its own, markup and placeholders untouched. */
export function pseudoText(text: string, kind: Kind): string {
	return text
		.split('\n')
		.map((line) => {
			const [, bullet = '', body = ''] = LIST.exec(line)!;
			if (!body.trim()) return line;
			return bullet + (kind === 'expand' ? expand(body) : mirror(body));
		})
		.join('\n');
}

function expand(body: string): string {
	const parts = body.split(TOKEN).map((p, i) => (i % 2 ? p : [...p].map(accent).join('')));
	const length = visibleLength(body);
	// The brackets count towards the +40 %; the padding is words, so a long line still wraps.
	const pad = Math.ceil(length * (1 + EXPANSION)) - length - 2;
	return `[${parts.join('')}${padding(pad)}]`;
}

/** `n` characters of padding words after a space, never ending in a space. */
function padding(n: number): string {
	if (n < 1) return '';
	if (n === 1) return '·';
	const words = PAD.repeat(Math.ceil(n / PAD.length)).slice(0, n - 1);
	return ` ${words.replace(/ $/, '·')}`;
}

function mirror(body: string): string {
	return body
		.split(TOKEN)
		.map((p, i) => (i % 2 ? p : p.replace(/\S+/g, (w) => `${RLM}${RLO}${w}${PDF}${RLM}`)))
		.join('');
}

const accent = (c: string) => ACCENT.get(c) ?? c;

/**
 * A locale file in a pseudo-locale, from the English file's parsed YAML: every string through
 * `pseudoText`, and each plural base given the pseudo-locale's own plural forms (ar-XB has
 * Arabic's six), from the English form of the same name or else `_other`.
 */
export function pseudoLocale(source: unknown, language: PseudoLanguage): unknown {
	const kind = PSEUDO_LOCALES[language];
	if (typeof source === 'string') return pseudoText(source, kind);
	if (!source || typeof source !== 'object' || Array.isArray(source)) return source;
	const entries = source as Record<string, unknown>;
	return Object.fromEntries(
		keysForLanguage(Object.keys(entries), language).map(({ key, from }) => [
			key,
			pseudoLocale(entries[from], language)
		])
	);
}

/** Whether a language is a pseudo-locale. */
export function isPseudo(language: string): language is PseudoLanguage {
	return language in PSEUDO_LOCALES;
}
