// The contract between the build (which writes each module's text as a classic script) and the
// course (which loads it when the module opens).

/** The global the module text scripts push `[namespace, language, text]` into. */
export const TEXT_GLOBAL = 'courseText';

/** The file a module's text is loaded from, relative to index.html. */
export function moduleTextFile(ns: string, language: string): string {
	return `content/${ns}.${language}.js`;
}
