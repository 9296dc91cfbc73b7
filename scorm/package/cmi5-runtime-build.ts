// Builds cmi5-runtime.js, the classic script only the cmi5 package carries: the cmi5 library and
// the cmi5 tracker, bundled in memory with Vite's build API. Keeping them out of the app bundle
// keeps the SCORM packages' start-up download as it was (README, Budgets).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScript } from './script-build.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The runtime's entry: starts the launch handshake and exposes the tracker on a global. */
export const CMI5_RUNTIME_ENTRY = join(here, '..', 'runtime', 'cmi5-entry.ts');

/** The script's name beside index.html in the cmi5 package. */
export const CMI5_RUNTIME_FILE = 'cmi5-runtime.js';

/** The third-party notices shipped beside the script (Apache-2.0 asks for LICENSE and NOTICE). */
export const CMI5_RUNTIME_LICENSE_FILE = 'cmi5-runtime.LICENSE.txt';

const LIBRARY = '@rusticisoftware/cmi5';

/** The built script and the license text that goes with it. */
export interface Cmi5Runtime {
	code: string;
	license: string;
}

async function libraryNotices(): Promise<{ version: string; license: string }> {
	const manifest = createRequire(import.meta.url).resolve(`${LIBRARY}/package.json`);
	const dir = dirname(manifest);
	const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
	const [license, notice] = await Promise.all([
		readFile(join(dir, 'LICENSE.md'), 'utf8'),
		readFile(join(dir, 'NOTICE'), 'utf8')
	]);
	return {
		version,
		license: `${CMI5_RUNTIME_FILE} bundles ${LIBRARY} ${version}.\n\n${notice.trim()}\n\n${license.trim()}\n`
	};
}

/** Bundles the runtime into one minified classic script (an IIFE, no imports left). */
export async function buildCmi5Runtime(options: { entry?: string } = {}): Promise<Cmi5Runtime> {
	const entry = options.entry ?? CMI5_RUNTIME_ENTRY;
	const { version, license } = await libraryNotices();
	const code = await buildScript({ entry, format: 'iife', minify: true });
	// Prepended here: the minifier drops a rolldown banner.
	const banner = `/*! ${LIBRARY} ${version} (Apache-2.0): see ${CMI5_RUNTIME_LICENSE_FILE} */\n`;
	return { code: banner + code, license };
}

let cached: Promise<Cmi5Runtime> | undefined;

/** The runtime, built once per process (packageAll and tests may ask more than once). */
export function cmi5Runtime(): Promise<Cmi5Runtime> {
	cached ??= buildCmi5Runtime();
	// A failed build is not cached, so the next call retries.
	cached.catch(() => (cached = undefined));
	return cached;
}
