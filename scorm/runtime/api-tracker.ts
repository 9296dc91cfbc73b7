// One tracker core for both SCORM versions: Initialize once, Terminate once and nothing after,
// the strict check before every SetValue, change-only writes, and a save status for the UI.
import { applyReached } from './reached.ts';
import { createStatusHub } from './status-hub.ts';
import { checkValue } from './strict.ts';
import { formatSessionTime } from './time-format.ts';
import type {
	InteractionRecord,
	LaunchInfo,
	ObjectiveReport,
	Standard,
	Tracker,
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

/** What differs between SCORM 1.2 and 2004 once the function names are hidden. */
export interface Dialect {
	standard: Standard;
	/** Elements read at start for LaunchInfo; the location and suspend data ones are also written. */
	launch: Record<Exclude<keyof LaunchInfo, 'kind' | 'resumed'> | 'entry', string>;
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

interface Outcome {
	ok: boolean;
	code: string;
	message: string;
}

/** The shortest time between two milestone commits (scorm-rules.md §2.9: not a commit storm). */
export const COMMIT_INTERVAL_MS = 2000;

const emptyLaunch: Omit<LaunchInfo, 'kind'> = {
	resumed: false,
	suspendData: '',
	location: '',
	learnerName: '',
	language: ''
};

/** Formats a 0..1 score with the given decimals, never in exponent notation. */
export function formatScore(options: { scaled: number; factor: number; decimals: number }): string {
	const { scaled, factor, decimals } = options;
	const rounding = 10 ** decimals;
	return String(Math.round(scaled * factor * rounding) / rounding);
}

/** Creates a Tracker that speaks to an LMS API through calls, in the given dialect. */
export function createApiTracker(options: {
	calls: ApiCalls;
	dialect: Dialect;
	now?: () => number;
}): Tracker {
	const { calls, dialect, now = Date.now } = options;
	// Milestone commits at most once per interval; one coming sooner is deferred, and several
	// deferred ones become one (LMSs throttle or drop commit storms).
	let lastCommitAt = -Infinity;
	let deferred: ReturnType<typeof setTimeout> | undefined;
	const status = createStatusHub();
	// What the LMS holds, as far as we know; only successful writes update it.
	const sent = new Map<string, string>();
	let phase: 'new' | 'open' | 'closed' = 'new';
	let launch: LaunchInfo | undefined;
	let startedAt = 0;
	let completed = false;
	let failedSinceCommit = false;
	// Objective indexes by id (read back on resume so a record is never duplicated), and the next
	// free interaction index (interactions are only ever appended).
	const objectiveIndex = new Map<string, number>();
	let interactionCount = 0;

	function lastError(): { code: string; detail: string } {
		const code = quietly(() => String(calls.getLastError() ?? ''), '');
		if (code === '' || code === '0') return { code, detail: '' };
		const text = quietly(() => String(calls.getErrorString(code) ?? ''), '');
		return { code, detail: ` (error ${code}${text ? `: ${text}` : ''})` };
	}

	function attempt(action: string, run: () => unknown): Outcome {
		try {
			// Some LMSs return a boolean true instead of the string "true".
			if (String(run()) === 'true') return { ok: true, code: '0', message: '' };
		} catch (error) {
			return { ok: false, code: '', message: `The LMS ${action}: ${describeError(error)}.` };
		}
		const { code, detail } = lastError();
		return { ok: false, code, message: `The LMS ${action}${detail}.` };
	}

	function fail(message: string): void {
		failedSinceCommit = true;
		status.emit({ saved: false, message });
	}

	function read(element: string): string {
		const value = quietly(() => calls.getValue(element), '');
		const code = quietly(() => String(calls.getLastError() ?? '0'), '0');
		// A read error (2004 answers 403 for an unset location or suspend_data on a first launch)
		// means the value is unknown; nothing was lost, so the save status stays as it is.
		return code === '0' || code === '' ? String(value ?? '') : '';
	}

	function write(element: string, value: string): boolean {
		const reason = checkValue({ standard: dialect.standard, element, value });
		if (reason) {
			fail(`${element} = ${preview(value)} was not sent to the LMS: ${reason}.`);
			return false;
		}
		const outcome = attempt(`did not accept ${element}`, () => calls.setValue(element, value));
		if (!outcome.ok) fail(outcome.message);
		return outcome.ok;
	}

	/** A milestone commit: now, or deferred to keep to one per COMMIT_INTERVAL_MS. */
	function save(): void {
		const wait = lastCommitAt + COMMIT_INTERVAL_MS - now();
		if (wait <= 0) return commitNow();
		deferred ??= setTimeout(() => {
			deferred = undefined;
			if (phase === 'open') commitNow();
		}, wait);
	}

	function commitNow(): void {
		if (deferred !== undefined) clearTimeout(deferred);
		deferred = undefined;
		lastCommitAt = now();
		const outcome = attempt('could not save progress', () => calls.commit());
		if (!outcome.ok) status.emit({ saved: false, message: outcome.message });
		else if (!failedSinceCommit) status.emit({ saved: true, message: '' });
		failedSinceCommit = false;
	}

	function open(): LaunchInfo {
		const empty: LaunchInfo = { ...emptyLaunch, kind: dialect.standard };
		startedAt = now();
		const outcome = attempt('did not start the session', () => calls.initialize());
		if (!outcome.ok && !dialect.openCodes.includes(outcome.code)) {
			phase = 'closed'; // no session, so no Terminate either (it would fail with 112 / 301)
			status.emit({ saved: false, message: outcome.message });
			return empty;
		}
		phase = 'open';
		const { entry, suspendData, location, learnerName, language } = dialect.launch;
		const info: LaunchInfo = {
			...empty,
			resumed: read(entry) === 'resume',
			suspendData: read(suspendData),
			location: read(location),
			learnerName: read(learnerName),
			language: read(language)
		};
		sent.set(suspendData, info.suspendData).set(location, info.location);
		const objectives = Number(read('cmi.objectives._count')) || 0;
		for (let n = 0; n < objectives; n++) {
			objectiveIndex.set(read(`cmi.objectives.${n}.id`), n);
			for (const element of dialect.objectiveKnown(n)) sent.set(element, read(element));
		}
		interactionCount = Number(read('cmi.interactions._count')) || 0;
		for (const element of dialect.known) sent.set(element, read(element));
		return info;
	}

	return {
		kind: dialect.standard,
		start() {
			// After finish() the tracker is over: a late start() must not open a new session.
			launch ??= phase === 'closed' ? { ...emptyLaunch, kind: dialect.standard } : open();
			return launch;
		},
		report({ report, commit }) {
			if (phase !== 'open') return;
			completed = report.completion === 'completed';
			const values = dialect.values(report);
			for (const objective of report.objectives ?? []) {
				if (!objectiveIndex.has(objective.id))
					objectiveIndex.set(objective.id, objectiveIndex.size);
				values.push(...dialect.objective(objectiveIndex.get(objective.id)!, objective));
			}
			for (const [element, value] of applyReached({ values, held: (e) => sent.get(e) })) {
				if (sent.get(element) !== value && write(element, value)) sent.set(element, value);
			}
			if (commit) save();
		},
		record({ interaction, commit }) {
			if (phase !== 'open') return;
			const n = interactionCount++;
			// Stop at the first refused value: a record without its id or type would make the LMS
			// refuse every later field of it anyway (2004 error 408).
			for (const [element, value] of dialect.interaction(n, interaction)) {
				if (!write(element, value)) break;
			}
			if (commit) save();
		},
		// Asked for directly (page hidden, periodic save): at once, whatever the interval.
		commit() {
			if (phase === 'open') commitNow();
		},
		finish() {
			if (phase !== 'open') {
				phase = 'closed';
				return;
			}
			// Closed first: a status listener that reports or commits from here on reaches no API.
			phase = 'closed';
			if (deferred !== undefined) clearTimeout(deferred);
			write(...dialect.exit({ completed }));
			write(
				dialect.sessionTime,
				formatSessionTime({ standard: dialect.standard, ms: now() - startedAt })
			);
			// Terminate persists the data too, so a Commit that fails at unload (Cornerstone returns
			// null there) loses nothing when Terminate succeeds: only Terminate decides the status.
			attempt('could not save progress', () => calls.commit());
			const terminated = attempt('did not close the session', () => calls.terminate());
			if (!terminated.ok) status.emit({ saved: false, message: terminated.message });
			else if (!failedSinceCommit) status.emit({ saved: true, message: '' });
		},
		onStatus(listener) {
			return status.listen(listener);
		}
	};
}

function quietly<T>(run: () => T, fallback: T): T {
	try {
		return run();
	} catch {
		return fallback;
	}
}

function describeError(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function preview(value: string): string {
	return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
