import { Scorm2004API } from 'scorm-again';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMIT_FAILURE, INITIALIZATION_FAILURE, KEPT_IN_BROWSER } from './facade.ts';
import { QUEUE_KEY, queuedCount } from './offline-queue.ts';
import { decodeLaunchData } from './protocol.ts';
import { readLearner, startHosted, type ScormAgainApi } from './runtime.ts';
import { createTestEndpoint, type TestEndpoint } from './test-endpoint.ts';

const COURSE = 'ht_le_course';
const HREF = 'https://training.example.gov/course/index.html?learner=officer-7&name=Doe%2C%20Jane';
let endpoint: TestEndpoint;
const created: Scorm2004API[] = [];

beforeEach(() => {
	vi.useFakeTimers();
	localStorage.clear();
	endpoint = createTestEndpoint();
	// scorm-again's offline replays use the global fetch.
	vi.stubGlobal('fetch', endpoint.fetch);
});
afterEach(() => {
	// scorm-again keeps listening to the window; stop earlier launches from hearing later tests.
	for (const api of created.splice(0)) {
		(
			api as unknown as { _offlineStorageService?: { destroy(): void } }
		)._offlineStorageService?.destroy();
	}
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

function launch(href = HREF) {
	return startHosted({
		config: { endpoint: endpoint.url, course: COURSE },
		href,
		win: window,
		storage: localStorage,
		fetch: endpoint.fetch,
		createApi: (settings) => {
			const api = new Scorm2004API(settings);
			created.push(api);
			return api as unknown as ScormAgainApi;
		},
		createHttpService: endpoint.createHttpService,
		wait: async () => {}
	});
}

const record = () => endpoint.store.record('officer-7', COURSE);
const recorded = (element: string) => {
	const cmi = record()?.cmi as Record<string, unknown> | undefined;
	return cmi?.[element];
};
const queued = () => queuedCount({ storage: localStorage, learner: 'officer-7', course: COURSE });

describe('readLearner', () => {
	it('takes the id and an optional name from the address', () => {
		expect(readLearner(HREF)).toEqual({ id: 'officer-7', name: 'Doe, Jane' });
		expect(readLearner('https://x.gov/?learner=a@b.gov')).toEqual({ id: 'a@b.gov', name: '' });
	});

	it('refuses a missing, blank, spaced or over-long id', () => {
		for (const query of [
			'',
			'?learner=',
			'?learner=%20',
			'?learner=a%20b',
			`?learner=${'x'.repeat(256)}`
		]) {
			expect(readLearner(`https://x.gov/${query}`), query).toBeNull();
		}
	});
});

describe('startHosted', () => {
	it('without a learner id: Initialize fails saying why, and nothing is asked of the endpoint', async () => {
		const fetch = vi.spyOn(endpoint, 'fetch');
		const { api, refused } = await launch('https://x.gov/course/index.html');
		expect(refused).toMatch(/without a learner id/);
		expect(api.Initialize('')).toBe('false');
		expect(api.GetLastError()).toBe(INITIALIZATION_FAILURE);
		expect(api.GetErrorString(INITIALIZATION_FAILURE)).toBe(refused);
		expect(fetch).not.toHaveBeenCalled();
	});

	it('endpoint away at launch: asks twice, then refuses rather than start over the record', async () => {
		endpoint.mode = 'unavailable';
		const { api, refused } = await launch();
		expect(refused).toMatch(/did not give this learner's record: it answered HTTP 503/);
		expect(api.Initialize('')).toBe('false');
		expect(endpoint.store.log).toEqual([]);
		endpoint.mode = 'refusing';
		expect((await launch()).refused).toMatch(/it could not be reached/);
	});

	it("refuses a record that is another learner's (an endpoint ignoring the query)", async () => {
		const other = createTestEndpoint();
		const { api: theirs } = await startHosted({
			config: { endpoint: other.url, course: COURSE },
			href: 'https://x.gov/?learner=officer-8',
			win: window,
			storage: localStorage,
			fetch: other.fetch,
			createApi: (settings) => new Scorm2004API(settings) as unknown as ScormAgainApi,
			createHttpService: other.createHttpService
		});
		theirs.Initialize('');
		expect(theirs.Commit('')).toBe('true');
		const leak = other.store.record('officer-8', COURSE);
		endpoint.fetch = async () => new Response(JSON.stringify(leak));
		const { api, refused } = await launch();
		expect(refused).toMatch(/record of another learner or course/);
		expect(api.Initialize('')).toBe('false');
	});

	it('first launch: the learner from the address, launch order 1, commits reach the endpoint', async () => {
		const { api, refused } = await launch();
		expect(refused).toBe('');
		expect(api.Initialize('')).toBe('true');
		expect(api.GetValue('cmi.learner_id')).toBe('officer-7');
		expect(api.GetValue('cmi.learner_name')).toBe('Doe, Jane');
		expect(api.GetValue('cmi.entry')).toBe('ab-initio');
		expect(decodeLaunchData(api.GetValue('cmi.launch_data'))).toMatchObject({
			course: COURSE,
			order: 1
		});
		api.SetValue('cmi.location', 'm1/l1');
		expect(api.Commit('')).toBe('true');
		expect(recorded('location')).toBe('m1/l1');
		expect(endpoint.store.log.map((e) => e.outcome)).toEqual(['none', 'accepted']);
	});

	it('endpoint goes away (503): commits wait in the offline queue, the course hears "not saved", all of it arrives when it is back', async () => {
		const { api } = await launch();
		api.Initialize('');
		api.SetValue('cmi.location', 'm1/l1');
		expect(api.Commit('')).toBe('true');

		endpoint.mode = 'unavailable';
		api.SetValue('cmi.location', 'm1/l2');
		// The failure itself: scorm-again's answer, passed on.
		expect(api.Commit('')).toBe('false');
		expect(api.GetLastError()).toBe('101');
		api.SetValue('cmi.location', 'm1/l3');
		api.SetValue('cmi.interactions.0.id', 'm1_q1');
		api.SetValue('cmi.interactions.0.type', 'choice');
		api.SetValue('cmi.interactions.0.learner_response', 'a');
		// From now on scorm-again queues; the course is told it is kept here, not saved.
		expect(api.Commit('')).toBe('false');
		expect(api.GetLastError()).toBe(COMMIT_FAILURE);
		expect(api.GetErrorString(COMMIT_FAILURE)).toBe(KEPT_IN_BROWSER);
		expect(api.GetValue('cmi.location')).toBe('m1/l3');
		expect(api.GetLastError()).toBe('0');
		expect(queued()).toBe(1);
		// Each commit is the whole record: the queue keeps the newest of this launch only.
		api.SetValue('cmi.location', 'm1/l4');
		expect(api.Commit('')).toBe('false');
		expect(queued()).toBe(1);
		expect(JSON.parse(localStorage.getItem(QUEUE_KEY)!)[0].data.cmi.location).toBe('m1/l4');
		expect(recorded('location')).toBe('m1/l1');

		endpoint.mode = 'up';
		// The first probe, a second later (±20 %), finds it back; scorm-again sends the queue.
		await vi.advanceTimersByTimeAsync(1200);
		expect(queued()).toBe(0);
		expect(recorded('location')).toBe('m1/l4');
		expect((record()!.cmi.interactions as Record<string, { id: string }>)[0]!.id).toBe('m1_q1');
		api.SetValue('cmi.location', 'm1/l5');
		expect(api.Commit('')).toBe('true');
		expect(recorded('location')).toBe('m1/l5');
	});

	it('connection refused is the endpoint being away too; a page being closed is not', async () => {
		const { api } = await launch();
		api.Initialize('');
		endpoint.mode = 'refusing';
		window.dispatchEvent(new Event('pagehide'));
		// Browsers refuse synchronous requests in pagehide: a 391 there says nothing of the endpoint.
		expect(api.Commit('')).toBe('false');
		expect(api.GetLastError()).toBe(COMMIT_FAILURE);
		expect(queued()).toBe(0);
		window.dispatchEvent(new Event('pageshow'));
		expect(api.Commit('')).toBe('false');
		expect(api.Commit('')).toBe('false');
		expect(api.GetErrorString(COMMIT_FAILURE)).toBe(KEPT_IN_BROWSER);
		expect(queued()).toBe(1);
	});

	it('Terminate while away: the final commit waits in the queue and Terminate says so', async () => {
		const { api } = await launch();
		api.Initialize('');
		endpoint.mode = 'unavailable';
		expect(api.Commit('')).toBe('false');
		api.SetValue('cmi.exit', 'suspend');
		expect(api.Terminate('')).toBe('false');
		expect(api.GetLastError()).toBe(COMMIT_FAILURE);
		expect(queued()).toBe(1);
		const item = JSON.parse(localStorage.getItem(QUEUE_KEY)!)[0];
		expect(item.data.cmi.exit).toBe('suspend');
	});

	it('a window closed while away: the next launch starts from the newer queued commits and sends them', async () => {
		const first = (await launch()).api;
		first.Initialize('');
		first.SetValue('cmi.location', 'm1/l1');
		first.SetValue('cmi.exit', 'suspend');
		first.Commit('');
		endpoint.mode = 'unavailable';
		first.Commit('');
		first.SetValue('cmi.location', 'm1/l5');
		first.SetValue('cmi.suspend_data', 'offline progress');
		first.Terminate('');
		expect(recorded('location')).toBe('m1/l1');
		expect(queued()).toBe(1);

		endpoint.mode = 'up';
		const { api } = await launch();
		expect(api.Initialize('')).toBe('true');
		expect(api.GetValue('cmi.entry')).toBe('resume');
		expect(api.GetValue('cmi.location')).toBe('m1/l5');
		expect(api.GetValue('cmi.suspend_data')).toBe('offline progress');
		expect(decodeLaunchData(api.GetValue('cmi.launch_data'))?.order).toBe(2);
		// scorm-again sends the queue after Initialize.
		await vi.advanceTimersByTimeAsync(0);
		expect(queued()).toBe(0);
		expect(recorded('location')).toBe('m1/l5');
		api.SetValue('cmi.location', 'm1/l6');
		expect(api.Commit('')).toBe('true');
		expect(recorded('location')).toBe('m1/l6');
	});

	it('the endpoint has a later launch (another computer): it wins, and the stale queued commits are ignored', async () => {
		const first = (await launch()).api;
		first.Initialize('');
		first.SetValue('cmi.exit', 'suspend');
		first.Commit('');
		endpoint.mode = 'unavailable';
		first.Commit('');
		first.SetValue('cmi.location', 'old computer');
		first.Terminate('');
		expect(queued()).toBe(1);
		const queue = localStorage.getItem(QUEUE_KEY)!;

		// Then on another computer (no queue there): launch 2 commits.
		endpoint.mode = 'up';
		localStorage.clear();
		const other = (await launch()).api;
		other.Initialize('');
		other.SetValue('cmi.exit', 'suspend');
		other.SetValue('cmi.location', 'new computer');
		other.Commit('');
		localStorage.setItem(QUEUE_KEY, queue);

		const { api } = await launch();
		api.Initialize('');
		expect(api.GetValue('cmi.location')).toBe('new computer');
		expect(decodeLaunchData(api.GetValue('cmi.launch_data'))?.order).toBe(3);
		await vi.advanceTimersByTimeAsync(0);
		expect(queued()).toBe(0);
		expect(recorded('location')).toBe('new computer');
		expect(endpoint.store.log.some((e) => e.outcome === 'stale')).toBe(true);
	});

	it('two windows opened from the same record: the later-opened one wins whatever the order of commits', async () => {
		const base = (await launch()).api;
		base.Initialize('');
		base.SetValue('cmi.exit', 'suspend');
		expect(base.Commit('')).toBe('true');

		const earlier = (await launch()).api;
		await vi.advanceTimersByTimeAsync(1000);
		const later = (await launch()).api;
		earlier.Initialize('');
		later.Initialize('');
		later.SetValue('cmi.location', 'later window');
		expect(later.Commit('')).toBe('true');
		earlier.SetValue('cmi.location', 'earlier window');
		// Answered as accepted (the browser must stop sending it), but not stored.
		expect(earlier.Commit('')).toBe('true');
		expect(recorded('location')).toBe('later window');
		expect(endpoint.store.log.at(-1)?.outcome).toBe('stale');
	});
});
