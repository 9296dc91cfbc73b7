// Entry point of the SCO-side runtime: pick the tracker once at start-up (design.md).
import type { Cmi5Window } from './cmi5-global.ts';
import { findApi, type ApiWindow } from './discover.ts';
import { createLocalTracker, type ProgressStorage } from './local.ts';
import { createMemoryTracker } from './memory.ts';
import { createMirrorTracker } from './mirror.ts';
import { createScorm12Tracker } from './scorm12.ts';
import { createScorm2004Tracker } from './scorm2004.ts';
import type { Standard, Tracker } from './tracker.ts';

export type * from './tracker.ts';
export type { Scorm12Api, Scorm2004Api } from './api-types.ts';
export type { ApiWindow } from './discover.ts';
export type { Cmi5Global, Cmi5Window } from './cmi5-global.ts';
export type { LifecycleWindow } from './lifecycle.ts';
export type { MemoryTracker } from './memory.ts';
export type { ProgressStorage } from './local.ts';
export { findApi } from './discover.ts';
export { bindLifecycle } from './lifecycle.ts';
export { checkValue, formatSessionTime, formatTimestamp } from './strict.ts';
export {
	createLocalTracker,
	createMemoryTracker,
	createMirrorTracker,
	createScorm12Tracker,
	createScorm2004Tracker
};

/** A window as createTracker reads it: discovery, cmi5's global, storage for the no-LMS fallback. */
export interface TrackerWindow extends ApiWindow, Readonly<Cmi5Window> {
	readonly localStorage?: ProgressStorage | null;
}

/**
 * Creates the tracker for this launch. A standard looks for its own API only; 'auto' (development)
 * tries 2004, then 1.2; cmi5 takes the tracker cmi5-runtime.js made. A SCORM tracker keeps a copy
 * of progress in browser storage when it can. Without an LMS: browser storage under courseKey,
 * else memory.
 */
export function createTracker(options: {
	standard: 'auto' | Standard | 'cmi5';
	win: TrackerWindow;
	courseKey: string;
}): Tracker {
	const { standard, win, courseKey } = options;
	const mirrored = (tracker: Tracker): Tracker => {
		const storage = usableStorage({ win });
		return storage ? createMirrorTracker({ tracker, storage, courseKey }) : tracker;
	};
	if (standard === 'cmi5') {
		// The LRS keeps cmi5 progress in its State API; the runtime script made the tracker.
		const tracker = win.courseCmi5?.tracker;
		if (tracker) return tracker;
	} else if (standard !== 'scorm12') {
		const api = findApi({ standard: 'scorm2004', win });
		if (api) return mirrored(createScorm2004Tracker({ api }));
	}
	if (standard === 'auto' || standard === 'scorm12') {
		const api = findApi({ standard: 'scorm12', win });
		if (api) return mirrored(createScorm12Tracker({ api }));
	}
	const storage = usableStorage({ win });
	if (storage) return createLocalTracker({ storage, key: `course-progress:${courseKey}` });
	return createMemoryTracker();
}

function usableStorage(options: { win: TrackerWindow }): ProgressStorage | null {
	try {
		// Reading localStorage throws in sandboxed frames; Safari's private mode throws on write.
		const storage = options.win.localStorage;
		if (!storage) return null;
		const probe = 'course-progress:probe';
		storage.setItem(probe, '1');
		storage.removeItem(probe);
		return storage;
	} catch {
		return null;
	}
}
