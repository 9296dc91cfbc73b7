// An in-memory tracker for tests and for browsers where no storage works. It records every call.
import { createStatusHub } from './status-hub.ts';
import type {
	InteractionRecord,
	LaunchInfo,
	SaveStatus,
	Tracker,
	TrackingReport
} from './tracker.ts';

/** A Tracker that records what the app sent, plus a way to fake save statuses. */
export interface MemoryTracker extends Tracker {
	readonly kind: 'memory';
	/** Every report, oldest first. */
	readonly reports: TrackingReport[];
	readonly interactions: InteractionRecord[];
	/** Calls in order: 'start', 'report', 'report+commit', 'commit', 'finish' (no-ops excluded). */
	readonly calls: string[];
	/** Sends a status to the listeners, as a real tracker would. */
	emit(status: SaveStatus): void;
}

/** Creates a MemoryTracker; launch overrides what start() returns. */
export function createMemoryTracker(
	options: { launch?: Partial<Omit<LaunchInfo, 'kind'>> } = {}
): MemoryTracker {
	const status = createStatusHub();
	const reports: TrackingReport[] = [];
	const interactions: InteractionRecord[] = [];
	const calls: string[] = [];
	let launch: LaunchInfo | undefined;
	let finished = false;
	return {
		kind: 'memory',
		reports,
		interactions,
		calls,
		start() {
			if (launch) return launch;
			calls.push('start');
			launch = {
				resumed: false,
				suspendData: '',
				location: '',
				learnerName: '',
				learnerId: '',
				language: '',
				...options.launch,
				kind: 'memory'
			};
			return launch;
		},
		report({ report, commit }) {
			if (finished) return;
			reports.push({ ...report, score: report.score && { ...report.score } });
			calls.push(commit ? 'report+commit' : 'report');
		},
		record({ interaction, commit }) {
			if (finished) return;
			interactions.push(interaction);
			calls.push(commit ? 'record+commit' : 'record');
		},
		commit() {
			if (!finished) calls.push('commit');
		},
		finish() {
			if (finished) return;
			finished = true;
			calls.push('finish');
		},
		onStatus(listener) {
			return status.listen(listener);
		},
		emit(saveStatus) {
			status.emit(saveStatus);
		}
	};
}
