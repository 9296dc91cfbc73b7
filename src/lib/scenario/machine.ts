// Scenario data → an xstate machine. One `setup` for every scenario; scenes become states,
// endings become final states, and each choice is a namespaced event `choice.<id>`. xstate comes
// in as an `Engine` (engine.ts): loaded with the first scenario in the course, imported at build time.
import type { SnapshotFrom } from 'xstate';
import type { Scenario } from '../course/types.ts';
import type { Engine } from './engine.ts';

export interface ScenarioContext {
	/** Choice ids taken, in order: what the progress codec stores. */
	path: string[];
	points: number;
}

export type ScenarioEvent = { type: `choice.${string}` };

function scenarioSetup({ setup, assign }: Engine) {
	return setup({
		types: {
			context: {} as ScenarioContext,
			events: {} as ScenarioEvent
		},
		actions: {
			record: assign(({ context }, params: { choice: string; points: number }) => ({
				path: [...context.path, params.choice],
				points: context.points + params.points
			}))
		}
	});
}

/** Build the machine for one scenario. */
export function createScenarioMachine(scenario: Scenario, engine: Engine) {
	const states: Record<string, object> = {};
	for (const scene of scenario.scenes) {
		states[scene.id] = {
			on: Object.fromEntries(
				scene.choices.map((c) => [
					`choice.${c.id}`,
					{
						target: c.goto,
						actions: { type: 'record', params: { choice: c.id, points: c.points } }
					}
				])
			)
		};
	}
	for (const ending of scenario.endings) states[ending.id] = { type: 'final' };
	return scenarioSetup(engine).createMachine({
		id: scenario.id,
		initial: scenario.start,
		context: { path: [], points: 0 },
		// The states object is built from data, so its keys are not known to the type system.
		states: states as never
	});
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

/** Start an actor and replay a saved path; choices that no longer fit the graph stop the replay. */
export function startScenario(options: { scenario: Scenario; path?: string[]; engine: Engine }) {
	const { engine } = options;
	const actor = engine.createActor(createScenarioMachine(options.scenario, engine));
	actor.start();
	for (const choice of options.path ?? []) {
		const before = actor.getSnapshot();
		if (!before.can({ type: `choice.${choice}` })) break;
		actor.send({ type: `choice.${choice}` });
	}
	return actor;
}

/** The state id (scene or ending) a snapshot is in. */
export function stateId(snapshot: ScenarioSnapshot): string {
	return String(snapshot.value);
}

/** The scene and choice of a path's last step (undefined for an empty or unknown path). */
export function lastStep(
	scenario: Scenario,
	path: string[]
): { scene: string; choice: string } | undefined {
	let scene = scenario.start;
	for (const [i, choice] of path.entries()) {
		const goto = scenario.scenes
			.find((s) => s.id === scene)
			?.choices.find((c) => c.id === choice)?.goto;
		if (!goto) return undefined;
		if (i === path.length - 1) return { scene, choice };
		scene = goto;
	}
	return undefined;
}
