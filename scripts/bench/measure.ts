// One measured launch in the preview LMS player, in a fresh throttled browser: the floor page
// (first screen only) or the course (first screen, Module 1 through the UI, heap and commits).
// Times come from the probe on the frame's own clock; Node only waits for its events.
import { expect } from '@playwright/test';
import type { Frame } from '@playwright/test';
import type { Module } from '../../src/lib/course/types.ts';
import {
	bestPath,
	completeLessons,
	lessonTitle,
	playScenario,
	scenarioTitle
} from '../../tests/harness.ts';
import { liveHeap, openThrottled } from './browser.ts';
import type { LoggedRequest, NetworkLog, ThrottledPage } from './browser.ts';
import { SIGNAL_BINDING } from './probe.ts';
import type { BenchGlobal, HomeSignal, Transition } from './probe.ts';

/** Where and what to launch. */
export interface LaunchOptions {
	/** Preview server base URL. */
	url: string;
	/** Zip file name in the server's distDir. */
	bundle: string;
	/** The server's mount prefix: requests under it are the package's own. */
	prefix: string;
	/** probeScript() for this prefix. */
	probe: string;
}

/** What the first screen cost, common to the course and the floor. */
export interface FirstScreen {
	/** The frame's h1 painted, ms after its navigation started. */
	h1Ms: number;
	/** index.html fully received (Navigation Timing responseEnd), and first contentful paint. */
	downloadedMs: number | null;
	fcpMs: number | null;
	/** Requests of the package and their transfer bytes, up to the first usable screen. */
	requests: number;
	bytes: number;
	paths: string[];
	chromiumVersion: string;
}

/** One floor launch. */
export interface FloorRun extends FirstScreen {
	/** Live JS heap of the renderer (the LMS player and the floor frame) after idle and a GC. */
	heapBytes: number;
	/** The same once Playwright's locator engine is injected, as it is after driving the course. */
	heapWithDriverBytes: number;
}

/** One course launch. */
export interface CourseRun extends FirstScreen {
	/** h1 painted plus the time a click on Start waited to be handled. */
	usableMs: number;
	inputDelayMs: number;
	/** Start clicked to the first lesson's h1 painted (includes loading the module text). */
	openModuleMs: number;
	/** Next clicked to the next lesson's h1 painted, one per lesson-to-lesson step. */
	nextLessonMs: number[];
	/** Choice clicked to its "What happens" heading painted, one per decision. */
	choiceMs: number[];
	/** Live heap as for the floor, on Module 1's first lesson and once Module 1 is complete. */
	heapLessonBytes: number;
	heapModuleDoneBytes: number;
	/** Commits the LMS received from launch to Module 1 complete (back on the home screen). */
	commits: number;
}

/** Labels the course run clicks, from the content. */
export interface CourseLabels {
	finish: string;
}

type BenchWindow = Window & { __bench: BenchGlobal };

const LIMIT = 120_000;

function within<T>(promise: Promise<T>, what: string, ms = LIMIT): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, fail) => {
		timer = setTimeout(() => fail(new Error(`bench: timed out waiting for ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function packageRequests(network: NetworkLog, prefix: string): LoggedRequest[] {
	return network.requests.filter((r) => new URL(r.url).pathname.startsWith(prefix));
}

async function firstScreen(
	options: LaunchOptions,
	session: ThrottledPage
): Promise<{ frame: Frame; home: HomeSignal }> {
	const { page } = session;
	const signal = new Promise<{ frame: Frame; home: HomeSignal }>((resolve) => {
		void page.exposeBinding(SIGNAL_BINDING, (source, home: HomeSignal) =>
			resolve({ frame: source.frame, home })
		);
	});
	await page.addInitScript(options.probe);
	const player = new URL(`player.html?bundle=${encodeURIComponent(options.bundle)}`, options.url);
	await page.goto(player.href, { waitUntil: 'commit' });
	return within(signal, 'the first screen');
}

/** When the frame's document had arrived and first painted, read after the fact. */
function pageTimings(frame: Frame): Promise<{ downloadedMs: number | null; fcpMs: number | null }> {
	return frame.evaluate(() => ({
		downloadedMs:
			(performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
				?.responseEnd ?? null,
		fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
	}));
}

async function transferred(network: NetworkLog, requests: LoggedRequest[], prefix: string) {
	await within(network.finished(requests), 'the first screen’s downloads');
	return {
		requests: requests.length,
		bytes: requests.reduce((n, r) => n + (r.bytes ?? 0), 0),
		paths: requests.map((r) => new URL(r.url).pathname.slice(prefix.length))
	};
}

async function idleHeap(frame: Frame, session: ThrottledPage): Promise<number> {
	await within(
		frame.evaluate(() => (window as unknown as BenchWindow).__bench.idle()),
		'an idle main thread'
	);
	return liveHeap(session.cdp);
}

// Tall enough that the home screen's Start link is on screen without scrolling.
const VIEWPORT = { width: 1280, height: 1600 };
const COURSE_FRAME = 'iframe[title="Course"]';

/** The floor page: h1 painted, its downloads and the heap of the player around it. */
export async function measureFloor(options: LaunchOptions): Promise<FloorRun> {
	const session = await openThrottled({ viewport: VIEWPORT });
	try {
		const { frame, home } = await firstScreen(options, session);
		const requests = packageRequests(session.network, options.prefix);
		const sizes = await transferred(session.network, requests, options.prefix);
		const heapBytes = await idleHeap(frame, session);
		// Locators inject Playwright's ~320 KB selector engine into each frame; the course's heap
		// after Module 1 holds it too, so the JSON keeps this as that figure's reference.
		await session.page.frameLocator(COURSE_FRAME).getByRole('heading', { level: 1 }).textContent();
		return {
			h1Ms: home.h1At,
			...(await pageTimings(frame)),
			...sizes,
			heapBytes,
			heapWithDriverBytes: await idleHeap(frame, session),
			chromiumVersion: session.chromiumVersion
		};
	} finally {
		await session.close();
	}
}

/** The course: first usable screen, then Module 1 completed through the UI. */
export async function measureCourse(
	options: LaunchOptions & { module: Module; labels: CourseLabels }
): Promise<CourseRun> {
	const { module } = options;
	const scenario = module.scenarios[0];
	if (!scenario) throw new Error(`bench: module ${module.id} has no scenario to play`);
	const session = await openThrottled({ viewport: VIEWPORT });
	try {
		const { page, network } = session;
		const { frame, home } = await firstScreen(options, session);
		if (!home.point) throw new Error('bench: the Start link is not on screen; enlarge VIEWPORT');
		// Snapshot before clicking: what the click itself loads (the module text) is not start-up.
		const requests = packageRequests(network, options.prefix);
		// A real click at the link's position, dispatched without waiting for the page, so a busy
		// main thread shows as the time between the input and its handling.
		await page.mouse.click(home.point.x, home.point.y);
		const click = await within(
			frame.evaluate((i) => (window as unknown as BenchWindow).__bench.handled(i), 0),
			'the Start click to be handled'
		);
		if (click.kind !== 'start' || click.handled === null) {
			throw new Error(`bench: the click at the Start link landed on ${click.kind}`);
		}
		const inputDelayMs = click.handled - click.stamp;
		const sizes = await transferred(network, requests, options.prefix);

		// Wait on the probe, not a locator: the heap on lesson 1 is measured before Playwright's
		// selector engine is injected into the page.
		const opened: Transition[] = await within(
			frame.evaluate(() => {
				const bench = (window as unknown as BenchWindow).__bench;
				return bench.recorded(0).then(() => bench.transitions);
			}),
			'Module 1 to open'
		);
		const first = lessonTitle(module, module.lessons[0]!.id);
		if (opened[0]?.to !== first) throw new Error(`bench: Start opened ${opened[0]?.to}`);
		const heapLessonBytes = await idleHeap(frame, session);

		const course = page.frameLocator(COURSE_FRAME);
		const h1 = course.getByRole('heading', { level: 1 });
		await completeLessons(course, module);
		await expect(h1).toHaveText(scenarioTitle(module, scenario.id));
		await playScenario(course, module, scenario, bestPath(scenario));
		await course.getByRole('button', { name: options.labels.finish, exact: true }).click();
		await expect(h1).toHaveText(home.h1Text);
		const commits = await page.evaluate(() => window.previewLms!.commits.length);
		await within(
			frame.evaluate(() => (window as unknown as BenchWindow).__bench.settled()),
			'the last transitions to be painted'
		);
		const heapModuleDoneBytes = await idleHeap(frame, session);

		const transitions: Transition[] = await frame.evaluate(
			() => (window as unknown as BenchWindow).__bench.transitions
		);
		const lessons = new Set(module.lessons.map((l) => lessonTitle(module, l.id)));
		const openModule = transitions.find((t) => t.kind === 'start');
		if (!openModule) throw new Error('bench: opening the module was not seen');
		return {
			h1Ms: home.h1At,
			...(await pageTimings(frame)),
			usableMs: home.h1At + inputDelayMs,
			inputDelayMs,
			...sizes,
			openModuleMs: openModule.ms,
			nextLessonMs: transitions
				.filter((t) => t.kind === 'next' && lessons.has(t.from) && lessons.has(t.to))
				.map((t) => t.ms),
			choiceMs: transitions.filter((t) => t.kind === 'choice').map((t) => t.ms),
			heapLessonBytes,
			heapModuleDoneBytes,
			commits,
			chromiumVersion: session.chromiumVersion
		};
	} finally {
		await session.close();
	}
}
