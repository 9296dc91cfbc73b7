// A cmi5 package's launch handshake and a hosted bundle's read of the learner's record are
// asynchronous (scorm/runtime/cmi5-entry.ts, scorm/hosted/entry.ts); SvelteKit waits for init
// before the first screen, so the course starts with its saved progress. The SCORM packages have
// no such global: init returns undefined and start-up is as before.
import type { Cmi5Window } from '$scorm/cmi5-global';
import type { HostedWindow } from '$scorm/hosted-global';

/** Waits for cmi5-runtime.js's handshake or hosted-runtime.js's launch when the package has one. */
export const init = () =>
	(window as Cmi5Window).courseCmi5?.ready ?? (window as HostedWindow).courseHosted?.ready;
