import { Scorm12API } from 'scorm-again';
import { describe, expect, test, vi } from 'vitest';
import { COMMIT_INTERVAL_MS } from './api-tracker.ts';
import type { Scorm12Api } from './api-types.ts';
import { createScorm12Tracker, toLessonStatus } from './scorm12.ts';
import { fakeClock, recordApi, scorm12Methods } from './test-utils.ts';
import type { SaveStatus, TrackingReport } from './tracker.ts';

const unfinished: TrackingReport = {
	location: 'lesson-1',
	suspendData: 'v1:a',
	completion: 'incomplete',
	success: 'unknown'
};
const passed: TrackingReport = {
	location: 'lesson-9',
	suspendData: 'v1:z',
	completion: 'completed',
	success: 'passed',
	score: { scaled: 0.8333 }
};

function launch(options: { seed?: Record<string, unknown>; now?: () => number } = {}) {
	const lms = new Scorm12API({ logLevel: 5, autocommit: false });
	if (options.seed) lms.loadFromJSON(options.seed, 'cmi');
	const sets: Array<[string, string]> = [];
	lms.on('LMSSetValue.cmi.*', (element: string, value: string) => sets.push([element, value]));
	const recorder = recordApi({
		api: lms as Scorm12Api,
		methods: scorm12Methods,
		lastError: 'LMSGetLastError'
	});
	const tracker = createScorm12Tracker({ api: recorder.api, now: options.now });
	const statuses: SaveStatus[] = [];
	tracker.onStatus((status) => statuses.push(status));
	const cmi = (): Record<string, unknown> => lms.getFlattenedCMI();
	return { lms, sets, calls: recorder.calls, failures: recorder.failures, tracker, statuses, cmi };
}

const count = (calls: { method: string }[], method: string): number =>
	calls.filter((call) => call.method === method).length;

describe('SCORM 1.2 tracker', () => {
	test('a normal run leaves no error code on any call', () => {
		const { tracker, calls, statuses } = launch();
		expect(tracker.start()).toEqual({
			kind: 'scorm12',
			resumed: false,
			suspendData: '',
			location: '',
			learnerName: '',
			learnerId: '',
			language: ''
		});
		tracker.report({ report: unfinished, commit: true });
		tracker.report({ report: passed, commit: true });
		tracker.finish();
		expect(calls.filter((call) => call.error !== '0')).toEqual([]);
		expect(calls.every((call) => String(call.result) !== 'false')).toBe(true);
		expect(statuses.every((status) => status.saved)).toBe(true);
	});

	test('initializes once, finishes once, and makes no call after LMSFinish', () => {
		const { tracker, calls } = launch();
		const first = tracker.start();
		expect(tracker.start()).toBe(first);
		tracker.report({ report: unfinished, commit: false });
		tracker.finish();
		const callsAtFinish = calls.length;
		tracker.finish();
		tracker.report({ report: passed, commit: true });
		tracker.commit();
		tracker.start();
		expect(calls.length).toBe(callsAtFinish);
		expect(count(calls, 'LMSInitialize')).toBe(1);
		expect(count(calls, 'LMSFinish')).toBe(1);
		expect(calls.at(-1)?.method).toBe('LMSFinish');
	});

	test('exits with suspend while unfinished', () => {
		const { tracker, sets, cmi } = launch();
		tracker.start();
		tracker.report({ report: unfinished, commit: true });
		tracker.finish();
		expect(sets).toContainEqual(['cmi.core.exit', 'suspend']);
		expect(cmi()['cmi.core.exit']).toBe('suspend');
		expect(cmi()['cmi.core.lesson_status']).toBe('incomplete');
	});

	test('exits with "" (never normal) when completed', () => {
		const { tracker, sets, cmi } = launch();
		tracker.start();
		tracker.report({ report: passed, commit: true });
		tracker.finish();
		expect(sets).toContainEqual(['cmi.core.exit', '']);
		expect(sets.map(([, value]) => value)).not.toContain('normal');
		expect(cmi()['cmi.core.lesson_status']).toBe('passed');
		expect(cmi()['cmi.core.score.raw']).toBe('83.33');
	});

	test('sets the score before the status, then commits', () => {
		const { tracker, sets, calls } = launch();
		tracker.start();
		tracker.report({ report: passed, commit: true });
		expect(sets.map(([element]) => element)).toEqual([
			// At start: a session that never finishes cleanly still resumes.
			'cmi.core.exit',
			'cmi.core.lesson_location',
			'cmi.suspend_data',
			'cmi.core.score.raw',
			'cmi.core.score.min',
			'cmi.core.score.max',
			'cmi.core.lesson_status'
		]);
		expect(sets.slice(3, 6).map(([, value]) => value)).toEqual(['83.33', '0', '100']);
		expect(calls.at(-1)?.method).toBe('LMSCommit');
	});

	test('maps completion and success onto lesson_status, never "not attempted"', () => {
		const status = (completion: TrackingReport['completion'], success: TrackingReport['success']) =>
			toLessonStatus({ report: { ...unfinished, completion, success } });
		expect(status('incomplete', 'unknown')).toBe('incomplete');
		expect(status('incomplete', 'passed')).toBe('incomplete');
		expect(status('incomplete', 'failed')).toBe('incomplete');
		expect(status('completed', 'unknown')).toBe('completed');
		expect(status('completed', 'passed')).toBe('passed');
		expect(status('completed', 'failed')).toBe('failed');
	});

	test('resumes: reads entry, suspend_data, location, name and language', () => {
		const { tracker, sets, calls } = launch({
			seed: {
				core: {
					entry: 'resume',
					lesson_location: 'lesson-4',
					student_name: 'Doe, Jane',
					student_id: 'jdoe7'
				},
				suspend_data: 'v1:resume-me',
				student_preference: { language: 'fr' }
			}
		});
		expect(tracker.start()).toEqual({
			kind: 'scorm12',
			resumed: true,
			suspendData: 'v1:resume-me',
			location: 'lesson-4',
			learnerName: 'Doe, Jane',
			learnerId: 'jdoe7',
			language: 'fr'
		});
		// What the LMS already holds is not sent again.
		tracker.report({
			report: { ...unfinished, location: 'lesson-4', suspendData: 'v1:resume-me' },
			commit: false
		});
		expect(sets).toEqual([
			['cmi.core.exit', 'suspend'],
			['cmi.core.lesson_status', 'incomplete']
		]);
		expect(calls.filter((call) => call.error !== '0')).toEqual([]);
	});

	test('sends only what changed since the last report', () => {
		const { tracker, sets } = launch();
		tracker.start();
		tracker.report({ report: unfinished, commit: false });
		const before = sets.length;
		tracker.report({ report: unfinished, commit: false });
		expect(sets.length).toBe(before);
		tracker.report({ report: { ...unfinished, location: 'lesson-2' }, commit: false });
		expect(sets.slice(before)).toEqual([['cmi.core.lesson_location', 'lesson-2']]);
	});

	test('reports this session’s time as CMITimespan', () => {
		const { tracker, sets } = launch({ now: fakeClock({ times: [1_000, 1_000 + 3_723_450] }) });
		tracker.start();
		tracker.finish();
		expect(sets).toContainEqual(['cmi.core.session_time', '01:02:03.45']);
	});

	test('does not send a value that fails the strict check, and says so', () => {
		const { tracker, sets, statuses } = launch();
		tracker.start();
		tracker.report({ report: { ...unfinished, location: 'x'.repeat(256) }, commit: true });
		expect(sets.map(([element]) => element)).not.toContain('cmi.core.lesson_location');
		expect(sets.map(([element]) => element)).toContain('cmi.core.lesson_status');
		expect(statuses).toEqual([
			{ saved: false, message: expect.stringContaining('lesson_location'), problem: 'save' }
		]);
		// The next milestone comes within the commit interval: it is saved when the interval ends.
		vi.useFakeTimers();
		try {
			tracker.report({ report: unfinished, commit: true });
			vi.advanceTimersByTime(COMMIT_INTERVAL_MS);
		} finally {
			vi.useRealTimers();
		}
		expect(statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('a failing LMSSetValue or LMSCommit reports not saved, with the error code', () => {
		const { tracker, statuses, failures, cmi } = launch();
		tracker.start();
		failures.set('LMSSetValue', '405');
		tracker.report({ report: unfinished, commit: false });
		expect(statuses.at(-1)).toMatchObject({
			saved: false,
			message: expect.stringContaining('405')
		});
		failures.clear();
		failures.set('LMSCommit', '101');
		tracker.report({ report: unfinished, commit: true });
		expect(statuses.at(-1)).toMatchObject({
			saved: false,
			message: expect.stringContaining('101')
		});
		expect(statuses.at(-1)?.message).toContain('General Exception');
		failures.clear();
		tracker.commit();
		expect(statuses.at(-1)).toEqual({ saved: true, message: '' });
		// The values refused earlier were sent again once the LMS accepted them.
		expect(cmi()['cmi.core.lesson_location']).toBe('lesson-1');
	});

	test('when LMSInitialize fails, nothing else is called and the UI hears why', () => {
		const { tracker, calls, failures, statuses } = launch();
		failures.set('LMSInitialize', '101');
		expect(tracker.start().resumed).toBe(false);
		tracker.report({ report: passed, commit: true });
		tracker.finish();
		const methods = calls.map((call) => call.method);
		expect(methods.filter((method) => method !== 'LMSGetErrorString')).toEqual(['LMSInitialize']);
		expect(statuses).toEqual([
			{ saved: false, message: expect.stringContaining('101'), problem: 'session' }
		]);
	});

	test('an API that throws does not break the course', () => {
		const broken = {
			LMSInitialize: () => 'true',
			LMSGetValue: () => '',
			LMSGetLastError: () => '0',
			LMSGetErrorString: () => '',
			LMSSetValue: () => {
				throw new Error('LMS went away');
			},
			LMSCommit: () => 'true',
			LMSFinish: () => 'true'
		};
		const tracker = createScorm12Tracker({ api: broken });
		const statuses: SaveStatus[] = [];
		tracker.onStatus((status) => statuses.push(status));
		tracker.start();
		expect(() => tracker.report({ report: passed, commit: true })).not.toThrow();
		expect(statuses[0]).toEqual({
			saved: false,
			message: expect.stringContaining('LMS went away'),
			problem: 'save'
		});
	});
});
