// The learner's progress and the rules over it: what is done, what is scored, what passes.
// Pure functions over plain data; the UI and the trackers only call these.
import type { Course, Lesson, Module, Question } from './types.ts';
import { scenarioResult } from '../scenario/score.ts';

export interface ModuleProgress {
	lessonsDone: string[];
	/** Knowledge-check attempt, 1-based; a retry clears the answers and adds one. */
	attempt: number;
	/** question id → selected option ids (sorted). */
	answers: Record<string, string[]>;
	/** scenario id → choice ids taken, in order (the scenario state is replayed from it). */
	scenarios: Record<string, string[]>;
	/** Scenarios that reached an ending at least once; a replay never takes that back. */
	scenariosDone: string[];
}

export interface LearnerState {
	language: string;
	/** Hash route of the screen the learner is on, e.g. `m/recognize/l/definitions`. */
	location: string;
	modules: Record<string, ModuleProgress>;
}

/** A fresh state for a new learner. */
export function emptyState(options: { language: string }): LearnerState {
	return { language: options.language, location: '', modules: {} };
}

/** The progress of one module, empty when the learner has not started it. */
export function moduleProgress(state: LearnerState, moduleId: string): ModuleProgress {
	return (
		state.modules[moduleId] ?? {
			lessonsDone: [],
			attempt: 1,
			answers: {},
			scenarios: {},
			scenariosDone: []
		}
	);
}

/** Whether the chosen options are exactly the correct ones. */
export function isCorrect(question: Question, selected: string[]): boolean {
	const correct = question.options.filter((o) => o.correct).map((o) => o.id);
	return correct.length === selected.length && correct.every((c) => selected.includes(c));
}

/** The questions placed in a lesson, in order. */
export function lessonQuestions(module: Module, lesson: Lesson): Question[] {
	return lesson.blocks.flatMap((b) =>
		b.type === 'question' ? module.questions.filter((q) => q.id === b.id) : []
	);
}

/** A lesson may be finished once each of its knowledge checks is answered. */
export function canFinishLesson(module: Module, lesson: Lesson, progress: ModuleProgress): boolean {
	return lessonQuestions(module, lesson).every((q) => progress.answers[q.id] !== undefined);
}

export interface ModuleSummary {
	lessonsDone: number;
	lessons: number;
	answered: number;
	correct: number;
	questions: number;
	scenariosDone: number;
	scenarios: number;
	complete: boolean;
	/** 0..1 of the module's lessons and scenarios done, for progress bars. */
	fraction: number;
}

/** Counts for one module: lessons, knowledge checks and scenarios. */
export function summarizeModule(module: Module, state: LearnerState): ModuleSummary {
	const p = moduleProgress(state, module.id);
	const lessonsDone = module.lessons.filter((l) => p.lessonsDone.includes(l.id)).length;
	const answered = module.questions.filter((q) => p.answers[q.id]);
	const correct = answered.filter((q) => isCorrect(q, p.answers[q.id]!)).length;
	const scenariosDone = module.scenarios.filter(
		(s) =>
			p.scenariosDone.includes(s.id) ||
			scenarioResult({ scenario: s, path: p.scenarios[s.id] ?? [] }).ending
	).length;
	const parts = module.lessons.length + module.scenarios.length;
	return {
		lessonsDone,
		lessons: module.lessons.length,
		answered: answered.length,
		correct,
		questions: module.questions.length,
		scenariosDone,
		scenarios: module.scenarios.length,
		complete: lessonsDone === module.lessons.length && scenariosDone === module.scenarios.length,
		fraction: parts ? (lessonsDone + scenariosDone) / parts : 1
	};
}

export interface CourseStatus {
	completion: 'incomplete' | 'completed';
	success: 'unknown' | 'passed' | 'failed';
	/** Fraction 0..1 of knowledge checks answered correctly; undefined until one is answered. */
	score: number | undefined;
	answered: number;
	questions: number;
}

/**
 * Completion: every lesson and scenario done. Success: once every knowledge check is answered,
 * passed when the share answered correctly reaches the pass mark, else failed.
 */
export function courseStatus(course: Course, state: LearnerState): CourseStatus {
	return standing(
		course.modules.map((m) => summarizeModule(m, state)),
		course.passMark
	);
}

/** The same rules applied to one module: its learning objective as the LMS records it. */
export function moduleStatus(course: Course, module: Module, state: LearnerState): CourseStatus {
	return standing([summarizeModule(module, state)], course.passMark);
}

function standing(summaries: ModuleSummary[], passMark: number): CourseStatus {
	const questions = sum(summaries.map((s) => s.questions));
	const answered = sum(summaries.map((s) => s.answered));
	const correct = sum(summaries.map((s) => s.correct));
	const score = answered ? correct / Math.max(questions, 1) : undefined;
	const allAnswered = questions > 0 && answered === questions;
	return {
		completion: summaries.every((s) => s.complete) ? 'completed' : 'incomplete',
		success: !allAnswered ? 'unknown' : (score ?? 0) >= passMark - 1e-9 ? 'passed' : 'failed',
		score,
		answered,
		questions
	};
}

/** Whether the learner may clear a module's answers and try its knowledge checks again. */
export function canRetryChecks(course: Course, state: LearnerState, moduleId: string): boolean {
	const status = courseStatus(course, state);
	return (
		status.success === 'failed' && moduleProgress(state, moduleId).attempt < course.maxAttempts
	);
}

function sum(values: number[]): number {
	return values.reduce((a, b) => a + b, 0);
}
