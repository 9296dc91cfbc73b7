// Retries after a failed save: 2 s, 4 s, 8 s ... up to a minute, each ±20 % so that a class whose
// LMS failed at the same moment does not come back in the same second. Eight retries (about four
// minutes), then the tracker stops trying on its own; the next milestone, the next minute of
// activity or the page being hidden try again, and a success starts the count afresh.

/** The first retry's wait. */
export const RETRY_BASE_MS = 2000;
/** The longest wait between two retries. */
export const RETRY_CAP_MS = 60_000;
/** Retries in one chain. */
export const MAX_RETRIES = 8;

/** The wait before retry number `attempt` (1-based); random() in [0, 1) spreads it by ±20 %. */
export function retryDelay(options: { attempt: number; random: () => number }): number {
	const base = Math.min(RETRY_BASE_MS * 2 ** (options.attempt - 1), RETRY_CAP_MS);
	return Math.round(base * (0.8 + 0.4 * options.random()));
}

/** A bounded chain of retries. */
export interface Retrier {
	/** Plans the next retry unless one is planned or the chain is spent. */
	schedule(): void;
	/** After a success: cancels a planned retry and starts the count afresh. */
	reset(): void;
	/** Cancels a planned retry for good (the session is over). */
	cancel(): void;
}

/** Creates a retrier that calls run() after each planned wait. */
export function createRetrier(options: { run: () => void; random?: () => number }): Retrier {
	const { run, random = Math.random } = options;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let attempts = 0;
	const cancel = (): void => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
	};
	return {
		schedule() {
			if (timer !== undefined || attempts >= MAX_RETRIES) return;
			attempts += 1;
			timer = setTimeout(
				() => {
					// Cleared first: a retry that fails again plans the next one.
					timer = undefined;
					run();
				},
				retryDelay({ attempt: attempts, random })
			);
		},
		reset() {
			cancel();
			attempts = 0;
		},
		cancel
	};
}
