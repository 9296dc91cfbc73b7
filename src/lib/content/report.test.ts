import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseContent } from './load.ts';
import { contentReport, formatContentReport } from './report.ts';
import { seatTime } from './seat-time.ts';

const loaded = loadCourseContent({
	root: join(process.cwd(), 'modules'),
	profile: join(process.cwd(), 'profiles', 'default.yaml')
});
const report = contentReport(loaded);
const time = seatTime(loaded);

describe('content report: seat time', () => {
	it('gives core and optional depth apart for the course, each module and each lesson', () => {
		expect(report.course.estimatedMinutes).toBe(Math.round(time.course.core));
		expect(report.course.depthMinutes).toBe(Math.round(time.course.depth));
		expect(report.course.depthMinutes).toBeGreaterThan(0);
		expect(report.assessment.estimatedMinutes).toBe(Math.round(time.assessment.core));
		expect(report.assessment.reviewMinutes).toBe(Math.round(time.assessment.depth));
		for (const m of report.modules) {
			expect(m.estimatedMinutes).toBe(Math.round(time.modules[m.id]!.core));
			expect(m.depthMinutes).toBe(Math.round(time.modules[m.id]!.depth));
			for (const l of m.lessons) {
				expect(l.estimatedMinutes).toBe(Math.round(time.modules[m.id]!.lessons[l.id]!.core));
				expect(l.depthMinutes).toBe(Math.round(time.modules[m.id]!.lessons[l.id]!.depth));
			}
		}
		const smuggling = report.modules[0]!.lessons.find((l) => l.id === 'smuggling')!;
		expect(smuggling).toMatchObject({ blocks: 5, depthBlocks: 1 });
	});

	it('prints them, and how far the core is from the target', () => {
		const text = formatContentReport(report);
		const { estimatedMinutes: core, depthMinutes: depth } = report.course;
		expect(text).toContain(
			`Seat time: about ${core} min core incl. the assessment, plus ${depth} min optional depth`
		);
		const { min, max } = report.course.target;
		expect(text).toContain(
			core > max
				? `${core - max} min over the ${min}–${max} min target`
				: `(target ${min}–${max} min)`
		);
		const m = report.modules[0]!;
		expect(text).toContain(
			`Module 1 recognize: ${m.minutes} min as authored; about ${m.estimatedMinutes} min core estimated, plus ${m.depthMinutes} min optional depth`
		);
		expect(text).toMatch(
			/lesson smuggling: \d+ min as authored; about \d+ min core, plus \d+ min depth; 5 blocks \(1 depth\)/
		);
	});
});
