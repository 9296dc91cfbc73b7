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

/** Finishes the tracker on pagehide and commits when the page is hidden; returns an unbind. */
export function bindLifecycle(options: { tracker: Tracker; win: LifecycleWindow }): () => void {
	const { tracker, win } = options;
	const onPageHide = (): void => tracker.finish();
	const onVisibilityChange = (): void => {
		if (win.document.visibilityState === 'hidden') tracker.commit();
	};
	win.addEventListener('pagehide', onPageHide);
	win.document.addEventListener('visibilitychange', onVisibilityChange);
	return () => {
		win.removeEventListener('pagehide', onPageHide);
		win.document.removeEventListener('visibilitychange', onVisibilityChange);
	};
}
