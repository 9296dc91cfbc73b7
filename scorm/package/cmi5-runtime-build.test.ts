// @vitest-environment node
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cmi5Runtime } from './cmi5-runtime-build.ts';

describe('cmi5Runtime', () => {
	it('is one classic script that defines courseCmi5 and carries the library notice', async () => {
		const runtime = await cmi5Runtime();
		expect(runtime.code).toMatch(/^\/\*! @rusticisoftware\/cmi5 \d+\.\d+\.\d+ \(Apache-2\.0\)/);
		expect(runtime.code).not.toMatch(/^\s*(import|export)\s/m);
		expect(runtime.license).toContain('Apache License');
		expect(runtime.license).toContain('Rustici Software');
		// Run as a classic script in a bare window without launch parameters: no LMS, no tracker.
		const window: Record<string, unknown> = {
			location: { href: 'https://lms.invalid/au/index.html' },
			URL,
			URLSearchParams
		};
		window.self = window;
		window.globalThis = window;
		runInNewContext(runtime.code, window);
		const global = window.courseCmi5 as { ready: Promise<unknown>; tracker: unknown };
		await expect(global.ready).resolves.toBeNull();
		expect(global.tracker).toBeNull();
	});

	it('is built once per process', async () => {
		expect(await cmi5Runtime()).toBe(await cmi5Runtime());
	});
});
