// The final assessment: a random draw per attempt that covers every objective, answers held until
// the learner submits, then a score, results by objective and the missed items to review.
// Pure functions over plain data, like progress.ts.
import {
	assessmentBank,
	courseStatus,
	isCorrect,
	normalizeAnswer,
	summarizeModule,
	untouchedAnswer,
	type AssessmentProgress,
	type LearnerState
} from './progress.ts';
import type { Course, Module, Question } from './types.ts';

/**
 * Draw `course.assessmentSize` items: first one per objective (objectives in random order, so a
 * draw smaller than the objectives still varies), then the rest at random, shown shuffled.
 */
export function drawItems(options: { course: Course; random?: () => number }): string[] {
	const { course, random = Math.random } = options;
	const bank = assessmentBank(course).map((b) => b.question);
	const size = Math.min(course.assessmentSize, bank.length);
	const byObjective = new Map<string, Question[]>();
	for (const q of shuffle(bank, random)) {
		byObjective.set(q.objective, [...(byObjective.get(q.objective) ?? []), q]);
	}
	const picked: string[] = [];
	for (const items of shuffle([...byObjective.values()], random)) {
		if (picked.length < size) picked.push(items[0]!.id);
	}
	for (const q of shuffle(bank, random)) {
		if (picked.length >= size) break;
		if (!picked.includes(q.id)) picked.push(q.id);
	}
	return shuffle(picked, random);
}

/** Whether the learner may start (or restart) the final assessment now, and why not. */
export function assessmentAvailability(
	course: Course,
	state: LearnerState
): 'ready' | 'in_progress' | 'modules' | 'passed' | 'no_attempts' | 'none' {
	if (!assessmentBank(course).length) return 'none';
	const a = state.assessment;
	if (a && !a.submitted) return 'in_progress';
	if (!course.modules.every((m) => summarizeModule(m, state).complete)) return 'modules';
	if (!a) return 'ready';
	if (courseStatus(course, state).success === 'passed') return 'passed';
	return a.attempt < course.maxAttempts ? 'ready' : 'no_attempts';
}

/** A new attempt with a fresh draw; the best result so far is kept. */
export function startAttempt(options: {
	course: Course;
	state: LearnerState;
	random?: () => number;
}): AssessmentProgress {
	const previous = options.state.assessment;
	return {
		attempt: (previous?.attempt ?? 0) + 1,
		items: drawItems(options),
		answers: {},
		submitted: false,
		best: previous?.best,
		...(previous?.passedOn === undefined ? {} : { passedOn: previous.passedOn })
	};
}

/** The attempt with one more answer (ignored once submitted or for an item not drawn). */
export function answerItem(options: {
	course: Course;
	attempt: AssessmentProgress;
	itemId: string;
	answer: string[];
}): AssessmentProgress {
	const { attempt, itemId } = options;
	const item = findItem(options.course, itemId);
	if (attempt.submitted || !item || !attempt.items.includes(itemId)) return attempt;
	const answers = { ...attempt.answers, [itemId]: normalizeAnswer(item.question, options.answer) };
	return { ...attempt, answers };
}

/**
 * Submit: score the attempt (unanswered items count as wrong), keep the best score, and the day
 * the learner first passed.
 */
export function submitAttempt(options: {
	course: Course;
	attempt: AssessmentProgress;
	now?: number;
}): AssessmentProgress {
	const { attempt, course, now = Date.now() } = options;
	if (attempt.submitted) return attempt;
	const { score } = attemptResults(options);
	const best = Math.max(attempt.best ?? 0, score);
	const passed = best >= course.passMark - 1e-9;
	const passedOn = attempt.passedOn ?? (passed ? now - (now % 86_400_000) : undefined);
	return { ...attempt, submitted: true, best, ...(passedOn === undefined ? {} : { passedOn }) };
}

export interface ObjectiveResult {
	objective: string;
	module: string;
	correct: number;
	total: number;
}

export interface AttemptResults {
	score: number;
	correct: number;
	total: number;
	byObjective: ObjectiveResult[];
	/** Items answered wrongly or not at all, in the order shown. */
	missed: { module: Module; question: Question; answer: string[] | undefined }[];
}

/** The results of an attempt: score, per objective, and the items to review. */
export function attemptResults(options: {
	course: Course;
	attempt: AssessmentProgress;
}): AttemptResults {
	const { course, attempt } = options;
	const byObjective = new Map<string, ObjectiveResult>();
	const missed: AttemptResults['missed'] = [];
	let correct = 0;
	for (const id of attempt.items) {
		const item = findItem(course, id);
		if (!item) continue;
		const answer = attempt.answers[id] ?? untouchedOrNone(item.question);
		const right = !!answer && isCorrect(item.question, answer);
		const key = item.question.objective;
		const entry = byObjective.get(key) ?? {
			objective: key,
			module: item.module.id,
			correct: 0,
			total: 0
		};
		entry.total++;
		if (right) {
			entry.correct++;
			correct++;
		} else missed.push({ ...item, answer });
		byObjective.set(key, entry);
	}
	const total = attempt.items.length;
	const order = course.modules.flatMap((m) => m.objectives);
	return {
		score: total ? correct / total : 0,
		correct,
		total,
		byObjective: [...byObjective.values()].sort(
			(a, b) => order.indexOf(a.objective) - order.indexOf(b.objective)
		),
		missed
	};
}

/** An assessment item and its module, by item id (ids are unique across the course). */
export function findItem(
	course: Course,
	itemId: string
): { module: Module; question: Question } | undefined {
	return assessmentBank(course).find((b) => b.question.id === itemId);
}

/** An ordering left as shown is an answer; any other untouched item is unanswered. */
function untouchedOrNone(question: Question): string[] | undefined {
	const answer = untouchedAnswer(question);
	return answer.length ? answer : undefined;
}

function shuffle<T>(list: T[], random: () => number): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}
