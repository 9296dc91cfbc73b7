import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
		// The LMS launches index.html from an unknown sub-path inside frames, sometimes from file://:
		// only the hash router with the inline bundle works in all of those (toolchain.md §2).
		router: { type: 'hash' },
		output: { bundleStrategy: 'inline' },
		paths: { relative: true },
		alias: { $scorm: 'scorm/runtime', $modules: 'modules' },
		// A fixed version name keeps builds byte-identical (the default is Date.now()).
		version: { name: 'course' }
	}
};
export default config;
