// The Tracker port: the one interface the app depends on, whatever records progress underneath.

/** The two SCORM run-time versions a package is built for. */
export type Standard = 'scorm12' | 'scorm2004';

/** Which implementation is behind a Tracker: an LMS API, a cmi5 LMS, browser storage, or memory. */
export type TrackerKind = Standard | 'cmi5' | 'local' | 'memory';

/** What the course learns at launch. */
export interface LaunchInfo {
	kind: TrackerKind;
	/** LMS entry was 'resume' (or saved local data existed). */
	resumed: boolean;
	/** '' when none. */
	suspendData: string;
	/** '' when none. */
	location: string;
	/** '' when unknown; as the LMS gives it (1.2 LMSs often send "Last, First"). */
	learnerName: string;
	/** '' when unknown; the LMS's id for the learner, only used (hashed) to key the local copy. */
	learnerId: string;
	/** LMS learner preference language, '' when none. */
	language: string;
	/**
	 * The progress this browser kept during an earlier launch of the same LMS attempt, offered so the
	 * app can resume from it when it is newer than the LMS's (lost commits, corrupt data).
	 */
	localCopy?: { suspendData: string; location: string };
	/** True when progress is also kept in this browser while the LMS is in use. */
	keptLocally?: boolean;
}

/** The learner's whole tracked state; trackers send only what changed. */
export interface TrackingReport {
	/** Bookmark, at most 255 chars. */
	location: string;
	suspendData: string;
	completion: 'incomplete' | 'completed';
	success: 'unknown' | 'passed' | 'failed';
	/**
	 * 0..1; trackers send raw = scaled*100 (≤2 decimals), min 0, max 100, and in 2004 also scaled.
	 */
	score?: { scaled: number };
	/** One per module; written in a stable order of ids, change-only like the rest. */
	objectives?: ObjectiveReport[];
}

/** One learning objective's standing (the course reports one per module). */
export interface ObjectiveReport {
	/** Portable id: letters, digits, underscore. */
	id: string;
	completion: 'incomplete' | 'completed';
	success: 'unknown' | 'passed' | 'failed';
	/** 0..1; sent only when known. */
	score?: { scaled: number };
}

/**
 * One answered knowledge check or scenario decision, journaled as a new cmi.interactions.n record
 * (never rewritten), so a coordinator sees every answer and every attempt.
 */
export interface InteractionRecord {
	/** Portable, stable id: letters, digits, underscore (at most 255 characters). */
	id: string;
	/**
	 * choice: options chosen; true-false: response `t` or `f`; sequencing: option ids in order;
	 * matching: `source.target` pairs (an option id, a target id).
	 */
	type: 'choice' | 'true-false' | 'sequencing' | 'matching';
	/** Every option (or item) id in display order; SCORM 1.2 needs single characters, mapped by position. */
	options: string[];
	/** matching only: every target (category) id; 1.2 maps them to single characters by position. */
	targets?: string[];
	/** What the learner answered (see `type`). */
	response: string[];
	/** The correct (or best) answer, in the same form. */
	correct: string[];
	result: 'correct' | 'incorrect' | 'neutral';
	latencyMs: number;
	at: Date;
	/** What was asked (2004 only; cut to 250 characters). */
	description: string;
	/** The objective (module) it counts toward. */
	objective: string;
}

/** Whether the latest save reached its store. */
export interface SaveStatus {
	saved: boolean;
	/** '' when fine; a plain English reason when not. */
	message: string;
	/**
	 * Why not saved: 'session' when the LMS did not start the session (nothing can be saved until
	 * the course is opened again), 'save' when a value or a commit failed (the tracker retries).
	 */
	problem?: 'session' | 'save';
	/** Saved, but the LMS took more than SLOW_CALL_MS to confirm it. */
	slow?: boolean;
}

/** Records the learner's progress; the concrete one is picked once at start-up. */
export interface Tracker {
	readonly kind: TrackerKind;
	/**
	 * Initializes exactly once, reading entry, suspend_data, location, learner name and language
	 * preference. Later calls return the same LaunchInfo.
	 */
	start(): LaunchInfo;
	/**
	 * Sets only the values that changed since the last report, score before success before
	 * completion, then commits when commit is true.
	 */
	report(options: { report: TrackingReport; commit: boolean }): void;
	/** Appends one interaction record (journaling); commits when commit is true. */
	record(options: { interaction: InteractionRecord; commit: boolean }): void;
	commit(): void;
	/**
	 * Once: exit 'suspend' unless completed ('' in 1.2, 'normal' in 2004), session time, Commit,
	 * Terminate. Further calls are no-ops; no API call after Terminate ever. (LMS trackers also set
	 * exit 'suspend' at start, so a session that never finishes still resumes.)
	 */
	finish(): void;
	/** Subscribes to save statuses; returns the unsubscribe function. */
	onStatus(listener: (status: SaveStatus) => void): () => void;
}
