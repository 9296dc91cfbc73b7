// @vitest-environment node
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeLaunchData } from '../hosted/protocol.ts';
import { startHostedServer, type HostedServer } from './hosted-endpoint.ts';

let server: HostedServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const commit = (sequence: number, location: string, order = 1) =>
	JSON.stringify({
		cmi: {
			learner_id: 'officer-7',
			launch_data: encodeLaunchData({ course: 'c1', session: 's1', order }),
			location
		},
		commitSequence: sequence
	});

async function post(body: string, type = 'application/json') {
	const response = await fetch(server!.endpoint, {
		method: 'POST',
		body,
		headers: { 'Content-Type': type }
	});
	return { status: response.status, json: await response.json() };
}
const read = async (learner = 'officer-7', course = 'c1') => {
	const response = await fetch(`${server!.endpoint}?learner=${learner}&course=${course}`);
	return { status: response.status, json: await response.json() };
};

describe('startHostedServer', () => {
	it('keeps the newest commit per learner and course, answers stale ones as accepted', async () => {
		server = await startHostedServer();
		expect(await read()).toEqual({ status: 200, json: null });
		expect(await post(commit(2, 'b'))).toEqual({ status: 200, json: { result: true } });
		// The final commit of a closing page comes as text/plain (sendBeacon).
		expect(await post(commit(1, 'a'), 'text/plain;charset=UTF-8')).toEqual({
			status: 200,
			json: { result: true, stale: true }
		});
		expect((await read()).json.cmi.location).toBe('b');
		expect(await post(commit(1, 'next launch', 2))).toEqual({
			status: 200,
			json: { result: true }
		});
		expect((await read()).json.cmi.location).toBe('next launch');
		expect(await read('officer-8')).toEqual({ status: 200, json: null });
		expect(server.store.log.map((e) => `${e.method} ${e.outcome}`)).toEqual([
			'GET none',
			'POST accepted',
			'POST stale',
			'GET found',
			'POST accepted',
			'GET found',
			'GET none'
		]);
	});

	it('refuses what is not a commit of a known learner, launch and sequence', async () => {
		server = await startHostedServer();
		expect((await post('not json')).status).toBe(400);
		const anonymous = await post(JSON.stringify({ cmi: {}, commitSequence: 1 }));
		expect(anonymous).toMatchObject({ status: 400, json: { result: false } });
		expect((await fetch(`${server.endpoint}?learner=x`)).status).toBe(400);
	});

	it('answers 503 while unavailable, refuses connections while refusing, and comes back on the same port', async () => {
		server = await startHostedServer();
		await post(commit(1, 'a'));
		await server.setAvailability('unavailable');
		expect((await post(commit(2, 'b'))).status).toBe(503);
		expect((await fetch(`${server.endpoint}?learner=officer-7&course=c1`)).status).toBe(503);
		await server.setAvailability('refusing');
		// A new connection, not one fetch kept alive from before (closed, not refused).
		const port = Number(new URL(server.url).port);
		const refused = await new Promise<string>((done) => {
			const socket = connect(port, '127.0.0.1', () => done('connected'));
			socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
		});
		expect(refused).toBe('ECONNREFUSED');
		await server.setAvailability('up');
		expect((await read()).json.cmi.location).toBe('a');
	});

	it('answers CORS for the allowed origin, on preflight and on errors', async () => {
		server = await startHostedServer({ allowOrigin: 'http://127.0.0.1:1234' });
		const preflight = await fetch(server.endpoint, { method: 'OPTIONS' });
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1234');
		expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type');
		await server.setAvailability('unavailable');
		const away = await fetch(server.endpoint, { method: 'POST', body: '{}' });
		expect(away.status).toBe(503);
		expect(away.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1234');
	});

	it('serves a bundle under /course/, and no endpoint when told so', async () => {
		server = await startHostedServer({ endpointPath: null });
		server.setSite(new Map([['index.html', new TextEncoder().encode('<h1>Course</h1>')]]));
		expect(server.endpoint).toBe('');
		const page = await fetch(server.courseUrl({ learner: 'a b' }));
		expect(server.courseUrl({ learner: 'a b' })).toMatch(/\/course\/index\.html\?learner=a\+b$/);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await page.text()).toBe('<h1>Course</h1>');
		expect((await fetch(`${server.url}course/missing.js`)).status).toBe(404);
		expect((await fetch(`${server.url}progress`)).status).toBe(404);
	});
});
