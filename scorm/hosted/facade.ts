// The object the hosted runtime puts on window.API_1484_11. It is scorm-again's SCORM 2004 API, so
// the course's discovery and SCORM 2004 tracker run unchanged, with one difference in what a
// Commit or Terminate answers: "saved" means the endpoint has it. While the endpoint is away,
// scorm-again keeps each commit in its offline queue (in this browser) and answers true; the facade
// answers false with error 391 and says so, so the course tells the learner that progress is not
// saved yet and keeps trying, instead of claiming a save the agency never received.
import type { Link } from './link.ts';

/** The SCORM 2004 run-time functions, as scorm-again and the facade offer them. */
export interface Scorm2004Functions {
	Initialize(parameter: string): string;
	Terminate(parameter: string): string;
	GetValue(element: string): string;
	SetValue(element: string, value: string): string;
	Commit(parameter: string): string;
	GetLastError(): string;
	GetErrorString(code: string | number): string;
	GetDiagnostic(code: string | number): string;
}

/** SCORM 2004 "General Commit Failure". */
export const COMMIT_FAILURE = '391';
/** SCORM 2004 "General Initialization Failure". */
export const INITIALIZATION_FAILURE = '102';

/** What the learner's coordinator reads when a save stayed in this browser. */
export const KEPT_IN_BROWSER =
	'The progress server could not be reached. This browser keeps the progress and sends it when the server is back.';

/**
 * Creates the facade over a scorm-again API; leaving() is true while the page is being hidden;
 * kept() runs after scorm-again put a commit in its offline queue.
 */
export function createFacade(options: {
	api: Scorm2004Functions;
	link: Link;
	leaving: () => boolean;
	kept?: () => void;
}): Scorm2004Functions {
	const { api, link, leaving, kept = () => {} } = options;
	// An error of the facade's own, answered by GetLastError until the next call that does work.
	let own: { code: string; text: string } | null = null;

	/** A commit scorm-again answered: the truth is "kept here" while the link is down. */
	const saved = (result: string): string => {
		own = null;
		if (result === 'true') {
			if (link.up) return 'true';
			kept();
			own = { code: COMMIT_FAILURE, text: KEPT_IN_BROWSER };
			return 'false';
		}
		// No answer at all (scorm-again turns the exception into 391). Browsers refuse synchronous
		// requests while a page is being hidden or closed, which says nothing about the endpoint.
		if (String(api.GetLastError()) === COMMIT_FAILURE && !leaving()) link.down();
		return 'false';
	};
	const pass = <T>(run: () => T): T => {
		own = null;
		return run();
	};

	return {
		Initialize: (p) => pass(() => api.Initialize(p)),
		GetValue: (element) => pass(() => api.GetValue(element)),
		SetValue: (element, value) => pass(() => api.SetValue(element, value)),
		Commit: (p) => saved(String(api.Commit(p))),
		Terminate: (p) => {
			const result = String(api.Terminate(p));
			// Terminate's own commit: a beacon (nothing to learn from it) or, while down, the queue.
			own = null;
			if (result !== 'true' || link.up) return result;
			kept();
			own = { code: COMMIT_FAILURE, text: KEPT_IN_BROWSER };
			return 'false';
		},
		GetLastError: () => own?.code ?? String(api.GetLastError()),
		GetErrorString: (code) =>
			own && String(code) === own.code ? own.text : String(api.GetErrorString(code)),
		GetDiagnostic: (code) =>
			own && String(code) === own.code ? own.text : String(api.GetDiagnostic(code))
	};
}

/**
 * The API for a launch that cannot be recorded (no learner id, endpoint unreachable at launch):
 * Initialize fails with the reason, so the course says at once that nothing is recorded and to
 * open it again, and sends nothing that could overwrite the learner's record.
 */
export function createRefusingApi(reason: string): Scorm2004Functions {
	let last = '0';
	const refuse = (code: string, value = 'false') => {
		last = code;
		return value;
	};
	return {
		Initialize: () => refuse(INITIALIZATION_FAILURE),
		Terminate: () => refuse('112'),
		GetValue: () => refuse('122', ''),
		SetValue: () => refuse('132'),
		Commit: () => refuse('142'),
		GetLastError: () => last,
		GetErrorString: (code) =>
			String(code) === INITIALIZATION_FAILURE ? reason : 'Not initialized',
		GetDiagnostic: (code) => (String(code) === INITIALIZATION_FAILURE ? reason : '')
	};
}
