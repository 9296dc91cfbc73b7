import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryTracker } from '$scorm/memory';
import { loadCourseContent } from '$lib/content/load';
import { decodeState, encodeState } from '$lib/course/codec';
import { emptyState } from '$lib/course/progress';
import { CourseSession } from './session.svelte';

const course = loadCourseContent({
	root: join(process.cwd(), 'src', 'lib', 'content', 'fixtures', 'good')
}).course;
const at = Date.UTC(2026, 10, 25, 12);
const older = encodeState({
	state: emptyState({ language: 'en' }),
	course,
	stamp: { revision: 3, savedAt: at }
});
const newerState = {
	language: 'en',
	location: 'm/basics/l/first',
	modules: {
		basics: { lessonsDone: ['first'], attempt: 1, answers: {}, scenarios: {}, scenariosDone: [] }
	}
};
const newer = encodeState({
	state: newerState,
	course,
	stamp: { revision: 4, savedAt: at + 60_000 }
});

function start(launch: NonNullable<Parameters<typeof createMemoryTracker>[0]>['launch']) {
	const tracker = createMemoryTracker({ launch });
	const session = new CourseSession({ course, tracker });
	session.start({ fallbackLanguage: 'en' });
	return { session, tracker };
}

const decode = (data: string) => decodeState({ data, course, fallbackLanguage: 'en' });

describe('CourseSession restore', () => {
	it('resumes from the local copy when it is newer, and says so', () => {
		const { session } = start({
			suspendData: older,
			localCopy: { suspendData: newer, location: 'm/basics/l/first' }
		});
		expect(session.restoreNote).toBe('local');
		expect(session.state).toEqual(newerState);
		expect(session.resumed).toBe(true);
	});

	it('keeps the LMS copy when it is the newer one', () => {
		const { session } = start({
			suspendData: newer,
			localCopy: { suspendData: older, location: '' }
		});
		expect(session.restoreNote).toBe('');
		expect(session.state).toEqual(newerState);
	});

	it('starts fresh with a note when the LMS data is unreadable and there is no local copy', () => {
		const { session } = start({ suspendData: newer.slice(0, 25) });
		expect(session.restoreNote).toBe('foreign');
		expect(session.state.modules).toEqual({});
	});
});

describe('CourseSession stamps', () => {
	it('counts a revision per change, continuing from the restored one, not per report', () => {
		const { session, tracker } = start({ suspendData: newer });
		// Reports are queued until the browser is idle; flush hands each one over at once.
		session.sync(true);
		session.flush();
		session.sync(true);
		session.flush();
		session.visit('m/basics/l/second');
		session.flush();
		const stamps = tracker.reports.map((r) => decode(r.suspendData).stamp.revision);
		expect(stamps).toEqual([4, 4, 5]);
		const last = decode(tracker.reports.at(-1)!.suspendData);
		expect(last.stamp.savedAt).toBeGreaterThanOrEqual(at);
		expect(last.state.location).toBe('m/basics/l/second');
	});
});
