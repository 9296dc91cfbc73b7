import type { Cmi5Statement } from '@rusticisoftware/cmi5';
import { describe, expect, test } from 'vitest';
import {
	ANSWERED,
	answeredStatement,
	interactionIri,
	roundScaled,
	verdicts,
	type Reported
} from './cmi5-statements.ts';
import type { InteractionRecord, TrackingReport } from './tracker.ts';

const none: Reported = { completed: false, passed: false, failed: false };
const report = (change: Partial<TrackingReport>): TrackingReport => ({
	location: 'home',
	suspendData: '',
	completion: 'incomplete',
	success: 'unknown',
	...change
});
const judged = (success: 'passed' | 'failed', scaled: number, completed = false) =>
	report({ success, score: { scaled }, completion: completed ? 'completed' : 'incomplete' });

describe('verdicts', () => {
	test('nothing while success is unknown and the course incomplete', () => {
		expect(
			verdicts({ report: report({}), masteryScore: 0.8, reported: none, judgedThisSession: false })
		).toEqual([]);
	});

	test('passed before completed, each once per registration', () => {
		const r = judged('passed', 0.9, true);
		expect(
			verdicts({ report: r, masteryScore: 0.8, reported: none, judgedThisSession: false })
		).toEqual([{ verb: 'passed', scaled: 0.9 }, { verb: 'completed' }]);
		const all = { completed: true, passed: true, failed: false };
		expect(
			verdicts({ report: r, masteryScore: 0.8, reported: all, judgedThisSession: false })
		).toEqual([]);
	});

	test("the LMS's masteryScore decides over the course's own judgement", () => {
		const below = judged('passed', 0.85);
		expect(
			verdicts({ report: below, masteryScore: 0.9, reported: none, judgedThisSession: false })
		).toEqual([{ verb: 'failed', scaled: 0.85 }]);
		const above = judged('failed', 0.7);
		expect(
			verdicts({ report: above, masteryScore: 0.6, reported: none, judgedThisSession: false })
		).toEqual([{ verb: 'passed', scaled: 0.7 }]);
		// Without a masteryScore the course's verdict stands.
		expect(
			verdicts({ report: above, masteryScore: null, reported: none, judgedThisSession: false })
		).toEqual([{ verb: 'failed', scaled: 0.7 }]);
	});

	test('never failed after passed; failed once until the learner retries', () => {
		const failed = judged('failed', 0.5);
		const passedBefore = { ...none, passed: true };
		expect(
			verdicts({
				report: failed,
				masteryScore: 0.8,
				reported: passedBefore,
				judgedThisSession: false
			})
		).toEqual([]);
		const failedBefore = { ...none, failed: true };
		expect(
			verdicts({
				report: failed,
				masteryScore: 0.8,
				reported: failedBefore,
				judgedThisSession: false
			})
		).toEqual([]);
		// A pass after a failure is fine in a later session...
		const passed = judged('passed', 1);
		expect(
			verdicts({
				report: passed,
				masteryScore: 0.8,
				reported: failedBefore,
				judgedThisSession: false
			})
		).toEqual([{ verb: 'passed', scaled: 1 }]);
		// ...but not in the session that already sent failed (one of passed/failed per session).
		expect(
			verdicts({
				report: passed,
				masteryScore: 0.8,
				reported: failedBefore,
				judgedThisSession: true
			})
		).toEqual([]);
	});

	test('scores are rounded to masteryScore precision before judging', () => {
		expect(roundScaled(0.79996)).toBe(0.8);
		expect(roundScaled(13 / 17)).toBe(0.7647);
		expect(roundScaled(1.2)).toBe(1);
		const r = judged('failed', 0.79996);
		expect(
			verdicts({ report: r, masteryScore: 0.8, reported: none, judgedThisSession: false })
		).toEqual([{ verb: 'passed', scaled: 0.8 }]);
	});
});

describe('interactionIri', () => {
	test("appends the interaction to the AU's activity id", () => {
		expect(interactionIri({ activityId: 'https://lms.invalid/a/1', id: 'recognize_q1' })).toBe(
			'https://lms.invalid/a/1/interactions/recognize_q1'
		);
		expect(interactionIri({ activityId: 'https://lms.invalid/a/?x=1#f', id: 'a b' })).toBe(
			'https://lms.invalid/a/interactions/a%20b'
		);
	});
});

describe('answeredStatement', () => {
	const base: Cmi5Statement = {
		id: '0f8fad5b-d9cb-469f-a165-70867728950e',
		timestamp: '2026-01-01T00:00:00.000Z',
		actor: { account: { homePage: 'https://lms.invalid', name: 'l1' } },
		verb: { id: ANSWERED },
		object: { id: 'https://lms.invalid/au' },
		context: {
			registration: 'r',
			contextActivities: { grouping: [{ id: 'https://example.invalid/courses/c/au' }] },
			extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's' }
		}
	};
	const interaction: InteractionRecord = {
		id: 'recognize_q1',
		type: 'choice',
		options: ['a', 'b', 'c'],
		response: ['a', 'c'],
		correct: ['a', 'c'],
		result: 'correct',
		latencyMs: 4500,
		at: new Date('2026-01-01T00:00:05.000Z'),
		description: 'Which are indicators?',
		objective: 'recognize'
	};

	test('a cmi5 allowed statement: the session context, no cmi5 category, the AU as parent', () => {
		const s = answeredStatement({ base, activityId: 'https://lms.invalid/au', interaction });
		expect(s.verb).toEqual({ id: ANSWERED, display: { 'en-US': 'answered' } });
		expect(s.object.id).toBe('https://lms.invalid/au/interactions/recognize_q1');
		expect(s.object.definition).toEqual({
			type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
			interactionType: 'choice',
			choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
			correctResponsesPattern: ['a[,]c'],
			description: { und: 'Which are indicators?' }
		});
		expect(s.result).toEqual({ response: 'a[,]c', duration: 'PT0H0M4.5S', success: true });
		expect(s.timestamp).toBe('2026-01-01T00:00:05.000Z');
		expect(s.context.contextActivities).toEqual({
			grouping: [{ id: 'https://example.invalid/courses/c/au' }],
			parent: [{ id: 'https://lms.invalid/au', objectType: 'Activity' }]
		});
		expect(s.context.extensions).toEqual(base.context.extensions);
		expect(s.context.registration).toBe('r');
	});

	test('a neutral result carries no success', () => {
		const s = answeredStatement({
			base,
			activityId: 'https://lms.invalid/au',
			interaction: { ...interaction, result: 'neutral', description: '' }
		});
		expect(s.result).not.toHaveProperty('success');
		expect(s.object.definition).not.toHaveProperty('description');
	});
});
