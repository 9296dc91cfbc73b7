import { Scorm2004API } from 'scorm-again';
import { describe, expect, test } from 'vitest';
import type { Scorm2004Api } from './api-types.ts';
import { createScorm2004Tracker } from './scorm2004.ts';
import { fakeClock, recordApi, scorm2004Methods, type RecordedCall } from './test-utils.ts';
import type { SaveStatus, TrackingReport } from './tracker.ts';

const unfinished: TrackingReport = {
	location: 'lesson-1',
	suspendData: 'v1:a',
	completion: 'incomplete',
	success: 'unknown'
};
const failed: TrackingReport = {
	location: 'lesson-9',
	suspendData: 'v1:z',
	completion: 'completed',
	success: 'failed',
	score: { scaled: 0.41666 }
};

function launch(options: { seed?: Record<string, unknown>; now?: () => number } = {}) {
	const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
	if (options.seed) lms.loadFromJSON(options.seed, 'cmi');
	const sets: Array<[string, string]> = [];
	lms.on('SetValue.cmi.*', (element: string, value: string) => sets.push([element, value]));
	const recorder = recordApi({
		api: lms as Scorm2004Api,
		methods: scorm2004Methods,
		lastError: 'GetLastError'
	});
	const tracker = createScorm2004Tracker({ api: recorder.api, now: options.now });
	const statuses: SaveStatus[] = [];
	tracker.onStatus((status) => statuses.push(status));
	const cmi = (): Record<string, unknown> => lms.getFlattenedCMI();
	return { lms, sets, calls: recorder.calls, failures: recorder.failures, tracker, statuses, cmi };
}

const count = (calls: RecordedCall[], method: string): number =>
	calls.filter((call) => call.method === method).length;

// On a first launch 2004 answers 403 for the unset location and suspend_data: expected.
const isExpectedProbe = (call: RecordedCall): boolean =>
	call.method === 'GetValue' &&
	call.error === '403' &&
	['cmi.location', 'cmi.suspend_data'].includes(String(call.args[0]));

describe('SCORM 2004 tracker', () => {
	test('a normal first run leaves no error code except the expected 403 probes', () => {
		const { tracker, calls, statuses } = launch();
		expect(tracker.start()).toMatchObject({ kind: 'scorm2004', resumed: false, suspendData: '' });
		tracker.report({ report: unfinished, commit: true });
		tracker.report({ report: failed, commit: true });
		tracker.finish();
		expect(calls.filter((call) => call.error !== '0' && !isExpectedProbe(call))).toEqual([]);
		expect(calls.filter(isExpectedProbe)).toHaveLength(2);
		expect(statuses.every((status) => status.saved)).toBe(true);
	});

	test('initializes once, terminates once, and makes no call after Terminate', () => {
		const { tracker, calls } = launch();
		tracker.start();
		tracker.start();
		tracker.report({ report: unfinished, commit: true });
		tracker.finish();
		const callsAtFinish = calls.length;
		tracker.finish();
		tracker.report({ report: failed, commit: true });
		tracker.commit();
		expect(calls.length).toBe(callsAtFinish);
		expect(count(calls, 'Initialize')).toBe(1);
		expect(count(calls, 'Terminate')).toBe(1);
		expect(calls.at(-1)?.method).toBe('Terminate');
		expect(calls.at(-2)?.method).toBe('Commit');
	});

	test('exits with suspend while unfinished', () => {
		const { tracker, cmi } = launch();
		tracker.start();
		tracker.report({ report: unfinished, commit: true });
		tracker.finish();
		expect(cmi()).toMatchObject({ 'cmi.exit': 'suspend', 'cmi.completion_status': 'incomplete' });
	});

	test('exits with normal when completed, even when failed', () => {
		const { tracker, cmi } = launch();
		tracker.start();
		tracker.report({ report: failed, commit: true });
		tracker.finish();
		expect(cmi()).toMatchObject({
			'cmi.exit': 'normal',
			'cmi.completion_status': 'completed',
			'cmi.success_status': 'failed',
			'cmi.score.scaled': '0.4167',
			'cmi.score.raw': '41.67',
			'cmi.score.min': '0',
			'cmi.score.max': '100'
		});
	});

	test('sets score, then success, then completion; never progress_measure', () => {
		const { tracker, sets } = launch();
		tracker.start();
		tracker.report({ report: failed, commit: true });
		tracker.finish();
		const elements = sets.map(([element]) => element);
		expect(elements.slice(0, 9)).toEqual([
			'cmi.exit',
			'cmi.location',
			'cmi.suspend_data',
			'cmi.score.scaled',
			'cmi.score.raw',
			'cmi.score.min',
			'cmi.score.max',
			'cmi.success_status',
			'cmi.completion_status'
		]);
		expect(elements).not.toContain('cmi.progress_measure');
	});

	test('does not resend a success_status the LMS already holds', () => {
		const { tracker, sets } = launch();
		tracker.start();
		tracker.report({ report: unfinished, commit: false });
		expect(sets.map(([element]) => element)).not.toContain('cmi.success_status');
	});

	test('resumes: reads entry, suspend_data, location, name and language', () => {
		const { tracker, calls } = launch({
			seed: {
				entry: 'resume',
				location: 'lesson-4',
				suspend_data: 'v1:resume-me',
				learner_name: 'Jane Doe',
				learner_id: 'urn:lms:jane',
				learner_preference: { language: 'ar' }
			}
		});
		expect(tracker.start()).toEqual({
			kind: 'scorm2004',
			resumed: true,
			suspendData: 'v1:resume-me',
			location: 'lesson-4',
			learnerName: 'Jane Doe',
			learnerId: 'urn:lms:jane',
			language: 'ar'
		});
		tracker.finish();
		expect(calls.filter((call) => call.error !== '0')).toEqual([]);
	});

	test('reports this session’s time as an ISO 8601 duration', () => {
		const { tracker, cmi } = launch({ now: fakeClock({ times: [0, 100 * 3_600_000 + 59_999] }) });
		tracker.start();
		tracker.finish();
		expect(cmi()['cmi.session_time']).toBe('PT100H1M0S');
	});

	test('does not send a score the strict check rejects', () => {
		const { tracker, sets, statuses } = launch();
		tracker.start();
		tracker.report({ report: { ...failed, score: { scaled: 1.5 } }, commit: true });
		expect(sets.map(([element]) => element)).not.toContain('cmi.score.scaled');
		expect(statuses[0]).toEqual({
			saved: false,
			message: expect.stringContaining('cmi.score.scaled'),
			problem: 'save'
		});
		expect(statuses.some((status) => status.saved)).toBe(false);
	});

	test('a failing SetValue or Commit reports not saved; a later good commit reports saved', () => {
		const { tracker, statuses, failures } = launch();
		tracker.start();
		failures.set('SetValue', '351');
		tracker.report({ report: unfinished, commit: true });
		expect(statuses[0]).toEqual({
			saved: false,
			message: expect.stringContaining('error 351'),
			problem: 'save'
		});
		failures.set('Commit', '391');
		failures.delete('SetValue');
		tracker.commit();
		expect(statuses.at(-1)).toEqual({
			saved: false,
			message: expect.stringContaining('391'),
			problem: 'save'
		});
		failures.clear();
		tracker.commit();
		expect(statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('a Commit refused at unload is covered by a successful Terminate', () => {
		const { tracker, statuses, failures, calls } = launch();
		tracker.start();
		tracker.report({ report: unfinished, commit: true });
		failures.set('Commit', '391');
		tracker.finish();
		expect(count(calls, 'Terminate')).toBe(1);
		expect(statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('keeps working when the SCO was already initialized (103)', () => {
		const { lms, tracker, statuses, cmi } = launch();
		lms.Initialize('');
		tracker.start();
		tracker.report({ report: unfinished, commit: true });
		expect(statuses).toEqual([{ saved: true, message: '' }]);
		expect(cmi()['cmi.location']).toBe('lesson-1');
	});

	test('finish before start ends the tracker without any API call', () => {
		const { tracker, calls } = launch();
		tracker.finish();
		expect(tracker.start().resumed).toBe(false);
		tracker.report({ report: unfinished, commit: true });
		expect(calls).toEqual([]);
	});

	test('accepts an LMS that answers booleans instead of "true"', () => {
		const values = new Map<string, string>();
		const api: Scorm2004Api = {
			Initialize: () => true,
			Terminate: () => true,
			GetValue: (element) => values.get(element) ?? '',
			SetValue: (element, value) => Boolean(values.set(element, value)),
			Commit: () => true,
			GetLastError: () => 0,
			GetErrorString: () => ''
		};
		const tracker = createScorm2004Tracker({ api });
		const statuses: SaveStatus[] = [];
		tracker.onStatus((status) => statuses.push(status));
		tracker.start();
		tracker.report({ report: failed, commit: true });
		tracker.finish();
		expect(statuses.every((status) => status.saved)).toBe(true);
		expect(values.get('cmi.exit')).toBe('normal');
	});
});
