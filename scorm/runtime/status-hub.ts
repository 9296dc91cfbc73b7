import type { SaveStatus } from './tracker.ts';

/** Listener registry behind Tracker.onStatus. */
export interface StatusHub {
	listen(listener: (status: SaveStatus) => void): () => void;
	emit(status: SaveStatus): void;
}

/** Creates a listener registry whose listeners cannot break the tracker that emits. */
export function createStatusHub(): StatusHub {
	const listeners = new Set<(status: SaveStatus) => void>();
	return {
		listen(listener) {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
		emit(status) {
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
