// Scenario scoring over the graph: points along the path taken against the best path possible.
import type { Choice, Ending, Scenario, Scene } from '../course/types.ts';

export interface StepTaken {
	scene: Scene;
	choice: Choice;
}

export interface ScenarioResult {
	/** The steps taken, in order; choices that do not fit the graph are dropped with the rest. */
	steps: StepTaken[];
	/** The scene the learner is on, undefined once an ending is reached. */
	current: Scene | undefined;
	ending: Ending | undefined;
	points: number;
	maxPoints: number;
	/** points / maxPoints, 0..1. */
	score: number;
}

/** The highest number of points any path from `from` to an ending can collect. */
export function maxPoints(scenario: Scenario, from = scenario.start): number {
	const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
	const memo = new Map<string, number>();
	const best = (id: string): number => {
		const scene = scenes.get(id);
		if (!scene) return 0;
		if (!memo.has(id)) memo.set(id, Math.max(...scene.choices.map((c) => c.points + best(c.goto))));
		return memo.get(id)!;
	};
	return best(from);
}

/** Replay a path of choice ids through the scenario graph. */
export function scenarioResult(options: { scenario: Scenario; path: string[] }): ScenarioResult {
	const { scenario } = options;
	const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
	const steps: StepTaken[] = [];
	let current = scenes.get(scenario.start);
	let ending: Ending | undefined;
	for (const choiceId of options.path) {
		const choice = current?.choices.find((c) => c.id === choiceId);
		if (!current || !choice) break;
		steps.push({ scene: current, choice });
		ending = scenario.endings.find((e) => e.id === choice.goto);
		current = scenes.get(choice.goto);
	}
	const points = steps.reduce((a, s) => a + s.choice.points, 0);
	const max = maxPoints(scenario);
	return { steps, current, ending, points, maxPoints: max, score: max ? points / max : 1 };
}
