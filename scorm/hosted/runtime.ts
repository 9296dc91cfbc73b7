// The hosted runtime: before the course starts, read the learner from the page address, fetch the
// learner's last commit from the agency endpoint, build scorm-again's SCORM 2004 API with it
// (commits to the endpoint, offline queue, retry), and hand the course an API_1484_11 to find.
import type { IHttpService, Settings } from 'scorm-again';
import { createFacade, createRefusingApi, type Scorm2004Functions } from './facade.ts';
import { createLink, type LinkWindow } from './link.ts';
import {
	compactQueue,
	LAST_OFFLINE_PREFIX,
	newestQueued,
	type QueueStorage
} from './offline-queue.ts';
import {
	commitKey,
	isCommitBody,
	isNewer,
	readCommitAnswer,
	readUrl,
	type CommitBody
} from './protocol.ts';
import { launchSeed, type FlatCmi } from './seed.ts';

/** What the package tells the runtime (index.html's meta elements, see hosted-bundle.ts). */
export interface HostedConfig {
	endpoint: string;
	course: string;
}

/** The scorm-again API as the runtime drives it. */
export interface ScormAgainApi extends Scorm2004Functions {
	loadFromFlattenedJSON(json: FlatCmi): void;
}

/** The page parts the runtime uses. */
export interface HostedWindow extends LinkWindow {
	readonly document: {
		readonly visibilityState: string;
		addEventListener(type: string, listener: () => void): void;
	};
}

/** How long one read of the learner's record may take before it counts as unanswered. */
export const READ_TIMEOUT_MS = 8000;
/** Reads at launch: the first, then one more a second later. */
const READ_DELAYS_MS = [0, 1000];

/** The outcome of a launch: the API for the course, and why nothing is recorded when so. */
export interface HostedLaunch {
	api: Scorm2004Functions;
	/** '' when the launch records progress. */
	refused: string;
}

/** Who the learner is, from `?learner=<id>&name=<name>` on the page address. */
export function readLearner(href: string): { id: string; name: string } | null {
	const query = new URL(href).searchParams;
	const id = (query.get('learner') ?? '').trim();
	// An id, not a name: no spaces or control characters, short enough for any LMS-side column.
	if (!/^[^\s\p{Cc}]{1,255}$/u.test(id)) return null;
	const name = (query.get('name') ?? '')
		.replace(/\p{Cc}/gu, ' ')
		.trim()
		.slice(0, 250);
	return { id, name };
}

/** Reads the learner's last commit: the body, null for none, or why it could not be read. */
export async function readLast(options: {
	url: string;
	fetch: typeof fetch;
	timeoutMs?: number;
}): Promise<{ body: CommitBody | null } | { problem: string }> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? READ_TIMEOUT_MS);
	try {
		const response = await options.fetch(options.url, {
			cache: 'no-store',
			credentials: 'same-origin',
			headers: { Accept: 'application/json' },
			signal: controller.signal
		});
		if (!response.ok) return { problem: `it answered HTTP ${response.status}` };
		const body: unknown = JSON.parse(await response.text());
		if (body === null) return { body: null };
		return isCommitBody(body) ? { body } : { problem: 'its answer is not a progress record' };
	} catch (error) {
		const aborted = error instanceof Error && error.name === 'AbortError';
		return { problem: aborted ? 'it did not answer in time' : 'it could not be reached' };
	} finally {
		clearTimeout(timer);
	}
}

/** Starts a hosted launch; never rejects (a launch that cannot record says so through the API). */
export async function startHosted(options: {
	config: HostedConfig;
	href: string;
	win: HostedWindow;
	storage: QueueStorage;
	fetch: typeof fetch;
	createApi: (settings: Settings) => ScormAgainApi;
	/** Tests only: replaces scorm-again's HTTP transport; gets the final settings. */
	createHttpService?: (settings: Settings) => IHttpService;
	random?: () => number;
	now?: () => number;
	wait?: (ms: number) => Promise<void>;
}): Promise<HostedLaunch> {
	const { config, win, storage, random = Math.random, now = Date.now } = options;
	const wait = options.wait ?? ((ms) => new Promise<void>((done) => setTimeout(done, ms)));
	const refuse = (reason: string): HostedLaunch => ({
		api: createRefusingApi(reason),
		refused: reason
	});

	const learner = readLearner(options.href);
	if (!learner) {
		return refuse(
			'This page was opened without a learner id (index.html?learner=<id>), so progress cannot be recorded.'
		);
	}
	const url = readUrl({ endpoint: config.endpoint, learner: learner.id, course: config.course });
	let read: Awaited<ReturnType<typeof readLast>> = { problem: 'it was not asked' };
	for (const delay of READ_DELAYS_MS) {
		if (delay) await wait(delay);
		read = await readLast({ url, fetch: options.fetch });
		if ('body' in read) break;
	}
	// Starting without the record would send an empty attempt over the learner's real one.
	if (!('body' in read)) {
		return refuse(
			`The progress server ${config.endpoint} did not give this learner's record: ${read.problem}.`
		);
	}

	const stored = read.body && commitKey(read.body);
	// An endpoint that ignores the query would hand this learner someone else's record.
	if (stored && (stored.learner !== learner.id || stored.course !== config.course)) {
		return refuse(
			`The progress server ${config.endpoint} answered with the record of another learner or course.`
		);
	}
	// A window closed while the endpoint was away leaves newer commits in scorm-again's queue.
	const queued = newestQueued({ storage, learner: learner.id, course: config.course });
	const last = queued && (!stored || isNewer(queued.key, stored)) ? queued.body : read.body;
	const order = Math.max(stored?.order ?? 0, queued?.key.order ?? 0) + 1;
	// Two launches of one order started from the same record (two computers, one offline): the
	// later-started one wins (protocol.ts), so the id begins with the time, padded to sort as text.
	const session =
		now().toString(36).padStart(9, '0') +
		Math.floor(random() * 36 ** 4)
			.toString(36)
			.padStart(4, '0');
	const seed = launchSeed({
		last,
		learner,
		identity: { course: config.course, session, order }
	});
	// scorm-again reloads this copy asynchronously at construction, in a shape its json format never
	// writes; the queue itself is what counts.
	try {
		storage.removeItem(LAST_OFFLINE_PREFIX + config.course);
	} catch {
		// Storage blocked: scorm-again cannot queue either; commits are then only sent directly.
	}

	const link = { current: null as ReturnType<typeof createLink> | null };
	const answered = (outcome: ReturnType<typeof readCommitAnswer>) => {
		if (outcome.unreachable) link.current?.down();
		else link.current?.answered();
		return { result: outcome.result, errorCode: outcome.errorCode };
	};
	const settings: Settings = {
		lmsCommitUrl: config.endpoint,
		dataCommitFormat: 'json',
		commitRequestDataType: 'application/json;charset=UTF-8',
		sendFullCommit: true,
		includeCommitSequence: true,
		alwaysSendTotalTime: true,
		useAsynchronousCommits: false,
		autocommit: true,
		autocommitSeconds: 30,
		xhrWithCredentials: false,
		fetchMode: 'cors',
		enableOfflineSupport: true,
		courseId: config.course,
		syncOnInitialize: true,
		syncOnTerminate: true,
		maxSyncAttempts: 20,
		logLevel: 4,
		xhrResponseHandler: (xhr) =>
			answered(readCommitAnswer({ status: xhr.status, text: xhr.responseText })),
		responseHandler: async (response) =>
			answered(readCommitAnswer({ status: response.status, text: await response.text() }))
	};
	if (options.createHttpService) settings.httpService = options.createHttpService(settings);
	const api = options.createApi(settings);
	api.loadFromFlattenedJSON(seed);
	// After the API: scorm-again's own online/offline listeners must run before the link's.
	link.current = createLink({
		win,
		random,
		probe: async () => 'body' in (await readLast({ url, fetch: options.fetch }))
	});

	// The page being hidden or closed: browsers refuse synchronous requests then (see facade.ts).
	let closing = false;
	let hiding = false;
	win.addEventListener('pagehide', () => (closing = true));
	win.addEventListener('pageshow', () => (closing = false));
	win.document.addEventListener('visibilitychange', () => {
		if (win.document.visibilityState !== 'hidden') return;
		hiding = true;
		setTimeout(() => (hiding = false), 0);
	});
	const facade = createFacade({
		api,
		link: link.current,
		leaving: () => closing || hiding,
		kept: () => compactQueue(storage)
	});
	return { api: facade, refused: '' };
}
