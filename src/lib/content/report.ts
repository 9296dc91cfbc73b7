// What the course holds, for content owners: seat time (core and optional depth), modules,
// lessons, questions per learning objective, scenarios with their endings, languages and missing keys.
import { proveScenario } from '../scenario/graph.ts';
import { maxPoints } from '../scenario/score.ts';
import type { Module } from '../course/types.ts';
import type { LoadedCourse } from './load.ts';
import { READING_WPM, SEAT_TIME_TARGET, seatTime } from './seat-time.ts';

export { READING_WPM, MINUTES_PER_ANSWER, SEAT_TIME_TARGET } from './seat-time.ts';

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
		/** Core seat time, final assessment included, from the words read (see seat-time.ts). */
		estimatedMinutes: number;
		/** Optional "Go deeper" reading, not counted in the core. */
		depthMinutes: number;
		/** The target the core seat time is held to (minutes). */
		target: { min: number; max: number };
	};
	assessment: {
		size: number;
		bank: number;
		maxAttempts: number;
		/** Reading and answering the drawn items. */
		estimatedMinutes: number;
		/** Reading the review's explanations, had every item been missed (optional). */
		reviewMinutes: number;
	};
	/** Course objectives: what assesses each (knowledge checks, bank items, scenario decisions). */
	objectives: { id: string; covers: string[]; checks: number; bank: number; decisions: number }[];
	languages: { language: string; status: string; keys: number; missing: string[] }[];
	handouts: { language: string; name: string; status: string }[];
	modules: {
		id: string;
		order: number;
		minutes: number;
		/** Core seat time of the module (lessons and scenarios) and its optional depth. */
		estimatedMinutes: number;
		depthMinutes: number;
		lessons: {
			id: string;
			minutes: number;
			estimatedMinutes: number;
			depthMinutes: number;
			blocks: number;
			/** Blocks marked `depth: more`. */
			depthBlocks: number;
			questions: number;
			sources: number;
		}[];
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
	const time = seatTime(loaded);
	const assessedBy = (m: Module, o: string) => ({
		checks: m.questions.filter((q) => q.objective === o).length,
		bank: m.assessment.filter((q) => q.objective === o).length,
		decisions: m.scenarios.filter((s) => s.objective === o).reduce((n, s) => n + s.scenes.length, 0)
	});
	const bank = course.modules.reduce((n, m) => n + m.assessment.length, 0);
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
			estimatedMinutes: Math.round(time.course.core),
			depthMinutes: Math.round(time.course.depth),
			target: { ...SEAT_TIME_TARGET }
		},
		assessment: {
			size: course.assessmentSize,
			bank,
			maxAttempts: course.maxAttempts,
			estimatedMinutes: Math.round(time.assessment.core),
			reviewMinutes: Math.round(time.assessment.depth)
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
			estimatedMinutes: Math.round(time.modules[m.id]!.core),
			depthMinutes: Math.round(time.modules[m.id]!.depth),
			assessedBy: Object.fromEntries(m.objectives.map((o) => [o, assessedBy(m, o)])),
			kinds: [...m.questions, ...m.assessment].reduce<Record<string, number>>(
				(k, q) => ({ ...k, [q.kind]: (k[q.kind] ?? 0) + 1 }),
				{}
			),
			lessons: m.lessons.map((l) => ({
				id: l.id,
				minutes: l.minutes,
				estimatedMinutes: Math.round(time.modules[m.id]!.lessons[l.id]!.core),
				depthMinutes: Math.round(time.modules[m.id]!.lessons[l.id]!.depth),
				blocks: l.blocks.length,
				depthBlocks: l.blocks.filter((b) => b.depth).length,
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

/** The report as text for a terminal. */
export function formatContentReport(r: ContentReport): string {
	const out: string[] = [];
	out.push(
		`Course ${r.course.id} ${r.course.version} (track ${r.course.track}, profile ${r.course.profile}): pass mark ${r.course.passMark * 100}%, facts as of ${r.course.factsAsOf}`
	);
	const { min, max } = r.course.target;
	const off =
		r.course.estimatedMinutes > max
			? `  ← ${r.course.estimatedMinutes - max} min over the ${min}–${max} min target`
			: r.course.estimatedMinutes < min
				? `  ← ${min - r.course.estimatedMinutes} min under the ${min}–${max} min target`
				: ` (target ${min}–${max} min)`;
	out.push(
		`Seat time: about ${r.course.estimatedMinutes} min core incl. the assessment, plus ${r.course.depthMinutes} min optional depth ("Go deeper"), from the words read (${READING_WPM} words a minute)${off}`
	);
	out.push(`  ${r.course.minutes} min as authored (module minutes, shown on the home page)`);
	out.push(
		`Final assessment: ${r.assessment.size} items drawn from a bank of ${r.assessment.bank}, up to ${r.assessment.maxAttempts} attempts, about ${r.assessment.estimatedMinutes} min (the review of missed items adds up to ${r.assessment.reviewMinutes} min)`
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
			`Module ${m.order} ${m.id}: ${m.minutes} min as authored; about ${m.estimatedMinutes} min core estimated, plus ${m.depthMinutes} min optional depth`
		);
		out.push(
			`  question kinds (checks and bank): ${Object.entries(m.kinds)
				.map(([k, n]) => `${k} ${n}`)
				.join(', ')}`
		);
		for (const l of m.lessons) {
			out.push(
				`  lesson ${l.id}: ${l.minutes} min as authored; about ${l.estimatedMinutes} min core, plus ${l.depthMinutes} min depth; ${l.blocks} blocks (${l.depthBlocks} depth), ${l.questions} knowledge checks, ${l.sources} sources`
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
