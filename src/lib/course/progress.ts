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
	/** Scenarios whose last choice's consequence is on screen (a relaunch shows it again). */
	showing?: string[];
}

/** The final assessment: the current attempt's draw and answers, and the best result so far. */
export interface AssessmentProgress {
	/** Attempts started, 1-based. */
	attempt: number;
	/** Item ids drawn for this attempt, in the order shown. */
	items: string[];
	/** item id → answer (see Question for the shape per kind). */
	answers: Record<string, string[]>;
	/** This attempt was submitted and scored. */
	submitted: boolean;
	/** Best score 0..1 of the submitted attempts; undefined before the first submission. */
	best: number | undefined;
	/** The day (UTC midnight, ms) the learner first passed; for the certificate. */
	passedOn?: number;
}

export interface LearnerState {
	language: string;
	/** Hash route of the screen the learner is on, e.g. `m/recognize/l/definitions`. */
	location: string;
	modules: Record<string, ModuleProgress>;
	/** Undefined until the learner starts the final assessment. */
	assessment?: AssessmentProgress;
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

/** The correct answer of a question, in the answer shape of its kind. */
export function correctAnswer(question: Question): string[] {
	if (question.kind === 'order') return question.items;
	if (question.kind === 'match') return question.key;
	return question.options.filter((o) => o.correct).map((o) => o.id);
}

/**
 * The order an ordering question is first shown in: a stable shuffle per question (so a resumed
 * screen looks the same), never the correct order.
 */
export function initialOrder(question: Question): string[] {
	const score = (id: string) =>
		[...`${question.id}:${id}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
	const order = [...question.items].sort((a, b) => score(a) - score(b));
	return order.every((id, i) => id === question.items[i]) ? [...order.slice(1), order[0]!] : order;
}

/** The answer a learner submits without touching the controls: the shown order, or nothing. */
export function untouchedAnswer(question: Question): string[] {
	return question.kind === 'order' ? initialOrder(question) : [];
}

/** An answer as it is stored: option sets sorted, orderings and sortings as given. */
export function normalizeAnswer(question: Question, answer: string[]): string[] {
	return question.kind === 'order' || question.kind === 'match' ? [...answer] : [...answer].sort();
}

/** Whether an answer is complete and well-formed for its question (e.g. every item sorted). */
export function isValidAnswer(question: Question, answer: string[]): boolean {
	if (question.kind === 'order') {
		return (
			answer.length === question.items.length && question.items.every((i) => answer.includes(i))
		);
	}
	if (question.kind === 'match') {
		return (
			answer.length === question.items.length &&
			answer.every((c) => question.categories.includes(c))
		);
	}
	const ids = question.options.map((o) => o.id);
	const ok =
		answer.length > 0 &&
		answer.every((a) => ids.includes(a)) &&
		new Set(answer).size === answer.length;
	return ok && (question.kind === 'multiple' || answer.length === 1);
}

/** Whether an answer is exactly right: the same option set, or the same order or sorting. */
export function isCorrect(question: Question, answer: string[]): boolean {
	const correct = correctAnswer(question);
	if (question.kind === 'order' || question.kind === 'match') {
		return correct.length === answer.length && correct.every((c, i) => answer[i] === c);
	}
	return correct.length === answer.length && correct.every((c) => answer.includes(c));
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
	/** Fraction 0..1; undefined until known. */
	score: number | undefined;
	answered: number;
	questions: number;
}

/** Every final-assessment item of the modules the course includes. */
export function assessmentBank(course: Course): { module: Module; question: Question }[] {
	return course.modules.flatMap((module) =>
		module.assessment.map((question) => ({ module, question }))
	);
}

/**
 * Completion: every lesson and scenario done and, when the course has a final assessment, the
 * assessment submitted once. Success and score: the best submitted assessment attempt against the
 * pass mark. A course without an assessment bank scores its knowledge checks instead.
 */
export function courseStatus(course: Course, state: LearnerState): CourseStatus {
	const summaries = course.modules.map((m) => summarizeModule(m, state));
	if (!assessmentBank(course).length) return standing(summaries, course.passMark);
	const a = state.assessment;
	const best = a?.best;
	const modulesDone = summaries.every((s) => s.complete);
	return {
		completion: modulesDone && best !== undefined ? 'completed' : 'incomplete',
		success: best === undefined ? 'unknown' : best >= course.passMark - 1e-9 ? 'passed' : 'failed',
		score: best,
		answered: a ? Object.keys(a.answers).length : 0,
		questions: course.assessmentSize
	};
}

/** The same rules applied to one module's knowledge checks: its objective as the LMS records it. */
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
	const module = course.modules.find((m) => m.id === moduleId);
	if (!module) return false;
	const failed = assessmentBank(course).length
		? moduleStatus(course, module, state).success === 'failed'
		: courseStatus(course, state).success === 'failed';
	return failed && moduleProgress(state, moduleId).attempt < course.maxAttempts;
}

function sum(values: number[]): number {
	return values.reduce((a, b) => a + b, 0);
}
