// A copy of the learner's progress in this browser while an LMS is in use: the latest report
// (suspend data, location, status), written on every report, before the LMS hears of it. When the
// LMS later hands back older, corrupt, oversized or foreign data, or lost the last commits, the
// app can resume from this copy (src/lib/course/restore.ts decides which copy is newer).
//
// Nothing personal beyond what the LMS already gave: one record per course and learner, keyed by
// a hash of the LMS learner id (so the key does not display it; this is not a secret), holding
// only progress the LMS holds too.
import type { ProgressStorage } from './local.ts';
import type { LaunchInfo, Tracker, TrackingReport } from './tracker.ts';

/** A copy older than this is dropped: it cannot belong to the attempt being resumed. */
export const MIRROR_MAX_AGE_MS = 90 * 24 * 3_600_000;

/** What the mirror keeps per course and learner. */
export interface MirrorRecord {
	v: 1;
	suspendData: string;
	location: string;
	completion: TrackingReport['completion'];
	success: TrackingReport['success'];
	score?: { scaled: number };
	/**
	 * The LMS has this attempt: it handed back saved data at launch, or confirmed one of our saves.
	 * An LMS that then starts with nothing began a new attempt (a reset, next year's training), and
	 * the copy is not offered; while false, an empty LMS only means it never got our data.
	 */
	acknowledged: boolean;
	/** When the copy was written (ms). */
	savedAt: number;
}

/** The storage key of a learner's copy for a course. */
export function mirrorKey(options: { courseKey: string; learnerId: string }): string {
	return `course-mirror:${options.courseKey}:${hashId(options.learnerId)}`;
}

/** Wraps an LMS tracker so that every report is also kept in storage; see the file comment. */
export function createMirrorTracker(options: {
	tracker: Tracker;
	storage: ProgressStorage;
	courseKey: string;
	now?: () => number;
}): Tracker {
	const { tracker, storage, courseKey, now = Date.now } = options;
	let key = '';
	let launch: LaunchInfo | undefined;
	let record: MirrorRecord | undefined;
	let written = '';

	function write(): void {
		if (!key || !record) return;
		const text = JSON.stringify(record);
		if (text === written) return;
		try {
			storage.setItem(key, text);
			written = text;
		} catch {
			// Storage full or blocked: the copy is a safety net, the LMS remains the record.
		}
	}

	function open(): LaunchInfo {
		const info = tracker.start();
		// No session (Initialize failed) or no learner id: nothing to key a copy by, and a copy
		// under a shared key could hand one learner's progress to the next on a shared computer.
		if (!info.learnerId) return info;
		key = mirrorKey({ courseKey, learnerId: info.learnerId });
		const saved = readRecord({ storage, key, now: now() });
		const continuing = info.resumed || info.suspendData !== '';
		const offer = saved && (continuing || !saved.acknowledged);
		record = saved && { ...saved, acknowledged: continuing };
		const localCopy = offer ? { suspendData: saved.suspendData, location: saved.location } : null;
		return { ...info, keptLocally: true, ...(localCopy && { localCopy }) };
	}

	tracker.onStatus((status) => {
		if (!status.saved || !record || record.acknowledged) return;
		record = { ...record, acknowledged: true };
		write();
	});

	return {
		kind: tracker.kind,
		start() {
			launch ??= open();
			return launch;
		},
		report(options) {
			const { report } = options;
			if (key) {
				record = {
					v: 1,
					suspendData: report.suspendData,
					location: report.location,
					completion: report.completion,
					success: report.success,
					...(report.score && { score: { scaled: report.score.scaled } }),
					acknowledged: record?.acknowledged ?? false,
					savedAt: now()
				};
				write();
			}
			tracker.report(options);
		},
		record: (options) => tracker.record(options),
		commit: () => tracker.commit(),
		finish: () => tracker.finish(),
		onStatus: (listener) => tracker.onStatus(listener)
	};
}

function readRecord(options: {
	storage: ProgressStorage;
	key: string;
	now: number;
}): MirrorRecord | undefined {
	try {
		const data: unknown = JSON.parse(options.storage.getItem(options.key) ?? 'null');
		if (!isRecord(data)) return undefined;
		if (options.now - data.savedAt > MIRROR_MAX_AGE_MS) {
			options.storage.removeItem(options.key);
			return undefined;
		}
		return data;
	} catch {
		return undefined;
	}
}

function isRecord(data: unknown): data is MirrorRecord {
	if (typeof data !== 'object' || data === null) return false;
	const r = data as Record<string, unknown>;
	return (
		r.v === 1 &&
		typeof r.suspendData === 'string' &&
		typeof r.location === 'string' &&
		typeof r.acknowledged === 'boolean' &&
		typeof r.savedAt === 'number'
	);
}

/** cyrb53: a fast 53-bit string hash, in base 36. Not cryptographic, and not meant to be. */
function hashId(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
