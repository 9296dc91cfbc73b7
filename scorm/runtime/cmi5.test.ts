// @vitest-environment node
// The cmi5 tracker with the real @rusticisoftware/cmi5 against the stand-in LRS, in process.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { lrsFetch } from '../preview/lrs-fetch.ts';
import { verbName } from '../preview/lrs-rules.ts';
import { StandInLrs, type LaunchRequest } from '../preview/lrs.ts';
import { startCmi5Tracker, SUSPEND_STATE_ID } from './cmi5.ts';
import type { InteractionRecord, SaveStatus, Tracker, TrackingReport } from './tracker.ts';

// The library's UMD wrapper reads `self`, which Node lacks; it is imported by ./cmi5.ts.
vi.hoisted(() => {
	(globalThis as { self?: unknown }).self ??= globalThis;
});

const AU: Omit<LaunchRequest, 'registration'> = {
	auUrl: 'https://content.invalid/course/index.html',
	publisherId: 'https://example.invalid/courses/c/au',
	base: 'https://lms.invalid/',
	masteryScore: 0.8,
	returnURL: 'https://lms.invalid/back'
};
const REGISTRATION = '9b7d9c1e-2f41-4c1b-8f39-6a4b0f2d1e55';

let lrs: StandInLrs;
let shim: ReturnType<typeof lrsFetch>;
let navigated: string[];

beforeEach(() => {
	lrs = new StandInLrs();
	shim = lrsFetch(lrs);
	navigated = [];
	vi.stubGlobal('fetch', shim.fetch);
});
afterEach(() => vi.unstubAllGlobals());

async function start(request: Partial<LaunchRequest> = {}): Promise<Tracker> {
	const { url } = lrs.launch({ ...AU, registration: REGISTRATION, ...request });
	const tracker = await startCmi5Tracker({ href: url, navigate: (to) => navigated.push(to) });
	if (!tracker) throw new Error('no tracker');
	return tracker;
}

const report = (change: Partial<TrackingReport> = {}): TrackingReport => ({
	location: 'm/recognize/l/intro',
	suspendData: 'P1~en~m/recognize/l/intro~',
	completion: 'incomplete',
	success: 'unknown',
	...change
});
const passed: Partial<TrackingReport> = { success: 'passed', score: { scaled: 1 } };
const interaction: InteractionRecord = {
	id: 'recognize_q1',
	type: 'choice',
	options: ['a', 'b'],
	response: ['b'],
	correct: ['b'],
	result: 'correct',
	latencyMs: 1200,
	at: new Date(),
	description: 'Which?',
	objective: 'recognize'
};

/** Finishes the session and waits until the LMS has it back (returnURL). */
async function finish(tracker: Tracker): Promise<void> {
	const before = navigated.length;
	tracker.finish();
	await vi.waitFor(() => expect(navigated.length).toBeGreaterThan(before));
}

const verbs = (session: number) =>
	(lrs.registration(REGISTRATION).sessions[session]?.statements ?? []).map(verbName);

describe('startCmi5Tracker', () => {
	test('without cmi5 launch parameters there is no LMS: null', async () => {
		const href = 'https://content.invalid/course/index.html?endpoint=x';
		await expect(startCmi5Tracker({ href, navigate: () => {} })).resolves.toBeNull();
	});

	test('a full session: initialized, answered, passed, completed, terminated, then returnURL', async () => {
		const tracker = await start();
		expect(tracker.kind).toBe('cmi5');
		expect(tracker.start()).toEqual({
			kind: 'cmi5',
			resumed: false,
			suspendData: '',
			location: '',
			learnerName: 'Preview Learner',
			learnerId: '',
			language: ''
		});
		const statuses: SaveStatus[] = [];
		tracker.onStatus((s) => statuses.push(s));
		tracker.report({ report: report(), commit: true });
		tracker.record({ interaction, commit: false });
		tracker.report({ report: report(passed), commit: true });
		tracker.report({ report: report({ ...passed, completion: 'completed' }), commit: true });
		await finish(tracker);
		expect(verbs(0)).toEqual(['initialized', 'answered', 'passed', 'completed', 'terminated']);
		expect(lrs.registration(REGISTRATION).violations).toEqual([]);
		expect(navigated).toEqual(['https://lms.invalid/back']);
		expect(statuses.at(-1)).toEqual({ saved: true, message: '' });
		// Only what went out at the end used keepalive (it may outlive the page).
		const keepalive = shim.log.filter((l) => l.keepalive).map((l) => l.url);
		expect(keepalive.at(-1)).toMatch(/\/xapi\/statements\?statementId=/);
		expect(shim.log.filter((l) => /\/lms\/fetch\//.test(l.url))).toHaveLength(1);
	});

	test('a relaunch resumes from the State API and reports nothing twice', async () => {
		const first = await start();
		first.start();
		first.report({ report: report({ ...passed, completion: 'completed' }), commit: true });
		await finish(first);
		const second = await start();
		expect(second.start()).toMatchObject({
			resumed: true,
			suspendData: 'P1~en~m/recognize/l/intro~',
			location: 'm/recognize/l/intro'
		});
		second.report({ report: report({ ...passed, completion: 'completed' }), commit: true });
		await finish(second);
		expect(verbs(1)).toEqual(['initialized', 'terminated']);
		expect(lrs.registration(REGISTRATION).violations).toEqual([]);
	});

	test("the LMS's masteryScore decides: 0.85 fails against 0.9", async () => {
		const tracker = await start({ masteryScore: 0.9 });
		tracker.start();
		tracker.report({
			report: report({ success: 'passed', score: { scaled: 0.85 } }),
			commit: true
		});
		await finish(tracker);
		const failed = lrs.registration(REGISTRATION).sessions[0]!.statements[1]!;
		expect(verbName(failed)).toBe('failed');
		expect(failed.result?.score).toEqual({ scaled: 0.85 });
		expect(lrs.registration(REGISTRATION).violations).toEqual([]);
	});

	test('failed, a retry and a pass in one session: the pass goes in the next session', async () => {
		const tracker = await start();
		tracker.start();
		tracker.report({ report: report({ success: 'failed', score: { scaled: 0.5 } }), commit: true });
		tracker.report({ report: report(), commit: true });
		tracker.report({ report: report(passed), commit: true });
		await finish(tracker);
		expect(verbs(0)).toEqual(['initialized', 'failed', 'terminated']);
		const next = await start();
		next.start();
		next.report({ report: report(passed), commit: true });
		await finish(next);
		expect(verbs(1)).toEqual(['initialized', 'passed', 'terminated']);
		expect(lrs.registration(REGISTRATION).violations).toEqual([]);
	});

	test('Browse mode: no verdicts and no saved progress', async () => {
		const tracker = await start({ launchMode: 'Browse' });
		tracker.start();
		tracker.record({ interaction, commit: true });
		tracker.report({ report: report({ ...passed, completion: 'completed' }), commit: true });
		await finish(tracker);
		expect(verbs(0)).toEqual(['initialized', 'answered', 'terminated']);
		expect(shim.log.filter((l) => l.method === 'PUT' && l.url.includes(SUSPEND_STATE_ID))).toEqual(
			[]
		);
		expect(lrs.registration(REGISTRATION).violations).toEqual([]);
	});

	test('a verdict the LRS did not record is sent again with the next report', async () => {
		const tracker = await start();
		const statuses: SaveStatus[] = [];
		tracker.onStatus((s) => statuses.push(s));
		tracker.start();
		shim.fail.set(/\/xapi\/statements/, 503);
		tracker.report({ report: report({ completion: 'completed' }), commit: true });
		await vi.waitFor(() => expect(statuses.at(-1)?.saved).toBe(false));
		expect(statuses.at(-1)?.message).toMatch(
			/did not record the "completed" statement \(HTTP 503\)/
		);
		shim.fail.clear();
		tracker.report({ report: report({ completion: 'completed' }), commit: true });
		await finish(tracker);
		expect(verbs(0)).toEqual(['initialized', 'completed', 'terminated']);
	});

	test('a failed handshake opens the course with a notice and records nothing', async () => {
		shim.fail.set(/\/lms\/fetch\//, 500);
		const tracker = await start();
		const statuses: SaveStatus[] = [];
		tracker.onStatus((s) => statuses.push(s));
		expect(tracker.start()).toMatchObject({ kind: 'cmi5', resumed: false, suspendData: '' });
		expect(statuses).toEqual([
			{ saved: false, message: expect.stringMatching(/^The LMS did not start the session: .*500/) }
		]);
		tracker.report({ report: report(passed), commit: true });
		tracker.finish();
		expect(verbs(0)).toEqual([]);
	});

	test('a handshake that never ends times out', async () => {
		vi.stubGlobal('fetch', () => new Promise<Response>(() => {}));
		const { url } = lrs.launch({ ...AU, registration: REGISTRATION });
		const tracker = await startCmi5Tracker({ href: url, navigate: () => {}, timeoutMs: 20 });
		const statuses: SaveStatus[] = [];
		tracker!.onStatus((s) => statuses.push(s));
		tracker!.start();
		expect(statuses[0]?.message).toMatch(/did not answer in time/);
	});
});
