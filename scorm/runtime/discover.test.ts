import { describe, expect, test } from 'vitest';
import { findApi, type ApiWindow } from './discover.ts';

type FakeWindow = { parent: FakeWindow; top: FakeWindow; opener: FakeWindow | null } & Record<
	string,
	unknown
>;

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

/** A top window and a chain of frames below it; returns [innermost, ..., top]. */
function frames(options: { depth: number }): FakeWindow[] {
	const top = {} as FakeWindow;
	Object.assign(top, { parent: top, top, opener: null });
	const chain = [top];
	for (let i = 0; i < options.depth; i += 1) {
		const child = { parent: chain[0], top, opener: null } as FakeWindow;
		chain.unshift(child);
	}
	return chain;
}

function crossOrigin(win: FakeWindow, names: string[]): void {
	for (const name of names) {
		Object.defineProperty(win, name, {
			get() {
				throw new DOMException(
					'Blocked a frame from accessing a cross-origin frame.',
					'SecurityError'
				);
			}
		});
	}
}

describe('findApi', () => {
	test('finds the API in the window itself', () => {
		const [win] = frames({ depth: 0 });
		Object.assign(win!, { API: api12 });
		expect(findApi({ standard: 'scorm12', win: win! })).toBe(api12);
	});

	test('walks nested parents and tells the standards apart', () => {
		const chain = frames({ depth: 3 });
		Object.assign(chain[2]!, { API: api12 });
		Object.assign(chain[3]!, { API_1484_11: api2004 });
		expect(findApi({ standard: 'scorm12', win: chain[0]! })).toBe(api12);
		expect(findApi({ standard: 'scorm2004', win: chain[0]! })).toBe(api2004);
	});

	test('returns null when no window holds the API', () => {
		const [win] = frames({ depth: 2 });
		expect(findApi({ standard: 'scorm2004', win: win! })).toBeNull();
	});

	test('looks in the top window’s opener and its parents', () => {
		const [popup, popupTop] = frames({ depth: 1 });
		const [openerFrame, openerTop] = frames({ depth: 1 });
		Object.assign(openerTop!, { API_1484_11: api2004 });
		Object.assign(popupTop!, { opener: openerFrame });
		expect(findApi({ standard: 'scorm2004', win: popup! })).toBe(api2004);
	});

	test('skips a cross-origin parent that throws and keeps walking', () => {
		const chain = frames({ depth: 3 });
		crossOrigin(chain[1]!, ['API', 'API_1484_11']);
		Object.assign(chain[3]!, { API: api12 });
		expect(findApi({ standard: 'scorm12', win: chain[0]! })).toBe(api12);
	});

	test('stops quietly where even the parent cannot be read', () => {
		const chain = frames({ depth: 2 });
		crossOrigin(chain[1]!, ['API', 'parent', 'top', 'opener']);
		Object.assign(chain[2]!, { API: api12 });
		expect(findApi({ standard: 'scorm12', win: chain[0]! })).toBeNull();
	});

	test('ignores an API stub without its functions', () => {
		const chain = frames({ depth: 1 });
		Object.assign(chain[0]!, { API: { LMSInitialize: 'not a function' } });
		Object.assign(chain[1]!, { API: api12 });
		expect(findApi({ standard: 'scorm12', win: chain[0]! })).toBe(api12);
	});

	test('gives up after 500 windows of an endless parent chain', () => {
		let reads = 0;
		const endless = (): ApiWindow => ({
			get parent() {
				reads += 1;
				return endless();
			}
		});
		expect(findApi({ standard: 'scorm12', win: endless() })).toBeNull();
		expect(reads).toBeLessThanOrEqual(500);
	});

	test('works on a real window', () => {
		Object.assign(window, { API_1484_11: api2004 });
		try {
			expect(findApi({ standard: 'scorm2004', win: window })).toBe(api2004);
			expect(findApi({ standard: 'scorm12', win: window })).toBeNull();
		} finally {
			Reflect.deleteProperty(window, 'API_1484_11');
		}
	});
});
