// Builds hosted-runtime.js, the classic script only the hosted web bundle carries: scorm-again's
// SCORM 2004 API and the hosted runtime (scorm/hosted/), bundled in memory with Vite's build API.
// The LMS packages never carry it, so their start-up download is unchanged.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScript } from './script-build.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The runtime's entry: reads the learner's record, then puts the API on window.API_1484_11. */
export const HOSTED_RUNTIME_ENTRY = join(here, '..', 'hosted', 'entry.ts');

/** The script's name beside index.html in the hosted bundle. */
export const HOSTED_RUNTIME_FILE = 'hosted-runtime.js';

/** The third-party notice shipped beside the script (MIT asks for the copyright and license). */
export const HOSTED_RUNTIME_LICENSE_FILE = 'hosted-runtime.LICENSE.txt';

const LIBRARY = 'scorm-again';

/** The built script and the license text that goes with it. */
export interface HostedRuntime {
	code: string;
	license: string;
}

async function libraryNotice(): Promise<{ version: string; license: string }> {
	// scorm-again's exports map hides its package.json: find its folder from the main entry.
	let dir = dirname(createRequire(import.meta.url).resolve(LIBRARY));
	while (basename(dir) !== LIBRARY && dirname(dir) !== dir) dir = dirname(dir);
	const manifest = join(dir, 'package.json');
	const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
	const text = await readFile(join(dir, 'LICENSE'), 'utf8');
	return {
		version,
		license: `${HOSTED_RUNTIME_FILE} bundles ${LIBRARY} ${version}.\n\n${text.trim()}\n`
	};
}

/** Bundles the runtime into one minified classic script (an IIFE, no imports left). */
export async function buildHostedRuntime(options: { entry?: string } = {}): Promise<HostedRuntime> {
	const entry = options.entry ?? HOSTED_RUNTIME_ENTRY;
	const { version, license } = await libraryNotice();
	const code = await buildScript({ entry, format: 'iife', minify: true });
	// Prepended here: the minifier drops a rolldown banner.
	const banner = `/*! ${LIBRARY} ${version} (MIT): see ${HOSTED_RUNTIME_LICENSE_FILE} */\n`;
	return { code: banner + code, license };
}

let cached: Promise<HostedRuntime> | undefined;

/** The runtime, built once per process (the packager and tests may ask more than once). */
export function hostedRuntime(): Promise<HostedRuntime> {
	cached ??= buildHostedRuntime();
	// A failed build is not cached, so the next call retries.
	cached.catch(() => (cached = undefined));
	return cached;
}
