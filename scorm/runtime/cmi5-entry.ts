// cmi5-runtime.js, the classic script only the cmi5 package carries (index.html loads it before
// the app): it starts the launch handshake at once and puts the outcome on a global the app
// waits for (src/hooks.client.ts). The SCORM packages never load any of this.
import type { Cmi5Global, Cmi5Window } from './cmi5-global.ts';
import { startCmi5Tracker } from './cmi5.ts';

const global: Cmi5Global = { tracker: null, ready: Promise.resolve(null) };
global.ready = startCmi5Tracker({
	href: location.href,
	navigate: (url) => location.assign(url)
})
	// The course must open whatever happens: without a tracker it keeps progress locally.
	.catch(() => null)
	.then((tracker) => (global.tracker = tracker));
(globalThis as Cmi5Window).courseCmi5 = global;
