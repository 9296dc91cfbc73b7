// The hosted bundle's endpoint protocol, shared by the runtime in the learner's browser and the
// stand-in endpoint (scorm/preview/hosted-endpoint.ts); docs/hosted.md describes it for agencies.
//
//   GET  <endpoint>?learner=<id>&course=<id>  → 200, the last commit accepted for them, or null
//   POST <endpoint>  body: scorm-again's JSON commit { cmi: {...}, commitSequence }
//                    → 200 {"result": true}, also for a stale commit it ignored
//
// A commit names who and what it belongs to by itself: the learner in cmi.learner_id and the
// course, launch and its order in cmi.launch_data (which the runtime sets at each launch). So a
// commit scorm-again kept while the endpoint was away, and replays in a later launch, still lands
// on the right record and in the right order.

/** Who and what a launch is: written into cmi.launch_data at launch. */
export interface LaunchIdentity {
	course: string;
	/** Per launch: its start time (base 36, fixed width, so it sorts as text), then random. */
	session: string;
	/** One more than the newest launch the runtime knew of when it started (no clocks involved). */
	order: number;
}

/** Where a commit stands: its launch's order, then the launch, then scorm-again's sequence. */
export interface CommitKey extends LaunchIdentity {
	learner: string;
	/** scorm-again's commitSequence: counts up within one launch, kept by offline replays. */
	sequence: number;
}

const VERSION = 'hosted1';

/** cmi.launch_data for a launch: `v=hosted1&course=…&session=…&order=…`. */
export function encodeLaunchData(identity: LaunchIdentity): string {
	const { course, session, order } = identity;
	return new URLSearchParams({ v: VERSION, course, session, order: String(order) }).toString();
}

/** The launch identity in cmi.launch_data, or null when it is not one of ours. */
export function decodeLaunchData(text: unknown): LaunchIdentity | null {
	if (typeof text !== 'string') return null;
	const q = new URLSearchParams(text);
	const order = Number(q.get('order'));
	const course = q.get('course') ?? '';
	const session = q.get('session') ?? '';
	if (q.get('v') !== VERSION || !course || !session || !Number.isSafeInteger(order) || order < 1)
		return null;
	return { course, session, order };
}

/** A commit as scorm-again sends it in the 'json' format (with includeCommitSequence). */
export interface CommitBody {
	cmi: Record<string, unknown>;
	commitSequence?: number;
	[field: string]: unknown;
}

/** Whether a parsed body looks like a commit (an object with a cmi object). */
export function isCommitBody(body: unknown): body is CommitBody {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
	const cmi = (body as { cmi?: unknown }).cmi;
	return typeof cmi === 'object' && cmi !== null && !Array.isArray(cmi);
}

/** Reads where a commit belongs and stands; null when it lacks any of it. */
export function commitKey(body: unknown): CommitKey | null {
	if (!isCommitBody(body)) return null;
	const identity = decodeLaunchData(body.cmi.launch_data);
	const learner = body.cmi.learner_id;
	const sequence = body.commitSequence;
	if (!identity || typeof learner !== 'string' || learner === '') return null;
	if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1) return null;
	return { ...identity, learner, sequence };
}

/**
 * True when commit a was captured after commit b: a later launch wins, then (two launches of the
 * same order: started from the same record, on two computers or in two windows) the later-started
 * one (the larger session id), then the later commit of one launch.
 */
export function isNewer(a: CommitKey, b: CommitKey): boolean {
	if (a.order !== b.order) return a.order > b.order;
	if (a.session !== b.session) return a.session > b.session;
	return a.sequence > b.sequence;
}

/** The URL that reads a learner's last commit for a course. */
export function readUrl(options: { endpoint: string; learner: string; course: string }): string {
	const url = new URL(options.endpoint);
	url.searchParams.set('learner', options.learner);
	url.searchParams.set('course', options.course);
	return url.href;
}

/** What a commit's HTTP answer means for the course. */
export interface CommitOutcome {
	result: 'true' | 'false';
	/** 0 when accepted; 101 (general exception) when not. */
	errorCode: number;
	/** The endpoint is away or overloaded (no answer, 408, 429, 5xx): worth trying again later. */
	unreachable: boolean;
}

/** Reads an endpoint's answer to a commit: 2xx with `"result": true` (or no body) is accepted. */
export function readCommitAnswer(options: { status: number; text: string }): CommitOutcome {
	const { status, text } = options;
	if (status >= 200 && status <= 299) {
		let result: unknown = true;
		try {
			if (text.trim() !== '') result = (JSON.parse(text) as { result?: unknown }).result ?? true;
		} catch {
			// A 2xx without JSON still stored the commit (a plain "OK" from a proxy, say).
		}
		const ok = result === true || result === 'true';
		return { result: ok ? 'true' : 'false', errorCode: ok ? 0 : 101, unreachable: false };
	}
	const unreachable = status === 0 || status === 408 || status === 429 || status >= 500;
	return { result: 'false', errorCode: 101, unreachable };
}
