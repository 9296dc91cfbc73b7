// The Tracker port: the one interface the app depends on, whatever records progress underneath.

/** The two SCORM run-time versions a package is built for. */
export type Standard = 'scorm12' | 'scorm2004';

/** Which implementation is behind a Tracker: an LMS API, browser storage, or memory. */
export type TrackerKind = Standard | 'local' | 'memory';

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
	/** LMS learner preference language, '' when none. */
	language: string;
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
}

/** Whether the latest save reached its store. */
export interface SaveStatus {
	saved: boolean;
	/** '' when fine; a plain English reason when not. */
	message: string;
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
	commit(): void;
	/**
	 * Once: exit 'suspend' unless completed ('' in 1.2, 'normal' in 2004), session time, Commit,
	 * Terminate. Further calls are no-ops; no API call after Terminate ever.
	 */
	finish(): void;
	/** Subscribes to save statuses; returns the unsubscribe function. */
	onStatus(listener: (status: SaveStatus) => void): () => void;
}
