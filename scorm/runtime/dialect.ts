// What the tracker core needs from each SCORM version: its API calls reduced to one shape, and the
// elements and value formats that differ between 1.2 and 2004.
import type {
	InteractionRecord,
	LaunchInfo,
	ObjectiveReport,
	Standard,
	TrackingReport
} from './tracker.ts';

/** The run-time API of either standard, reduced to one shape. */
export interface ApiCalls {
	initialize(): unknown;
	terminate(): unknown;
	getValue(element: string): unknown;
	setValue(element: string, value: string): unknown;
	commit(): unknown;
	getLastError(): unknown;
	getErrorString(code: string): unknown;
}

/** The LaunchInfo fields read from the LMS, plus the entry element. */
type LaunchElements = Pick<
	LaunchInfo,
	'suspendData' | 'location' | 'learnerName' | 'learnerId' | 'language'
>;

/** What differs between SCORM 1.2 and 2004 once the function names are hidden. */
export interface Dialect {
	standard: Standard;
	/** Elements read at start for LaunchInfo; the location and suspend data ones are also written. */
	launch: Record<keyof LaunchElements | 'entry', string>;
	/** Status elements read at start so a report does not resend what the LMS already holds. */
	known: readonly string[];
	/** Initialize error codes that still leave the session open (2004's 103, already initialized). */
	openCodes: readonly string[];
	/** Element values for a report, in the order they must be set. */
	values(report: TrackingReport): Array<[string, string]>;
	/** Status elements of objective n, read at start like `known`. */
	objectiveKnown(n: number): string[];
	/** Element values for objective n, id first. */
	objective(n: number, objective: ObjectiveReport): Array<[string, string]>;
	/** Element values for interaction n, in the order the standard requires (id, then type...). */
	interaction(n: number, interaction: InteractionRecord): Array<[string, string]>;
	/** The exit element and its value for a finished or unfinished learner. */
	exit(options: { completed: boolean }): [string, string];
	sessionTime: string;
}

/** Formats a 0..1 score with the given decimals, never in exponent notation. */
export function formatScore(options: { scaled: number; factor: number; decimals: number }): string {
	const { scaled, factor, decimals } = options;
	const rounding = 10 ** decimals;
	return String(Math.round(scaled * factor * rounding) / rounding);
}
