// The saved state (suspend_data): compact, versioned, keyed by stable ids. SCORM 1.2 keeps only
// 4096 characters, so the format is positional text rather than JSON (see codec.test.ts).
//
//   P1~<language>~<location>~<module>|<module>...
//   module = <id>!<lesson>.<lesson>!<attempt>!<question>=<options>,...!<scenario>=<choice>.<choice>,...
//            !<scenario done>.<scenario done>
import type { Course } from './types.ts';
import { emptyState, type LearnerState, type ModuleProgress } from './progress.ts';

export const CODEC_VERSION = 'P1';

/** Encode the learner state for suspend_data. */
export function encodeState(state: LearnerState): string {
	const modules = Object.entries(state.modules).map(([id, m]) =>
		[
			id,
			m.lessonsDone.join('.'),
			String(m.attempt),
			Object.entries(m.answers)
				.map(([q, opts]) => `${q}=${opts.join('')}`)
				.join(','),
			Object.entries(m.scenarios)
				.map(([s, path]) => `${s}=${path.join('.')}`)
				.join(','),
			m.scenariosDone.join('.')
		].join('!')
	);
	return [CODEC_VERSION, state.language, state.location, modules.join('|')].join('~');
}

export interface DecodeResult {
	state: LearnerState;
	/** 'ok'; 'empty' when nothing was saved; 'foreign' when the data is not ours or unreadable. */
	status: 'ok' | 'empty' | 'foreign';
	/** Saved ids the current content no longer has (progress on them is dropped, the rest kept). */
	dropped: string[];
}

/** Decode suspend_data against the current content; never throws, never invents progress. */
export function decodeState(options: {
	data: string;
	course: Course;
	fallbackLanguage: string;
}): DecodeResult {
	const { data, course } = options;
	const fresh = emptyState({ language: options.fallbackLanguage });
	if (!data) return { state: fresh, status: 'empty', dropped: [] };
	const [version, language, location, modules] = data.split('~');
	if (version !== CODEC_VERSION || modules === undefined) {
		return { state: fresh, status: 'foreign', dropped: [] };
	}
	const dropped: string[] = [];
	const state: LearnerState = {
		language: course.languages.includes(language ?? '') ? language! : options.fallbackLanguage,
		location: location ?? '',
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
	return { state, status: 'ok', dropped };
}

function split(text: string | undefined, separator: string): string[] {
	return text ? text.split(separator).filter(Boolean) : [];
}
