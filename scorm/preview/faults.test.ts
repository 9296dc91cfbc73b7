// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Standard } from './contract.ts';
import {
	FAULTS,
	FOREIGN_SUSPEND_DATA,
	HANG_MS,
	faultySuspendData,
	injectionFor,
	isFaultName
} from './faults.ts';
import { createSession, storageKey } from './session.ts';
import { config, fakeFrame, memoryStorage, type Api } from './test-utils.ts';

beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('injectionFor', () => {
	const on = (...names: Parameters<typeof isFaultName>[0][]) => new Set(names.filter(isFaultName));

	it.each([
		['scorm12', 'initialize', '101'],
		['scorm2004', 'initialize', '102'],
		['scorm12', 'set', '101'],
		['scorm2004', 'set', '351'],
		['scorm2004', 'commit', '391'],
		['scorm2004', 'terminate', '111']
	] as const)('%s: a refused %s reports error %s', (standard, role, error) => {
		const active = on('initialize-false', 'set-value-fails', 'commit-false');
		expect(injectionFor({ active, standard, role, element: 'cmi.location' })).toMatchObject({
			effect: 'refuse',
			error
		});
	});

	it('refuses only suspend_data when only that fails; reads are never refused', () => {
		const active = on('set-suspend-data-fails', 'commit-false');
		const call = (role: 'set' | 'get', element: string) =>
			injectionFor({ active, standard: 'scorm12', role, element });
		expect(call('set', 'cmi.suspend_data')?.fault).toBe('set-suspend-data-fails');
		expect(call('set', 'cmi.core.lesson_location')).toBeNull();
		expect(call('get', 'cmi.suspend_data')).toBeNull();
	});

	it('commit faults reach Terminate too; the crash fires on a Commit only', () => {
		const at = (fault: Parameters<typeof isFaultName>[0], role: 'commit' | 'terminate') =>
			injectionFor({ active: on(fault), standard: 'scorm2004', role, element: '' })?.effect;
		expect(at('commit-throws', 'terminate')).toBe('throw');
		expect(at('commit-hangs', 'terminate')).toBe('hang');
		expect(at('crash', 'commit')).toBe('crash');
		expect(at('crash', 'terminate')).toBeUndefined();
		expect(FAULTS.map((f) => f.name)).toHaveLength(12);
	});
});

describe('faultySuspendData', () => {
	const stored = 'P2~3~abc~en~m/x/l/y~mod!a.b!1!!!~1x2y3z';
	it('cuts, pads past the limits, or hands back another course’s data', () => {
		const data = (fault: 'corrupt' | 'oversized' | 'foreign', standard: Standard = 'scorm12') =>
			faultySuspendData({ fault: `${fault}-suspend-data`, standard, stored });
		expect(stored.startsWith(data('corrupt'))).toBe(true);
		expect(data('corrupt').length).toBeLessThan(stored.length);
		expect(data('oversized')).toHaveLength(5000);
		expect(data('oversized', 'scorm2004')).toHaveLength(64000);
		expect(data('oversized').startsWith(stored)).toBe(true);
		expect(data('foreign')).toBe(FOREIGN_SUSPEND_DATA);
	});
});

/** A course whose API the test drives: saves once on load, finishes on pagehide. */
function start(standard: Standard) {
	const host: Record<string, unknown> = {};
	let api: Api | undefined;
	const is12 = standard === 'scorm12';
	const fn = (name12: string, name2004: string) => (is12 ? name12 : name2004) as keyof Api;
	const frame = fakeFrame(host, standard, (given) => {
		api = given;
		if (!given) return;
		given[fn('LMSInitialize', 'Initialize')]('');
		given[fn('LMSSetValue', 'SetValue')](fn('cmi.core.exit', 'cmi.exit'), 'suspend');
		given[fn('LMSSetValue', 'SetValue')]('cmi.suspend_data', 'P2~first');
		given[fn('LMSCommit', 'Commit')]('');
		return () => {
			given[fn('LMSCommit', 'Commit')]('');
			given[fn('LMSFinish', 'Terminate')]('');
		};
	});
	const storage = memoryStorage();
	const lms = createSession({
		config: config(standard),
		checkValue: () => null,
		storage,
		host,
		frame
	});
	const call = (name12: string, name2004: string, ...args: string[]) =>
		api![fn(name12, name2004)](...args);
	const set = (element: string, value: string) => call('LMSSetValue', 'SetValue', element, value);
	const commit = () => call('LMSCommit', 'Commit', '');
	const stored = () => JSON.parse(storage.items.get(storageKey(`tiny-${standard}.zip`))!);
	return { lms, host, frame, set, commit, call, stored, api: () => api };
}

describe.each(['scorm12', 'scorm2004'] as const)('%s preview session with faults', (standard) => {
	const lastError = standard === 'scorm12' ? 'LMSGetLastError' : 'GetLastError';

	it('a refused Commit stores nothing, says why, and is flagged; cleared, the next one stores', async () => {
		const s = start(standard);
		await s.lms.whenLoaded();
		await s.lms.injectFault('commit-false');
		expect(s.lms.faults).toEqual(['commit-false']);
		s.set('cmi.suspend_data', 'P2~second');
		expect(s.commit()).toBe('false');
		expect(s.call(lastError, lastError)).toBe(standard === 'scorm12' ? '101' : '391');
		expect(s.stored().committed['cmi.suspend_data']).toBe('P2~first');
		expect(s.lms.failures().at(-1)).toMatchObject({ result: 'false', fault: 'commit-false' });
		s.lms.clearFaults();
		expect(s.commit()).toBe('true');
		expect(s.stored().committed['cmi.suspend_data']).toBe('P2~second');
	});

	it('a throwing Commit throws; a hanging one answers after HANG_MS', async () => {
		const s = start(standard);
		await s.lms.whenLoaded();
		await s.lms.injectFault('commit-throws');
		expect(() => s.commit()).toThrow(/could not be reached/);
		expect(s.lms.calls.at(-1)).toMatchObject({ result: 'threw', fault: 'commit-throws' });
		s.lms.clearFaults();
		await s.lms.injectFault('commit-hangs');
		let now = 0;
		vi.spyOn(Date, 'now').mockImplementation(() => (now += 500));
		const before = now;
		expect(s.commit()).toBe('true');
		expect(now - before).toBeGreaterThanOrEqual(HANG_MS);
		expect(s.lms.calls.filter((c) => c.fn.endsWith('Commit')).at(-1)).toMatchObject({
			result: 'true',
			error: '0',
			fault: 'commit-hangs'
		});
	});

	it('SetValue refused for suspend_data only; Initialize refused on the next launch', async () => {
		const s = start(standard);
		await s.lms.whenLoaded();
		await s.lms.injectFault('set-suspend-data-fails');
		expect(s.set('cmi.suspend_data', 'x')).toBe('false');
		expect(s.set(standard === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location', 'y')).toBe(
			'true'
		);
		s.lms.clearFaults();
		await s.lms.injectFault('initialize-false');
		await s.lms.relaunch();
		expect(s.lms.calls[0]).toMatchObject({ result: 'false', fault: 'initialize-false' });
	});

	it('data faults and a missing API apply to the next launch only', async () => {
		const s = start(standard);
		await s.lms.whenLoaded();
		await s.lms.injectFault('corrupt-suspend-data');
		await s.lms.injectFault('no-api');
		await s.lms.relaunch();
		expect(s.lms.faults).toEqual([]);
		expect(s.api()).toBeUndefined();
		expect(s.lms.entry).toBe('resume');
		expect(s.lms.dataModel()['cmi.suspend_data']).toBe('P2~fi');
		await s.lms.injectFault('foreign-suspend-data');
		await s.lms.relaunch();
		expect(s.api()).toBeDefined();
		expect(s.stored().seed['cmi.suspend_data']).toBe(FOREIGN_SUSPEND_DATA);
	});

	it('close-window: the unload calls never reach the LMS; the relaunch resumes', async () => {
		const s = start(standard);
		await s.lms.whenLoaded();
		s.set('cmi.suspend_data', 'P2~unsaved');
		await s.lms.injectFault('close-window');
		expect(s.lms).toMatchObject({ launch: 2, entry: 'resume' });
		expect(s.lms.dataModel()['cmi.suspend_data']).toBe('P2~first');
	});

	it('crash: the next Commit never arrives, no pagehide runs, and the course relaunches', async () => {
		const s = start(standard);
		await s.lms.whenLoaded();
		await s.lms.injectFault('crash');
		s.set('cmi.suspend_data', 'P2~lost');
		const firstCalls = s.lms.calls;
		expect(s.commit()).toBe('false');
		expect(s.set('cmi.suspend_data', 'P2~late')).toBe('false');
		await vi.waitFor(() => expect(s.lms.launch).toBe(2));
		await s.lms.whenLoaded();
		expect(s.frame.crashes).toBe(1);
		expect(s.lms.faults).toEqual([]);
		expect(firstCalls.filter((c) => c.fault === 'crash').map((c) => c.fn)).toHaveLength(2);
		// No pagehide: neither the pagehide commit nor LMSFinish/Terminate was ever called.
		expect(firstCalls.at(-1)?.value).toBe('P2~late');
		expect(s.lms.entry).toBe('resume');
		expect(s.lms.dataModel()['cmi.suspend_data']).toBe('P2~first');
	});
});
