// Call discipline (scorm-rules.md §2.9): milestone commits at most once per two seconds, none lost;
// a commit at least every 60 s while the learner is active; nothing after Terminate.
import { Scorm2004API } from 'scorm-again';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { COMMIT_INTERVAL_MS } from './api-tracker.ts';
import type { Scorm2004Api } from './api-types.ts';
import { ACTIVE_COMMIT_MS, bindLifecycle } from './lifecycle.ts';
import { createScorm2004Tracker } from './scorm2004.ts';
import type { TrackingReport } from './tracker.ts';

beforeEach(() => vi.useFakeTimers({ now: new Date(Date.UTC(2026, 10, 25, 12)) }));
afterEach(() => vi.useRealTimers());

function launch() {
	const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
	const commits: number[] = [];
	const real = lms.Commit.bind(lms);
	lms.Commit = (parameter?: string) => (commits.push(Date.now()), real(parameter));
	const tracker = createScorm2004Tracker({ api: lms as Scorm2004Api });
	tracker.start();
	return { lms, tracker, commits };
}

const report = (n: number): TrackingReport => ({
	location: `m/x/l/${n}`,
	suspendData: `P1~en~${n}~`,
	completion: 'incomplete',
	success: 'unknown'
});

describe('commit discipline', () => {
	test('a burst of milestones gives one commit now and one deferred, two seconds apart', () => {
		const { tracker, commits, lms } = launch();
		for (let n = 0; n < 5; n++) tracker.report({ report: report(n), commit: true });
		expect(commits).toHaveLength(1);
		vi.advanceTimersByTime(COMMIT_INTERVAL_MS);
		expect(commits).toHaveLength(2);
		expect(commits[1]! - commits[0]!).toBeGreaterThanOrEqual(COMMIT_INTERVAL_MS);
		// The deferred commit carried the latest state.
		expect(lms.getFlattenedCMI()['cmi.location']).toBe('m/x/l/4');
	});

	test('steady use never commits twice within two seconds', () => {
		const { tracker, commits } = launch();
		for (let n = 0; n < 40; n++) {
			tracker.report({ report: report(n), commit: true });
			vi.advanceTimersByTime(700);
		}
		vi.advanceTimersByTime(COMMIT_INTERVAL_MS);
		const gaps = commits.slice(1).map((t, i) => t - commits[i]!);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(COMMIT_INTERVAL_MS);
		expect(commits.length).toBeGreaterThanOrEqual(13); // 28 s of use, one per two seconds
	});

	test('finish cancels a deferred commit and makes no call after Terminate', () => {
		const { tracker, commits } = launch();
		tracker.report({ report: report(1), commit: true });
		tracker.report({ report: report(2), commit: true });
		tracker.finish();
		const atFinish = commits.length;
		vi.advanceTimersByTime(10 * COMMIT_INTERVAL_MS);
		expect(commits).toHaveLength(atFinish);
	});

	test('an active learner gets a commit at least every 60 seconds', () => {
		const { tracker, commits } = launch();
		const win = new EventTarget() as EventTarget & {
			document: EventTarget & { visibilityState: string };
		};
		win.document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
		const unbind = bindLifecycle({ tracker, win });
		for (let second = 0; second < 180; second += 5) {
			win.dispatchEvent(new Event('keydown'));
			vi.advanceTimersByTime(5000);
		}
		expect(commits.length).toBeGreaterThanOrEqual(2);
		const gaps = commits.slice(1).map((t, i) => t - commits[i]!);
		expect(Math.max(...gaps)).toBeLessThanOrEqual(ACTIVE_COMMIT_MS + 5000);
		unbind();
	});
});
