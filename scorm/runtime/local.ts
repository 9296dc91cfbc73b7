// The tracker for a course opened outside an LMS: progress lives in browser storage under a
// per-course key. Finishing keeps the data, so a learner who comes back resumes where they were.
import { createStatusHub } from './status-hub.ts';
import type { LaunchInfo, Tracker, TrackingReport } from './tracker.ts';

/** The part of Web Storage the local tracker needs. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Creates a Tracker that keeps the latest report in storage under key. */
export function createLocalTracker(options: { storage: ProgressStorage; key: string }): Tracker {
	const { storage, key } = options;
	const status = createStatusHub();
	let launch: LaunchInfo | undefined;
	let latest: TrackingReport | undefined;
	let dirty = false;
	let finished = false;
	let failing = false;

	function save(): void {
		if (!latest || !dirty) return;
		try {
			storage.setItem(key, JSON.stringify(latest));
			dirty = false;
			failing = false;
			status.emit({ saved: true, message: '' });
		} catch (error) {
			// Quota exceeded or storage blocked (private mode): keep the data in memory and retry later.
			if (!failing) status.emit({ saved: false, message: storageProblem(error) });
			failing = true;
		}
	}

	return {
		kind: 'local',
		start() {
			if (launch) return launch;
			const saved = finished ? undefined : readSaved({ storage, key });
			launch = {
				kind: 'local',
				resumed: saved !== undefined,
				suspendData: saved?.suspendData ?? '',
				location: saved?.location ?? '',
				learnerName: '',
				learnerId: '',
				language: ''
			};
			return launch;
		},
		report({ report, commit }) {
			if (finished) return;
			latest = { ...report, score: report.score && { ...report.score } };
			dirty = true;
			if (commit) save();
		},
		record() {
			// Outside an LMS there is nobody to report answers to; the answers themselves are in
			// the saved state.
		},
		commit() {
			if (!finished) save();
		},
		finish() {
			if (finished) return;
			save();
			finished = true;
		},
		onStatus(listener) {
			return status.listen(listener);
		}
	};
}

function readSaved(options: { storage: ProgressStorage; key: string }): TrackingReport | undefined {
	try {
		const text = options.storage.getItem(options.key);
		const data: unknown = text === null ? undefined : JSON.parse(text);
		if (!isReport(data)) return undefined;
		return data;
	} catch {
		// Unreadable or corrupt data: start fresh rather than fail to open the course.
		return undefined;
	}
}

function isReport(data: unknown): data is TrackingReport {
	if (typeof data !== 'object' || data === null) return false;
	const record = data as Record<string, unknown>;
	return typeof record.location === 'string' && typeof record.suspendData === 'string';
}

function storageProblem(error: unknown): string {
	const name = error instanceof Error ? error.name : '';
	return name === 'QuotaExceededError'
		? 'Progress could not be saved: browser storage is full.'
		: 'Progress could not be saved: browser storage is not available.';
}
