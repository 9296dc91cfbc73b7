// The Tracker port: the one interface the app depends on, whatever records progress underneath.

/** The two SCORM run-time versions a package is built for. */
export type Standard = 'scorm12' | 'scorm2004';

/** Which implementation is behind a Tracker: an LMS API, browser storage, or memory. */
export type TrackerKind = Standard | 'local' | 'memory';

/** What the course learns at launch. */
export interface LaunchInfo {
	kind: TrackerKind;
	resumed: boolean; // LMS entry was 'resume' (or saved local data existed)
	suspendData: string; // '' when none
	location: string; // '' when none
	learnerName: string; // '' when unknown
	language: string; // LMS learner preference language, '' when none
}

/** The learner's whole tracked state; trackers send only what changed. */
export interface TrackingReport {
	location: string; // bookmark, at most 255 chars
	suspendData: string;
	completion: 'incomplete' | 'completed';
	success: 'unknown' | 'passed' | 'failed';
	score?: { scaled: number }; // 0..1; trackers send raw = scaled*100 (≤2 decimals), min 0, max 100, and in 2004 also scaled
}

/** Whether the latest save reached its store. */
export interface SaveStatus {
	saved: boolean;
	message: string; // '' when fine; a plain English reason when not
}

/** Records the learner's progress; the concrete one is picked once at start-up. */
export interface Tracker {
	readonly kind: TrackerKind;
	start(): LaunchInfo; // Initialize exactly once; reading entry, suspend_data, location, learner name, language preference
	report(options: { report: TrackingReport; commit: boolean }): void; // set only the values that changed since last report, score before success before completion, then Commit when commit is true
	commit(): void;
	finish(): void; // once: exit 'suspend' unless completed ('' in 1.2, 'normal' in 2004); session time; Commit; Terminate. Further calls are no-ops; no API call after Terminate ever
	onStatus(listener: (status: SaveStatus) => void): () => void;
}
