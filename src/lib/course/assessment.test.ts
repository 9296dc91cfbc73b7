import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseContent } from '../content/load.ts';
import {
	answerItem,
	assessmentAvailability,
	attemptResults,
	drawItems,
	startAttempt,
	submitAttempt
} from './assessment.ts';
import { courseStatus, emptyState, type LearnerState } from './progress.ts';
import type { Course } from './types.ts';

const fixture = loadCourseContent({
	root: join(import.meta.dirname, '..', 'content', 'fixtures', 'good')
}).course;
const shipped = loadCourseContent({ root: join(process.cwd(), 'modules') }).course;

/** A seeded generator, so a draw is reproducible in a test. */
function seeded(seed: number) {
	return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function done(course: Course): LearnerState {
	const state = emptyState({ language: 'en' });
	for (const m of course.modules) {
		state.modules[m.id] = {
			lessonsDone: m.lessons.map((l) => l.id),
			attempt: 1,
			answers: {},
			scenarios: {},
			scenariosDone: m.scenarios.map((s) => s.id)
		};
	}
	return state;
}

describe('the draw', () => {
	it('draws the set size, no item twice, every objective once when the size allows', () => {
		const objectives = shipped.modules.flatMap((m) => m.objectives);
		for (let seed = 1; seed < 40; seed++) {
			const items = drawItems({ course: shipped, random: seeded(seed) });
			expect(items).toHaveLength(shipped.assessmentSize);
			expect(new Set(items).size).toBe(items.length);
			const bank = shipped.modules.flatMap((m) => m.assessment);
			const covered = new Set(items.map((id) => bank.find((q) => q.id === id)!.objective));
			if (shipped.assessmentSize >= objectives.length) expect(covered.size).toBe(objectives.length);
		}
	});

	it('varies between attempts', () => {
		const draws = new Set(
			Array.from({ length: 10 }, (_, i) =>
				drawItems({ course: fixture, random: seeded(i + 1) }).join()
			)
		);
		expect(draws.size).toBeGreaterThan(1);
	});
});

describe('an attempt', () => {
	it('opens only when every module is done, and stays open until submitted', () => {
		const state = emptyState({ language: 'en' });
		expect(assessmentAvailability(fixture, state)).toBe('modules');
		const ready = done(fixture);
		expect(assessmentAvailability(fixture, ready)).toBe('ready');
		ready.assessment = startAttempt({ course: fixture, state: ready, random: seeded(3) });
		expect(assessmentAvailability(fixture, ready)).toBe('in_progress');
	});

	it('scores on submit, keeps the best, reports by objective and lists the missed items', () => {
		const state = done(fixture);
		let attempt = startAttempt({ course: fixture, state, random: seeded(5) });
		attempt = answerItem({ course: fixture, attempt, itemId: 'a_tf', answer: ['f'] });
		attempt = answerItem({
			course: fixture,
			attempt,
			itemId: 'a_order',
			answer: ['second', 'first', 'third']
		});
		attempt = answerItem({ course: fixture, attempt, itemId: 'a_unknown', answer: ['x'] });
		expect(Object.keys(attempt.answers).sort()).toEqual(['a_order', 'a_tf']);
		const results = attemptResults({ course: fixture, attempt });
		expect(results).toMatchObject({ correct: 1, total: 3 });
		expect(results.byObjective).toEqual([
			{ objective: 'know', module: 'basics', correct: 1, total: 3 }
		]);
		expect(results.missed.map((m) => m.question.id).sort()).toEqual(['a_match', 'a_order']);

		state.assessment = submitAttempt({ course: fixture, attempt });
		expect(state.assessment.best).toBeCloseTo(1 / 3);
		expect(courseStatus(fixture, state)).toMatchObject({
			completion: 'completed',
			success: 'failed'
		});
		// Answers after submission are ignored.
		expect(
			answerItem({
				course: fixture,
				attempt: state.assessment,
				itemId: 'a_match',
				answer: ['red', 'blue', 'red']
			})
		).toBe(state.assessment);

		expect(assessmentAvailability(fixture, state)).toBe('ready');
		let second = startAttempt({ course: fixture, state, random: seeded(9) });
		expect(second).toMatchObject({ attempt: 2, answers: {}, submitted: false });
		second = answerItem({ course: fixture, attempt: second, itemId: 'a_tf', answer: ['t'] });
		state.assessment = submitAttempt({ course: fixture, attempt: second });
		expect(state.assessment.best).toBeCloseTo(1 / 3); // a worse attempt keeps the best
		expect(assessmentAvailability(fixture, state)).toBe('no_attempts'); // maxAttempts 2
	});

	it('closes once passed', () => {
		const state = done(fixture);
		let attempt = startAttempt({ course: fixture, state, random: seeded(2) });
		for (const [id, answer] of [
			['a_tf', ['f']],
			['a_order', ['first', 'second', 'third']],
			['a_match', ['red', 'blue', 'red']]
		] as const) {
			attempt = answerItem({ course: fixture, attempt, itemId: id, answer: [...answer] });
		}
		state.assessment = submitAttempt({ course: fixture, attempt });
		expect(courseStatus(fixture, state)).toMatchObject({ success: 'passed', score: 1 });
		expect(assessmentAvailability(fixture, state)).toBe('passed');
	});
});
