// Seat time: what a learner reads and answers on one pass through a track, estimated from the
// words of the default language. Core (what every learner must read and answer) and optional depth
// ("Go deeper" blocks, the review of missed assessment items) are counted apart.
import { proveScenario } from '../scenario/graph.ts';
import type { Lesson, Module } from '../course/types.ts';
import type { LoadedCourse } from './load.ts';

/** Reading speed for the estimate (words per minute), and time per answer or decision. */
export const READING_WPM = 200;
export const MINUTES_PER_ANSWER = 0.25;
/** The target for a track's core seat time, final assessment included (minutes). */
export const SEAT_TIME_TARGET = { min: 60, max: 90 } as const;

/** Minutes (unrounded): `core` every learner reads and answers, `depth` optional reading. */
export interface Minutes {
	core: number;
	depth: number;
}

export interface SeatTime {
	/** The track: `core` every module's core and the assessment's; `depth` every "Go deeper" block. */
	course: Minutes;
	/** `core`: reading and answering the drawn items; `depth`: the review, had every item been missed. */
	assessment: Minutes;
	modules: Record<
		string,
		Minutes & { lessons: Record<string, Minutes>; scenarios: Record<string, number> }
	>;
}

/** Words under a key of a namespace's text in the default language (rich text flattened). */
export type WordCounter = (ns: string, key: string) => number;

/** Count words under text keys of the loaded course's default language. */
export function wordCounter(loaded: LoadedCourse): WordCounter {
	const { course, resources } = loaded;
	const count = (value: unknown): number =>
		typeof value === 'string'
			? value.split(/\s+/).filter(Boolean).length
			: Array.isArray(value)
				? value.reduce((n: number, v) => n + count(v), 0)
				: value && typeof value === 'object'
					? Object.values(value).reduce((n: number, v) => n + count(v), 0)
					: 0;
	return (ns, key) => {
		let node: unknown = resources[course.defaultLanguage]?.[ns];
		for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
		return count(node);
	};
}

const read = (words: number) => words / READING_WPM;

/**
 * One lesson: its title, core blocks and knowledge checks (prompt, options, the explanation shown
 * after answering, and MINUTES_PER_ANSWER each) are core; `depth: more` blocks are optional.
 */
export function lessonMinutes(m: Module, lesson: Lesson, words: WordCounter): Minutes {
	let core = read(words(m.id, `lessons.${lesson.id}.title`));
	let depth = 0;
	for (const b of lesson.blocks) {
		if (b.type === 'question') core += read(words(m.id, `questions.${b.id}`)) + MINUTES_PER_ANSWER;
		else if (b.depth) depth += read(words(m.id, `lessons.${lesson.id}.${b.id}`));
		else core += read(words(m.id, `lessons.${lesson.id}.${b.id}`));
	}
	return { core, depth };
}

/**
 * One scenario along its best path: the intro, each scene with every choice's label (the learner
 * reads them all to decide), the chosen choice's consequence and the debrief's rationale, and the
 * ending, plus MINUTES_PER_ANSWER per decision. All core.
 */
export function scenarioMinutes(m: Module, s: Module['scenarios'][number], words: WordCounter) {
	const k = `scenarios.${s.id}`;
	const best = proveScenario(s).paths.reduce((a, b) => (b.points > a.points ? b : a));
	let total = read(words(m.id, `${k}.intro`) + words(m.id, `${k}.endings.${best.ending}`));
	let scene = s.start;
	for (const choice of best.choices) {
		const here = s.scenes.find((x) => x.id === scene)!;
		const c = `${k}.scenes.${scene}.choices`;
		const labels = here.choices.reduce((n, x) => n + words(m.id, `${c}.${x.id}.label`), 0);
		const chosen = words(m.id, `${c}.${choice}`) - words(m.id, `${c}.${choice}.label`);
		total += read(words(m.id, `${k}.scenes.${scene}.body`) + labels + chosen) + MINUTES_PER_ANSWER;
		scene = here.choices.find((x) => x.id === choice)!.goto;
	}
	return total;
}

/** Seat time of the loaded track: per lesson, scenario, module, the assessment and the course. */
export function seatTime(loaded: LoadedCourse): SeatTime {
	const { course } = loaded;
	const words = wordCounter(loaded);
	const modules: SeatTime['modules'] = {};
	for (const m of course.modules) {
		const lessons = Object.fromEntries(m.lessons.map((l) => [l.id, lessonMinutes(m, l, words)]));
		const scenarios = Object.fromEntries(
			m.scenarios.map((s) => [s.id, scenarioMinutes(m, s, words)])
		);
		const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
		modules[m.id] = {
			core: sum(Object.values(lessons).map((l) => l.core)) + sum(Object.values(scenarios)),
			depth: sum(Object.values(lessons).map((l) => l.depth)),
			lessons,
			scenarios
		};
	}
	// An attempt reads and answers `assessmentSize` items of average length. Explanations show
	// only in the review of missed items after submitting: optional reading, not core.
	const bank = course.modules.flatMap((m) => m.assessment.map((q) => ({ m, q })));
	const average = (f: (m: Module, id: string) => number) =>
		bank.length ? bank.reduce((n, { m, q }) => n + f(m, q.id), 0) / bank.length : 0;
	const explanation = average((m, id) => words(m.id, `assessment.${id}.explanation`));
	const item = average((m, id) => words(m.id, `assessment.${id}`)) - explanation;
	const size = bank.length ? course.assessmentSize : 0;
	const assessment = {
		core: size * (read(item) + MINUTES_PER_ANSWER),
		depth: size * read(explanation)
	};
	const all = Object.values(modules);
	return {
		course: {
			core: all.reduce((n, m) => n + m.core, 0) + assessment.core,
			depth: all.reduce((n, m) => n + m.depth, 0)
		},
		assessment,
		modules
	};
}
