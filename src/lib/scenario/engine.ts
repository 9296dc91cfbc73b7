// The scenario engine is xstate, which only the scenario screens use. It is not in the start-up
// file: the build writes it as a classic script beside index.html (`content/scenario-engine.js`,
// from `engine-entry.ts`) and the course loads it when a scenario opens, like a module's text.
import type { assign, createActor, setup } from 'xstate';
import { CONTENT_DIR } from '../i18n/text-files.ts';

/** The parts of xstate the scenario machines use. */
export interface Engine {
	setup: typeof setup;
	assign: typeof assign;
	createActor: typeof createActor;
}

/** The global the engine script sets. */
export const ENGINE_GLOBAL = 'courseScenarioEngine';

/** The engine script, relative to index.html. */
export const ENGINE_FILE = `${CONTENT_DIR}/scenario-engine.js`;
