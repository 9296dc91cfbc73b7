// Domain facts → what the tracker reports: one interaction record per answered knowledge check
// and per scenario decision, and one objective per module. Ids are portable (letters, digits,
// underscore) and do not depend on language, so an LMS report stays comparable.
import type { InteractionRecord, ObjectiveReport } from '$scorm/tracker';
import { correctAnswer, isCorrect, moduleStatus, type LearnerState } from '$lib/course/progress';
import type { Course, Module, Question, Scene } from '$lib/course/types';

/** The record of one answered knowledge check or final-assessment item. */
export function questionInteraction(options: {
	module: Module;
	question: Question;
	selected: string[];
	latencyMs: number;
	description: string;
}): InteractionRecord {
	const { module, question, selected } = options;
	const { form, ...shape } = interactionShape(question);
	return {
		id: `${module.id}_${question.id}`,
		...shape,
		response: form(selected),
		correct: form(correctAnswer(question)),
		result: isCorrect(question, selected) ? 'correct' : 'incorrect',
		latencyMs: options.latencyMs,
		at: new Date(),
		description: options.description,
		objective: module.id
	};
}

/** The SCORM interaction type of a question kind, its option lists and its response form. */
function interactionShape(question: Question) {
	const list = (answer: string[]) => [...answer];
	if (question.kind === 'match') {
		return {
			type: 'matching' as const,
			options: question.items,
			targets: question.categories,
			form: (answer: string[]) => question.items.map((item, i) => `${item}.${answer[i]}`)
		};
	}
	if (question.kind === 'order') {
		return { type: 'sequencing' as const, options: question.items, form: list };
	}
	const options = question.options.map((o) => o.id);
	if (question.kind === 'truefalse') return { type: 'true-false' as const, options, form: list };
	return { type: 'choice' as const, options, form: (answer: string[]) => [...answer].sort() };
}

/** The record of one scenario decision: correct when it was (one of) the best choices there. */
export function decisionInteraction(options: {
	module: Module;
	scenarioId: string;
	scene: Scene;
	choiceId: string;
	latencyMs: number;
	description: string;
}): InteractionRecord {
	const { module, scene } = options;
	const best = Math.max(...scene.choices.map((c) => c.points));
	const bestChoices = scene.choices.filter((c) => c.points === best).map((c) => c.id);
	return {
		id: `${module.id}_${options.scenarioId}_${scene.id}`,
		type: 'choice',
		options: scene.choices.map((c) => c.id),
		response: [options.choiceId],
		correct: bestChoices,
		result: bestChoices.includes(options.choiceId) ? 'correct' : 'incorrect',
		latencyMs: options.latencyMs,
		at: new Date(),
		description: options.description,
		objective: module.id
	};
}

/** One objective per module, with the same completion, success and score rules as the course. */
export function moduleObjectives(course: Course, state: LearnerState): ObjectiveReport[] {
	return course.modules.map((module) => {
		const status = moduleStatus(course, module, state);
		return {
			id: module.id,
			completion: status.completion,
			success: status.success,
			score: status.success === 'unknown' ? undefined : { scaled: status.score ?? 0 }
		};
	});
}
