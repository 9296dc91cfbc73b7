// ADL API discovery: the SCO looks for the LMS API in its own window, its parents, then the window
// that opened the top frame and that window's parents (scorm-rules.md §1.3).
import type { ApiFor } from './api-types.ts';
import type { Standard } from './tracker.ts';

/** The part of a window that discovery reads; real windows and test doubles both fit. */
export interface ApiWindow {
	readonly parent?: ApiWindow | null;
	readonly top?: ApiWindow | null;
	readonly opener?: unknown;
}

const apiNames = { scorm12: 'API', scorm2004: 'API_1484_11' } as const;
const initializers = { scorm12: 'LMSInitialize', scorm2004: 'Initialize' } as const;
// Rustici's fixed algorithm allows 500 hops; real nesting is a handful, so this only stops cycles.
const maxHops = 500;

/** Finds the LMS API object for a standard in win, its parents and its top's opener, or null. */
export function findApi<S extends Standard>(options: {
	standard: S;
	win: ApiWindow;
}): ApiFor[S] | null {
	const { standard, win } = options;
	const budget = { hops: maxHops };
	const own = searchChain({ standard, start: win, budget });
	if (own) return own;
	const top = read(() => win.top) ?? win;
	const opener = read(() => top.opener) ?? read(() => win.opener);
	if (!opener || typeof opener !== 'object') return null;
	return searchChain({ standard, start: opener as ApiWindow, budget });
}

function searchChain<S extends Standard>(options: {
	standard: S;
	start: ApiWindow;
	budget: { hops: number };
}): ApiFor[S] | null {
	const { standard, budget } = options;
	let current: ApiWindow = options.start;
	while (budget.hops > 0) {
		budget.hops -= 1;
		const api = readApi({ standard, win: current });
		if (api) return api;
		// A cross-origin frame throws on property access; its parent may still be readable.
		const parent = read(() => current.parent);
		if (!parent || parent === current) return null;
		current = parent;
	}
	return null;
}

function readApi<S extends Standard>(options: { standard: S; win: ApiWindow }): ApiFor[S] | null {
	const { standard, win } = options;
	const api = read(() => (win as Record<string, unknown>)[apiNames[standard]]);
	if (!api || typeof api !== 'object') return null;
	// A half-built stub without the functions would crash later; keep looking instead.
	const initialize = read(() => (api as Record<string, unknown>)[initializers[standard]]);
	return typeof initialize === 'function' ? (api as ApiFor[S]) : null;
}

function read<T>(get: () => T): T | null {
	try {
		return get() ?? null;
	} catch {
		return null;
	}
}
