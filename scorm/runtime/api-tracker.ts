// One tracker core for both SCORM versions: Initialize once, Terminate once and nothing after,
// the strict check before every SetValue, change-only writes, a save status for the UI, and
// retries with back-off whenever the LMS refuses a value or a commit.
import { createRetrier } from './backoff.ts';
import type { ApiCalls, Dialect } from './dialect.ts';
import { applyReached } from './reached.ts';
import { createStatusHub } from './status-hub.ts';
import { checkValue } from './strict.ts';
import { formatSessionTime } from './time-format.ts';
import type { LaunchInfo, Tracker } from './tracker.ts';

interface Outcome {
	ok: boolean;
	code: string;
	message: string;
}

/** The shortest time between two milestone commits (scorm-rules.md §2.9: not a commit storm). */
export const COMMIT_INTERVAL_MS = 2000;

/**
 * A commit that takes longer than this is reported as slow. API calls are synchronous, so the page
 * froze meanwhile; the data is saved, and the learner hears why the course paused.
 */
export const SLOW_CALL_MS = 3000;

const emptyLaunch: Omit<LaunchInfo, 'kind'> = {
	resumed: false,
	suspendData: '',
	location: '',
	learnerName: '',
	learnerId: '',
	language: ''
};

/** Creates a Tracker that speaks to an LMS API through calls, in the given dialect. */
export function createApiTracker(options: {
	calls: ApiCalls;
	dialect: Dialect;
	now?: () => number;
	/** Spreads retry waits; Math.random unless a test pins it. */
	random?: () => number;
}): Tracker {
	const { calls, dialect, now = Date.now, random } = options;
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
	// The latest values the LMS should hold, in the order they are set: a retry sends again those
	// it does not hold yet (only the latest value of each element, never a stale one).
	let latest: Array<[string, string]> = [];
	// Interaction fields the LMS refused, from the refused one on: the later ones depend on it.
	const unsent: Array<Array<[string, string]>> = [];
	// Why the latest save failed, until one succeeds.
	let problem = '';
	const retrier = createRetrier({ run: () => phase === 'open' && retry(), random });
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

	/** Says the save failed; an LMS failure (not a value we never sent) is retried later. */
	function notSaved(message: string, retryLater: boolean): void {
		problem = message;
		status.emit({ saved: false, message, problem: 'save' });
		if (retryLater && phase === 'open') retrier.schedule();
	}

	function read(element: string): string {
		const value = quietly(() => calls.getValue(element), '');
		const code = quietly(() => String(calls.getLastError() ?? '0'), '0');
		// A read error (2004 answers 403 for an unset location or suspend_data on a first launch)
		// means the value is unknown; nothing was lost, so the save status stays as it is.
		return code === '0' || code === '' ? String(value ?? '') : '';
	}

	function write(element: string, value: string): 'ok' | 'refused' | 'invalid' {
		const reason = checkValue({ standard: dialect.standard, element, value });
		if (reason) {
			notSaved(`${element} = ${preview(value)} was not sent to the LMS: ${reason}.`, false);
			return 'invalid';
		}
		const outcome = attempt(`did not accept ${element}`, () => calls.setValue(element, value));
		if (!outcome.ok) notSaved(outcome.message, true);
		return outcome.ok ? 'ok' : 'refused';
	}

	/** Sends the latest values the LMS does not hold yet. */
	function sendLatest(): void {
		for (const [element, value] of latest) {
			if (sent.get(element) !== value && write(element, value) === 'ok') sent.set(element, value);
		}
	}

	/** Sends one interaction's fields in order; what the LMS refuses waits for the next retry. */
	function sendRecord(fields: Array<[string, string]>): void {
		for (let i = 0; i < fields.length; i++) {
			const result = write(...fields[i]!);
			// A record without its id or type would make the LMS refuse every later field of it
			// anyway (2004 error 408); a value the strict check refuses never becomes valid.
			if (result === 'refused') unsent.push(fields.slice(i));
			if (result !== 'ok') return;
		}
	}

	function sendUnsent(): void {
		for (const fields of unsent.splice(0)) sendRecord(fields);
	}

	function pending(): boolean {
		return unsent.length > 0 || latest.some(([element, value]) => sent.get(element) !== value);
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
		const started = now();
		const outcome = attempt('could not save progress', () => calls.commit());
		// From the end of the call: a slow LMS gets its two seconds after it answered.
		lastCommitAt = now();
		if (!outcome.ok) return notSaved(outcome.message, true);
		if (pending()) {
			// Committed, but some values are still refused: their failure stands (and is retried).
			status.emit({ saved: false, message: problem, problem: 'save' });
			return;
		}
		problem = '';
		retrier.reset();
		const slow = lastCommitAt - started > SLOW_CALL_MS;
		status.emit(slow ? { saved: true, message: '', slow } : { saved: true, message: '' });
	}

	function retry(): void {
		sendLatest();
		sendUnsent();
		commitNow();
	}

	function open(): LaunchInfo {
		const empty: LaunchInfo = { ...emptyLaunch, kind: dialect.standard };
		startedAt = now();
		const outcome = attempt('did not start the session', () => calls.initialize());
		if (!outcome.ok && !dialect.openCodes.includes(outcome.code)) {
			phase = 'closed'; // no session, so no Terminate either (it would fail with 112 / 301)
			status.emit({ saved: false, message: outcome.message, problem: 'session' });
			return empty;
		}
		phase = 'open';
		const { entry, suspendData, location, learnerName, learnerId, language } = dialect.launch;
		const info: LaunchInfo = {
			...empty,
			resumed: read(entry) === 'resume',
			suspendData: read(suspendData),
			location: read(location),
			learnerName: read(learnerName),
			learnerId: read(learnerId),
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
		// Exit 'suspend' from the start, so that a window closed without a clean finish (unload
		// calls lost, browser crash) still resumes this attempt; finish() sets the final value.
		latest = [dialect.exit({ completed: false })];
		sendLatest();
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
			const reached = applyReached({ values, held: (e) => sent.get(e) });
			latest = [dialect.exit({ completed: false }), ...reached];
			sendLatest();
			if (commit) save();
		},
		record({ interaction, commit }) {
			if (phase !== 'open') return;
			sendRecord(dialect.interaction(interactionCount++, interaction));
			if (commit) save();
		},
		// Asked for directly (page hidden, periodic save): at once, whatever the interval, with
		// anything refused earlier sent again first.
		commit() {
			if (phase !== 'open') return;
			sendLatest();
			sendUnsent();
			commitNow();
		},
		finish() {
			if (phase !== 'open') {
				phase = 'closed';
				return;
			}
			// Closed first: a status listener that reports or commits from here on reaches no API.
			phase = 'closed';
			if (deferred !== undefined) clearTimeout(deferred);
			retrier.cancel();
			sendLatest();
			sendUnsent();
			write(...dialect.exit({ completed }));
			write(
				dialect.sessionTime,
				formatSessionTime({ standard: dialect.standard, ms: now() - startedAt })
			);
			// Terminate persists the data too, so a Commit that fails at unload (Cornerstone returns
			// null there) loses nothing when Terminate succeeds: only Terminate decides the status.
			attempt('could not save progress', () => calls.commit());
			const terminated = attempt('did not close the session', () => calls.terminate());
			if (!terminated.ok)
				status.emit({ saved: false, message: terminated.message, problem: 'save' });
			else if (pending()) status.emit({ saved: false, message: problem, problem: 'save' });
			else status.emit({ saved: true, message: '' });
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
