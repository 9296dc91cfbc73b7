// What the course holds, for content owners: modules, lessons, questions per learning objective,
// scenarios with their endings, languages and missing keys.
import { proveScenario } from '../scenario/graph.ts';
import { maxPoints } from '../scenario/score.ts';
import type { LoadedCourse } from './load.ts';

export interface ContentReport {
	valid: true;
	course: { id: string; version: string; passMark: number; factsAsOf: string; minutes: number };
	languages: { language: string; keys: number; missing: string[] }[];
	modules: {
		id: string;
		order: number;
		minutes: number;
		lessons: { id: string; minutes: number; blocks: number; questions: number; sources: number }[];
		questionsPerObjective: Record<string, number>;
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
	return {
		valid: true,
		course: {
			id: course.id,
			version: course.version,
			passMark: course.passMark,
			factsAsOf: course.factsAsOf,
			minutes: course.modules.reduce((n, m) => n + m.minutes, 0)
		},
		languages: course.languages.map((language) => ({
			language,
			keys: text.keys[language] ?? 0,
			missing: text.missing[language] ?? []
		})),
		modules: course.modules.map((m) => ({
			id: m.id,
			order: m.order,
			minutes: m.minutes,
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

/** The report as text for a terminal. */
export function formatContentReport(r: ContentReport): string {
	const out: string[] = [];
	out.push(
		`Course ${r.course.id} ${r.course.version}: pass mark ${r.course.passMark * 100}%, about ${r.course.minutes} minutes, facts as of ${r.course.factsAsOf}`
	);
	out.push(`Sources: ${r.sources} · Facts: ${r.facts}`);
	out.push('Languages:');
	for (const l of r.languages) {
		out.push(
			`  ${l.language}: ${l.keys} text keys, ${l.missing.length ? `MISSING ${l.missing.join(', ')}` : 'none missing'}`
		);
	}
	for (const m of r.modules) {
		out.push('', `Module ${m.order} ${m.id} (about ${m.minutes} min)`);
		for (const l of m.lessons) {
			out.push(
				`  lesson ${l.id}: ${l.minutes} min, ${l.blocks} blocks, ${l.questions} knowledge checks, ${l.sources} sources`
			);
		}
		out.push('  questions per learning objective:');
		for (const [o, n] of Object.entries(m.questionsPerObjective))
			out.push(`    ${o}: ${n}${n ? '' : '  ← no question checks this objective'}`);
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
