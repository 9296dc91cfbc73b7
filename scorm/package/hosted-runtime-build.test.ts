import { afterEach, describe, expect, it, vi } from 'vitest';
import { COURSE_META, ENDPOINT_META } from '../hosted/config.ts';
import { hostedRuntime } from './hosted-runtime-build.ts';

type Page = typeof window & {
	courseHosted?: { ready: Promise<void> };
	API_1484_11?: Record<string, (...args: string[]) => string>;
	happyDOM: { setURL(url: string): void };
};
const page = window as Page;

/** Runs the built script as index.html would, at `href`, with the endpoint answering `record`. */
async function run(options: { href: string; record: unknown }) {
	const runtime = await hostedRuntime();
	document.head.innerHTML = `
		<meta name="${ENDPOINT_META}" content="https://agency.example/progress" />
		<meta name="${COURSE_META}" content="ht_le_course" />`;
	page.happyDOM.setURL(options.href);
	const fetch = vi.fn(async () => new Response(JSON.stringify(options.record)));
	vi.stubGlobal('fetch', fetch);
	delete page.courseHosted;
	delete page.API_1484_11;
	// A classic script: global scope, no module syntax.
	(0, eval)(runtime.code);
	await page.courseHosted!.ready;
	return { api: page.API_1484_11!, fetch };
}

afterEach(() => vi.unstubAllGlobals());

describe('hostedRuntime', () => {
	it('is one classic script carrying the scorm-again notice, built once per process', async () => {
		const runtime = await hostedRuntime();
		expect(runtime.code).toMatch(/^\/\*! scorm-again \d+\.\d+\.\d+ \(MIT\)/);
		expect(runtime.code).not.toMatch(/^\s*(import|export)\s/m);
		expect(runtime.license).toContain('MIT License');
		expect(runtime.license).toContain('Jonathan Putney');
		expect(await hostedRuntime()).toBe(runtime);
	});

	it('asks the endpoint for the learner, then puts a working SCORM 2004 API on the window', async () => {
		const { api, fetch } = await run({
			href: 'https://agency.example/course/index.html?learner=officer-7&name=Doe',
			record: null
		});
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(
			'https://agency.example/progress?learner=officer-7&course=ht_le_course'
		);
		expect(api.Initialize!('')).toBe('true');
		expect(api.GetValue!('cmi.learner_id')).toBe('officer-7');
		expect(api.GetValue!('cmi.learner_name')).toBe('Doe');
		expect(api.GetValue!('cmi.launch_data')).toMatch(/^v=hosted1&course=ht_le_course&/);
	}, 30_000);

	it('without a learner in the address, the API refuses to start and says why', async () => {
		const { api, fetch } = await run({
			href: 'https://agency.example/course/index.html',
			record: null
		});
		expect(fetch).not.toHaveBeenCalled();
		expect(api.Initialize!('')).toBe('false');
		expect(api.GetErrorString!(api.GetLastError!())).toMatch(/without a learner id/);
	}, 30_000);
});
