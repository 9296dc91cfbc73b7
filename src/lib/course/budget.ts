// The largest state the content can produce, for the suspend_data budget (test and `npm run size`).
import { courseSteps } from './navigation.ts';
import type { SaveStamp } from './codec.ts';
import { assessmentBank, type LearnerState } from './progress.ts';
import type { Course, Question, Scenario } from './types.ts';

/** The longest save stamp: over a million changes, saved at a time far in the future. */
export const WORST_STAMP: SaveStamp = { revision: 36 ** 4 - 1, savedAt: 36 ** 7 * 1000 - 1000 };

/**
 * Every lesson done, every question answered with every option, every scenario on its longest path,
 * every assessment attempt used, with the items whose answers encode longest drawn and answered.
 */
export function worstCaseState(course: Course): LearnerState {
	const bank = assessmentBank(course).map((b) => b.question);
	const longest = (q: Question) => (q.items.length || q.options.length) * 100 + q.id.length;
	const drawn = [...bank].sort((a, b) => longest(b) - longest(a)).slice(0, course.assessmentSize);
	const routes = courseSteps(course).map((s) => s.route);
	const location = routes.reduce((a, b) => (b.length > a.length ? b : a), '');
	const languages = [...course.languages].sort((a, b) => b.length - a.length);
	return {
		language: languages[0]!,
		location,
		modules: Object.fromEntries(
			course.modules.map((m) => [
				m.id,
				{
					lessonsDone: m.lessons.map((l) => l.id),
					attempt: course.maxAttempts,
					answers: Object.fromEntries(m.questions.map((q) => [q.id, fullAnswer(q)])),
					scenarios: Object.fromEntries(m.scenarios.map((s) => [s.id, longestPath(s)])),
					scenariosDone: m.scenarios.map((s) => s.id),
					showing: m.scenarios.map((s) => s.id)
				}
			])
		),
		...(drawn.length
			? {
					assessment: {
						attempt: course.maxAttempts,
						items: drawn.map((q) => q.id),
						answers: Object.fromEntries(drawn.map((q) => [q.id, fullAnswer(q)])),
						submitted: false,
						best: 0.999,
						passedOn: 36 ** 4 * 86_400_000
					}
				}
			: {})
	};
}

/** The answer that encodes longest: every option chosen, or every item placed. */
function fullAnswer(q: Question): string[] {
	if (q.kind === 'order') return [...q.items].reverse();
	if (q.kind === 'match') return q.key;
	return q.options.map((o) => o.id);
}

/** The path with the most characters once encoded. */
function longestPath(scenario: Scenario): string[] {
	const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
	const walk = (id: string): string[] => {
		const scene = scenes.get(id);
		if (!scene) return [];
		return scene.choices
			.map((c) => [c.id, ...walk(c.goto)])
			.reduce((a, b) => (b.join('.').length > a.join('.').length ? b : a), []);
	};
	return walk(scenario.start);
}
