import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { coursePlugin } from './src/lib/content/vite-plugin.ts';

export default defineConfig({
	plugins: [coursePlugin(), sveltekit()],
	// The inline bundle cannot reference emitted asset files: inline every imported asset.
	build: { assetsInlineLimit: () => true, sourcemap: false },
	test: {
		environment: 'happy-dom',
		include: ['src/**/*.test.ts', 'scorm/**/*.test.ts', 'scripts/**/*.test.ts'],
		testTimeout: 20000
	}
});
