// The saved state (suspend_data): compact, versioned, keyed by stable ids. SCORM 1.2 keeps only
// 4096 characters, so the format is positional text rather than JSON (see codec.test.ts).
//
//   P2~<revision>~<saved at>~<language>~<location>~<module>|<module>...~<check>
//   module = <id>!<lesson>.<lesson>!<attempt>!<question>=<options>,...!<scenario>=<choice>.<choice>,...
//            !<scenario done>.<scenario done>
//
// The revision counts changes and <saved at> is in seconds (both base 36): together they tell
// which of two copies of a learner's progress is newer (restore.ts). <check> is a hash of the rest,
// so data an LMS truncated or mangled is recognised as unreadable instead of half-restored.
// P1 (the same without revision, time and check) is still read.
import type { Course } from './types.ts';
import { emptyState, type LearnerState, type ModuleProgress } from './progress.ts';

export const CODEC_VERSION = 'P2';

/** When a saved state was written: a change count and a wall-clock time (ms, kept to seconds). */
export interface SaveStamp {
	revision: number;
	savedAt: number;
}

/** The stamp of data that has none (empty, unreadable or saved by version P1). */
export const NO_STAMP: SaveStamp = { revision: 0, savedAt: 0 };

/** Encode the learner state and its stamp for suspend_data. */
export function encodeState(options: { state: LearnerState; stamp?: SaveStamp }): string {
	const { state, stamp = NO_STAMP } = options;
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
	const body = [
		CODEC_VERSION,
		Math.max(0, Math.floor(stamp.revision)).toString(36),
		Math.max(0, Math.floor(stamp.savedAt / 1000)).toString(36),
		state.language,
		state.location,
		modules.join('|')
	].join('~');
	return `${body}~${check(body)}`;
}

export interface DecodeResult {
	state: LearnerState;
	/** 'ok'; 'empty' when nothing was saved; 'foreign' when the data is not ours or unreadable. */
	status: 'ok' | 'empty' | 'foreign';
	/** Saved ids the current content no longer has (progress on them is dropped, the rest kept). */
	dropped: string[];
	/** NO_STAMP unless the data is readable and carries one. */
	stamp: SaveStamp;
}

/** Decode suspend_data against the current content; never throws, never invents progress. */
export function decodeState(options: {
	data: string;
	course: Course;
	fallbackLanguage: string;
}): DecodeResult {
	const { data, course } = options;
	const fresh = emptyState({ language: options.fallbackLanguage });
	const unreadable: DecodeResult = {
		state: fresh,
		status: 'foreign',
		dropped: [],
		stamp: NO_STAMP
	};
	if (!data) return { ...unreadable, status: 'empty' };
	const fields = readFields(data);
	if (!fields) return unreadable;
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
	if (parts[0] !== CODEC_VERSION || parts.length !== 7) return null;
	const [, revision = '', savedAt = '', language = '', location = '', modules = '', sum] = parts;
	if (sum !== check(data.slice(0, data.lastIndexOf('~')))) return null;
	if (!/^[0-9a-z]+$/.test(revision) || !/^[0-9a-z]+$/.test(savedAt)) return null;
	const stamp = { revision: parseInt(revision, 36), savedAt: parseInt(savedAt, 36) * 1000 };
	return { language, location, modules, stamp };
}

/** FNV-1a (32 bit) in base 36: enough to notice truncation or mangling, not a security measure. */
function check(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}

function split(text: string | undefined, separator: string): string[] {
	return text ? text.split(separator).filter(Boolean) : [];
}
