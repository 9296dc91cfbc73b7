import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseContent } from '../content/load.ts';
import { NO_STAMP, decodeState, encodeState } from './codec.ts';
import { emptyState, type LearnerState } from './progress.ts';
import type { Course } from './types.ts';
import { WORST_STAMP, worstCaseState } from './budget.ts';

const fixture = loadCourseContent({
	root: join(import.meta.dirname, '..', 'content', 'fixtures', 'good')
}).course;
const real = loadCourseContent({ root: join(process.cwd(), 'modules') }).course;

const sample: LearnerState = {
	language: 'en',
	location: 'm/basics/l/first',
	modules: {
		basics: {
			lessonsDone: ['first'],
			attempt: 2,
			answers: { q_one: ['a'] },
			scenarios: { stop: ['good', 'good2'] },
			scenariosDone: ['stop']
		}
	}
};
const withAssessment: LearnerState = {
	...sample,
	modules: {
		basics: { ...sample.modules.basics!, scenarios: { stop: ['good'] }, showing: ['stop'] }
	},
	assessment: {
		attempt: 2,
		items: ['a_match', 'a_tf', 'a_order'],
		answers: { a_match: ['blue', 'blue', 'red'], a_order: ['third', 'first', 'second'] },
		submitted: false,
		best: 0.667,
		passedOn: Date.UTC(2026, 10, 24)
	}
};
/** The good fixture with its content changed: a lesson added, an assessment item added. */
function changed(): Course {
	const c = structuredClone(fixture);
	const m = c.modules[0]!;
	m.lessons.unshift({ ...m.lessons[0]!, id: 'zeroth' });
	m.assessment.push({ ...m.assessment[0]!, id: 'a_new' });
	return c;
}

describe('progress codec', () => {
	it('round-trips a state and its stamp exactly (time kept to the second)', () => {
		const stamp = { revision: 41, savedAt: Date.UTC(2026, 10, 25, 12, 0, 7) };
		const data = encodeState({ state: sample, course: fixture, stamp });
		expect(data).toMatch(/^P3~15~/);
		const decoded = decodeState({ data, course: fixture, fallbackLanguage: 'en' });
		expect(decoded).toEqual({ state: sample, status: 'ok', dropped: [], stamp });
		const full = encodeState({ state: withAssessment, course: fixture, stamp });
		expect(decodeState({ data: full, course: fixture, fallbackLanguage: 'en' }).state).toEqual(
			withAssessment
		);
		const unstamped = encodeState({ state: sample, course: fixture });
		expect(decodeState({ data: unstamped, course: fixture, fallbackLanguage: 'en' })).toEqual({
			state: sample,
			status: 'ok',
			dropped: [],
			stamp: NO_STAMP
		});
	});

	it('still reads data saved by version P2 (the previous release), with its stamp', () => {
		// Exactly what the P2 encoder wrote for `sample` at revision 41.
		const data =
			'P2~15~tp2407~en~m/basics/l/first~basics!first!2!q_one=a!stop=good.good2!stop~17vnmiz';
		const decoded = decodeState({ data, course: fixture, fallbackLanguage: 'en' });
		expect(decoded.state).toEqual(sample);
		expect(decoded.status).toBe('ok');
		expect(decoded.stamp.revision).toBe(41);
	});

	it('starts a changed module again but keeps it done, and keeps assessment attempts and best', () => {
		const done: LearnerState = {
			...withAssessment,
			modules: { basics: { ...sample.modules.basics!, lessonsDone: ['first'] } },
			assessment: { ...withAssessment.assessment!, submitted: true }
		};
		const data = encodeState({ state: done, course: fixture });
		const r = decodeState({ data, course: changed(), fallbackLanguage: 'en' });
		expect(r.status).toBe('ok');
		expect(r.dropped).toEqual(['module basics', 'assessment']);
		expect(r.state.modules.basics).toEqual({
			lessonsDone: ['zeroth', 'first'],
			attempt: 1,
			answers: {},
			scenarios: {},
			scenariosDone: ['stop']
		});
		expect(r.state.assessment).toEqual({
			attempt: 2,
			items: [],
			answers: {},
			submitted: true,
			best: 0.667,
			passedOn: Date.UTC(2026, 10, 24)
		});
		// An unfinished module starts again from nothing; an unfinished draw does not use an attempt.
		const unfinished = encodeState({
			state: {
				...withAssessment,
				modules: { basics: { ...sample.modules.basics!, scenariosDone: [] } }
			},
			course: fixture
		});
		const u = decodeState({ data: unfinished, course: changed(), fallbackLanguage: 'en' });
		expect(u.state.modules.basics!.lessonsDone).toEqual([]);
		expect(u.state.assessment).toMatchObject({ attempt: 1, submitted: true, best: 0.667 });
	});

	it('still reads data saved by version P1, with no stamp', () => {
		// Exactly what the P1 encoder wrote for `sample`.
		const data = 'P1~en~m/basics/l/first~basics!first!2!q_one=a!stop=good.good2!stop';
		const decoded = decodeState({ data, course: fixture, fallbackLanguage: 'en' });
		expect(decoded).toEqual({ state: sample, status: 'ok', dropped: [], stamp: NO_STAMP });
	});

	it('treats truncated or mangled data as unreadable rather than restoring part of it', () => {
		const data = encodeState({
			state: withAssessment,
			course: fixture,
			stamp: { revision: 3, savedAt: 1_700_000_000_000 }
		});
		const truncated = data.slice(0, data.length - 4);
		const cut = data.slice(0, 30);
		// An LMS that HTML-escapes what it stores.
		const escaped = data.replace('!', '&#33;');
		const padded = `${data}${'x'.repeat(4100)}`;
		const flipped = data.replace('~basics!', '~basics!x');
		for (const bad of [truncated, cut, escaped, padded, flipped]) {
			const r = decodeState({ data: bad, course: fixture, fallbackLanguage: 'en' });
			expect(r.status, bad.slice(0, 60)).toBe('foreign');
			expect(r.state.modules).toEqual({});
			expect(r.stamp).toEqual(NO_STAMP);
		}
	});

	it('treats empty data as a fresh start', () => {
		expect(decodeState({ data: '', course: fixture, fallbackLanguage: 'en' })).toEqual({
			state: emptyState({ language: 'en' }),
			status: 'empty',
			dropped: [],
			stamp: NO_STAMP
		});
	});

	it.each([
		'{"a":1}',
		'garbage',
		'P0~en~x~',
		'P9~en~~basics!first!1!!!',
		'P2~1~1~en~~',
		'P3~1~1~en~~~~'
	])('starts fresh on foreign or unknown-version data %j', (data) => {
		const r = decodeState({ data, course: fixture, fallbackLanguage: 'en' });
		expect(r.status).toBe('foreign');
		expect(r.state.modules).toEqual({});
	});

	it('drops what the content no longer has and keeps the rest', () => {
		const data =
			'P1~en~m/basics/l/first~basics!first.gone!1!q_one=a,q_old=b,q_one2=z!stop=good,old=x!stop|oldmod!a!1!!!';
		const r = decodeState({ data, course: fixture, fallbackLanguage: 'en' });
		expect(r.status).toBe('ok');
		expect(r.state.modules.basics).toEqual({
			lessonsDone: ['first'],
			attempt: 1,
			answers: { q_one: ['a'] },
			scenarios: { stop: ['good'] },
			scenariosDone: ['stop']
		});
		expect(r.state.modules.oldmod).toBeUndefined();
		expect(r.dropped).toEqual(
			expect.arrayContaining(['module oldmod', 'lesson basics/gone', 'answer basics/q_old'])
		);
	});

	it('clamps the attempt into the allowed range and falls back on an unknown language', () => {
		const r = decodeState({
			data: 'P1~xx~~basics!!99!!!',
			course: fixture,
			fallbackLanguage: 'en'
		});
		expect(r.state.language).toBe('en');
		expect(r.state.modules.basics!.attempt).toBe(fixture.maxAttempts);
	});
});

describe('suspend_data budget', () => {
	it('holds the worst case of the real content within SCORM 1.2’s 4096 characters', () => {
		// The largest stamp: over a million changes, a time far in the future.
		const stamp = WORST_STAMP;
		const worst = encodeState({ state: worstCaseState(real), course: real, stamp });
		expect(worst.length).toBeLessThanOrEqual(4096);
		// The worst case really is worst: every lesson, question and scenario is in it.
		const decoded = decodeState({ data: worst, course: real, fallbackLanguage: 'en' });
		expect(decoded.dropped).toEqual([]);
		for (const m of real.modules) {
			expect(decoded.state.modules[m.id]!.lessonsDone).toHaveLength(m.lessons.length);
			expect(Object.keys(decoded.state.modules[m.id]!.answers)).toHaveLength(m.questions.length);
			expect(Object.keys(decoded.state.modules[m.id]!.scenarios)).toHaveLength(m.scenarios.length);
		}
		expect(decoded.state.assessment?.items ?? []).toHaveLength(
			real.modules.some((m) => m.assessment.length) ? real.assessmentSize : 0
		);
	});

	it('holds the longest bookmark within 255 characters', () => {
		expect(worstCaseState(real).location.length).toBeLessThanOrEqual(255);
	});
});
