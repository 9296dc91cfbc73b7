import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, test } from 'vitest';
import type { Scorm12Api, Scorm2004Api } from './api-types.ts';
import { applyReached, keepReached } from './reached.ts';
import { createScorm12Tracker } from './scorm12.ts';
import { createScorm2004Tracker } from './scorm2004.ts';
import type { TrackingReport } from './tracker.ts';

const restarted: TrackingReport = {
	location: 'home',
	suspendData: 'P1~en~~',
	completion: 'incomplete',
	success: 'unknown'
};

describe('keepReached', () => {
	test.each([
		['cmi.core.lesson_status', 'passed', 'failed', 'passed'],
		['cmi.core.lesson_status', 'passed', 'incomplete', 'passed'],
		['cmi.core.lesson_status', 'completed', 'incomplete', 'completed'],
		['cmi.core.lesson_status', 'failed', 'completed', 'failed'],
		['cmi.core.lesson_status', 'failed', 'passed', 'passed'],
		['cmi.core.lesson_status', 'incomplete', 'completed', 'completed'],
		['cmi.completion_status', 'completed', 'incomplete', 'completed'],
		['cmi.success_status', 'passed', 'failed', 'passed'],
		['cmi.success_status', 'failed', 'unknown', 'failed'],
		['cmi.success_status', 'failed', 'passed', 'passed'],
		['cmi.objectives.2.status', 'passed', 'incomplete', 'passed'],
		['cmi.objectives.0.completion_status', 'completed', 'incomplete', 'completed'],
		['cmi.core.lesson_location', 'b', 'a', 'a']
	])('%s held %s, next %s → %s', (element, held, next, sent) => {
		expect(keepReached({ element, held, next })).toBe(sent);
	});

	test('a kept pass also keeps the score that earned it', () => {
		const values = applyReached({
			values: [
				['cmi.core.score.raw', '40'],
				['cmi.core.lesson_status', 'failed']
			],
			held: (e) => (e === 'cmi.core.lesson_status' ? 'passed' : undefined)
		});
		expect(values).toEqual([['cmi.core.lesson_status', 'passed']]);
	});
});

describe('a relaunch with lost progress never takes back what the LMS holds', () => {
	test('SCORM 1.2: passed stays passed, its score untouched', () => {
		const lms = new Scorm12API({ logLevel: 5, autocommit: false });
		lms.loadFromJSON({ core: { lesson_status: 'passed', score: { raw: '90' } } }, 'cmi');
		const tracker = createScorm12Tracker({ api: lms as Scorm12Api });
		tracker.start();
		tracker.report({ report: { ...restarted, score: { scaled: 0.1 } }, commit: true });
		tracker.finish();
		const cmi = lms.getFlattenedCMI() as Record<string, string>;
		expect(cmi['cmi.core.lesson_status']).toBe('passed');
		expect(cmi['cmi.core.score.raw']).toBe('90');
	});

	test('SCORM 2004: completed and passed stay', () => {
		const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
		lms.loadFromJSON({ completion_status: 'completed', success_status: 'passed' }, 'cmi');
		const tracker = createScorm2004Tracker({ api: lms as Scorm2004Api });
		tracker.start();
		tracker.report({ report: restarted, commit: true });
		const cmi = lms.getFlattenedCMI() as Record<string, string>;
		expect(cmi['cmi.completion_status']).toBe('completed');
		expect(cmi['cmi.success_status']).toBe('passed');
	});
});
