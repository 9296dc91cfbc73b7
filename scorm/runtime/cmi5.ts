// The cmi5 tracker (scorm-rules.md §5). @rusticisoftware/cmi5 does the launch handshake (launch
// parameters, POST fetch for the auth token, LMS.LaunchData, learner preferences, "initialized")
// and prepares the cmi5 defined statements; the tracker decides what to send and sends it in
// order (cmi5-outbox.ts). Progress lives in the xAPI State API, so a relaunch resumes.
import Cmi5 from '@rusticisoftware/cmi5';
import { createOutbox, XAPI_VERSION, type XapiCall } from './cmi5-outbox.ts';
import { ANSWERED, answeredStatement, verdicts, type Reported } from './cmi5-statements.ts';
import { createStatusHub } from './status-hub.ts';
import type { LaunchInfo, Tracker, TrackingReport } from './tracker.ts';

/** The activity state document that holds the learner's progress. */
export const SUSPEND_STATE_ID = 'suspend';

/** The launch parameters an LMS puts on the AU's URL (cmi5 §8.1). */
export const LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];

/** What the State API document holds. */
export interface SavedState {
	v: 1;
	suspendData: string;
	location: string;
	reported: Reported;
}

const emptyLaunch: Omit<LaunchInfo, 'kind'> = {
	resumed: false,
	suspendData: '',
	location: '',
	learnerName: '',
	learnerId: '',
	language: ''
};

/** Whether a URL carries every cmi5 launch parameter. */
export function hasLaunchParameters(href: string): boolean {
	const params = new URL(href).searchParams;
	return LAUNCH_PARAMETERS.every((name) => (params.get(name) ?? '') !== '');
}

/**
 * Runs the launch handshake and returns the tracker: null without cmi5 launch parameters (no
 * LMS), a tracker that says why progress is not saved when the handshake fails or times out.
 */
export async function startCmi5Tracker(options: {
	href: string;
	/** Where a returnURL sends the learner once the session is over. */
	navigate: (url: string) => void;
	timeoutMs?: number;
	now?: () => number;
}): Promise<Tracker | null> {
	const { href, navigate, timeoutMs = 20_000, now = Date.now } = options;
	if (!hasLaunchParameters(href)) return null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const lib = new Cmi5(href);
		let saved: SavedState | null = null;
		const handshake = lib.start({
			// Read before "initialized": the course is ready for the learner only with its progress.
			async launchData() {
				saved = await readSaved(lib);
			}
		});
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error('the LMS did not answer in time')), timeoutMs);
		});
		await Promise.race([handshake, timeout]);
		return createCmi5Tracker({ lib, saved, navigate, now });
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return createFailedTracker({ message: `The LMS did not start the session: ${reason}.` });
	} finally {
		clearTimeout(timer);
	}
}

function stateParams(lib: Cmi5): Record<string, string> {
	return {
		stateId: SUSPEND_STATE_ID,
		activityId: lib.getActivityId(),
		agent: JSON.stringify(lib.getActor()),
		registration: lib.getRegistration()
	};
}

async function readSaved(lib: Cmi5): Promise<SavedState | null> {
	const query = new URLSearchParams(stateParams(lib)).toString();
	const response = await fetch(`${lib.getEndpoint()}/activities/state?${query}`, {
		headers: { Authorization: lib.getAuth(), 'X-Experience-API-Version': XAPI_VERSION }
	});
	if (response.status === 404) return null;
	if (!response.ok) throw new Error(`reading saved progress failed (HTTP ${response.status})`);
	const data = (await response.json().catch(() => null)) as Partial<SavedState> | null;
	// Unreadable data starts fresh, as in SCORM: the course says so when it cannot decode it.
	if (data?.v !== 1 || typeof data.suspendData !== 'string') return null;
	const reported = data.reported ?? { completed: false, passed: false, failed: false };
	return { v: 1, suspendData: data.suspendData, location: data.location ?? '', reported };
}

function createFailedTracker(options: { message: string }): Tracker {
	const status = createStatusHub();
	let launch: LaunchInfo | undefined;
	return {
		kind: 'cmi5',
		start() {
			if (!launch) {
				launch = { ...emptyLaunch, kind: 'cmi5' };
				status.emit({ saved: false, message: options.message });
			}
			return launch;
		},
		report() {},
		record() {},
		commit() {},
		finish() {},
		onStatus: (listener) => status.listen(listener)
	};
}

function createCmi5Tracker(options: {
	lib: Cmi5;
	saved: SavedState | null;
	navigate: (url: string) => void;
	now: () => number;
}): Tracker {
	const { lib, saved, navigate, now } = options;
	// Browse and Review record nothing about completion (cmi5 §10, launchMode); the learner's
	// progress from Normal launches is left as it was.
	const normal = lib.getLaunchMode() === 'Normal';
	const masteryScore = lib.getMasteryScore();
	const activityId = lib.getActivityId();
	const status = createStatusHub();
	let failedSinceDrain = false;
	const outbox = createOutbox({
		endpoint: lib.getEndpoint(),
		auth: lib.getAuth(),
		onFailure(message) {
			failedSinceDrain = true;
			status.emit({ saved: false, message });
		},
		onDrained() {
			if (!failedSinceDrain) status.emit({ saved: true, message: '' });
			failedSinceDrain = false;
		}
	});
	let state: SavedState = saved ?? {
		v: 1,
		suspendData: '',
		location: '',
		reported: { completed: false, passed: false, failed: false }
	};
	let dirty = false;
	let judgedThisSession = false;
	let closed = false;
	// Nothing may be stamped before "initialized", which the handshake has just sent.
	let lastTimestamp = now();
	const launch: LaunchInfo = {
		...emptyLaunch,
		kind: 'cmi5',
		resumed: saved !== null && saved.suspendData !== '',
		suspendData: state.suspendData,
		location: state.location,
		learnerName: lib.getActor().name ?? '',
		language: (lib.getLanguagePreference() ?? '').split(',')[0]!.trim()
	};

	/** Statement timestamps strictly increase: cmi5 orders a session's statements by them. */
	function stamp(statement: { timestamp: string }, at = now()): void {
		lastTimestamp = Math.max(at, lastTimestamp + 1);
		statement.timestamp = new Date(lastTimestamp).toISOString();
	}

	function sendStatement(
		statement: ReturnType<Cmi5['prepareStatement']>,
		extra: Partial<XapiCall>
	) {
		outbox.send({
			method: 'PUT',
			resource: 'statements',
			params: { statementId: statement.id },
			body: statement,
			what: `the "${statement.verb.id.split('/').pop()}" statement`,
			...extra
		});
	}

	function saveState(): void {
		if (!normal || !dirty) return;
		dirty = false;
		outbox.send({
			method: 'PUT',
			resource: 'activities/state',
			params: stateParams(lib),
			body: state,
			what: 'your progress',
			key: 'state',
			done: (ok) => (dirty ||= !ok)
		});
	}

	function update(change: {
		location?: string;
		suspendData?: string;
		reported?: Partial<Reported>;
	}) {
		state = { ...state, ...change, reported: { ...state.reported, ...change.reported } };
		dirty = true;
	}

	function judge(report: TrackingReport): void {
		// A retry clears the answers: the next failed verdict is a new one to report.
		if (report.success === 'unknown' && state.reported.failed) {
			update({ reported: { failed: false } });
		}
		const found = verdicts({ report, masteryScore, reported: state.reported, judgedThisSession });
		for (const verdict of found) {
			const verb = verdict.verb;
			let statement: ReturnType<Cmi5['completedStatement']>;
			try {
				statement =
					verdict.verb === 'completed'
						? lib.completedStatement()
						: verdict.verb === 'passed'
							? lib.passedStatement({ scaled: verdict.scaled })
							: lib.failedStatement({ scaled: verdict.scaled });
			} catch (error) {
				// The library refuses what cmi5 forbids (a score against masteryScore): say so, send nothing.
				failedSinceDrain = true;
				status.emit({ saved: false, message: `The ${verb} result was not sent: ${String(error)}` });
				continue;
			}
			stamp(statement);
			const judging = verb !== 'completed';
			if (judging) judgedThisSession = true;
			update({ reported: { [verb]: true } });
			sendStatement(statement, {
				// Not recorded: forget it was sent, so a later report sends it again.
				done: (ok) => {
					if (ok) return;
					update({ reported: { [verb]: false } });
					if (judging) judgedThisSession = false;
				}
			});
		}
	}

	return {
		kind: 'cmi5',
		start: () => launch,
		report({ report, commit }) {
			if (closed) return;
			if (report.location !== state.location || report.suspendData !== state.suspendData) {
				update({ location: report.location, suspendData: report.suspendData });
			}
			if (normal) judge(report);
			if (commit) saveState();
		},
		record({ interaction, commit }) {
			if (closed) return;
			const statement = answeredStatement({
				base: lib.prepareStatement(ANSWERED),
				activityId,
				interaction
			});
			stamp(statement, interaction.at.getTime());
			sendStatement(statement, { what: `the answer to ${interaction.id}` });
			if (commit) saveState();
		},
		commit() {
			if (!closed) saveState();
		},
		finish() {
			if (closed) return;
			closed = true;
			saveState();
			const terminated = lib.terminatedStatement();
			stamp(terminated);
			sendStatement(terminated, {});
			// The LMS asks to have the learner back once the session is over (cmi5 §10, returnURL).
			const returnURL = lib.getReturnURL();
			void outbox.flush().then(() => {
				if (returnURL) navigate(returnURL);
			});
		},
		onStatus: (listener) => status.listen(listener)
	};
}
