// Rules that span more than one value: unique ids, references that must resolve, answer keys,
// scenario graphs. Each failure names the file, the key path and the fix.
import type { Question, Scenario } from '../course/types.ts';
import { didYouMean } from './issues.ts';

type Report = (path: string, message: string, fix: string) => void;

/** Report duplicates in a list of ids found at the given paths. */
export function checkUnique(options: {
	ids: { id: string; path: string }[];
	what: string;
	report: Report;
}) {
	const seen = new Map<string, string>();
	for (const { id, path } of options.ids) {
		const first = seen.get(id);
		if (first !== undefined) {
			options.report(
				path,
				`duplicate ${options.what} id "${id}" (first used at ${first})`,
				`give each ${options.what} its own id; ids are stored in the LMS, so rename the new one`
			);
		} else seen.set(id, path);
	}
}

/** Report every reference that is not among the known ids. */
export function checkRefs(options: {
	refs: { id: string; path: string }[];
	known: Set<string> | string[];
	what: string;
	where: string;
	report: Report;
}) {
	const known = new Set(options.known);
	for (const { id, path } of options.refs) {
		if (!known.has(id)) {
			options.report(
				path,
				`unknown ${options.what} "${id}".${didYouMean(id, known)}`,
				`use an id defined in ${options.where}`
			);
		}
	}
}

/** Answer keys: options with a correct one (exactly one when single), items and categories. */
export function checkQuestions(options: {
	questions: Question[];
	key: 'questions' | 'assessment';
	report: Report;
}) {
	const { report } = options;
	options.questions.forEach((q, i) => {
		const path = `${options.key}[${i}]`;
		if (q.kind === 'single' || q.kind === 'multiple') {
			const correct = q.options.filter((o) => o.correct).length;
			if (correct === 0) {
				report(
					`${path}.options`,
					`question "${q.id}" has no correct answer`,
					'mark one option with correct: true'
				);
			}
			if (q.kind === 'single' && correct > 1) {
				report(
					`${path}.options`,
					`single-answer question "${q.id}" has ${correct} correct options`,
					'mark exactly one option correct, or make it kind: multiple'
				);
			}
			if (q.kind === 'multiple' && correct === q.options.length) {
				report(
					`${path}.options`,
					`every option of "${q.id}" is correct`,
					'add at least one wrong option'
				);
			}
			checkUnique({
				ids: q.options.map((o, j) => ({ id: o.id, path: `${path}.options[${j}].id` })),
				what: 'option',
				report
			});
		}
		if (q.kind === 'order' || q.kind === 'match') {
			checkUnique({
				ids: q.items.map((id, j) => ({
					id,
					path: `${path}.items[${j}]${q.kind === 'match' ? '.id' : ''}`
				})),
				what: 'item',
				report
			});
		}
		if (q.kind === 'match') {
			checkUnique({
				ids: q.categories.map((id, j) => ({ id, path: `${path}.categories[${j}]` })),
				what: 'category',
				report
			});
			checkRefs({
				refs: q.key.map((id, j) => ({ id, path: `${path}.items[${j}].category` })),
				known: q.categories,
				what: 'category',
				where: `${path}.categories`,
				report
			});
			if (new Set(q.key).size < 2) {
				report(
					`${path}.items`,
					`every item of "${q.id}" belongs to the same category`,
					'sort the items into at least 2 of the categories'
				);
			}
		}
	});
}

/** Items per objective in a module's assessment bank (a module with a bank needs 3 per objective). */
export const BANK_ITEMS_PER_OBJECTIVE = 3;

export function checkBank(options: {
	objectives: string[];
	assessment: Question[];
	report: Report;
}) {
	if (!options.assessment.length) return;
	for (const [i, objective] of options.objectives.entries()) {
		const n = options.assessment.filter((q) => q.objective === objective).length;
		if (n < BANK_ITEMS_PER_OBJECTIVE) {
			options.report(
				`objectives[${i}]`,
				`objective "${objective}" has ${n} assessment item(s); it needs at least ${BANK_ITEMS_PER_OBJECTIVE}`,
				`add items with objective: ${objective} to this module's assessment list`
			);
		}
	}
}

/** Scenario graph: targets exist, every scene is reachable, every path ends, no loops. */
export function checkScenarioGraph(scenario: Scenario, report: Report) {
	const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
	const endings = new Set(scenario.endings.map((e) => e.id));
	const targets = new Set([...scenes.keys(), ...endings]);
	checkUnique({
		ids: [
			...scenario.scenes.map((s, i) => ({ id: s.id, path: `scenes[${i}].id` })),
			...scenario.endings.map((e, i) => ({ id: e.id, path: `endings[${i}].id` }))
		],
		what: 'scene or ending',
		report
	});
	checkUnique({
		ids: scenario.scenes.flatMap((s, i) =>
			s.choices.map((c, j) => ({ id: c.id, path: `scenes[${i}].choices[${j}].id` }))
		),
		what: 'choice',
		report
	});
	if (!scenes.has(scenario.start)) {
		report(
			'start',
			`start scene "${scenario.start}" does not exist.${didYouMean(scenario.start, scenes.keys())}`,
			'name a scene listed under scenes'
		);
		return;
	}
	let broken = false;
	scenario.scenes.forEach((s, i) =>
		s.choices.forEach((c, j) => {
			if (!targets.has(c.goto)) {
				broken = true;
				report(
					`scenes[${i}].choices[${j}].goto`,
					`choice "${c.id}" goes to "${c.goto}", which is neither a scene nor an ending.${didYouMean(c.goto, targets)}`,
					'point goto at a scene id or an ending id of this scenario'
				);
			}
		})
	);
	if (broken) return;
	// Depth-first walk: finds loops (a scene on the current path) and what is reachable.
	const reached = new Set<string>();
	const onPath = new Set<string>();
	const walk = (id: string): void => {
		if (onPath.has(id)) {
			report(
				`scenes`,
				`the scenario loops back to "${id}"`,
				'every choice must move forward; remove the loop'
			);
			return;
		}
		if (reached.has(id)) return;
		reached.add(id);
		const scene = scenes.get(id);
		if (!scene) return;
		onPath.add(id);
		for (const c of scene.choices) walk(c.goto);
		onPath.delete(id);
	};
	walk(scenario.start);
	for (const id of targets) {
		if (!reached.has(id)) {
			report(
				scenes.has(id) ? 'scenes' : 'endings',
				`"${id}" cannot be reached from the start scene`,
				'add a choice that leads to it, or remove it'
			);
		}
	}
}
