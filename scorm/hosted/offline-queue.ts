// scorm-again's offline queue as the hosted runtime reads it at launch. While the endpoint is away,
// scorm-again keeps each commit in localStorage (`scorm_again_sync_queue`) and sends them when it
// is back, or at the next Initialize. A window closed before that leaves commits newer than what
// the endpoint holds: the runtime starts the next launch from the newest of the two.
import { commitKey, isNewer, type CommitBody, type CommitKey } from './protocol.ts';

/** The localStorage key of scorm-again 3.4's queue (OfflineStorageService.syncQueue). */
export const QUEUE_KEY = 'scorm_again_sync_queue';
/** scorm-again's copy of the last commit it queued, per courseId (`${storeName}_${courseId}`). */
export const LAST_OFFLINE_PREFIX = 'scorm_again_offline_data_';

/** The part of Web Storage the runtime uses. */
export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** One queued commit with where it belongs. */
export interface QueuedCommit {
	body: CommitBody;
	key: CommitKey;
}

/** The commits in scorm-again's queue, readable ones only (others are scorm-again's business). */
export function readQueue(storage: QueueStorage): QueuedCommit[] {
	let items: unknown;
	try {
		items = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]');
	} catch {
		return [];
	}
	if (!Array.isArray(items)) return [];
	const found: QueuedCommit[] = [];
	for (const item of items) {
		const body = (item as { data?: unknown } | null)?.data;
		const key = commitKey(body);
		if (key) found.push({ body: body as CommitBody, key });
	}
	return found;
}

/** The newest queued commit of one learner in one course, if any. */
export function newestQueued(options: {
	storage: QueueStorage;
	learner: string;
	course: string;
}): QueuedCommit | null {
	const { storage, learner, course } = options;
	let newest: QueuedCommit | null = null;
	for (const item of readQueue(storage)) {
		if (item.key.learner !== learner || item.key.course !== course) continue;
		if (!newest || isNewer(item.key, newest.key)) newest = item;
	}
	return newest;
}

/** Number of commits waiting in the queue for one learner and course. */
export function queuedCount(options: {
	storage: QueueStorage;
	learner: string;
	course: string;
}): number {
	const { storage, learner, course } = options;
	return readQueue(storage).filter((i) => i.key.learner === learner && i.key.course === course)
		.length;
}

/**
 * Keeps only the newest queued commit of each launch. Every commit is the whole record, so the
 * older ones of a launch add nothing but storage and replays (a long outage with the course
 * retrying would otherwise fill localStorage). Call it only while the endpoint is away: scorm-again
 * replays nothing then, so no replay is reading the queue. Items it cannot read are kept.
 */
export function compactQueue(storage: QueueStorage): void {
	let items: unknown;
	try {
		items = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]');
	} catch {
		return;
	}
	if (!Array.isArray(items)) return;
	const read = items.map((item: unknown) => {
		const key = commitKey((item as { data?: unknown } | null)?.data);
		return { item, key, launch: key && JSON.stringify([key.learner, key.course, key.session]) };
	});
	const newest = new Map<string, (typeof read)[number]>();
	for (const entry of read) {
		if (!entry.launch || !entry.key) continue;
		const held = newest.get(entry.launch);
		if (!held || entry.key.sequence > held.key!.sequence) newest.set(entry.launch, entry);
	}
	const kept = read
		.filter((entry) => !entry.launch || newest.get(entry.launch) === entry)
		.map((entry) => entry.item);
	if (kept.length === items.length) return;
	try {
		storage.setItem(QUEUE_KEY, JSON.stringify(kept));
	} catch {
		// Storage blocked: the full queue stays, which loses nothing.
	}
}
