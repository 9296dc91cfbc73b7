// @vitest-environment node
import { describe, expect, test } from 'vitest';
import {
	checkRegistration,
	checkSession,
	checkStatement,
	checkStatements,
	CMI5,
	inOrder,
	VERBS,
	type Received,
	type SessionInfo,
	type Statement
} from './lrs-rules.ts';

const session: SessionInfo = {
	id: '7d0c6d0e-3b1c-4a55-9a43-2f4ab5e0a001',
	registration: 'c6a1f7b2-8d3e-4f9a-b1c2-d3e4f5a6b7c8',
	activityId: 'https://lms.invalid/activities/au',
	publisherId: 'https://example.invalid/courses/c/au',
	actor: { objectType: 'Agent', account: { homePage: 'https://lms.invalid', name: 'l1' } },
	launchMode: 'Normal',
	masteryScore: 0.8
};

let n = 0;
/** A valid cmi5 defined statement of a verb, changed by `change`. */
function defined(verb: keyof typeof VERBS, change: Partial<Statement> = {}, s = session): Received {
	n++;
	const result: Statement['result'] = {
		completed: { completion: true, duration: 'PT1S' },
		passed: { success: true, score: { scaled: 0.9 }, duration: 'PT1S' },
		failed: { success: false, score: { scaled: 0.5 }, duration: 'PT1S' },
		terminated: { duration: 'PT1S' }
	}[verb as string];
	const moveOn = verb === 'completed' || verb === 'passed' || verb === 'failed';
	const statement: Statement = {
		id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
		actor: s.actor,
		verb: { id: VERBS[verb] },
		object: { id: s.activityId },
		...(result ? { result } : {}),
		context: {
			registration: s.registration,
			contextActivities: {
				grouping: [{ id: s.publisherId }],
				category: [{ id: CMI5.category }, ...(moveOn ? [{ id: CMI5.moveOnCategory }] : [])]
			},
			extensions: {
				[CMI5.sessionId]: s.id,
				...(verb === 'passed' || verb === 'failed' ? { [CMI5.masteryScore]: 0.8 } : {})
			}
		},
		...change
	};
	return { statement, session: s, arrival: n };
}

/** A cmi5 allowed "answered" statement. */
function answered(s = session): Received {
	const r = defined('initialized', {}, s);
	r.statement.verb = { id: 'http://adlnet.gov/expapi/verbs/answered' };
	r.statement.object = { id: `${s.activityId}/interactions/q1` };
	r.statement.result = { success: true, response: 'a' };
	r.statement.context!.contextActivities!.category = [];
	return r;
}

describe('checkStatement', () => {
	test('valid cmi5 defined and allowed statements pass', () => {
		for (const verb of ['initialized', 'completed', 'passed', 'failed', 'terminated'] as const) {
			expect(checkStatement(defined(verb)), verb).toEqual([]);
		}
		expect(checkStatement(answered())).toEqual([]);
	});

	test('ids, timestamps, actor, registration, session id and the template grouping', () => {
		const r = defined('initialized', {
			id: 'not-a-uuid',
			timestamp: '2026-01-01T01:00:00+02:00',
			actor: { account: { homePage: 'https://lms.invalid', name: 'someone else' } }
		});
		r.statement.context = {
			registration: 'other',
			extensions: {},
			contextActivities: { category: [{ id: CMI5.category }] }
		};
		expect(checkStatement(r).map((v) => v.replace(/^.*: /, ''))).toEqual([
			'the id must be a UUID (§9.1)',
			'the timestamp must be an ISO 8601 time in UTC (§9.7)',
			'the actor must be the launch actor (§9.2)',
			'context.registration must be the launch registration (§9.6.1)',
			'the context must carry the session id from LMS.LaunchData (§9.6.3.1)',
			"the context template's publisher id grouping must be kept (§10, contextTemplate)"
		]);
	});

	test('result rules of the cmi5 defined verbs', () => {
		const noScore = defined('completed');
		noScore.statement.result = { completion: true, duration: 'PT1S', score: { scaled: 1 } };
		expect(checkStatement(noScore)).toEqual([
			expect.stringMatching(/only passed and failed may carry a score/)
		]);
		const passed = defined('passed');
		passed.statement.result = { success: false, score: { scaled: 0.9 } };
		expect(checkStatement(passed).map((v) => v.replace(/^.*: /, ''))).toEqual([
			'passed needs success true (§9.5.2)',
			'a duration is required (§9.5.4.1)'
		]);
		const object = defined('terminated', { object: { id: 'https://elsewhere.invalid' } });
		expect(checkStatement(object)).toEqual([
			expect.stringMatching(/object must be the launch activityId/)
		]);
	});

	test('masteryScore: passed at or above it, failed below, with the extension', () => {
		const low = defined('passed');
		low.statement.result!.score = { scaled: 0.7 };
		expect(checkStatement(low)).toEqual([
			expect.stringMatching(/passed with 0.7 is below masteryScore 0.8/)
		]);
		const high = defined('failed');
		high.statement.result!.score = { scaled: 0.8 };
		expect(checkStatement(high)).toEqual([
			expect.stringMatching(/failed with 0.8 reaches masteryScore 0.8/)
		]);
		const bare = defined('passed');
		bare.statement.context!.extensions = { [CMI5.sessionId]: session.id };
		expect(checkStatement(bare)).toEqual([expect.stringMatching(/masteryScore extension/)]);
	});

	test('the moveOn category goes with success or completion only', () => {
		const r = defined('terminated');
		r.statement.context!.contextActivities!.category!.push({ id: CMI5.moveOnCategory });
		expect(checkStatement(r)).toEqual([expect.stringMatching(/moveOn category/)]);
		const allowed = answered();
		allowed.statement.context!.contextActivities!.category = [{ id: CMI5.moveOnCategory }];
		expect(checkStatement(allowed)).toEqual([
			expect.stringMatching(/only cmi5 defined statements may carry the moveOn/)
		]);
	});

	test('Browse and Review allow only initialized and terminated', () => {
		const browse = { ...session, launchMode: 'Browse' as const };
		expect(checkStatement(defined('completed', {}, browse))).toEqual([
			expect.stringMatching(/in Browse mode only "initialized" and "terminated"/)
		]);
		expect(checkStatement(defined('terminated', {}, browse))).toEqual([]);
	});
});

describe('checkSession', () => {
	test('initialized first, terminated last, no verb twice, not both passed and failed', () => {
		expect(
			checkSession([defined('initialized'), answered(), defined('passed'), defined('terminated')])
		).toEqual([]);
		expect(checkSession([answered(), defined('initialized')])).toEqual([
			expect.stringMatching(/"answered".*"initialized" must be the first/)
		]);
		const late = [defined('initialized'), defined('terminated'), answered()];
		expect(checkSession(late)).toEqual([expect.stringMatching(/nothing may follow "terminated"/)]);
		expect(
			checkSession([defined('initialized'), defined('completed'), defined('completed')])
		).toEqual([expect.stringMatching(/repeated in a session/)]);
		expect(checkSession([defined('initialized'), defined('failed'), defined('passed')])).toEqual([
			expect.stringMatching(/passed or failed, not both/)
		]);
	});

	test('order is by timestamp, then arrival: a late arrival with an earlier time is in place', () => {
		const init = defined('initialized');
		const answer = answered();
		const end = defined('terminated');
		answer.arrival = end.arrival + 1;
		expect(inOrder([init, end, answer]).map((r) => r.statement.verb?.id)).toEqual([
			VERBS.initialized,
			'http://adlnet.gov/expapi/verbs/answered',
			VERBS.terminated
		]);
		expect(checkSession([init, end, answer])).toEqual([]);
	});
});

describe('checkRegistration', () => {
	const second = { ...session, id: '7d0c6d0e-3b1c-4a55-9a43-2f4ab5e0a002' };

	test('one completed and one passed per registration; no failed after passed', () => {
		expect(checkRegistration([defined('failed'), defined('passed', {}, second)])).toEqual([]);
		expect(checkRegistration([defined('completed'), defined('completed', {}, second)])).toEqual([
			expect.stringMatching(/only one "completed" per registration/)
		]);
		expect(checkRegistration([defined('passed'), defined('passed', {}, second)])).toEqual([
			expect.stringMatching(/only one "passed" per registration/)
		]);
		expect(checkRegistration([defined('passed'), defined('failed', {}, second)])).toEqual([
			expect.stringMatching(/"failed" must not follow "passed"/)
		]);
	});

	test('checkStatements runs every level', () => {
		const all = checkStatements([
			answered(),
			defined('initialized'),
			defined('completed', {}, second),
			defined('completed')
		]);
		expect(all).toHaveLength(3);
	});
});
