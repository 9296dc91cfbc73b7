import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, test } from 'vitest';
import type { Scorm12Api, Scorm2004Api } from './api-types.ts';
import type { ProgressStorage } from './local.ts';
import { MIRROR_MAX_AGE_MS, createMirrorTracker, mirrorKey } from './mirror.ts';
import { createScorm12Tracker } from './scorm12.ts';
import { createScorm2004Tracker } from './scorm2004.ts';
import { recordApi, scorm12Methods, scorm2004Methods } from './test-utils.ts';
import type { Standard, TrackingReport } from './tracker.ts';

function mapStorage(): ProgressStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key)
	};
}

const report = (n: number, extra: Partial<TrackingReport> = {}): TrackingReport => ({
	location: `m/x/l/${n}`,
	suspendData: `P2~${n}`,
	completion: 'incomplete',
	success: 'unknown',
	...extra
});

/** One launch in an LMS (scorm-again) seeded with what it stored, wrapped in the mirror. */
function launch(options: {
	standard?: Standard;
	storage: ProgressStorage;
	learnerId?: string;
	stored?: { suspendData: string; location: string } | null;
	now?: () => number;
}) {
	const { standard = 'scorm12', storage, learnerId = 'officer-17', stored, now } = options;
	const is12 = standard === 'scorm12';
	const lms = is12
		? new Scorm12API({ logLevel: 5, autocommit: false })
		: new Scorm2004API({ logLevel: 5, autocommit: false });
	const entry = stored ? 'resume' : 'ab-initio';
	lms.loadFromJSON(
		is12
			? {
					core: { student_id: learnerId, entry, lesson_location: stored?.location ?? '' },
					suspend_data: stored?.suspendData ?? ''
				}
			: {
					learner_id: learnerId,
					entry,
					...(stored && { location: stored.location, suspend_data: stored.suspendData })
				},
		'cmi'
	);
	const recorder = recordApi({
		api: lms as object,
		methods: is12 ? scorm12Methods : scorm2004Methods,
		lastError: is12 ? 'LMSGetLastError' : 'GetLastError'
	});
	const inner = is12
		? createScorm12Tracker({ api: recorder.api as Scorm12Api })
		: createScorm2004Tracker({ api: recorder.api as Scorm2004Api });
	const tracker = createMirrorTracker({ tracker: inner, storage, courseKey: 'course-x', now });
	const commit = is12 ? 'LMSCommit' : 'Commit';
	/** What the LMS would hand back next time: only what a successful commit stored. */
	let committed: { suspendData: string; location: string } | null = stored ?? null;
	tracker.onStatus((s) => {
		if (!s.saved) return;
		const cmi = lms.getFlattenedCMI() as Record<string, string>;
		const location = String(cmi[is12 ? 'cmi.core.lesson_location' : 'cmi.location'] ?? '');
		committed = { suspendData: String(cmi['cmi.suspend_data'] ?? ''), location };
	});
	return {
		tracker,
		failCommits: () => recorder.failures.set(commit, '101'),
		stored: () => committed
	};
}

describe('the local mirror of an LMS launch', () => {
	test('keeps every report under the course and a hash of the learner id, nothing else', () => {
		const storage = mapStorage();
		const { tracker } = launch({ storage, learnerId: 'jane.doe@agency.gov' });
		expect(tracker.start()).toMatchObject({ keptLocally: true, learnerId: 'jane.doe@agency.gov' });
		tracker.report({ report: report(1, { score: { scaled: 0.5 } }), commit: true });
		const [key, text] = [...storage.data][0]!;
		expect(key).toBe(mirrorKey({ courseKey: 'course-x', learnerId: 'jane.doe@agency.gov' }));
		expect(key).not.toContain('jane');
		expect(text).not.toContain('jane');
		expect(JSON.parse(text)).toEqual({
			v: 1,
			suspendData: 'P2~1',
			location: 'm/x/l/1',
			completion: 'incomplete',
			success: 'unknown',
			score: { scaled: 0.5 },
			acknowledged: true,
			savedAt: expect.any(Number)
		});
	});

	test.each(['scorm12', 'scorm2004'] as const)(
		'%s: when the LMS lost the last commits, the relaunch is offered the newer copy',
		(standard) => {
			const storage = mapStorage();
			const first = launch({ standard, storage });
			first.tracker.start();
			first.tracker.report({ report: report(1), commit: true });
			first.failCommits();
			first.tracker.report({ report: report(2), commit: true });
			expect(first.stored()?.suspendData).toBe('P2~1');
			// The window closes; the LMS relaunches from what it stored.
			const second = launch({ standard, storage, stored: first.stored() });
			expect(second.tracker.start()).toMatchObject({
				resumed: true,
				suspendData: 'P2~1',
				localCopy: { suspendData: 'P2~2', location: 'm/x/l/2' }
			});
		}
	);

	test('an LMS that never confirmed a save and starts empty is offered the copy', () => {
		const storage = mapStorage();
		const first = launch({ storage });
		first.failCommits();
		first.tracker.start();
		first.tracker.report({ report: report(3), commit: true });
		const second = launch({ storage, stored: null });
		expect(second.tracker.start().localCopy).toEqual({ suspendData: 'P2~3', location: 'm/x/l/3' });
	});

	test('an LMS that had the attempt and starts empty began a new one: no copy offered', () => {
		const storage = mapStorage();
		const first = launch({ storage });
		first.tracker.start();
		first.tracker.report({ report: report(4, { completion: 'completed' }), commit: true });
		const next = launch({ storage, stored: null });
		expect(next.tracker.start().localCopy).toBeUndefined();
		// The new attempt's progress replaces the old copy.
		next.tracker.report({ report: report(1), commit: true });
		expect(JSON.parse([...storage.data.values()][0]!)).toMatchObject({ suspendData: 'P2~1' });
	});

	test('another learner on the same browser gets nothing of the first one’s', () => {
		const storage = mapStorage();
		const first = launch({ storage, learnerId: 'a' });
		first.failCommits();
		first.tracker.start();
		first.tracker.report({ report: report(5), commit: true });
		const other = launch({ storage, learnerId: 'b' });
		expect(other.tracker.start().localCopy).toBeUndefined();
		other.tracker.report({ report: report(1), commit: true });
		expect(storage.data.size).toBe(2);
	});

	test('no learner id (or no session): nothing is kept', () => {
		const storage = mapStorage();
		const { tracker } = launch({ storage, learnerId: '' });
		expect(tracker.start().keptLocally).toBeUndefined();
		tracker.report({ report: report(1), commit: true });
		expect(storage.data.size).toBe(0);
	});

	test('a copy older than 90 days is dropped', () => {
		const storage = mapStorage();
		let time = Date.UTC(2026, 0, 1);
		const first = launch({ storage, now: () => time });
		first.failCommits();
		first.tracker.start();
		first.tracker.report({ report: report(6), commit: true });
		time += MIRROR_MAX_AGE_MS + 1;
		expect(launch({ storage, now: () => time }).tracker.start().localCopy).toBeUndefined();
		expect(storage.data.size).toBe(0);
	});

	test('storage that refuses writes does not stop the LMS from hearing the report', () => {
		const storage = mapStorage();
		storage.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		const first = launch({ storage });
		first.tracker.start();
		expect(() => first.tracker.report({ report: report(7), commit: true })).not.toThrow();
		expect(first.stored()?.suspendData).toBe('P2~7');
	});
});
