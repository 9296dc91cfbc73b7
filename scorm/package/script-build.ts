// One entry file bundled in memory into one script with Vite (no files written, no imports
// left): the cmi5 runtime shipped in the cmi5 package, and the preview LMS player.
import { dirname } from 'node:path';
import { build, type Plugin } from 'vite';

/** Bundle `entry` into a single script; returns its code. */
export async function buildScript(options: {
	entry: string;
	format: 'iife' | 'es';
	minify: boolean;
	plugins?: Plugin[];
}): Promise<string> {
	const { entry, format, minify } = options;
	const result = await build({
		configFile: false,
		root: dirname(entry),
		logLevel: 'error',
		publicDir: false,
		envDir: false,
		mode: 'production',
		plugins: options.plugins ?? [],
		build: {
			write: false,
			minify,
			target: 'es2022',
			modulePreload: false,
			copyPublicDir: false,
			reportCompressedSize: false,
			rolldownOptions: { input: entry, output: { format, codeSplitting: false } }
		}
	});
	for (const output of Array.isArray(result) ? result : [result]) {
		if (!('output' in output)) continue;
		const chunk = output.output.find((o) => o.type === 'chunk' && o.isEntry);
		if (chunk?.type === 'chunk') return chunk.code;
	}
	throw new Error(`vite build produced no script for ${entry}`);
}
