// Runs the content checks at build time and hands the app a validated course as
// `virtual:course`. A broken content file fails the build with its file, key path and fix.
//
// Start-up carries only what the home screen needs (course text, module titles, descriptions and
// objectives). Each module's lesson and scenario text is written to `static/content/` as a small
// classic script, loaded when the module is opened: classic scripts load from any LMS sub-path
// and from file://, where fetch() and module imports do not. The scenario engine (xstate) is
// written there too (`content/scenario-engine.js`), loaded when the first scenario opens.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildScript } from '../../../scorm/package/script-build.ts';
import { ENGINE_FILE } from '../scenario/engine.ts';
import type { Resources } from '../course/types.ts';
import { loadCourseContent, type ImageAsset } from './load.ts';
import { COURSE_NS, GLOSSARY_NS } from './text.ts';
import { splitLayout, type Layouts } from '../course/layout.ts';
import {
	ACCESSIBILITY_FILE,
	CONTENT_DIR,
	LATER_UI,
	HANDOUT_NS,
	HEAD_NS,
	TEXT_GLOBAL,
	moduleTextFile
} from '../i18n/text-files.ts';

const ID = 'virtual:course';
const RESOLVED = '\0virtual:course';
/** Keys of a module's text needed before the module is opened (home screen). */
const HEAD_KEYS = ['title', 'description', 'objectives'];

/** Vite plugin: `import { course, resources } from 'virtual:course'` plus per-module text files. */
export function coursePlugin(
	options: { root?: string; staticDir?: string; profile?: string; pseudo?: boolean } = {}
): Plugin {
	const root = resolve(options.root ?? 'modules');
	// The agency profile: COURSE_PROFILE (set by `npm run package`), else profiles/default.yaml.
	const profile = options.profile ?? process.env.COURSE_PROFILE;
	// The test-only pseudo-locales: COURSE_PSEUDO=1 (`npm run build:pseudo`, into build-pseudo/).
	const pseudo = options.pseudo ?? process.env.COURSE_PSEUDO === '1';
	const staticDir = resolve(options.staticDir ?? 'static');
	// Built once per process (vitest never loads it), rewritten with the module files.
	let engine: string | undefined;
	const load = () => {
		const loaded = loadCourseContent({ root, pseudo, ...(profile ? { profile } : {}) });
		const { head, body } = splitResources(loaded.resources, {
			startup: loaded.course.defaultLanguage
		});
		const { startup, layouts } = splitLayout(loaded.course, { library: GLOSSARY_NS });
		const handouts = Object.entries(loaded.handouts).map(([language, text]) => ({
			ns: HANDOUT_NS,
			language,
			text
		}));
		writeModuleFiles({ staticDir, body: [...body, ...handouts], layouts, images: loaded.images });
		if (engine) writeFileSync(join(staticDir, ENGINE_FILE), engine);
		// The accessibility conformance report (generated into docs/, `npm run a11y:report`) ships
		// beside index.html; the footer links it.
		copyFileSync(resolve('docs', ACCESSIBILITY_FILE), join(staticDir, ACCESSIBILITY_FILE));
		return { ...loaded, course: startup, head };
	};
	return {
		name: 'course-content',
		// Write the module text before Vite copies static/ into the build.
		async buildStart() {
			if (!process.env.VITEST) {
				engine ??= await buildScript({
					entry: resolve('src/lib/scenario/engine-entry.ts'),
					format: 'iife',
					minify: true
				});
			}
			load();
		},
		resolveId: (id) => (id === ID ? RESOLVED : undefined),
		load(id) {
			if (id !== RESOLVED) return undefined;
			const loaded = load();
			for (const file of loaded.files) this.addWatchFile(file);
			return [
				`export const course = ${JSON.stringify(loaded.course)};`,
				`export const resources = ${JSON.stringify(loaded.head)};`
			].join('\n');
		}
	};
}

/**
 * Split resources into what start-up needs and each module's text. Only the `startup` language's
 * start-up text is in the start-up file; another language's is one file (`head`), loaded before
 * that language is shown (the learner's preference, or a switch).
 */
export function splitResources(resources: Resources, options: { startup?: string } = {}) {
	const all: Resources = {};
	const body: { ns: string; language: string; text: Record<string, unknown> }[] = [];
	const head: Resources = {};
	for (const [language, namespaces] of Object.entries(resources)) {
		all[language] = {};
		for (const [ns, text] of Object.entries(namespaces)) {
			if (ns === COURSE_NS) {
				// Labels of the screens outside the modules load with those screens
				// (content/course.<lang>.js), not at start-up.
				const ui = { ...(text.ui as Record<string, unknown>) };
				const later = Object.fromEntries(LATER_UI.filter((k) => k in ui).map((k) => [k, ui[k]]));
				for (const k of LATER_UI) delete ui[k];
				all[language][ns] = { ...text, ui };
				body.push({ ns, language, text: { ui: later } });
				continue;
			}
			const entries = Object.entries(text);
			all[language][ns] = Object.fromEntries(entries.filter(([k]) => HEAD_KEYS.includes(k)));
			body.push({
				ns,
				language,
				text: Object.fromEntries(entries.filter(([k]) => !HEAD_KEYS.includes(k)))
			});
		}
		if (!options.startup || language === options.startup) head[language] = all[language]!;
		else body.push({ ns: HEAD_NS, language, text: all[language]! });
	}
	return { head, body };
}

/** Replace static/content/ with each module's text script and images (generated, not committed). */
function writeModuleFiles(options: {
	staticDir: string;
	body: ReturnType<typeof splitResources>['body'];
	layouts: Layouts;
	images: ImageAsset[];
}) {
	rmSync(join(options.staticDir, CONTENT_DIR), { recursive: true, force: true });
	const write = (to: string, data: string | Buffer) => {
		const file = join(options.staticDir, to);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, data);
	};
	const push = (entry: unknown[]) =>
		`(self.${TEXT_GLOBAL}=self.${TEXT_GLOBAL}||[]).push(${JSON.stringify(entry)});\n`;
	for (const { ns, language, text } of options.body) {
		if (ns === HEAD_NS) {
			// Each namespace's start-up text, not marked loaded (its body comes in its own file);
			// then the head itself, marked loaded.
			const parts = Object.entries(text).map(([n, t]) => push([n, language, t, null, false]));
			write(moduleTextFile(ns, language), [...parts, push([ns, language, {}])].join(''));
			continue;
		}
		// The module's layout rides along with its text (it is small, and one file means one request).
		write(moduleTextFile(ns, language), push([ns, language, text, options.layouts[ns] ?? {}]));
	}
	for (const image of options.images) write(image.to, readFileSync(image.from));
}
