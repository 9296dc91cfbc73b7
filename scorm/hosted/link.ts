// Whether the endpoint can be reached, told to scorm-again. scorm-again 3.4 queues commits only
// while it believes the device is offline (navigator.onLine, or its `scorm-again:network-status`
// event); an endpoint that answers 503 or refuses connections on a device that is online would
// just fail each commit. The link turns such failures into "offline" for scorm-again, so commits
// go to its queue, then probes the endpoint with back-off and says "online" once it answers, which
// makes scorm-again send the queue.

/** The event scorm-again 3.4's OfflineStorageService listens to. */
export const NETWORK_EVENT = 'scorm-again:network-status';

/** The first probe's wait after the endpoint went away. */
export const PROBE_BASE_MS = 1000;
/** The longest wait between two probes: short, because the learner is waiting for "saved". */
export const PROBE_CAP_MS = 15_000;

/** The wait before probe number `attempt` (1-based), ±20 % with random() in [0, 1). */
export function probeDelay(options: { attempt: number; random: () => number }): number {
	const base = Math.min(PROBE_BASE_MS * 2 ** (options.attempt - 1), PROBE_CAP_MS);
	return Math.round(base * (0.8 + 0.4 * options.random()));
}

/** The window parts the link uses. */
export interface LinkWindow {
	addEventListener(type: string, listener: () => void): void;
	dispatchEvent(event: Event): boolean;
}

/** The endpoint's reachability as the runtime sees it. */
export interface Link {
	readonly up: boolean;
	/** A request failed for lack of an answer: queue from now on, probe until it answers. */
	down(): void;
	/** A request was answered: send directly again (and let scorm-again send its queue). */
	answered(): void;
}

/** Creates the link; `probe` resolves true when the endpoint answered. */
export function createLink(options: {
	win: LinkWindow;
	probe: () => Promise<boolean>;
	random?: () => number;
	makeEvent?: (online: boolean) => Event;
}): Link {
	const { win, probe, random = Math.random } = options;
	const makeEvent =
		options.makeEvent ?? ((online) => new CustomEvent(NETWORK_EVENT, { detail: { online } }));
	let up = true;
	let attempts = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const tell = (online: boolean): void => {
		win.dispatchEvent(makeEvent(online));
	};
	const plan = (): void => {
		if (timer !== undefined || up) return;
		attempts += 1;
		timer = setTimeout(() => void check(), probeDelay({ attempt: attempts, random }));
	};
	const check = async (): Promise<void> => {
		timer = undefined;
		if (up) return;
		const ok = await probe().catch(() => false);
		if (ok) link.answered();
		else plan();
	};

	const link: Link = {
		get up() {
			return up;
		},
		down() {
			// Told every time: scorm-again also follows the browser's online event by itself.
			tell(false);
			if (!up) return;
			up = false;
			attempts = 0;
			plan();
		},
		answered() {
			if (timer !== undefined) clearTimeout(timer);
			timer = undefined;
			if (up) return;
			up = true;
			tell(true);
		}
	};
	// The browser's own signals: offline is certain; online only means it is worth a probe now.
	// Added after scorm-again's listeners (the API exists first), so that while the endpoint is
	// still away, scorm-again's own switch back to online is undone before the next commit.
	win.addEventListener('offline', () => link.down());
	win.addEventListener('online', () => {
		if (up) return;
		tell(false);
		if (timer !== undefined) clearTimeout(timer);
		void check();
	});
	return link;
}
