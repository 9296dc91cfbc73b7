import { beforeEach, describe, expect, it } from 'vitest';
import { compactQueue, newestQueued, QUEUE_KEY, readQueue } from './offline-queue.ts';
import { encodeLaunchData } from './protocol.ts';

/** A queue item as scorm-again 3.4.3 stores it. */
const item = (learner: string, session: string, sequence: number, order = 1) => ({
	id: `c_${session}_${sequence}`,
	courseId: 'c',
	timestamp: 0,
	syncAttempts: 0,
	data: {
		cmi: {
			learner_id: learner,
			launch_data: encodeLaunchData({ course: 'c', session, order }),
			location: `${session}-${sequence}`
		},
		commitSequence: sequence
	}
});
const foreign = { id: 'other', courseId: 'x', data: { cmi: { location: 'not ours' } } };
const put = (items: unknown[]) => localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
const locations = () =>
	(
		JSON.parse(localStorage.getItem(QUEUE_KEY)!) as Array<{ data: { cmi: { location: string } } }>
	).map((i) => i.data.cmi.location);

beforeEach(() => localStorage.clear());

describe('readQueue and newestQueued', () => {
	it('read the commits they can place and pick the newest of one learner and course', () => {
		put([item('a', 's1', 3, 1), item('a', 's2', 1, 2), item('b', 's9', 9, 9), foreign]);
		expect(readQueue(localStorage)).toHaveLength(3);
		expect(
			newestQueued({ storage: localStorage, learner: 'a', course: 'c' })?.body.cmi.location
		).toBe('s2-1');
		expect(newestQueued({ storage: localStorage, learner: 'a', course: 'other' })).toBeNull();
	});

	it('an unreadable queue is an empty one', () => {
		localStorage.setItem(QUEUE_KEY, '{not json');
		expect(readQueue(localStorage)).toEqual([]);
		localStorage.setItem(QUEUE_KEY, '{"a":1}');
		expect(readQueue(localStorage)).toEqual([]);
	});
});

describe('compactQueue', () => {
	it('keeps the newest commit of each launch, in queue order, and what it cannot read', () => {
		put([
			item('a', 's1', 1),
			foreign,
			item('b', 's1', 4),
			item('a', 's1', 3),
			item('a', 's2', 1, 2)
		]);
		compactQueue(localStorage);
		expect(locations()).toEqual(['not ours', 's1-4', 's1-3', 's2-1']);
	});

	it('leaves the queue untouched when there is nothing to drop', () => {
		put([item('a', 's1', 1)]);
		const before = localStorage.getItem(QUEUE_KEY);
		compactQueue(localStorage);
		expect(localStorage.getItem(QUEUE_KEY)).toBe(before);
	});
});
