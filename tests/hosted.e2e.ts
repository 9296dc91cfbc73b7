// The hosted web bundle on a stand-in agency web server and endpoint (scorm/preview/
// hosted-endpoint.ts, free ports of their own): progress reaches the endpoint; the endpoint going
// away (503, or refusing connections) and coming back loses nothing, in the page or across a
// relaunch; a relaunch in a fresh browser lands where the learner left; nothing else is contacted.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { commitKey } from '../scorm/hosted/protocol.ts';
import { flattenCmi } from '../scorm/hosted/seed.ts';
import { packageHostedBundle } from '../scorm/package/hosted-bundle.ts';
import { readZip, startHostedServer, type HostedServer } from '../scorm/preview/hosted-endpoint.ts';
import {
	answer,
	bestPath,
	course,
	expectAnswered,
	lessonTitle,
	moduleTitle,
	playScenario,
	scenarioTitle
} from './harness.ts';

const module = course.modules[0]!;
const scenario = module.scenarios[0]!;
const QUEUE = 'scorm_again_sync_queue';
const NOT_SAVED = 'Progress not saved.';

/** Same origin: the web server serves the course and the endpoint. */
let site: HostedServer;
/** Another origin: a web server with the course, and the endpoint on its own port (CORS). */
let web: HostedServer;
let api: HostedServer;

async function bundleFor(endpoint: string): Promise<Map<string, Uint8Array>> {
	const dir = await mkdtemp(join(tmpdir(), 'hosted-e2e-'));
	try {
		const outFile = join(dir, 'hosted.zip');
		await packageHostedBundle({
			buildDir: 'build',
			outFile,
			course: { id: course.id, version: course.version, title: course.title.en! },
			endpoint
		});
		return await readZip(outFile);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

test.beforeAll(async () => {
	site = await startHostedServer();
	site.setSite(await bundleFor(site.endpoint));
	web = await startHostedServer({ endpointPath: null });
	api = await startHostedServer({ allowOrigin: new URL(web.url).origin });
	web.setSite(await bundleFor(api.endpoint));
});
test.afterEach(async () => {
	await site.setAvailability('up');
	await api.setAvailability('up');
});
test.afterAll(async () => {
	await Promise.all([site.close(), web.close(), api.close()]);
});

/** Opens the course for a learner; records what the page asks for and any CSP violation. */
async function open(page: Page, server: HostedServer, learner: string) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	await page.goto(server.courseUrl({ learner, name: 'Officer, Test' }));
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Every origin the page sent a request to. */
function originsOf(page: Page): Set<string> {
	const origins = new Set<string>();
	page.on('request', (r) => {
		if (/^https?:/.test(r.url())) origins.add(new URL(r.url()).origin);
	});
	return origins;
}

const record = (server: HostedServer, learner: string) =>
	flattenCmi(server.store.record(learner, course.id) ?? {});
/** Interaction ids the endpoint holds, in record order. */
const interactionIds = (server: HostedServer, learner: string): string[] => {
	const cmi = record(server, learner);
	const count = Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
	return Array.from({ length: count }, (_, n) => cmi[`cmi.interactions.${n}.id`]!);
};
const questionIds = (lessonIndex: number) =>
	module.lessons[lessonIndex]!.blocks.filter((b) => b.type === 'question').map(
		(b) => `${module.id}_${b.id}`
	);
/** Each commit waiting in scorm-again's queue in this browser, as `<launch session>#<sequence>`. */
const queuedCommits = async (page: Page): Promise<string[]> => {
	const items = await page.evaluate(
		(key) => JSON.parse(localStorage.getItem(key) ?? '[]') as Array<{ data: unknown }>,
		QUEUE
	);
	return items.map(({ data }) => {
		const key = commitKey(data);
		return key ? `${key.session}#${key.sequence}` : 'unreadable';
	});
};
const queued = async (page: Page) => (await queuedCommits(page)).length;
/** The commits the endpoint received for a learner (stored or ignored as older), as above. */
const receivedCommits = (server: HostedServer, learner: string) =>
	server.store.log
		.filter((e) => e.learner === learner && e.key)
		.map((e) => `${e.key!.session}#${e.key!.sequence}`);

/** Answers a lesson's checks (correctly), then goes on. */
async function doLesson(page: Page, lessonIndex: number) {
	const lesson = module.lessons[lessonIndex]!;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, lesson.id));
	for (const block of lesson.blocks) {
		const q = module.questions.find((x) => block.type === 'question' && x.id === block.id);
		if (q) await answer(page, module, q);
	}
	await page.getByRole('button', { name: 'Next' }).click();
}

const previous = (page: Page) =>
	page
		.getByRole('link', { name: 'Previous' })
		.or(page.getByRole('button', { name: 'Previous' }))
		.click();

/** The course's own view of what it reported, through the API it was given. */
const courseState = (page: Page) =>
	page.evaluate(() => {
		const lms = (window as unknown as { API_1484_11: { GetValue(e: string): string } }).API_1484_11;
		const elements = ['completion_status', 'success_status', 'score.scaled', 'score.raw'];
		const state: Record<string, string> = {};
		for (const e of [...elements, 'location', 'suspend_data', 'interactions._count'])
			state[`cmi.${e}`] = lms.GetValue(`cmi.${e}`);
		return state;
	});

test('same origin: progress reaches the endpoint, a 503 outage loses nothing, a fresh browser resumes, completion arrives', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const learner = `officer-${randomUUID()}`;
	const origins = originsOf(page);
	await open(page, site, learner);
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	await doLesson(page, 0);
	await expect.poll(() => interactionIds(site, learner)).toEqual(questionIds(0));
	const early = record(site, learner);
	expect(early['cmi.learner_id']).toBe(learner);
	expect(early['cmi.learner_name']).toBe('Officer, Test');
	expect(early['cmi.suspend_data']).toMatch(/^P3~/);
	expect(early['cmi.location']).not.toBe('');
	expect(early['cmi.interactions.0.result']).toBe('correct');
	expect(early['cmi.objectives.0.id']).toBe(module.id);

	// The endpoint answers 503: the learner keeps working, told that progress is not saved yet.
	await site.setAvailability('unavailable');
	await doLesson(page, 1);
	await expect(page.getByText(NOT_SAVED)).toBeVisible();
	// The next commit (a retry, two seconds on) waits in scorm-again's queue in this browser.
	await expect.poll(() => queued(page)).toBeGreaterThan(0);
	expect(interactionIds(site, learner)).toEqual(questionIds(0));

	// Back: the runtime's probe finds it, scorm-again sends its queue, the course saves again.
	const waiting = await queuedCommits(page);
	await site.setAvailability('up');
	await expect
		.poll(() => interactionIds(site, learner), { timeout: 30_000 })
		.toEqual([...questionIds(0), ...questionIds(1)]);
	await expect.poll(() => queued(page)).toBe(0);
	// Each commit that waited arrived, or a newer one of the same launch that replaced it in the
	// queue (every commit is the whole record, so the newer one carries everything it had).
	const received = receivedCommits(site, learner).map((k) => k.split('#'));
	for (const [session, sequence] of waiting.map((k) => k.split('#'))) {
		expect(
			received.some(([s, n]) => s === session && Number(n) >= Number(sequence)),
			`commit ${session}#${sequence} or a newer one of its launch reached the endpoint`
		).toBe(true);
	}
	await doLesson(page, 2);
	await expect(page.getByText(NOT_SAVED)).toBeHidden({ timeout: 20_000 });
	const here = lessonTitle(module, module.lessons[3]!.id);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(here);
	await expect
		.poll(() => interactionIds(site, learner))
		.toEqual([0, 1, 2].flatMap((n) => questionIds(n)));

	// The learner closes the window and comes back on another computer (nothing in this browser).
	await page.goto('about:blank');
	const context = await browser.newContext();
	const again = await context.newPage();
	const moreOrigins = originsOf(again);
	await open(again, site, learner);
	await expect(again.getByRole('heading', { level: 1 })).toHaveText(here);
	await previous(again);
	// The lesson before, answered in the first browser (during the outage's aftermath).
	await expectAnswered(
		again,
		module,
		module.questions.find((q) => q.id === 'q_single_indicator')!
	);
	await again.getByRole('button', { name: 'Next' }).click();
	for (let n = 3; n < module.lessons.length; n++) await doLesson(again, n);
	await expect(again.getByRole('heading', { level: 1 })).toHaveText(
		scenarioTitle(module, scenario.id)
	);
	const path = bestPath(scenario);
	await playScenario(again, module, scenario, path);
	await expect(again.getByRole('heading', { name: /^Outcome:/ })).toBeVisible();
	// The course reports just after the screen paints: take its state once it stops changing.
	let state: Record<string, string> = {};
	await expect
		.poll(async () => {
			const now = await courseState(again);
			const same = now['cmi.suspend_data'] === state['cmi.suspend_data'];
			state = now;
			return same;
		})
		.toBe(true);
	await again.getByRole('button', { name: 'Save and exit' }).click();
	await expect(again.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();

	// The endpoint's record is the course's: status, bookmark, state, every answer once. Module 1
	// is done and its objective passed; the course is not finished (four modules and the
	// assessment remain), so the session ends suspended.
	await expect.poll(() => record(site, learner)['cmi.exit']).toBe('suspend');
	const final = record(site, learner);
	for (const [element, value] of Object.entries(state)) {
		if (element !== 'cmi.interactions._count') expect(final[element], element).toBe(value);
	}
	expect(final['cmi.completion_status']).toBe('incomplete');
	expect(final['cmi.objectives.0.completion_status']).toBe('completed');
	const ids = interactionIds(site, learner);
	expect(ids).toHaveLength(Number(state['cmi.interactions._count']));
	expect(ids).toHaveLength(module.questions.length + path.length);
	for (const q of module.questions)
		expect(ids.filter((id) => id === `${module.id}_${q.id}`)).toHaveLength(1);
	expect(final['cmi.objectives.0.success_status']).toBe('passed');

	for (const p of [page, again]) {
		if (p.url().startsWith('http'))
			expect(
				await p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
			).toEqual([]);
	}
	expect([...origins, ...moreOrigins].every((o) => o === new URL(site.url).origin)).toBe(true);
	await context.close();
});

test('endpoint on another origin refuses connections, the window is closed meanwhile: the next launch resumes and sends the queue', async ({
	page
}) => {
	test.setTimeout(120_000);
	const learner = `officer-${randomUUID()}`;
	const origins = originsOf(page);
	await open(page, web, learner);
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	await doLesson(page, 0);
	await expect.poll(() => interactionIds(api, learner)).toEqual(questionIds(0));

	await api.setAvailability('refusing');
	await doLesson(page, 1);
	await expect(page.getByText(NOT_SAVED)).toBeVisible();
	const here = lessonTitle(module, module.lessons[2]!.id);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(here);
	// Closed while the endpoint is away: the final commit joins the queue in this browser (which
	// keeps only the newest commit of a launch: each is the whole record).
	await expect.poll(() => queued(page)).toBeGreaterThan(0);
	const [before] = await queuedCommits(page);
	await page.goto('about:blank');
	await page.goto(`${web.url}course/README-hosting.txt`);
	const waiting = await queuedCommits(page);
	const sequence = (commit: string | undefined) => Number(commit?.split('#')[1]);
	expect(waiting).toHaveLength(1);
	expect(sequence(waiting[0])).toBeGreaterThan(sequence(before));
	expect(interactionIds(api, learner)).toEqual(questionIds(0));

	await api.setAvailability('up');
	await open(page, web, learner);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(here);
	await expect
		.poll(() => interactionIds(api, learner), { timeout: 20_000 })
		.toEqual([...questionIds(0), ...questionIds(1)]);
	await expect.poll(() => queued(page)).toBe(0);
	// Sent by the new launch: the same commits, sequence numbers and all.
	expect(receivedCommits(api, learner)).toEqual(expect.arrayContaining(waiting));
	// And the endpoint's record is what the course holds (its first commit of this launch).
	const held = async () => (await courseState(page))['cmi.suspend_data'];
	await expect
		.poll(async () => record(api, learner)['cmi.suspend_data'] === (await held()))
		.toBe(true);
	expect(interactionIds(api, learner)).toEqual([...questionIds(0), ...questionIds(1)]);
	await previous(page);
	await expectAnswered(
		page,
		module,
		module.questions.find((q) => q.id === 'q_smuggle_turns')!
	);
	expect(
		await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
	).toEqual([]);
	expect([...origins].sort()).toEqual([new URL(web.url).origin, new URL(api.url).origin].sort());
});

test('endpoint away as the course opens, or no learner id: the course says nothing is recorded and sends nothing', async ({
	page
}) => {
	const learner = `officer-${randomUUID()}`;
	await site.setAvailability('unavailable');
	await open(page, site, learner);
	await expect(page.getByText('Progress is not being recorded.')).toBeVisible();
	await expect(
		page.getByText(/did not give this learner's record: it answered HTTP 503/)
	).toBeVisible();
	await site.setAvailability('up');
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	await answer(
		page,
		module,
		module.questions.find((q) => q.id === 'q_minor_force')!
	);
	await page.goto('about:blank');
	expect(site.store.log.filter((e) => e.learner === learner && e.method === 'POST')).toEqual([]);

	await page.goto(site.courseUrl());
	await expect(page.getByText('Progress is not being recorded.')).toBeVisible();
	await expect(page.getByText(/without a learner id/)).toBeVisible();
});
