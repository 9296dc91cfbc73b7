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
	moduleStatus,
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

	it('marks orderings and sortings right only in the exact order or sorting', () => {
		const [tf, order, match] = module.assessment;
		expect(isCorrect(tf!, ['f'])).toBe(true);
		expect(isCorrect(tf!, ['t'])).toBe(false);
		expect(isCorrect(order!, ['first', 'second', 'third'])).toBe(true);
		expect(isCorrect(order!, ['second', 'first', 'third'])).toBe(false);
		expect(isCorrect(match!, ['red', 'blue', 'red'])).toBe(true);
		expect(isCorrect(match!, ['red', 'red', 'red'])).toBe(false);
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

	it('completes when the modules are done and the assessment is taken; its best score passes', () => {
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
			completion: 'incomplete',
			success: 'unknown'
		});
		state.assessment = { attempt: 1, items: [], answers: {}, submitted: true, best: 0.5 };
		expect(courseStatus(course, state)).toMatchObject({
			completion: 'completed',
			success: 'failed',
			score: 0.5
		});
		state.assessment.best = course.passMark;
		expect(courseStatus(course, state)).toMatchObject({
			success: 'passed',
			score: course.passMark
		});
	});

	it('fails a module below the pass mark and offers a retry until attempts run out', () => {
		const state = withProgress({ lessonsDone: ['first'], answers: { q_one: ['b'] } });
		expect(moduleStatus(course, module, state)).toMatchObject({
			completion: 'incomplete',
			success: 'failed',
			score: 0
		});
		expect(courseStatus(course, state).success).toBe('unknown');
		expect(canRetryChecks(course, state, 'basics')).toBe(true);
		state.modules.basics!.attempt = course.maxAttempts;
		expect(canRetryChecks(course, state, 'basics')).toBe(false);
	});

	it('scores knowledge checks when the course has no assessment bank', () => {
		const noBank = { ...course, modules: course.modules.map((m) => ({ ...m, assessment: [] })) };
		const state = withProgress({
			lessonsDone: ['first'],
			answers: { q_one: ['a'] },
			scenarios: { stop: ['good', 'ok2'] }
		});
		expect(courseStatus(noBank, state)).toMatchObject({
			completion: 'completed',
			success: 'passed',
			score: 1
		});
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
