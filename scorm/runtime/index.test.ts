import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, test } from 'vitest';
import {
	bindLifecycle,
	createMemoryTracker,
	createTracker,
	type LifecycleWindow,
	type TrackerWindow
} from './index.ts';

function topWindow(extra: Record<string, unknown>): TrackerWindow {
	const win: Record<string, unknown> = { opener: null, ...extra };
	win.parent = win;
	win.top = win;
	return win as TrackerWindow;
}

function memoryStorage(): Storage {
	const data = new Map<string, string>();
	return {
		getItem: (key: string) => data.get(key) ?? null,
		setItem: (key: string, value: string) => void data.set(key, value),
		removeItem: (key: string) => void data.delete(key)
	} as Storage;
}

describe('createTracker', () => {
	const api12 = new Scorm12API({ logLevel: 5 });
	const api2004 = new Scorm2004API({ logLevel: 5 });

	test('a standard looks for its own API only', () => {
		const both = topWindow({ API: api12, API_1484_11: api2004 });
		expect(createTracker({ standard: 'scorm12', win: both, courseKey: 'c' }).kind).toBe('scorm12');
		expect(createTracker({ standard: 'scorm2004', win: both, courseKey: 'c' }).kind).toBe(
			'scorm2004'
		);
		const only12 = topWindow({ API: api12, localStorage: memoryStorage() });
		expect(createTracker({ standard: 'scorm2004', win: only12, courseKey: 'c' }).kind).toBe(
			'local'
		);
	});

	test('an LMS tracker keeps a copy in browser storage when there is one', () => {
		const lms = new Scorm12API({ logLevel: 5 });
		lms.loadFromJSON({ core: { student_id: 'learner-1' } }, 'cmi');
		const storage = memoryStorage();
		const win = topWindow({ API: lms, localStorage: storage });
		const tracker = createTracker({ standard: 'scorm12', win, courseKey: 'abc' });
		expect(tracker.kind).toBe('scorm12');
		expect(tracker.start()).toMatchObject({ keptLocally: true, learnerId: 'learner-1' });
		tracker.report({
			report: { location: 'l', suspendData: 's', completion: 'incomplete', success: 'unknown' },
			commit: true
		});
		expect(lms.getFlattenedCMI()['cmi.suspend_data']).toBe('s');
		const noStorage = createTracker({
			standard: 'scorm12',
			win: topWindow({ API: new Scorm12API({ logLevel: 5 }) }),
			courseKey: 'abc'
		});
		expect(noStorage.start().keptLocally).toBeUndefined();
	});

	test('auto prefers 2004, then 1.2', () => {
		const both = topWindow({ API: api12, API_1484_11: api2004 });
		expect(createTracker({ standard: 'auto', win: both, courseKey: 'c' }).kind).toBe('scorm2004');
		const only12 = topWindow({ API: api12 });
		expect(createTracker({ standard: 'auto', win: only12, courseKey: 'c' }).kind).toBe('scorm12');
	});

	test("cmi5 takes cmi5-runtime.js's tracker and no SCORM API; without it, local storage", () => {
		const cmi5 = createMemoryTracker();
		const global = { ready: Promise.resolve(cmi5), tracker: cmi5 };
		const win = topWindow({ API: api12, API_1484_11: api2004, courseCmi5: global });
		expect(createTracker({ standard: 'cmi5', win, courseKey: 'c' })).toBe(cmi5);
		// Opened outside a cmi5 LMS (no launch parameters): the runtime made no tracker.
		const outside = topWindow({
			API_1484_11: api2004,
			courseCmi5: { ...global, tracker: null },
			localStorage: memoryStorage()
		});
		expect(createTracker({ standard: 'cmi5', win: outside, courseKey: 'c' }).kind).toBe('local');
	});

	test('without an LMS: local storage under the course key, else memory', () => {
		const storage = memoryStorage();
		const local = createTracker({
			standard: 'auto',
			win: topWindow({ localStorage: storage }),
			courseKey: 'abc'
		});
		expect(local.kind).toBe('local');
		local.start();
		local.report({
			report: { location: 'l', suspendData: 's', completion: 'incomplete', success: 'unknown' },
			commit: true
		});
		expect(storage.getItem('course-progress:abc')).toContain('"location":"l"');

		const blocked = topWindow({});
		Object.defineProperty(blocked, 'localStorage', {
			get() {
				throw new DOMException('denied', 'SecurityError');
			}
		});
		expect(createTracker({ standard: 'auto', win: blocked, courseKey: 'abc' }).kind).toBe('memory');
		const refusing = {
			...memoryStorage(),
			setItem: () => {
				throw new Error('private mode');
			}
		};
		const win = topWindow({ localStorage: refusing });
		expect(createTracker({ standard: 'scorm12', win, courseKey: 'abc' }).kind).toBe('memory');
	});

	test('a real window fits the window types', () => {
		const trackerWindow: TrackerWindow = window;
		const lifecycleWindow: LifecycleWindow = window;
		expect(createTracker({ standard: 'auto', win: trackerWindow, courseKey: 'x' }).kind).toBe(
			'local'
		);
		expect(lifecycleWindow).toBe(window);
	});
});

describe('bindLifecycle', () => {
	function fakeWindow() {
		const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
		return Object.assign(new EventTarget(), { document });
	}

	test('pagehide finishes; hiding the page only commits; unbind stops both', () => {
		const tracker = createMemoryTracker();
		const win = fakeWindow();
		const unbind = bindLifecycle({ tracker, win });
		tracker.start();
		win.document.dispatchEvent(new Event('visibilitychange'));
		expect(tracker.calls).toEqual(['start']);
		win.document.visibilityState = 'hidden';
		win.document.dispatchEvent(new Event('visibilitychange'));
		expect(tracker.calls).toEqual(['start', 'commit']);
		win.dispatchEvent(new Event('pagehide'));
		expect(tracker.calls).toEqual(['start', 'commit', 'finish']);

		const other = createMemoryTracker();
		const otherWin = fakeWindow();
		bindLifecycle({ tracker: other, win: otherWin })();
		otherWin.document.visibilityState = 'hidden';
		otherWin.document.dispatchEvent(new Event('visibilitychange'));
		otherWin.dispatchEvent(new Event('pagehide'));
		expect(other.calls).toEqual([]);
		unbind();
	});

	test('works with the real window and a real SCORM 2004 LMS', () => {
		const lms = new Scorm2004API({ logLevel: 5 });
		Object.assign(window, { API_1484_11: lms });
		try {
			const tracker = createTracker({ standard: 'scorm2004', win: window, courseKey: 'x' });
			const unbind = bindLifecycle({ tracker, win: window });
			tracker.start();
			tracker.report({
				report: { location: 'l', suspendData: 's', completion: 'incomplete', success: 'unknown' },
				commit: false
			});
			window.dispatchEvent(new Event('pagehide'));
			unbind();
			expect(lms.getFlattenedCMI()['cmi.exit']).toBe('suspend');
			expect(lms.isTerminated()).toBe(true);
		} finally {
			Reflect.deleteProperty(window, 'API_1484_11');
		}
	});
});
