// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCourseStructure } from '../package/cmi5.ts';
import { createZip } from '../package/zip.ts';
import { startLrs, type LrsServer } from './lrs-server.ts';

let dir = '';
let server: LrsServer;
const BUNDLE = 'demo-1.0.0-cmi5.zip';

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'lrs-server-'));
	const xml = buildCourseStructure({
		course: { id: 'demo', title: { en: 'Demo' }, description: {}, passMark: 0.75 }
	});
	const files = new Map([
		['cmi5.xml', new TextEncoder().encode(xml)],
		['index.html', new TextEncoder().encode('<!doctype html><title>AU</title>')]
	]);
	await writeFile(join(dir, BUNDLE), createZip({ files }));
	server = await startLrs({ distDir: dir });
});
afterAll(async () => {
	await server.close();
	await rm(dir, { recursive: true, force: true });
});

describe('startLrs', () => {
	test('listens on a free loopback port and lists the cmi5 zips', async () => {
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
		const home = await (await fetch(server.url)).text();
		expect(home).toContain(`/lms/launch?bundle=${BUNDLE}`);
	});

	test('launches: LMS.LaunchData from cmi5.xml, then a redirect to the AU with the parameters', async () => {
		const registration = '0b7c8f4e-1d2a-4e3b-9c5d-6e7f8a9b0c1d';
		const answer = await fetch(server.launchUrl({ bundle: BUNDLE, registration }), {
			redirect: 'manual'
		});
		expect(answer.status).toBe(302);
		const au = new URL(answer.headers.get('location')!);
		expect(au.pathname).toBe('/content/demo-1.0.0-cmi5/index.html');
		expect(au.searchParams.get('registration')).toBe(registration);
		expect(au.searchParams.get('endpoint')).toBe(`${server.url}xapi/`);
		expect(await (await fetch(au)).text()).toContain('<title>AU</title>');

		const token = (await (await fetch(au.searchParams.get('fetch')!, { method: 'POST' })).json())[
			'auth-token'
		];
		const state = new URL(`${server.url}xapi/activities/state`);
		state.search = new URLSearchParams({
			stateId: 'LMS.LaunchData',
			activityId: au.searchParams.get('activityId')!,
			agent: au.searchParams.get('actor')!,
			registration
		}).toString();
		const data = await (
			await fetch(state, {
				headers: { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3' }
			})
		).json();
		expect(data).toMatchObject({
			launchMode: 'Normal',
			moveOn: 'CompletedAndPassed',
			masteryScore: 0.75,
			returnURL: `${server.url}lms/returned?registration=${registration}`,
			contextTemplate: {
				contextActivities: { grouping: [{ id: 'https://example.invalid/courses/demo/au' }] }
			}
		});
		const returned = await (await fetch(data.returnURL)).text();
		expect(returned).toContain('<h1>Back in the LMS</h1>');
		const report = await (await fetch(`${server.url}lms/registrations/${registration}`)).json();
		expect(report.sessions).toHaveLength(1);
		expect(report.violations).toEqual([]);
	});

	test('the LMS may override launchMode and masteryScore', async () => {
		const answer = await fetch(
			server.launchUrl({ bundle: BUNDLE, launchMode: 'Review', masteryScore: 0.9 }),
			{ redirect: 'manual' }
		);
		const registration = new URL(answer.headers.get('location')!).searchParams.get('registration')!;
		const [session] = server.lrs.registration(registration).sessions;
		expect(session).toMatchObject({ launchMode: 'Review', masteryScore: 0.9 });
	});

	test('unknown bundles and paths outside a package are not found', async () => {
		expect((await fetch(server.launchUrl({ bundle: 'nope.zip' }))).status).toBe(404);
		expect((await fetch(`${server.url}content/demo-1.0.0-cmi5/%2e%2e/x`)).status).toBe(404);
		expect((await fetch(`${server.url}content/demo-1.0.0-cmi5/missing.js`)).status).toBe(404);
	});
});
