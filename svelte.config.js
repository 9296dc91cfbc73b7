import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const OUT = process.env.COURSE_PSEUDO === '1' ? 'build-pseudo' : 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A build with the test-only pseudo-locales goes to its own folder, never to build/, which
		// is what the packager zips.
		adapter: adapter({ pages: OUT, assets: OUT, strict: true }),
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
