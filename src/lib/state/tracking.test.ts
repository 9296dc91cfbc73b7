import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../content/load.ts';
import { emptyState, moduleProgress } from '../course/progress.ts';
import { decisionInteraction, moduleObjectives, questionInteraction } from './tracking.ts';

const course = loadCourse({ root: join(import.meta.dirname, '..', 'content', 'fixtures', 'good') });
const module = course.modules[0]!;
const question = module.questions[0]!;
const scene = module.scenarios[0]!.scenes[1]!; // s2: good2 (2 points), ok2 (1 point)

describe('what the LMS is told', () => {
	it('records a question with a portable id, its options, the answer and the key', () => {
		const record = questionInteraction({
			module,
			question,
			selected: ['b'],
			latencyMs: 900,
			description: 'Pick a.'
		});
		expect(record).toMatchObject({
			id: 'basics_q_one',
			type: 'choice',
			options: ['a', 'b'],
			response: ['b'],
			correct: ['a'],
			result: 'incorrect',
			latencyMs: 900,
			objective: 'basics'
		});
		expect(record.id).toMatch(/^[A-Za-z0-9_]+$/);
	});

	it('records true/false, ordering and sorting items in their SCORM interaction types', () => {
		const [tf, order, match] = module.assessment;
		const base = { module, latencyMs: 5, description: 'd' };
		expect(questionInteraction({ ...base, question: tf!, selected: ['t'] })).toMatchObject({
			type: 'true-false',
			response: ['t'],
			correct: ['f'],
			result: 'incorrect'
		});
		expect(
			questionInteraction({ ...base, question: order!, selected: ['first', 'second', 'third'] })
		).toMatchObject({
			type: 'sequencing',
			options: ['first', 'second', 'third'],
			response: ['first', 'second', 'third'],
			result: 'correct'
		});
		expect(
			questionInteraction({ ...base, question: match!, selected: ['blue', 'blue', 'red'] })
		).toMatchObject({
			id: 'basics_a_match',
			type: 'matching',
			options: ['apple', 'sky', 'cherry'],
			targets: ['red', 'blue'],
			response: ['apple.blue', 'sky.blue', 'cherry.red'],
			correct: ['apple.red', 'sky.blue', 'cherry.red'],
			result: 'incorrect'
		});
	});

	it('marks a decision correct only when it was the best choice of its scene', () => {
		const base = { module, scenarioId: 'stop', scene, latencyMs: 1, description: 'd' };
		expect(decisionInteraction({ ...base, choiceId: 'good2' })).toMatchObject({
			id: 'basics_stop_s2',
			result: 'correct',
			correct: ['good2']
		});
		expect(decisionInteraction({ ...base, choiceId: 'ok2' }).result).toBe('incorrect');
	});

	it('reports one objective per module, with a score only once every check is answered', () => {
		const state = emptyState({ language: 'en' });
		expect(moduleObjectives(course, state)).toEqual([
			{ id: 'basics', completion: 'incomplete', success: 'unknown', score: undefined }
		]);
		state.modules.basics = {
			...moduleProgress(state, 'basics'),
			lessonsDone: ['first'],
			answers: { q_one: ['a'] },
			scenariosDone: ['stop']
		};
		expect(moduleObjectives(course, state)).toEqual([
			{ id: 'basics', completion: 'completed', success: 'passed', score: { scaled: 1 } }
		]);
	});
});
