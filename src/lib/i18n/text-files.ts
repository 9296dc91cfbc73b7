// The contract between the build (which writes each module's text as a classic script, and copies
// its images) and the course (which loads them when the module opens).

/** The folder beside index.html that holds each module's text and images. */
export const CONTENT_DIR = 'content';

/** The global the module text scripts push `[namespace, language, text]` into. */
export const TEXT_GLOBAL = 'courseText';

/** The file a module's text is loaded from, relative to index.html. */
export function moduleTextFile(ns: string, language: string): string {
	return `${CONTENT_DIR}/${ns}.${language}.js`;
}

/** Where a module's image is served, relative to index.html. */
export function moduleAssetFile(ns: string, file: string): string {
	return `${CONTENT_DIR}/${ns}/${file}`;
}

/** The file holding a language's start-up text when it is not the start-up file's language. */
export const HEAD_NS = 'head';

/** The files holding each victim handout (`content/handout.<language>.js`). */
export const HANDOUT_NS = 'handout';

/** The accessibility conformance report shipped beside index.html (from docs/). */
export const ACCESSIBILITY_FILE = 'accessibility.html';

/** The screens outside the modules: their labels (`ui.<screen>`) load with them, not at start-up. */
export const LATER_UI = ['assessment', 'certificate', 'card', 'resources', 'handouts'];
