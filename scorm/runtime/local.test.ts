import { describe, expect, test } from 'vitest';
import { createLocalTracker, type ProgressStorage } from './local.ts';
import { createMemoryTracker } from './memory.ts';
import type { SaveStatus, TrackingReport } from './tracker.ts';

const report: TrackingReport = {
	location: 'lesson-3',
	suspendData: 'v1:abc',
	completion: 'incomplete',
	success: 'unknown',
	score: { scaled: 0.5 }
};

function mapStorage(): ProgressStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key)
	};
}

describe('local tracker', () => {
	test('round trip: a later launch resumes what the first one saved', () => {
		const storage = mapStorage();
		const first = createLocalTracker({ storage, key: 'course-a' });
		expect(first.start()).toEqual({
			kind: 'local',
			resumed: false,
			suspendData: '',
			location: '',
			learnerName: '',
			learnerId: '',
			language: ''
		});
		first.report({ report, commit: false });
		expect(storage.data.size).toBe(0); // written on commit or finish, not on every report
		first.finish();
		first.report({ report: { ...report, location: 'ignored' }, commit: true });

		const second = createLocalTracker({ storage, key: 'course-a' });
		expect(second.start()).toMatchObject({
			resumed: true,
			suspendData: 'v1:abc',
			location: 'lesson-3'
		});
		expect(createLocalTracker({ storage, key: 'course-b' }).start().resumed).toBe(false);
	});

	test('reports saved after a write and not saved when storage refuses', () => {
		const storage = mapStorage();
		let full = false;
		const tracker = createLocalTracker({
			storage: {
				...storage,
				setItem: (key, value) => {
					if (full) throw new DOMException('full', 'QuotaExceededError');
					storage.setItem(key, value);
				}
			},
			key: 'course-a'
		});
		const statuses: SaveStatus[] = [];
		tracker.onStatus((status) => statuses.push(status));
		tracker.start();
		tracker.report({ report, commit: true });
		full = true;
		tracker.report({ report: { ...report, location: 'lesson-4' }, commit: true });
		full = false;
		tracker.commit();
		expect(statuses).toEqual([
			{ saved: true, message: '' },
			{ saved: false, message: expect.stringContaining('full') },
			{ saved: true, message: '' }
		]);
		expect(JSON.parse(storage.data.get('course-a')!)).toMatchObject({ location: 'lesson-4' });
	});

	test('corrupt saved data starts a fresh attempt', () => {
		const storage = mapStorage();
		storage.setItem('course-a', '{not json');
		expect(createLocalTracker({ storage, key: 'course-a' }).start().resumed).toBe(false);
		storage.setItem('course-a', '{"location": 3}');
		expect(createLocalTracker({ storage, key: 'course-a' }).start().resumed).toBe(false);
	});
});

describe('memory tracker', () => {
	test('records calls and reports, and ignores calls after finish', () => {
		const tracker = createMemoryTracker({ launch: { resumed: true, suspendData: 'v1:x' } });
		expect(tracker.start()).toMatchObject({ kind: 'memory', resumed: true, suspendData: 'v1:x' });
		tracker.report({ report, commit: false });
		tracker.report({ report, commit: true });
		tracker.commit();
		tracker.finish();
		tracker.finish();
		tracker.report({ report, commit: true });
		expect(tracker.calls).toEqual(['start', 'report', 'report+commit', 'commit', 'finish']);
		expect(tracker.reports).toEqual([report, report]);
		expect(tracker.reports[0]).not.toBe(report);
	});

	test('emits fake statuses to listeners until they unsubscribe', () => {
		const tracker = createMemoryTracker();
		const statuses: SaveStatus[] = [];
		const stop = tracker.onStatus((status) => statuses.push(status));
		tracker.emit({ saved: false, message: 'offline' });
		stop();
		tracker.emit({ saved: true, message: '' });
		expect(statuses).toEqual([{ saved: false, message: 'offline' }]);
	});
});
