// Bundles player.ts (with scorm-again and the strict checker) into one browser ES module with
// Vite's build API, in memory: no files written, no network, cached until the server stops.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildScript } from '../package/script-build.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Path of the player entry. */
export const PLAYER_ENTRY = join(here, 'player.ts');

/** Path of the strict checker the player imports. */
export const STRICT_CHECKER = join(here, '..', 'runtime', 'strict.ts');

/** Built player script. */
export interface PlayerBuild {
	code: string;
	/** True when strict.ts was missing and a no-op checker was bundled instead. */
	usedFallback: boolean;
}

const FALLBACK_ID = '\0preview-strict-fallback';

// strict.ts is written in parallel with the preview; until it lands, bundle a checker that
// accepts everything so the preview still runs (the page shows a warning instead).
function strictFallback(state: { used: boolean }): Plugin {
	return {
		name: 'preview-strict-fallback',
		enforce: 'pre',
		resolveId(source) {
			if (!source.endsWith('/runtime/strict.ts') || existsSync(STRICT_CHECKER)) return null;
			state.used = true;
			return FALLBACK_ID;
		},
		load(id) {
			return id === FALLBACK_ID ? 'export function checkValue() { return null; }' : null;
		}
	};
}

/** Builds the player once (pass `entry` only in tests). */
export async function buildPlayer(entry = PLAYER_ENTRY): Promise<PlayerBuild> {
	const state = { used: false };
	const code = await buildScript({
		entry,
		format: 'es',
		minify: false,
		plugins: [strictFallback(state)]
	});
	return { code, usedFallback: state.used };
}

/** Lazily builds and caches the player; rebuilds once strict.ts appears after a fallback build. */
export class PlayerBuilder {
	#pending: Promise<PlayerBuild> | null = null;

	/** The cached build, starting (or restarting after a failure) when needed. */
	get(): Promise<PlayerBuild> {
		const pending = this.#pending;
		if (pending) {
			return pending.then((b) =>
				b.usedFallback && existsSync(STRICT_CHECKER) ? this.#start() : b
			);
		}
		return this.#start();
	}

	#start(): Promise<PlayerBuild> {
		const pending = buildPlayer();
		this.#pending = pending;
		// Forget failures so the next request retries instead of serving a stale error forever.
		pending.catch(() => {
			if (this.#pending === pending) this.#pending = null;
		});
		return pending;
	}
}
