import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseContent } from '../content/load.ts';
import type { Scenario } from '../course/types.ts';
import { proveScenario } from './graph.ts';
import { assign, createActor, setup } from 'xstate';
import { startScenario, stateId } from './machine.ts';
import { maxPoints, scenarioResult } from './score.ts';

const engine = { setup, assign, createActor };
const real = loadCourseContent({ root: join(process.cwd(), 'modules') }).course;
const fixture = loadCourseContent({
	root: join(import.meta.dirname, '..', 'content', 'fixtures', 'good')
}).course;
const scenarios = [...real.modules, ...fixture.modules].flatMap((m) => m.scenarios);

describe.each(scenarios.map((s) => [s.id, s] as [string, Scenario]))(
	'scenario %s',
	(_, scenario) => {
		const proof = proveScenario(scenario);

		it('reaches every scene and ending, and no scene is a dead end', () => {
			expect(proof.unreachable).toEqual([]);
			expect(proof.deadEnds).toEqual([]);
		});

		it('ends every path in a scored ending', () => {
			expect(proof.paths.length).toBeGreaterThan(0);
			const endingIds = scenario.endings.map((e) => e.id);
			for (const path of proof.paths) {
				expect(endingIds).toContain(path.ending);
				const result = scenarioResult({ scenario, path: path.choices });
				expect(result.ending?.id).toBe(path.ending);
				expect(result.points).toBe(path.points);
				expect(result.score).toBeGreaterThanOrEqual(0);
				expect(result.score).toBeLessThanOrEqual(1);
			}
			// Every ending is reached by some path.
			expect(new Set(proof.paths.map((p) => p.ending))).toEqual(new Set(endingIds));
		});

		it('scores the best path 1 and gives the top score only to the best outcome', () => {
			const best = Math.max(...proof.paths.map((p) => p.points));
			expect(best).toBe(maxPoints(scenario));
			for (const p of proof.paths.filter((x) => x.points === best)) {
				expect(scenario.endings.find((e) => e.id === p.ending)?.outcome).toBe('best');
			}
		});

		it('replays a saved path to the same state, and stops at a choice that no longer fits', () => {
			const path = proof.paths[0]!.choices;
			const actor = startScenario({ scenario, path: path.slice(0, 1), engine });
			expect(actor.getSnapshot().context.path).toEqual(path.slice(0, 1));
			const stale = startScenario({ scenario, path: ['no_such_choice', ...path], engine });
			expect(stateId(stale.getSnapshot())).toBe(scenario.start);
		});
	}
);

describe('Module 1 traffic stop', () => {
	it('has at least 4 decision points on some path and at least 3 distinct endings', () => {
		const stop = real.modules.flatMap((m) => m.scenarios).find((s) => s.id === 'traffic_stop')!;
		const proof = proveScenario(stop);
		expect(Math.max(...proof.paths.map((p) => p.choices.length))).toBeGreaterThanOrEqual(4);
		expect(stop.scenes.length).toBeGreaterThanOrEqual(4);
		expect(new Set(proof.paths.map((p) => p.ending)).size).toBeGreaterThanOrEqual(3);
	});
});
