import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseContent } from '../content/load.ts';
import {
	canFinishLesson,
	canRetryChecks,
	courseStatus,
	emptyState,
	isCorrect,
	moduleProgress,
	summarizeModule,
	type LearnerState
} from './progress.ts';

const course = loadCourseContent({
	root: join(import.meta.dirname, '..', 'content', 'fixtures', 'good')
}).course;
const module = course.modules[0]!;
const lesson = module.lessons[0]!;

function withProgress(p: Partial<ReturnType<typeof moduleProgress>>): LearnerState {
	const state = emptyState({ language: 'en' });
	state.modules.basics = { ...moduleProgress(state, 'basics'), ...p };
	return state;
}

describe('knowledge checks', () => {
	it('marks exactly the correct set as correct', () => {
		const q = module.questions[0]!;
		expect(isCorrect(q, ['a'])).toBe(true);
		expect(isCorrect(q, ['b'])).toBe(false);
		expect(isCorrect(q, ['a', 'b'])).toBe(false);
		expect(isCorrect(q, [])).toBe(false);
	});

	it('lets a lesson finish only once its checks are answered', () => {
		expect(
			canFinishLesson(module, lesson, moduleProgress(emptyState({ language: 'en' }), 'basics'))
		).toBe(false);
		expect(
			canFinishLesson(module, lesson, withProgress({ answers: { q_one: ['b'] } }).modules.basics!)
		).toBe(true);
	});
});

describe('course status', () => {
	it('is incomplete with unknown success and no score at the start', () => {
		expect(courseStatus(course, emptyState({ language: 'en' }))).toMatchObject({
			completion: 'incomplete',
			success: 'unknown',
			score: undefined
		});
	});

	it('completes when every lesson and scenario is done, passes at the pass mark', () => {
		const state = withProgress({
			lessonsDone: ['first'],
			answers: { q_one: ['a'] },
			scenarios: { stop: ['good', 'ok2'] }
		});
		expect(summarizeModule(module, state)).toMatchObject({
			complete: true,
			correct: 1,
			fraction: 1
		});
		expect(courseStatus(course, state)).toMatchObject({
			completion: 'completed',
			success: 'passed',
			score: 1
		});
	});

	it('fails below the pass mark and offers a retry until attempts run out', () => {
		const state = withProgress({ lessonsDone: ['first'], answers: { q_one: ['b'] } });
		expect(courseStatus(course, state)).toMatchObject({
			completion: 'incomplete',
			success: 'failed',
			score: 0
		});
		expect(canRetryChecks(course, state, 'basics')).toBe(true);
		state.modules.basics!.attempt = course.maxAttempts;
		expect(canRetryChecks(course, state, 'basics')).toBe(false);
	});

	it('keeps a scenario done after a replay starts again', () => {
		const state = withProgress({
			lessonsDone: ['first'],
			scenarios: { stop: [] },
			scenariosDone: ['stop']
		});
		expect(summarizeModule(module, state).scenariosDone).toBe(1);
		const unfinished = withProgress({ scenarios: { stop: ['good'] } });
		expect(summarizeModule(module, unfinished).scenariosDone).toBe(0);
	});
});
