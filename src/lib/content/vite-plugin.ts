// Runs the content checks at build time and hands the app a validated course as
// `virtual:course`. A broken content file fails the build with its file, key path and fix.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourseContent } from './load.ts';

const ID = 'virtual:course';
const RESOLVED = '\0virtual:course';

/** Vite plugin: `import { course, resources } from 'virtual:course'`. */
export function coursePlugin(options: { root?: string } = {}): Plugin {
	const root = resolve(options.root ?? 'modules');
	return {
		name: 'course-content',
		resolveId: (id) => (id === ID ? RESOLVED : undefined),
		load(id) {
			if (id !== RESOLVED) return undefined;
			const loaded = loadCourseContent({ root });
			for (const file of loaded.files) this.addWatchFile(file);
			return [
				`export const course = ${JSON.stringify(loaded.course)};`,
				`export const resources = ${JSON.stringify(loaded.resources)};`
			].join('\n');
		}
	};
}
