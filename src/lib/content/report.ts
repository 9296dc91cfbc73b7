// What the course holds, for content owners: modules, lessons, questions per learning objective,
// scenarios with their endings, languages and missing keys.
import { proveScenario } from '../scenario/graph.ts';
import { maxPoints } from '../scenario/score.ts';
import type { Module } from '../course/types.ts';
import type { LoadedCourse } from './load.ts';

/** Reading speed for the seat-time estimate (words per minute), and time per answer or decision. */
export const READING_WPM = 200;
export const MINUTES_PER_ANSWER = 0.25;

export interface ContentReport {
	valid: true;
	course: {
		id: string;
		version: string;
		track: string;
		profile: string;
		passMark: number;
		factsAsOf: string;
		/** Sum of the authored minutes of the modules. */
		minutes: number;
		/** Estimated from the words a learner reads on one pass (see estimateMinutes). */
		estimatedMinutes: number;
	};
	assessment: { size: number; bank: number; maxAttempts: number; estimatedMinutes: number };
	/** Course objectives: what assesses each (knowledge checks, bank items, scenario decisions). */
	objectives: { id: string; covers: string[]; checks: number; bank: number; decisions: number }[];
	languages: { language: string; status: string; keys: number; missing: string[] }[];
	handouts: { language: string; name: string; status: string }[];
	modules: {
		id: string;
		order: number;
		minutes: number;
		estimatedMinutes: number;
		lessons: { id: string; minutes: number; blocks: number; questions: number; sources: number }[];
		questionsPerObjective: Record<string, number>;
		/** objective → knowledge checks, bank items and scenario decisions that assess it. */
		assessedBy: Record<string, { checks: number; bank: number; decisions: number }>;
		kinds: Record<string, number>;
		scenarios: {
			id: string;
			objective: string;
			decisions: number;
			paths: number;
			maxPoints: number;
			endings: { id: string; outcome: string; paths: number }[];
		}[];
	}[];
	sources: number;
	facts: number;
}

/** Build the report from a loaded course. */
export function contentReport(loaded: LoadedCourse): ContentReport {
	const { course, text } = loaded;
	const words = wordCounter(loaded);
	const assessedBy = (m: Module, o: string) => ({
		checks: m.questions.filter((q) => q.objective === o).length,
		bank: m.assessment.filter((q) => q.objective === o).length,
		decisions: m.scenarios.filter((s) => s.objective === o).reduce((n, s) => n + s.scenes.length, 0)
	});
	const moduleMinutes = new Map(course.modules.map((m) => [m.id, estimateMinutes(m, words)]));
	const bank = course.modules.flatMap((m) => m.assessment.map((q) => ({ m, q })));
	const itemWords = bank.length
		? bank.reduce((n, { m, q }) => n + words(m.id, `assessment.${q.id}`), 0) / bank.length
		: 0;
	const assessmentMinutes = bank.length
		? Math.round(course.assessmentSize * (itemWords / READING_WPM + MINUTES_PER_ANSWER))
		: 0;
	const all = [...moduleMinutes.values()].reduce((a, b) => a + b, 0) + assessmentMinutes;
	return {
		valid: true,
		course: {
			id: course.id,
			version: course.version,
			track: course.track,
			profile: course.profile,
			passMark: course.passMark,
			factsAsOf: course.factsAsOf,
			minutes: course.modules.reduce((n, m) => n + m.minutes, 0),
			estimatedMinutes: all
		},
		assessment: {
			size: course.assessmentSize,
			bank: bank.length,
			maxAttempts: course.maxAttempts,
			estimatedMinutes: assessmentMinutes
		},
		objectives: course.objectives.map((o) => {
			const parts = course.modules.flatMap((m) =>
				m.objectives.filter((x) => o.covers.includes(x)).map((x) => assessedBy(m, x))
			);
			const sum = (k: 'checks' | 'bank' | 'decisions') => parts.reduce((n, p) => n + p[k], 0);
			return {
				id: o.id,
				covers: o.covers,
				checks: sum('checks'),
				bank: sum('bank'),
				decisions: sum('decisions')
			};
		}),
		handouts: course.handouts.map((h) => ({
			language: h.language,
			name: h.name,
			status: h.status
		})),
		languages: course.languages.map((language) => ({
			language,
			status: course.translations[language] ?? 'draft',
			keys: text.keys[language] ?? 0,
			missing: text.missing[language] ?? []
		})),
		modules: course.modules.map((m) => ({
			id: m.id,
			order: m.order,
			minutes: m.minutes,
			estimatedMinutes: moduleMinutes.get(m.id)!,
			assessedBy: Object.fromEntries(m.objectives.map((o) => [o, assessedBy(m, o)])),
			kinds: [...m.questions, ...m.assessment].reduce<Record<string, number>>(
				(k, q) => ({ ...k, [q.kind]: (k[q.kind] ?? 0) + 1 }),
				{}
			),
			lessons: m.lessons.map((l) => ({
				id: l.id,
				minutes: l.minutes,
				blocks: l.blocks.length,
				questions: l.blocks.filter((b) => b.type === 'question').length,
				sources: l.sources.length
			})),
			questionsPerObjective: Object.fromEntries(
				m.objectives.map((o) => [o, m.questions.filter((q) => q.objective === o).length])
			),
			scenarios: m.scenarios.map((s) => {
				const proof = proveScenario(s);
				return {
					id: s.id,
					objective: s.objective,
					decisions: s.scenes.length,
					paths: proof.paths.length,
					maxPoints: maxPoints(s),
					endings: s.endings.map((e) => ({
						id: e.id,
						outcome: e.outcome,
						paths: proof.paths.filter((p) => p.ending === e.id).length
					}))
				};
			})
		})),
		sources: Object.keys(course.sources).length,
		facts: Object.keys(course.facts).length
	};
}

/** Words under a key of a module's text in the default language (rich text flattened). */
function wordCounter(loaded: LoadedCourse) {
	const { course, resources } = loaded;
	return (ns: string, key: string): number => {
		let node: unknown = resources[course.defaultLanguage]?.[ns];
		for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
		const count = (value: unknown): number =>
			typeof value === 'string'
				? value.split(/\s+/).filter(Boolean).length
				: Array.isArray(value)
					? value.reduce((n: number, v) => n + count(v), 0)
					: value && typeof value === 'object'
						? Object.values(value).reduce((n: number, v) => n + count(v), 0)
						: 0;
		return count(node);
	};
}

/**
 * Seat time of one pass through a module: its lesson and knowledge-check text, and each scenario
 * along its best path (intro, each scene, the choice's consequence and the debrief rationale,
 * the ending), read at READING_WPM, plus MINUTES_PER_ANSWER for every answer and decision.
 */
export function estimateMinutes(m: Module, words: ReturnType<typeof wordCounter>): number {
	let total = words(m.id, 'lessons') + words(m.id, 'questions');
	let actions = m.questions.length;
	for (const s of m.scenarios) {
		const k = `scenarios.${s.id}`;
		const best = proveScenario(s).paths.reduce((a, b) => (b.points > a.points ? b : a));
		total += words(m.id, `${k}.intro`) + words(m.id, `${k}.endings.${best.ending}`);
		let scene = s.start;
		for (const choice of best.choices) {
			const c = `${k}.scenes.${scene}.choices.${choice}`;
			total += words(m.id, `${k}.scenes.${scene}.body`) + words(m.id, c);
			scene = s.scenes.find((x) => x.id === scene)!.choices.find((x) => x.id === choice)!.goto;
			actions++;
		}
	}
	return Math.round(total / READING_WPM + actions * MINUTES_PER_ANSWER);
}

/** The report as text for a terminal. */
export function formatContentReport(r: ContentReport): string {
	const out: string[] = [];
	out.push(
		`Course ${r.course.id} ${r.course.version} (track ${r.course.track}, profile ${r.course.profile}): pass mark ${r.course.passMark * 100}%, facts as of ${r.course.factsAsOf}`
	);
	out.push(
		`Seat time: ${r.course.minutes} min as authored (modules); about ${r.course.estimatedMinutes} min estimated from the words read (${READING_WPM} words a minute) incl. the assessment`
	);
	out.push(
		`Final assessment: ${r.assessment.size} items drawn from a bank of ${r.assessment.bank}, up to ${r.assessment.maxAttempts} attempts, about ${r.assessment.estimatedMinutes} min`
	);
	out.push(
		'Course objectives (knowledge checks · bank items · scenario decisions that assess each):'
	);
	for (const o of r.objectives) {
		const few = o.checks + o.bank + o.decisions < 3 ? '  ← fewer than 3 items' : '';
		out.push(`  ${o.id} (${o.covers.join(', ')}): ${o.checks} · ${o.bank} · ${o.decisions}${few}`);
	}
	out.push(`Sources: ${r.sources} · Facts: ${r.facts}`);
	out.push('Languages:');
	for (const l of r.languages) {
		out.push(
			`  ${l.language} (${l.status}): ${l.keys} text keys, ${l.missing.length ? `MISSING ${l.missing.join(', ')}` : 'none missing'}`
		);
	}
	out.push(
		`Victim handouts: ${r.handouts.map((h) => `${h.language} ${h.name} (${h.status})`).join(', ')}`
	);
	for (const m of r.modules) {
		out.push(
			'',
			`Module ${m.order} ${m.id} (about ${m.minutes} min as authored, ${m.estimatedMinutes} min estimated)`
		);
		out.push(
			`  question kinds (checks and bank): ${Object.entries(m.kinds)
				.map(([k, n]) => `${k} ${n}`)
				.join(', ')}`
		);
		for (const l of m.lessons) {
			out.push(
				`  lesson ${l.id}: ${l.minutes} min, ${l.blocks} blocks, ${l.questions} knowledge checks, ${l.sources} sources`
			);
		}
		out.push('  per learning objective (knowledge checks · bank items · scenario decisions):');
		for (const [o, a] of Object.entries(m.assessedBy)) {
			const note = a.bank < 3 ? '  ← fewer than 3 bank items' : '';
			out.push(`    ${o}: ${a.checks} · ${a.bank} · ${a.decisions}${note}`);
		}
		for (const s of m.scenarios) {
			out.push(
				`  scenario ${s.id} (${s.objective}): ${s.decisions} decision points, ${s.paths} paths, best score ${s.maxPoints} points`
			);
			for (const e of s.endings)
				out.push(
					`    ending ${e.id} [${e.outcome}]: reached by ${e.paths} path${e.paths === 1 ? '' : 's'}`
				);
		}
	}
	return out.join('\n');
}
