import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseContent } from '../content/load.ts';
import { applyLayout, splitLayout } from './layout.ts';

const { course } = loadCourseContent({ root: join(process.cwd(), 'modules') });

describe('layout split', () => {
	it('takes blocks and sources out of start-up, and putting them back restores the course', () => {
		const { startup, layouts } = splitLayout(course, { library: 'glossary' });
		expect(startup.sources).toEqual({});
		expect(startup.facts).toEqual({});
		expect(startup.glossary).toEqual([]);
		expect(startup.modules.every((m) => m.lessons.every((l) => l.blocks.length === 0))).toBe(true);
		// What progress, scoring and the saved state need stays.
		expect(startup.modules.map((m) => m.questions.length)).toEqual(
			course.modules.map((m) => m.questions.length)
		);
		expect(JSON.stringify(startup).length).toBeLessThan(JSON.stringify(course).length * 0.75);
		for (const [ns, layout] of Object.entries(layouts)) applyLayout(startup, ns, layout);
		expect(startup).toEqual(course);
		// Optional depth travels with the blocks and comes back with them.
		const depth = (c: typeof course) =>
			c.modules.flatMap((m) =>
				m.lessons.flatMap((l) => l.blocks.filter((b) => b.depth).map((b) => `${l.id}.${b.id}`))
			);
		expect(depth(course).length).toBeGreaterThan(0);
		expect(depth(startup)).toEqual(depth(course));
	});

	it('gives each module the records of the sources it cites', () => {
		const { layouts } = splitLayout(course, { library: 'glossary' });
		const m = course.modules[0]!;
		const cited = new Set(m.lessons.flatMap((l) => l.sources));
		for (const id of cited) expect(layouts[m.id]!.sources![id]).toEqual(course.sources[id]);
		expect(Object.keys(layouts.glossary!.sources!)).toHaveLength(
			Object.keys(course.sources).length
		);
	});
});
