// Entry of hosted-runtime.js, the classic script only the hosted web bundle carries (index.html
// loads it before the app): it starts the launch at once and puts the API where the course's SCORM
// 2004 discovery finds it, then settles the global the app waits for (src/hooks.client.ts).
import * as scorm2004 from 'scorm-again/scorm2004';
import type { Scorm2004API } from 'scorm-again';
import type { HostedGlobal, HostedWindow } from '../runtime/hosted-global.ts';
import { readConfig } from './config.ts';
import { createRefusingApi } from './facade.ts';
import { startHosted, type ScormAgainApi } from './runtime.ts';

// The subpath's typings declare a default export its ES build does not have (toolchain.md §5); the
// subpath keeps scorm-again's SCORM 1.2 half out of the script.
const { Scorm2004API: Api } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004API };

const page = window as Window & HostedWindow & { API_1484_11?: unknown };
const global: HostedGlobal = { ready: Promise.resolve() };
/** Without a working launch the course says at once that nothing is recorded (facade.ts). */
const refuse = (reason: string): void => {
	console.error(`hosted-runtime.js: ${reason}`);
	page.API_1484_11 = createRefusingApi(reason);
};
global.ready = (async () => {
	const config = readConfig(document);
	if (!config) return refuse('index.html names no progress server, so progress is not recorded.');
	const launch = await startHosted({
		config,
		href: location.href,
		win: window,
		storage: storageOrNone(),
		fetch: (...args) => fetch(...args),
		createApi: (settings) => new Api(settings) as unknown as ScormAgainApi
	});
	if (launch.refused) console.error(`hosted-runtime.js: ${launch.refused}`);
	page.API_1484_11 = launch.api;
})().catch((error: unknown) => {
	// The course must open whatever happens, saying that nothing is recorded.
	refuse(`the launch failed (${error instanceof Error ? error.message : String(error)}).`);
});
page.courseHosted = global;

/** localStorage, or an empty stand-in where the browser blocks it (no queue to read then). */
function storageOrNone(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
	try {
		return window.localStorage;
	} catch {
		return { getItem: () => null, setItem: () => {}, removeItem: () => {} };
	}
}
