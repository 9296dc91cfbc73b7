// Reading progress saved by earlier versions of the course (P1, and P2 with its stamp and check),
// which stored ids rather than positions. Progress on ids the content no longer has is dropped and
// the rest kept. New saves are always P3 (codec.ts).
//
//   P2~<revision>~<saved at>~<language>~<location>~<module>|<module>...~<check>
//   P1~<language>~<location>~<module>|<module>...
//   module = <id>!<lesson>.<lesson>!<attempt>!<question>=<options>,...!<scenario>=<choice>.<choice>,...
//            !<scenario done>.<scenario done>
import { NO_STAMP, check, type DecodeResult, type SaveStamp } from './codec.ts';
import type { LearnerState, ModuleProgress } from './progress.ts';
import type { Course } from './types.ts';

/** Read data saved by P2 or P1; undefined when it is neither (or fails its check). */
export function readLegacy(options: {
	data: string;
	course: Course;
	fallbackLanguage: string;
}): DecodeResult | undefined {
	const { data, course } = options;
	const fields = readFields(data);
	if (!fields) return undefined;
	const { language, location, modules, stamp } = fields;
	const dropped: string[] = [];
	const state: LearnerState = {
		language: course.languages.includes(language) ? language : options.fallbackLanguage,
		location,
		modules: {}
	};
	for (const chunk of modules ? modules.split('|') : []) {
		const [id, lessons, attempt, answers, scenarios, scenariosDone] = chunk.split('!');
		const module = course.modules.find((m) => m.id === id);
		if (!module) {
			dropped.push(`module ${id}`);
			continue;
		}
		/** Whether a saved item still exists; records it as dropped when not. */
		const keep = (what: string, ok: boolean, value: string | undefined): boolean =>
			ok || (dropped.push(`${what} ${id}/${value}`), false);
		const progress: ModuleProgress = {
			lessonsDone: split(lessons, '.').filter((l) =>
				keep(
					'lesson',
					module.lessons.some((x) => x.id === l),
					l
				)
			),
			attempt: Math.min(Math.max(Number(attempt) || 1, 1), course.maxAttempts),
			answers: {},
			scenarios: {},
			scenariosDone: split(scenariosDone, '.').filter((s) =>
				keep(
					'scenario',
					module.scenarios.some((x) => x.id === s),
					s
				)
			)
		};
		for (const entry of split(answers, ',')) {
			const [q, opts = ''] = entry.split('=');
			const question = module.questions.find((x) => x.id === q);
			const selected = [...opts];
			const valid =
				!!question &&
				selected.length > 0 &&
				selected.every((o) => question.options.some((x) => x.id === o));
			if (keep('answer', valid, q)) progress.answers[q!] = selected;
		}
		for (const entry of split(scenarios, ',')) {
			const [s, path = ''] = entry.split('=');
			if (
				keep(
					'scenario',
					module.scenarios.some((x) => x.id === s),
					s
				)
			) {
				progress.scenarios[s!] = split(path, '.');
			}
		}
		state.modules[module.id] = progress;
	}
	return { state, status: 'ok', dropped, stamp };
}

interface Fields {
	language: string;
	location: string;
	modules: string;
	stamp: SaveStamp;
}

/** The top-level fields of a P2 or P1 string; null when it is neither, or fails its check. */
function readFields(data: string): Fields | null {
	const parts = data.split('~');
	if (parts[0] === 'P1' && parts.length >= 4) {
		const [, language = '', location = '', modules = ''] = parts;
		return { language, location, modules, stamp: NO_STAMP };
	}
	if (parts[0] !== 'P2' || parts.length !== 7) return null;
	const [, revision = '', savedAt = '', language = '', location = '', modules = '', sum] = parts;
	if (sum !== check(data.slice(0, data.lastIndexOf('~')))) return null;
	if (!/^[0-9a-z]+$/.test(revision) || !/^[0-9a-z]+$/.test(savedAt)) return null;
	const stamp = { revision: parseInt(revision, 36), savedAt: parseInt(savedAt, 36) * 1000 };
	return { language, location, modules, stamp };
}

function split(text: string | undefined, separator: string): string[] {
	return text ? text.split(separator).filter(Boolean) : [];
}
