// Entry of `content/scenario-engine.js` (written by the build): xstate's parts on a global.
import { assign, createActor, setup } from 'xstate';
import { ENGINE_GLOBAL, type Engine } from './engine.ts';

const engine: Engine = { setup, assign, createActor };
(globalThis as unknown as Record<string, Engine>)[ENGINE_GLOBAL] = engine;
