// Unload handling that survives modern browsers (scorm-rules.md §2.9): `unload` is blocked by
// permissions policies (Moodle 4.5) and loses synchronous requests, so pagehide finishes the
// session once, and hiding the page only commits, because the learner may come back to it.
import type { Tracker } from './tracker.ts';

interface Target {
	addEventListener(type: string, listener: () => void): void;
	removeEventListener(type: string, listener: () => void): void;
}

/** The part of a window the lifecycle binding uses. */
export interface LifecycleWindow extends Target {
	readonly document: Target & { readonly visibilityState: string };
}

/** While the learner is active, a commit at least this often (LMS sessions time out). */
export const ACTIVE_COMMIT_MS = 60_000;

/**
 * Finishes the tracker on pagehide, commits when the page is hidden, and commits on the first
 * input after each ACTIVE_COMMIT_MS of activity; returns an unbind.
 */
export function bindLifecycle(options: {
	tracker: Tracker;
	win: LifecycleWindow;
	now?: () => number;
}): () => void {
	const { tracker, win, now = Date.now } = options;
	let lastActiveCommit = now();
	const onActivity = (): void => {
		if (now() - lastActiveCommit < ACTIVE_COMMIT_MS) return;
		lastActiveCommit = now();
		tracker.commit();
	};
	const onPageHide = (): void => tracker.finish();
	const onVisibilityChange = (): void => {
		if (win.document.visibilityState === 'hidden') tracker.commit();
	};
	win.addEventListener('pagehide', onPageHide);
	win.document.addEventListener('visibilitychange', onVisibilityChange);
	for (const type of ['pointerdown', 'keydown']) win.addEventListener(type, onActivity);
	return () => {
		for (const type of ['pointerdown', 'keydown']) win.removeEventListener(type, onActivity);
		win.removeEventListener('pagehide', onPageHide);
		win.document.removeEventListener('visibilitychange', onVisibilityChange);
	};
}
