// Test-only: a tiny bundle config, in-memory storage and a fake course frame for the session tests.
import type { PreviewConfig, Standard } from './contract.ts';
import type { API_FUNCTIONS } from './lms-api.ts';
import type { Frame } from './session.ts';

/** The API object as a fake course sees it. */
export type Api = Record<(typeof API_FUNCTIONS)[Standard][number], (...args: string[]) => string>;
/** A fake SCO: runs on load, returns its pagehide handler. */
export type Course = (api: Api) => (() => void) | void;

/** The config of a tiny bundle in the given standard. */
export function config(standard: Standard): PreviewConfig {
	return {
		standard,
		bundle: `tiny-${standard}.zip`,
		title: 'Tiny',
		launchPath: 'index.html',
		launchUrl: '/lms/pluginfile.php/1/mod_scorm/content/tiny/index.html',
		masteryScore: standard === 'scorm12' ? '80' : '0.7',
		completionThreshold: null,
		launchData: null,
		strictChecker: true
	};
}

/** Web Storage in a Map. */
export function memoryStorage() {
	const items = new Map<string, string>();
	return {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k),
		items
	};
}

/**
 * Stands in for the iframe: runs the course on load and its pagehide handler on unload, unless
 * the page crashed first (then nothing of it runs).
 */
export function fakeFrame(
	host: Record<string, unknown>,
	standard: Standard,
	course: Course
): Frame & { crashes: number } {
	let hide: (() => void) | undefined;
	let hasCourse = false;
	return {
		crashes: 0,
		get hasCourse() {
			return hasCourse;
		},
		async navigate(url) {
			hasCourse = url !== 'about:blank';
			if (hasCourse)
				hide = course(host[standard === 'scorm12' ? 'API' : 'API_1484_11'] as Api) ?? undefined;
			else hide?.();
		},
		crash() {
			this.crashes += 1;
			hide = undefined;
		}
	};
}
