// The scenario engine (xstate), loaded when the first scenario opens (src/lib/scenario/engine.ts).
// Reactive, so the screen waiting for it renders as soon as it has run.
import { ENGINE_FILE, ENGINE_GLOBAL, type Engine } from '$lib/scenario/engine';
import { loadScript } from './load-script';

let engine = $state.raw<Engine | undefined>();
let pending: Promise<void> | undefined;

/** The engine once loaded. */
export function scenarioEngine(): Engine | undefined {
	return engine;
}

/** Load the engine script once; a failed load can be retried. */
export function loadScenarioEngine(): Promise<void> {
	if (engine) return Promise.resolve();
	pending ??= loadScript(ENGINE_FILE).then(
		() => {
			engine = (globalThis as unknown as Record<string, Engine | undefined>)[ENGINE_GLOBAL];
			if (!engine) throw new Error(`${ENGINE_FILE} did not set ${ENGINE_GLOBAL}`);
		},
		(error: unknown) => {
			pending = undefined;
			throw error;
		}
	);
	return pending;
}
