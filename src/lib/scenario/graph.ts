// Proof from the machine itself (xstate/graph): which states are reachable, which states have no
// way out, and every complete path with the ending and points it reaches.
import { assign, createActor, setup } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { Scenario } from '../course/types.ts';
import { createScenarioMachine, type ScenarioEvent } from './machine.ts';

export interface ScenarioProof {
	unreachable: string[];
	/** Non-final states with no transition out. */
	deadEnds: string[];
	/** Every simple path from the start to an ending. */
	paths: { choices: string[]; ending: string; points: number }[];
}

/** Explore every path of a scenario's machine. */
export function proveScenario(scenario: Scenario): ScenarioProof {
	const machine = createScenarioMachine(scenario, { setup, assign, createActor });
	const events: ScenarioEvent[] = scenario.scenes.flatMap((s) =>
		s.choices.map((c) => ({ type: `choice.${c.id}` as const }))
	);
	const serializeState = (s: { value: unknown }) => String(s.value);
	const reached = new Set(
		getShortestPaths(machine, { events, serializeState }).map((p) => String(p.state.value))
	);
	const endings = new Set(scenario.endings.map((e) => e.id));
	const paths = getSimplePaths(machine, { events })
		.filter((p) => p.state.status === 'done')
		.map((p) => ({
			choices: p.state.context.path,
			ending: String(p.state.value),
			points: p.state.context.points
		}));
	const all = [...scenario.scenes.map((s) => s.id), ...endings];
	return {
		unreachable: all.filter((id) => !reached.has(id)),
		deadEnds: scenario.scenes
			.filter((s) => !s.choices.some((c) => all.includes(c.goto)))
			.map((s) => s.id),
		paths
	};
}
