// The seat-time estimate (core and optional depth apart), and the figures it holds the real
// content to: each track's core seat time, and the minutes the course shows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block } from '../course/types.ts';
import { loadCourseContent } from './load.ts';
import {
	MINUTES_PER_ANSWER,
	READING_WPM,
	SEAT_TIME_TARGET,
	lessonMinutes,
	seatTime,
	wordCounter
} from './seat-time.ts';

const GOOD = join(import.meta.dirname, 'fixtures', 'good');

describe('seat time, core and optional depth', () => {
	const loaded = loadCourseContent({ root: GOOD });
	const words = wordCounter(loaded);
	const m = loaded.course.modules[0]!;
	const lesson = m.lessons[0]!;
	const allCore = {
		...lesson,
		blocks: lesson.blocks.map(({ depth: _, ...b }) => b as Block) // eslint-disable-line @typescript-eslint/no-unused-vars
	};

	it('counts a `depth: more` block as optional reading, not core', () => {
		const myths = words(m.id, `lessons.${lesson.id}.myths`) / READING_WPM;
		expect(myths).toBeGreaterThan(0);
		const split = lessonMinutes(m, lesson, words);
		const whole = lessonMinutes(m, allCore, words);
		expect(split.depth).toBeCloseTo(myths);
		expect(split.core).toBeCloseTo(whole.core - myths);
		expect(whole.depth).toBe(0);
	});

	it('counts knowledge checks as core: their text, explanation included, and one answer each', () => {
		const noCheck = { ...allCore, blocks: allCore.blocks.filter((b) => b.type !== 'question') };
		const check = words(m.id, 'questions.q_one') / READING_WPM + MINUTES_PER_ANSWER;
		expect(words(m.id, 'questions.q_one.explanation')).toBeGreaterThan(0);
		expect(lessonMinutes(m, allCore, words).core).toBeCloseTo(
			lessonMinutes(m, noCheck, words).core + check
		);
	});

	it('adds up modules and the assessment; the review of missed items is optional', () => {
		const time = seatTime(loaded);
		const module = time.modules[m.id]!;
		const scenarios = Object.values(module.scenarios).reduce((a, b) => a + b, 0);
		expect(scenarios).toBeGreaterThan(0);
		expect(module.core).toBeCloseTo(lessonMinutes(m, lesson, words).core + scenarios);
		expect(module.depth).toBeCloseTo(lessonMinutes(m, lesson, words).depth);
		expect(time.course.core).toBeCloseTo(module.core + time.assessment.core);
		expect(time.course.depth).toBeCloseTo(module.depth);
		// Every drawn item is read and answered; explanations show only for missed items.
		const bank = m.assessment.map((q) => q.id);
		const mean = (key: (id: string) => string) =>
			bank.reduce((n, id) => n + words(m.id, key(id)), 0) / bank.length;
		const explanation = mean((id) => `assessment.${id}.explanation`);
		const item = mean((id) => `assessment.${id}`) - explanation;
		const size = loaded.course.assessmentSize;
		expect(time.assessment.core).toBeCloseTo(size * (item / READING_WPM + MINUTES_PER_ANSWER));
		expect(time.assessment.depth).toBeCloseTo((size * explanation) / READING_WPM);
	});
});

// The shipped content, in each track: the core seat time must stay within the target,
// SEAT_TIME_TARGET (60–90 min), in the patrol track and in the campus one (docs/decisions.md,
// "Seat time within the target"). A change that adds core reading past 90 minutes fails here.
const tracks = {
	patrol: loadCourseContent({
		root: join(process.cwd(), 'modules'),
		profile: join(process.cwd(), 'profiles', 'default.yaml')
	}),
	campus: loadCourseContent({
		root: join(process.cwd(), 'modules'),
		profile: join(process.cwd(), 'profiles', 'campus.yaml')
	})
};

describe('the shipped content', () => {
	it.each(Object.keys(tracks) as (keyof typeof tracks)[])(
		'%s: the core seat time is within the target',
		(track) => {
			const core = Math.round(seatTime(tracks[track]).course.core);
			expect(core).toBeGreaterThanOrEqual(SEAT_TIME_TARGET.min);
			expect(core, `core seat time of the ${track} track`).toBeLessThanOrEqual(
				SEAT_TIME_TARGET.max
			);
		}
	);

	it('module, lesson and scenario minutes follow the core estimate (shown to learners)', () => {
		const wrong: string[] = [];
		const expectMinutes = (what: string, authored: number, estimate: number) => {
			const want = Math.max(1, Math.round(estimate));
			if (authored !== want) wrong.push(`${what}: minutes ${authored}, estimate ${want}`);
		};
		const seen = new Set<string>();
		for (const loaded of Object.values(tracks)) {
			const time = seatTime(loaded);
			for (const m of loaded.course.modules) {
				const whole = tracks.patrol.course.modules.find((x) => x.id === m.id) ?? m;
				// A module is judged in a track that keeps all of its scenarios.
				if (seen.has(m.id) || m.scenarios.length < whole.scenarios.length) continue;
				seen.add(m.id);
				const t = time.modules[m.id]!;
				expectMinutes(`${m.id} (module.yaml)`, m.minutes, t.core);
				for (const l of m.lessons)
					expectMinutes(`${m.id}.${l.id}`, l.minutes, t.lessons[l.id]!.core);
				for (const s of m.scenarios) {
					expectMinutes(`${m.id} scenario ${s.id}`, s.minutes, t.scenarios[s.id]!);
				}
			}
		}
		expect(seen.size).toBe(6);
		expect(wrong, 'update these minutes in module.yaml or the scenario file').toEqual([]);
	});

	it('a track that leaves out a scenario shows its module without that scenario’s minutes', () => {
		const full = tracks.patrol.course.modules.find((m) => m.id === 'recognize')!;
		const cut = tracks.campus.course.modules.find((m) => m.id === 'recognize')!;
		const left = full.scenarios.filter((s) => !cut.scenarios.some((x) => x.id === s.id));
		expect(left.map((s) => s.id)).toEqual(['traffic_stop']);
		expect(cut.minutes).toBe(full.minutes - left[0]!.minutes);
		const core = seatTime(tracks.campus).modules.recognize!.core;
		expect(Math.abs(cut.minutes - core)).toBeLessThanOrEqual(1);
	});
});
