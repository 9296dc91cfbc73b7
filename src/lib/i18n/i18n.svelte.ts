// i18next set-up and language choice. Components translate keys at the edge; the domain never
// sees text. `t` reads `i18n.lang`, so templates re-render when the language changes.
import i18next from 'i18next';
import type { Resources, Rich } from '$lib/course/types';
import { loadScript } from '$lib/state/load-script';
import { HEAD_NS, TEXT_GLOBAL, moduleTextFile } from './text-files';

export { HEAD_NS };

export const i18n = $state({ lang: 'en', loaded: [] as string[] });

type TextEntry = [
	ns: string,
	language: string,
	text: Record<string, unknown>,
	layout?: unknown,
	/** false: text that completes another file's (a language's start-up text), not the namespace. */
	mark?: boolean
];

/** Receives the layout that comes with a module's text (see course/layout.ts). */
let onLayout: (ns: string, layout: unknown) => void = () => {};
export function setLayoutHandler(handler: (ns: string, layout: unknown) => void) {
	onLayout = handler;
}
/** Loads in flight, so two screens asking at once share one script tag (not reactive state). */
const pending: Record<string, Promise<void> | undefined> = {};

/** Initialise i18next with the compiled course resources (synchronous: they are bundled). */
export function initI18n(options: {
	resources: Resources;
	language: string;
	fallback: string;
	/** Every shipped language (only the start-up language's text is in `resources`). */
	languages: string[];
}) {
	void i18next.init({
		resources: options.resources,
		lng: options.language,
		fallbackLng: options.fallback,
		supportedLngs: options.languages,
		ns: Object.keys(options.resources[options.fallback] ?? {}),
		defaultNS: 'course',
		initAsync: false,
		returnObjects: true,
		interpolation: { escapeValue: false }
	});
	applyLanguage(options.language);
}

/** A plain string: `t('ui.next')`, `t('recognize:lessons.definitions.title')`. */
export function t(key: string, options?: Record<string, unknown>): string {
	void i18n.lang;
	void i18n.loaded.length;
	const value = i18next.t(key, { ...options, returnObjects: false });
	return typeof value === 'string' ? value : key;
}

/** Whether a key has text in the current language (for optional fields such as captions). */
export function has(key: string): boolean {
	void i18n.lang;
	void i18n.loaded.length;
	return i18next.exists(key);
}

/** Compiled rich text (paragraphs and lists) for a rich key; empty when the key is absent. */
export function rich(key: string): Rich {
	void i18n.lang;
	void i18n.loaded.length;
	const value = i18next.t(key, { returnObjects: true }) as unknown;
	return Array.isArray(value) ? (value as Rich) : [];
}

/** Whether the current language's start-up text is there (always, for the default language). */
export function isLanguageReady(defaultLanguage: string): boolean {
	return i18n.lang === defaultLanguage || isModuleTextReady(HEAD_NS);
}

/** Whether a module's lesson and scenario text is loaded in the current language. */
export function isModuleTextReady(ns: string): boolean {
	return i18n.loaded.includes(`${ns}/${i18n.lang}`);
}

/**
 * Load a module's lesson and scenario text (a classic script beside index.html, so it works from
 * any LMS sub-path and from file://). Resolves at once when it is already there.
 */
export function loadModuleText(ns: string, language = i18n.lang): Promise<void> {
	const id = `${ns}/${language}`;
	if (i18n.loaded.includes(id)) return Promise.resolve();
	const running = pending[id];
	if (running) return running;
	const target = globalThis as unknown as Record<string, { push(entry: TextEntry): void }>;
	target[TEXT_GLOBAL] = {
		push: ([entryNs, entryLanguage, text, layout, mark = true]) => {
			if (layout) onLayout(entryNs, layout);
			i18next.addResourceBundle(entryLanguage, entryNs, text, true, true);
			if (mark) i18n.loaded.push(`${entryNs}/${entryLanguage}`);
		}
	};
	const promise = loadScript(moduleTextFile(ns, language)).catch((error: unknown) => {
		delete pending[id];
		throw error;
	});
	pending[id] = promise;
	return promise;
}

/** Rich text flattened to one line of plain text (for LMS descriptions, which take no markup). */
export function plainText(content: Rich): string {
	return content
		.map((block) => (Array.isArray(block) ? block : block.ul.flat()).join(''))
		.join(' ');
}

/** Switch language at any moment; progress is kept by the caller. */
export function setLanguage(language: string) {
	void i18next.changeLanguage(language);
	applyLanguage(language);
}

/** Pick the first shipped language from the LMS preference, then the browser, then the default. */
export function chooseLanguage(options: {
	candidates: (string | undefined)[];
	shipped: string[];
	fallback: string;
}): string {
	for (const c of options.candidates) {
		if (!c) continue;
		const exact = options.shipped.find((s) => s.toLowerCase() === c.toLowerCase());
		const base = options.shipped.find((s) => s === c.toLowerCase().split(/[-_]/)[0]);
		if (exact ?? base) return (exact ?? base)!;
	}
	return options.fallback;
}

function applyLanguage(language: string) {
	i18n.lang = language;
	if (typeof document !== 'undefined') {
		document.documentElement.lang = language;
		document.documentElement.dir = i18next.dir(language);
	}
}

/** Whether a namespace's text in a given language is loaded (a handout, in its own language). */
export function isTextReady(ns: string, language: string): boolean {
	return i18n.loaded.includes(`${ns}/${language}`);
}

/** Text of a namespace in a given language, whatever the course language (a handout). */
export function textIn(language: string, ns: string, key: string): string {
	void i18n.loaded.length;
	const value = i18next.getResource(language, ns, key) as unknown;
	return typeof value === 'string' ? value : '';
}

/** Rich text of a namespace in a given language (see textIn). */
export function richIn(language: string, ns: string, key: string): Rich {
	void i18n.loaded.length;
	const value = i18next.getResource(language, ns, key) as unknown;
	return Array.isArray(value) ? (value as Rich) : [];
}
