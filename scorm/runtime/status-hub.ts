import type { SaveStatus } from './tracker.ts';

/** Listener registry behind Tracker.onStatus. */
export interface StatusHub {
	listen(listener: (status: SaveStatus) => void): () => void;
	emit(status: SaveStatus): void;
}

/**
 * Creates a listener registry whose listeners cannot break the tracker that emits. A status equal
 * to the last one is not sent again: retries repeat the same failure, and a live region would
 * announce it each time.
 */
export function createStatusHub(): StatusHub {
	const listeners = new Set<(status: SaveStatus) => void>();
	let last = '';
	return {
		listen(listener) {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
		emit(status) {
			const key = JSON.stringify([status.saved, status.message, status.problem, !!status.slow]);
			if (key === last) return;
			last = key;
			for (const listener of [...listeners]) {
				try {
					listener(status);
				} catch (error) {
					// A faulty UI listener must not stop Terminate; rethrow later so it still shows up.
					queueMicrotask(() => {
						throw error;
					});
				}
			}
		}
	};
}
