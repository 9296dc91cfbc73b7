// @vitest-environment node
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createOutbox, type XapiCall } from './cmi5-outbox.ts';

interface Pending {
	url: string;
	init: RequestInit;
	answer(status: number): void;
	error(message: string): void;
}

/** A fetch whose requests wait until the test answers them. */
function controlledFetch(): Pending[] {
	const pending: Pending[] = [];
	vi.stubGlobal(
		'fetch',
		(url: string, init: RequestInit) =>
			new Promise<Response>((resolve, reject) => {
				pending.push({
					url,
					init,
					answer: (status) => resolve(new Response(null, { status })),
					error: (message) => reject(new TypeError(message))
				});
			})
	);
	return pending;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function outbox() {
	const failures: string[] = [];
	let drained = 0;
	const box = createOutbox({
		endpoint: 'https://lrs.invalid/xapi',
		auth: 'Basic token',
		onFailure: (message) => failures.push(message),
		onDrained: () => drained++
	});
	return { box, failures, drained: () => drained };
}

const call = (name: string, extra: Partial<XapiCall> = {}): XapiCall => ({
	method: 'PUT',
	resource: 'statements',
	params: { statementId: name },
	body: { name },
	what: name,
	...extra
});

afterEach(() => vi.unstubAllGlobals());

describe('createOutbox', () => {
	test('sends one call at a time, in order, with the xAPI headers', async () => {
		const pending = controlledFetch();
		const { box, drained } = outbox();
		box.send(call('a'));
		box.send(call('b'));
		await settle();
		expect(pending.map((p) => p.url)).toEqual([
			'https://lrs.invalid/xapi/statements?statementId=a'
		]);
		expect(pending[0]!.init.headers).toEqual({
			Authorization: 'Basic token',
			'X-Experience-API-Version': '1.0.3',
			'Content-Type': 'application/json'
		});
		expect(pending[0]!.init.body).toBe('{"name":"a"}');
		expect(pending[0]!.init.keepalive).toBe(false);
		pending[0]!.answer(204);
		await settle();
		expect(pending.map((p) => p.url.slice(-1))).toEqual(['a', 'b']);
		pending[1]!.answer(204);
		await box.idle();
		expect(drained()).toBe(1);
	});

	test('a waiting call is replaced by a later one with the same key, which goes last', async () => {
		const pending = controlledFetch();
		const { box } = outbox();
		box.send(call('first'));
		box.send(call('state-1', { key: 'state' }));
		box.send(call('middle'));
		box.send(call('state-2', { key: 'state' }));
		for (let i = 0; i < 3; i++) {
			await settle();
			pending[i]!.answer(204);
		}
		await box.idle();
		expect(pending.map((p) => p.url.split('=')[1])).toEqual(['first', 'middle', 'state-2']);
	});

	test('flush starts everything waiting at once with keepalive and waits for all', async () => {
		const pending = controlledFetch();
		const { box, drained } = outbox();
		for (const name of ['a', 'b', 'c']) box.send(call(name));
		await settle();
		let flushed = false;
		const flushing = box.flush().then(() => (flushed = true));
		await settle();
		expect(pending.map((p) => [p.url.slice(-1), p.init.keepalive])).toEqual([
			['a', false],
			['b', true],
			['c', true]
		]);
		for (const p of pending) p.answer(204);
		await flushing;
		expect(flushed).toBe(true);
		expect(drained()).toBe(1);
	});

	test('says what was not recorded, and tells the caller', async () => {
		const pending = controlledFetch();
		const { box, failures } = outbox();
		const done: boolean[] = [];
		box.send(call('refused', { what: 'the answer to q1', done: (ok) => done.push(ok) }));
		box.send(call('offline', { what: 'your progress', done: (ok) => done.push(ok) }));
		await settle();
		pending[0]!.answer(400);
		await settle();
		pending[1]!.error('Failed to fetch');
		await box.idle();
		expect(done).toEqual([false, false]);
		expect(failures).toEqual([
			'The LMS did not record the answer to q1 (HTTP 400).',
			'The LMS did not record your progress (Failed to fetch).'
		]);
	});
});
