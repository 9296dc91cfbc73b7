// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { CMI5, VERBS } from './lrs-rules.ts';
import { StandInLrs, type LrsRequest } from './lrs.ts';

const AU = {
	auUrl: 'https://content.invalid/c/index.html',
	publisherId: 'https://example.invalid/courses/c/au',
	base: 'https://lms.invalid/',
	masteryScore: 0.8,
	returnURL: 'https://lms.invalid/back'
};

function launched(
	lrs = new StandInLrs(),
	extra: Partial<Parameters<StandInLrs['launch']>[0]> = {}
) {
	const launch = lrs.launch({ ...AU, ...extra });
	const params = new URL(launch.url).searchParams;
	const fetchPath = new URL(params.get('fetch')!).pathname;
	const token = JSON.parse(
		lrs.handle({ method: 'POST', url: fetchPath, headers: {}, body: '' }).body
	)['auth-token'] as string;
	const headers = { authorization: `Basic ${token}`, 'x-experience-api-version': '1.0.3' };
	const call = (method: string, url: string, body: unknown = undefined, h = headers) =>
		lrs.handle({ method, url, headers: h, body: body === undefined ? '' : JSON.stringify(body) });
	const stateUrl = (stateId: string) =>
		`/xapi/activities/state?${new URLSearchParams({
			stateId,
			activityId: params.get('activityId')!,
			agent: params.get('actor')!,
			registration: launch.registration
		})}`;
	return { lrs, launch, params, fetchPath, call, stateUrl, headers };
}

describe('StandInLrs.launch', () => {
	test('builds the launch URL and writes LMS.LaunchData before the AU runs', () => {
		const { launch, params, call, stateUrl } = launched();
		expect(launch.url.startsWith(`${AU.auUrl}?`)).toBe(true);
		expect(params.get('endpoint')).toBe('https://lms.invalid/xapi/');
		expect(params.get('registration')).toBe(launch.registration);
		expect(params.get('activityId')).not.toBe(AU.publisherId);
		expect(JSON.parse(params.get('actor')!)).toMatchObject({ account: { name: 'learner-1' } });
		const data = JSON.parse(call('GET', stateUrl('LMS.LaunchData')).body);
		expect(data).toEqual({
			contextTemplate: {
				contextActivities: { grouping: [{ id: AU.publisherId, objectType: 'Activity' }] },
				extensions: { [CMI5.sessionId]: launch.sessionId }
			},
			launchMode: 'Normal',
			moveOn: 'CompletedAndPassed',
			masteryScore: 0.8,
			returnURL: AU.returnURL
		});
	});

	test('records "launched", and "abandoned" for an open session when the learner relaunches', () => {
		const lrs = new StandInLrs();
		const first = lrs.launch({ ...AU });
		lrs.launch({ ...AU, registration: first.registration });
		const report = lrs.registration(first.registration);
		expect(report.lmsStatements.map((s) => s.verb?.id)).toEqual([
			VERBS.launched,
			VERBS.abandoned,
			VERBS.launched
		]);
		expect(report.sessions.map((s) => s.abandoned)).toEqual([true, false]);
	});
});

describe('StandInLrs.handle', () => {
	test('the fetch URL answers once; a second POST is an error and a violation', () => {
		const { lrs, launch, fetchPath } = launched();
		const again = lrs.handle({ method: 'POST', url: fetchPath, headers: {}, body: '' });
		expect(again.status).toBe(200);
		expect(JSON.parse(again.body)).toMatchObject({ 'error-code': '1' });
		expect(lrs.registration(launch.registration).violations).toEqual([
			expect.stringMatching(/fetch URL was used more than once/)
		]);
	});

	test('xAPI needs the auth token and the version header', () => {
		const { lrs, launch, call, headers } = launched();
		expect(call('GET', '/xapi/about', undefined, {} as typeof headers).status).toBe(200);
		const anonymous: LrsRequest = { method: 'GET', url: '/xapi/statements', headers: {}, body: '' };
		expect(lrs.handle(anonymous).status).toBe(401);
		const noVersion = { authorization: headers.authorization } as typeof headers;
		expect(call('GET', '/xapi/statements', undefined, noVersion).status).toBe(400);
		expect(lrs.registration(launch.registration).violations).toEqual([
			expect.stringMatching(/without X-Experience-API-Version/)
		]);
	});

	test('stores statements by PUT and POST, refuses duplicates and mismatched ids', () => {
		const { call, launch, lrs } = launched();
		const id = '11111111-2222-4333-8444-555555555555';
		expect(
			call('PUT', `/xapi/statements?statementId=${id}`, { verb: { id: VERBS.initialized } }).status
		).toBe(204);
		expect(call('PUT', `/xapi/statements?statementId=${id}`, { id }).status).toBe(409);
		expect(call('PUT', '/xapi/statements?statementId=other', { id }).status).toBe(400);
		const posted = call('POST', '/xapi/statements', [
			{ id: '21111111-2222-4333-8444-555555555555' }
		]);
		expect(JSON.parse(posted.body)).toEqual(['21111111-2222-4333-8444-555555555555']);
		expect(lrs.registration(launch.registration).sessions[0]!.statements).toHaveLength(2);
		expect(JSON.parse(call('GET', '/xapi/statements').body).statements).toHaveLength(2);
	});

	test('keeps state documents (PUT replaces, POST merges) but LMS.LaunchData is read-only', () => {
		const { call, stateUrl, lrs, launch } = launched();
		expect(call('GET', stateUrl('suspend')).status).toBe(404);
		expect(call('PUT', stateUrl('suspend'), { a: 1 }).status).toBe(204);
		expect(call('POST', stateUrl('suspend'), { b: 2 }).status).toBe(204);
		expect(JSON.parse(call('GET', stateUrl('suspend')).body)).toEqual({ a: 1, b: 2 });
		expect(call('DELETE', stateUrl('suspend')).status).toBe(204);
		expect(call('GET', stateUrl('suspend')).status).toBe(404);
		expect(call('PUT', stateUrl('LMS.LaunchData'), {}).status).toBe(403);
		expect(lrs.registration(launch.registration).violations).toEqual([
			expect.stringMatching(/LMS.LaunchData: the AU must not change it/)
		]);
	});

	test('learner preferences: none until written (404), then the document', () => {
		const { call, params } = launched();
		const url = `/xapi/agents/profile?${new URLSearchParams({ profileId: 'cmi5LearnerPreferences', agent: params.get('actor')! })}`;
		expect(call('GET', url).status).toBe(404);
		expect(call('PUT', url, { languagePreference: 'es' }).status).toBe(204);
		expect(JSON.parse(call('GET', url).body)).toEqual({ languagePreference: 'es' });
	});

	test('a preflight gets the CORS headers an AU on another origin needs', () => {
		const { call } = launched();
		const answer = call('OPTIONS', '/xapi/statements');
		expect(answer.status).toBe(204);
		expect(answer.headers['Access-Control-Allow-Headers']).toMatch(/Authorization/);
		expect(answer.headers['Access-Control-Allow-Headers']).toMatch(/X-Experience-API-Version/);
	});

	test('an abandoned session takes no more statements', () => {
		const { lrs, launch, call } = launched();
		lrs.launch({ ...AU, registration: launch.registration });
		expect(
			call('POST', '/xapi/statements', { id: '31111111-2222-4333-8444-555555555555' }).status
		).toBe(403);
		expect(lrs.registration(launch.registration).violations).toEqual([
			expect.stringMatching(/after the LMS had abandoned the session/)
		]);
	});
});
