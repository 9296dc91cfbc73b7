// Faults in the LMS API, with scorm-again as the LMS: refused values and commits are retried with
// back-off (latest values only), a slow commit is reported as such, and the save status says
// "not saved" exactly until a commit succeeds with nothing left behind.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SLOW_CALL_MS } from './api-tracker.ts';
import type { Scorm12Api, Scorm2004Api } from './api-types.ts';
import { MAX_RETRIES } from './backoff.ts';
import { createScorm12Tracker } from './scorm12.ts';
import { createScorm2004Tracker } from './scorm2004.ts';
import { recordApi, scorm12Methods, scorm2004Methods } from './test-utils.ts';
import type { InteractionRecord, SaveStatus, Standard, TrackingReport } from './tracker.ts';

beforeEach(() => vi.useFakeTimers({ now: new Date(Date.UTC(2026, 10, 25, 12)) }));
afterEach(() => vi.useRealTimers());

const NAMES = {
	scorm12: {
		set: 'LMSSetValue',
		commit: 'LMSCommit',
		finish: 'LMSFinish',
		suspend: 'cmi.suspend_data'
	},
	scorm2004: { set: 'SetValue', commit: 'Commit', finish: 'Terminate', suspend: 'cmi.suspend_data' }
} as const;

const report = (n: number, extra: Partial<TrackingReport> = {}): TrackingReport => ({
	location: `m/x/l/${n}`,
	suspendData: `P2~${n}`,
	completion: 'incomplete',
	success: 'unknown',
	...extra
});

const answer: InteractionRecord = {
	id: 'recognize_q_one',
	type: 'choice',
	options: ['a', 'b', 'c'],
	response: ['b'],
	correct: ['b'],
	result: 'correct',
	latencyMs: 4000,
	at: new Date(Date.UTC(2026, 10, 25, 12)),
	description: 'Which one?',
	objective: 'recognize'
};

/** A launch against scorm-again whose calls can be refused, made to throw, or slowed down. */
function launch(standard: Standard) {
	const names = NAMES[standard];
	const lms =
		standard === 'scorm12'
			? new Scorm12API({ logLevel: 5, autocommit: false })
			: new Scorm2004API({ logLevel: 5, autocommit: false });
	const recorder = recordApi({
		api: lms as object,
		methods: standard === 'scorm12' ? scorm12Methods : scorm2004Methods,
		lastError: standard === 'scorm12' ? 'LMSGetLastError' : 'GetLastError'
	});
	const api = recorder.api as Record<string, (...args: unknown[]) => unknown>;
	const throwing = new Set<string>();
	const slow = new Map<string, number>();
	// Refuse only some elements: element name → error code.
	const refused = new Map<string, string>();
	const commits: number[] = [];
	const wrapped: Record<string, (...args: unknown[]) => unknown> = {};
	for (const [method, fn] of Object.entries(api)) {
		wrapped[method] = (...args: unknown[]) => {
			if (throwing.has(method)) throw new Error('the LMS could not be reached');
			if (method === names.set && refused.has(String(args[0]))) {
				recorder.failures.set(method, refused.get(String(args[0]))!);
				const result = fn(...args);
				recorder.failures.delete(method);
				return result;
			}
			// A synchronous call that blocks: the clock moves on while the page is frozen.
			const delay = slow.get(method);
			if (delay) vi.setSystemTime(Date.now() + delay);
			const result = fn(...args);
			if (method === names.commit && String(result) === 'true') commits.push(Date.now());
			return result;
		};
	}
	const tracker =
		standard === 'scorm12'
			? createScorm12Tracker({ api: wrapped as unknown as Scorm12Api, random: () => 0.5 })
			: createScorm2004Tracker({ api: wrapped as unknown as Scorm2004Api, random: () => 0.5 });
	const statuses: SaveStatus[] = [];
	tracker.onStatus((status) => statuses.push(status));
	tracker.start();
	const cmi = (): Record<string, unknown> => lms.getFlattenedCMI();
	const attempts = (method: string) => recorder.calls.filter((c) => c.method === method);
	return { names, tracker, statuses, cmi, commits, attempts, throwing, slow, refused, ...recorder };
}

describe.each(['scorm12', 'scorm2004'] as const)('%s: faults in the LMS API', (standard) => {
	test('a refused commit is retried after 2, 4, 8 s; the first success clears the notice', () => {
		const lms = launch(standard);
		lms.failures.set(lms.names.commit, standard === 'scorm12' ? '101' : '391');
		const start = Date.now();
		lms.tracker.report({ report: report(1), commit: true });
		expect(lms.statuses.at(-1)).toMatchObject({ saved: false, problem: 'save' });
		vi.advanceTimersByTime(2000 + 4000 + 8000);
		// The milestone commit and three retries.
		expect(lms.attempts(lms.names.commit)).toHaveLength(4);
		// One status for the whole outage: a retry that fails the same way says nothing new.
		expect(lms.statuses.filter((s) => !s.saved)).toHaveLength(1);
		lms.failures.clear();
		vi.advanceTimersByTime(16_000);
		expect(lms.commits.map((t) => t - start)).toEqual([30_000]);
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '' });
		// Saved: no more retries.
		vi.advanceTimersByTime(10 * 60_000);
		expect(lms.attempts(lms.names.commit)).toHaveLength(5);
	});

	test('a commit that throws is retried the same way', () => {
		const lms = launch(standard);
		lms.throwing.add(lms.names.commit);
		lms.tracker.report({ report: report(1), commit: true });
		expect(lms.statuses.at(-1)).toEqual({
			saved: false,
			message: expect.stringContaining('the LMS could not be reached'),
			problem: 'save'
		});
		lms.throwing.clear();
		vi.advanceTimersByTime(2000);
		expect(lms.commits).toHaveLength(1);
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('refused values are sent again, latest only, then committed', () => {
		const lms = launch(standard);
		lms.refused.set(lms.names.suspend, standard === 'scorm12' ? '101' : '351');
		lms.tracker.report({ report: report(1), commit: true });
		lms.tracker.report({ report: report(2), commit: true });
		expect(lms.statuses.at(-1)).toEqual({
			saved: false,
			message: expect.stringContaining('cmi.suspend_data'),
			problem: 'save'
		});
		// The commit itself succeeded (the location reached the LMS) but the notice stays.
		expect(lms.cmi()[standard === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location']).toBe(
			'm/x/l/2'
		);
		lms.refused.clear();
		vi.advanceTimersByTime(2000);
		const suspends = lms.calls.filter(
			(c) => c.method === lms.names.set && c.args[0] === 'cmi.suspend_data' && c.error === '0'
		);
		expect(suspends.map((c) => c.args[1])).toEqual(['P2~2']);
		expect(lms.cmi()['cmi.suspend_data']).toBe('P2~2');
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('an interaction cut short by a refusal is completed in order at its own index', () => {
		const lms = launch(standard);
		const id = 'cmi.interactions.0.id';
		lms.tracker.record({ interaction: answer, commit: false });
		lms.tracker.report({ report: report(1), commit: true });
		const first = lms.calls.filter((c) => c.method === lms.names.set).length;
		// Everything refused while the second answer is recorded.
		lms.failures.set(lms.names.set, standard === 'scorm12' ? '101' : '351');
		lms.tracker.record({ interaction: { ...answer, id: 'recognize_q_two' }, commit: false });
		lms.tracker.report({ report: report(2), commit: true });
		lms.failures.clear();
		vi.advanceTimersByTime(2000);
		const resent = lms.calls
			.slice(first)
			.filter((c) => c.method === lms.names.set && c.error === '0')
			.map((c) => String(c.args[0]));
		const second = resent.filter((e) => e.startsWith('cmi.interactions.1.'));
		expect(second[0]).toBe('cmi.interactions.1.id');
		expect(second.indexOf('cmi.interactions.1.type')).toBeGreaterThan(0);
		// The first answer, accepted before the outage, is not written again.
		expect(resent).not.toContain(id);
		expect(lms.cmi()['cmi.interactions.0.id']).toBe('recognize_q_one');
		expect(lms.cmi()['cmi.interactions.1.id']).toBe('recognize_q_two');
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('after eight retries the tracker stops on its own; the next milestone tries again', () => {
		const lms = launch(standard);
		lms.failures.set(lms.names.commit, '101');
		lms.tracker.report({ report: report(1), commit: true });
		vi.advanceTimersByTime(60 * 60_000);
		expect(lms.attempts(lms.names.commit)).toHaveLength(1 + MAX_RETRIES);
		lms.failures.clear();
		lms.tracker.report({ report: report(2), commit: true });
		expect(lms.commits).toHaveLength(1);
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('a commit slower than SLOW_CALL_MS is saved but reported slow, until a fast one', () => {
		const lms = launch(standard);
		lms.slow.set(lms.names.commit, SLOW_CALL_MS + 1000);
		lms.tracker.report({ report: report(1), commit: true });
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '', slow: true });
		expect(lms.cmi()['cmi.suspend_data']).toBe('P2~1');
		// A milestone right after a slow commit waits its two seconds from the end of the call.
		lms.slow.clear();
		lms.tracker.report({ report: report(2), commit: true });
		expect(lms.commits).toHaveLength(1);
		vi.advanceTimersByTime(2000);
		expect(lms.commits).toHaveLength(2);
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '' });
	});

	test('finish sends refused values one last time, cancels retries, and calls nothing after', () => {
		const lms = launch(standard);
		lms.refused.set(lms.names.suspend, '101');
		lms.tracker.report({ report: report(1), commit: true });
		lms.refused.clear();
		lms.tracker.finish();
		const after = lms.calls.length;
		expect(lms.cmi()['cmi.suspend_data']).toBe('P2~1');
		expect(lms.calls.at(-1)?.method).toBe(lms.names.finish);
		expect(lms.statuses.at(-1)).toEqual({ saved: true, message: '' });
		vi.advanceTimersByTime(10 * 60_000);
		expect(lms.calls.length).toBe(after);
	});

	test('a value the strict check refuses is not retried: the LMS never saw it', () => {
		const lms = launch(standard);
		lms.tracker.report({ report: report(1, { location: 'x'.repeat(1001) }), commit: true });
		const tries = lms.calls.length;
		vi.advanceTimersByTime(10 * 60_000);
		expect(lms.calls.length).toBe(tries);
		expect(lms.statuses.at(-1)).toMatchObject({ saved: false, problem: 'save' });
	});
});
