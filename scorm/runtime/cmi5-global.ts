// The contract between cmi5-runtime.js (a classic script only the cmi5 package carries) and the
// app: the script puts the launch handshake's outcome on `courseCmi5`, the app waits for it. Types
// only, so the SCORM packages' start-up carries no more than the property reads.
import type { Tracker } from './tracker.ts';

/** What cmi5-runtime.js exposes on the global. */
export interface Cmi5Global {
	/** Settles once the handshake is over; never rejects. */
	ready: Promise<Tracker | null>;
	/** The cmi5 tracker once ready; null without cmi5 launch parameters (no LMS). */
	tracker: Tracker | null;
}

/** A window with the global cmi5-runtime.js defines (absent in the SCORM packages). */
export interface Cmi5Window {
	courseCmi5?: Cmi5Global;
}
