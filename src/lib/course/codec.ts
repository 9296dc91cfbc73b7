// The saved state (suspend_data): compact, versioned, checked. SCORM 1.2 keeps only 4096
// characters, so P3 stores positions in the content rather than ids (see codec.test.ts):
//
//   P3~<revision>~<saved at>~<language>~<location>~<module>|<module>...~<assessment>~<check>
//   module     = <id>!<shape>!<done>!<lessons>!<attempt>!<answers>!<paths>!<scenarios done>!<showing>
//   assessment = <attempt>!<submitted>!<best>!<passed on>!<shape>!<items>!<answers>  ('' if none)
//
// <shape> is a short hash of the module's (or the assessment bank's) ids in order: when the content
// changed since the save, positions may point elsewhere, so that module starts again, except that
// a module saved as done (<done> = 1) stays done and the assessment keeps its attempts and best
// score. <lessons> and <scenarios done> are bit masks; <answers> holds one entry per question (''
// when unanswered, joined by '.'): an option bit mask for choices, item positions for an order,
// category positions for a sorting. <paths> holds, per scenario, each choice's position ('-' when not
// started). Numbers are base 36. <check> is a hash of the rest, so data an LMS truncated or mangled
// reads as unreadable instead of half-restored. P2 and P1 (ids instead of positions) are still read.
import { readLegacy } from './codec-legacy.ts';
import { assessmentBank, emptyState, type LearnerState, type ModuleProgress } from './progress.ts';
import type { Course, Module, Question } from './types.ts';

export const CODEC_VERSION = 'P3';

/** When a saved state was written: a change count and a wall-clock time (ms, kept to seconds). */
export interface SaveStamp {
	revision: number;
	savedAt: number;
}

/** The stamp of data that has none (empty, unreadable or saved by version P1). */
export const NO_STAMP: SaveStamp = { revision: 0, savedAt: 0 };

export interface DecodeResult {
	state: LearnerState;
	/** 'ok'; 'empty' when nothing was saved; 'foreign' when the data is not ours or unreadable. */
	status: 'ok' | 'empty' | 'foreign';
	/** Saved progress the current content could not take back (it starts again), for the notice. */
	dropped: string[];
	/** NO_STAMP unless the data is readable and carries one. */
	stamp: SaveStamp;
}

/** Encode the learner state and its stamp for suspend_data. */
export function encodeState(options: {
	state: LearnerState;
	course: Course;
	stamp?: SaveStamp;
}): string {
	const { state, course, stamp = NO_STAMP } = options;
	const modules = course.modules
		.filter((m) => state.modules[m.id])
		.map((m) => encodeModule(m, state.modules[m.id]!));
	const body = [
		CODEC_VERSION,
		b36(stamp.revision),
		b36(stamp.savedAt / 1000),
		state.language,
		state.location,
		modules.join('|'),
		encodeAssessment(course, state)
	].join('~');
	return `${body}~${check(body)}`;
}

/** Decode suspend_data against the current content; never throws, never invents progress. */
export function decodeState(options: {
	data: string;
	course: Course;
	fallbackLanguage: string;
}): DecodeResult {
	const { data, course, fallbackLanguage } = options;
	const unreadable: DecodeResult = {
		state: emptyState({ language: fallbackLanguage }),
		status: 'foreign',
		dropped: [],
		stamp: NO_STAMP
	};
	if (!data) return { ...unreadable, status: 'empty' };
	if (!data.startsWith(`${CODEC_VERSION}~`)) {
		return readLegacy({ data, course, fallbackLanguage }) ?? unreadable;
	}
	const parts = data.split('~');
	if (parts.length !== 8) return unreadable;
	const [, revision = '', savedAt = '', language = '', location = '', modules = '', a = '', sum] =
		parts;
	if (sum !== check(data.slice(0, data.lastIndexOf('~')))) return unreadable;
	if (!/^[0-9a-z]+$/.test(revision) || !/^[0-9a-z]+$/.test(savedAt)) return unreadable;
	const stamp = { revision: parseInt(revision, 36), savedAt: parseInt(savedAt, 36) * 1000 };
	const dropped: string[] = [];
	const state: LearnerState = {
		language: course.languages.includes(language) ? language : fallbackLanguage,
		location,
		modules: {}
	};
	for (const chunk of modules ? modules.split('|') : []) {
		const id = chunk.slice(0, chunk.indexOf('!'));
		const module = course.modules.find((m) => m.id === id);
		if (!module) {
			dropped.push(`module ${id}`);
			continue;
		}
		const progress = decodeModule(module, chunk, course.maxAttempts);
		if (!progress) return unreadable;
		if (progress.changed) dropped.push(`module ${id}`);
		state.modules[id] = progress.value;
	}
	if (a) {
		const assessment = decodeAssessment(course, a);
		if (!assessment) return unreadable;
		if (assessment.changed) dropped.push('assessment');
		if (assessment.value) state.assessment = assessment.value;
	}
	return { state, status: 'ok', dropped, stamp };
}

function encodeModule(module: Module, p: ModuleProgress): string {
	const done =
		module.lessons.every((l) => p.lessonsDone.includes(l.id)) &&
		module.scenarios.every((s) => p.scenariosDone.includes(s.id));
	return [
		module.id,
		moduleShape(module),
		done ? '1' : '0',
		mask(module.lessons.map((l) => p.lessonsDone.includes(l.id))),
		b36(p.attempt),
		module.questions.map((q) => encodeAnswer(q, p.answers[q.id])).join('.'),
		module.scenarios
			.map((s) => {
				const path = p.scenarios[s.id];
				if (!path) return '-';
				return path.map((choice) => b36(choiceIndex(s.scenes, choice))).join('');
			})
			.join('.'),
		mask(module.scenarios.map((s) => p.scenariosDone.includes(s.id))),
		mask(module.scenarios.map((s) => !!p.showing?.includes(s.id)))
	].join('!');
}

function decodeModule(
	module: Module,
	chunk: string,
	maxAttempts: number
): { value: ModuleProgress; changed: boolean } | undefined {
	const fields = chunk.split('!');
	if (fields.length !== 9) return undefined;
	const [
		,
		shape,
		done,
		lessons = '',
		attempt = '',
		answers = '',
		paths = '',
		scenariosDone = '',
		showing = ''
	] = fields;
	const fresh: ModuleProgress = {
		lessonsDone: [],
		attempt: 1,
		answers: {},
		scenarios: {},
		scenariosDone: []
	};
	if (shape !== moduleShape(module)) {
		// Positions may point elsewhere now: start the module again, but a finished one stays done.
		if (done === '1') {
			fresh.lessonsDone = module.lessons.map((l) => l.id);
			fresh.scenariosDone = module.scenarios.map((s) => s.id);
		}
		return { value: fresh, changed: true };
	}
	const lessonBits = unmask(lessons, module.lessons.length);
	const doneBits = unmask(scenariosDone, module.scenarios.length);
	const showingBits = unmask(showing, module.scenarios.length);
	if (!lessonBits || !doneBits || !showingBits) return undefined;
	const progress: ModuleProgress = {
		...fresh,
		lessonsDone: module.lessons.filter((_, i) => lessonBits[i]).map((l) => l.id),
		attempt: Math.min(Math.max(parseInt(attempt, 36) || 1, 1), maxAttempts),
		scenariosDone: module.scenarios.filter((_, i) => doneBits[i]).map((s) => s.id)
	};
	const shown = module.scenarios.filter((_, i) => showingBits[i]).map((s) => s.id);
	if (shown.length) progress.showing = shown;
	const answerList = answers === '' && !module.questions.length ? [] : answers.split('.');
	if (answerList.length !== module.questions.length) return undefined;
	for (const [i, q] of module.questions.entries()) {
		if (!answerList[i]) continue;
		const answer = decodeAnswer(q, answerList[i]!);
		if (!answer) return undefined;
		progress.answers[q.id] = answer;
	}
	const pathList = paths === '' && !module.scenarios.length ? [] : paths.split('.');
	if (pathList.length !== module.scenarios.length) return undefined;
	for (const [i, s] of module.scenarios.entries()) {
		const code = pathList[i]!;
		if (code === '-') continue;
		const path = replayPath(s.start, s.scenes, code);
		if (!path) return undefined;
		progress.scenarios[s.id] = path;
	}
	return { value: progress, changed: false };
}

function encodeAssessment(course: Course, state: LearnerState): string {
	const a = state.assessment;
	if (!a) return '';
	const bank = assessmentBank(course).map((b) => b.question);
	const items = a.items.map((id) => bank.findIndex((q) => q.id === id));
	return [
		b36(a.attempt),
		a.submitted ? '1' : '0',
		a.best === undefined ? '' : b36(Math.round(a.best * 1000)),
		a.passedOn === undefined ? '' : b36(a.passedOn / 86_400_000),
		bankShape(bank),
		items.map((i) => b36(i).padStart(2, '0')).join(''),
		items.map((i) => encodeAnswer(bank[i]!, a.answers[bank[i]!.id])).join('.')
	].join('!');
}

function decodeAssessment(
	course: Course,
	chunk: string
): { value: LearnerState['assessment']; changed: boolean } | undefined {
	const fields = chunk.split('!');
	if (fields.length !== 7) return undefined;
	const [attempt = '', submitted, best = '', passed = '', shape, items = '', answers = ''] = fields;
	const passedOn = passed === '' ? {} : { passedOn: parseInt(passed, 36) * 86_400_000 };
	const attempts = parseInt(attempt, 36);
	if (!(attempts >= 1) || !/^[01]$/.test(submitted ?? '')) return undefined;
	const bestScore = best === '' ? undefined : Math.min(parseInt(best, 36), 1000) / 1000;
	const bank = assessmentBank(course).map((b) => b.question);
	if (shape !== bankShape(bank)) {
		// The bank changed: an unfinished draw is void (it does not use up an attempt); the attempts
		// taken and the best score stay.
		const taken = submitted === '1' ? attempts : attempts - 1;
		if (!taken && bestScore === undefined) return { value: undefined, changed: true };
		const value = {
			attempt: taken,
			items: [],
			answers: {},
			submitted: true,
			best: bestScore,
			...passedOn
		};
		return { value, changed: true };
	}
	if (items.length % 2) return undefined;
	const drawn = (items.match(/../g) ?? []).map((x) => bank[parseInt(x, 36)]);
	if (drawn.some((q) => !q)) return undefined;
	const answerList = drawn.length ? answers.split('.') : [];
	if (answerList.length !== drawn.length) return undefined;
	const value = {
		attempt: Math.min(attempts, course.maxAttempts),
		items: drawn.map((q) => q!.id),
		answers: {} as Record<string, string[]>,
		submitted: submitted === '1',
		best: bestScore,
		...passedOn
	};
	for (const [i, q] of drawn.entries()) {
		if (!answerList[i]) continue;
		const answer = decodeAnswer(q!, answerList[i]!);
		if (!answer) return undefined;
		value.answers[q!.id] = answer;
	}
	return { value, changed: false };
}

/** One answer: an option bit mask, or one position character per item. '' when unanswered. */
function encodeAnswer(q: Question, answer: string[] | undefined): string {
	if (!answer) return '';
	if (q.kind === 'order') return answer.map((id) => b36(q.items.indexOf(id))).join('');
	if (q.kind === 'match') return answer.map((c) => b36(q.categories.indexOf(c))).join('');
	return b36(
		parseInt(
			q.options
				.map((o) => (answer.includes(o.id) ? '1' : '0'))
				.reverse()
				.join(''),
			2
		)
	);
}

function decodeAnswer(q: Question, code: string): string[] | undefined {
	if (q.kind === 'order' || q.kind === 'match') {
		const list = q.kind === 'order' ? q.items : q.categories;
		const out = [...code].map((c) => list[parseInt(c, 36)]);
		if (out.length !== q.items.length || out.some((x) => x === undefined)) return undefined;
		if (q.kind === 'order' && new Set(out).size !== out.length) return undefined;
		return out as string[];
	}
	const bits = parseInt(code, 36);
	if (!(bits > 0) || bits >= 2 ** q.options.length) return undefined;
	return q.options.filter((_, i) => bits & (1 << i)).map((o) => o.id);
}

function choiceIndex(scenes: Module['scenarios'][number]['scenes'], choice: string): number {
	for (const scene of scenes) {
		const i = scene.choices.findIndex((c) => c.id === choice);
		if (i >= 0) return i;
	}
	return -1;
}

/** Walk a scenario from its start, taking the choice at each saved position. */
function replayPath(
	start: string,
	scenes: Module['scenarios'][number]['scenes'],
	code: string
): string[] | undefined {
	const path: string[] = [];
	let at = start;
	for (const c of code) {
		const choice = scenes.find((s) => s.id === at)?.choices[parseInt(c, 36)];
		if (!choice) return undefined;
		path.push(choice.id);
		at = choice.goto;
	}
	return path;
}

/** A hash of every id that positions refer to, in order. */
function moduleShape(module: Module): string {
	return check(
		[
			module.lessons.map((l) => l.id).join(','),
			module.questions.map(questionShape).join(','),
			module.scenarios
				.map(
					(s) =>
						`${s.id}>${s.start}:${s.scenes.map((sc) => `${sc.id}=${sc.choices.map((c) => `${c.id}>${c.goto}`).join('/')}`).join(';')}`
				)
				.join(',')
		].join('|')
	).slice(0, 4);
}

function bankShape(bank: Question[]): string {
	return check(bank.map(questionShape).join(',')).slice(0, 4);
}

function questionShape(q: Question): string {
	return `${q.id}:${q.kind}:${q.options.map((o) => o.id).join('')}:${q.items.join('/')}:${q.categories.join('/')}`;
}

function mask(bits: boolean[]): string {
	let n = 0n;
	bits.forEach((b, i) => (n |= b ? 1n << BigInt(i) : 0n));
	return n.toString(36);
}

function unmask(code: string, length: number): boolean[] | undefined {
	if (!/^[0-9a-z]+$/.test(code)) return undefined;
	let n = 0n;
	for (const c of code) n = n * 36n + BigInt(parseInt(c, 36));
	if (n >> BigInt(length)) return undefined;
	return Array.from({ length }, (_, i) => ((n >> BigInt(i)) & 1n) === 1n);
}

function b36(n: number): string {
	return Math.max(0, Math.floor(n)).toString(36);
}

/** FNV-1a (32 bit) in base 36: enough to notice truncation or mangling, not a security measure. */
export function check(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}
