import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseContent } from '../content/load.ts';
import { encodeState, type SaveStamp } from './codec.ts';
import type { LearnerState } from './progress.ts';
import { chooseSaved } from './restore.ts';

const course = loadCourseContent({
	root: join(import.meta.dirname, '..', 'content', 'fixtures', 'good')
}).course;

const earlier: LearnerState = {
	language: 'en',
	location: 'm/basics/l/first',
	modules: {
		basics: { lessonsDone: [], attempt: 1, answers: {}, scenarios: {}, scenariosDone: [] }
	}
};
const later: LearnerState = {
	...earlier,
	modules: {
		basics: { ...earlier.modules.basics!, lessonsDone: ['first'], answers: { q_one: ['a'] } }
	}
};
const at = (minute: number): number => Date.UTC(2026, 10, 25, 12, minute);
const data = (state: LearnerState, stamp: SaveStamp) => encodeState({ state, course, stamp });
const choose = (lms: string, local?: string) =>
	chooseSaved({ lms, local, course, fallbackLanguage: 'en' });

describe('chooseSaved', () => {
	it('takes the LMS copy when there is no local one', () => {
		const r = choose(data(earlier, { revision: 2, savedAt: at(1) }));
		expect(r.source).toBe('lms');
		expect(r.decoded.state).toEqual(earlier);
	});

	it('takes the local copy when it is newer: the LMS lost the last commits', () => {
		const r = choose(
			data(earlier, { revision: 2, savedAt: at(1) }),
			data(later, { revision: 5, savedAt: at(3) })
		);
		expect(r).toMatchObject({ source: 'local', lmsStatus: 'ok' });
		expect(r.decoded.state).toEqual(later);
		expect(r.decoded.stamp.revision).toBe(5);
	});

	it('keeps the LMS copy when it is newer: the learner went on on another computer', () => {
		const lms = data(later, { revision: 9, savedAt: at(30) });
		expect(choose(lms, data(earlier, { revision: 5, savedAt: at(3) })).source).toBe('lms');
		// Diverged: the other computer resumed from an older LMS copy, so its count is lower, but
		// it was saved later. The LMS wins whenever the two counts disagree.
		const diverged = data(later, { revision: 4, savedAt: at(30) });
		expect(choose(diverged, data(earlier, { revision: 5, savedAt: at(3) })).source).toBe('lms');
		// Same count, different progress: nothing says the local copy is newer.
		const same = data(later, { revision: 5, savedAt: at(3) });
		expect(choose(same, data(earlier, { revision: 5, savedAt: at(3) })).source).toBe('lms');
	});

	it.each([
		['corrupt', () => data(later, { revision: 9, savedAt: at(3) }).slice(0, 20)],
		['oversized', () => `${data(later, { revision: 9, savedAt: at(3) })}${'x'.repeat(4100)}`],
		['foreign', () => '{"slide":4,"quiz":[1,0,1]}'],
		['empty', () => '']
	])('takes the local copy when the LMS hands back %s data', (_, lms) => {
		const r = choose(lms(), data(earlier, { revision: 1, savedAt: at(1) }));
		expect(r.source).toBe('local');
		expect(r.decoded.state).toEqual(earlier);
		expect(r.lmsStatus).not.toBe('ok');
	});

	it('ignores an unreadable local copy', () => {
		const lms = data(earlier, { revision: 2, savedAt: at(1) });
		expect(choose(lms, 'garbage').source).toBe('lms');
		expect(choose('garbage', 'garbage')).toMatchObject({ source: 'lms', lmsStatus: 'foreign' });
	});

	it('prefers any stamped local copy over LMS data saved by version P1', () => {
		const p1 = 'P1~en~m/basics/l/first~basics!!1!!!';
		const r = choose(p1, data(later, { revision: 1, savedAt: at(1) }));
		expect(r.source).toBe('local');
	});
});
