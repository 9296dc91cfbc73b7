// The contract between hosted-runtime.js (a classic script only the hosted web bundle carries) and
// the app: the script fetches the learner's record from the agency endpoint, puts the SCORM 2004
// API on window.API_1484_11, then settles `courseHosted.ready`; the app waits for it. Types only.

/** What hosted-runtime.js exposes on the global. */
export interface HostedGlobal {
	/** Settles once window.API_1484_11 is in place; never rejects. */
	ready: Promise<void>;
}

/** A window with the global hosted-runtime.js defines (absent in the LMS packages). */
export interface HostedWindow {
	courseHosted?: HostedGlobal;
}
