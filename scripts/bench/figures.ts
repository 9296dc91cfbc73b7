// The bench's figures from its runs, with the targets of docs/performance.md. Course and floor
// runs are paired (same server, same sub-path, back to back), so ratios and differences are per
// pair before their median is taken.
import type { CourseRun, FloorRun } from './measure.ts';
import { figure } from './stats.ts';
import type { Figure } from './stats.ts';

const KB = 1024;

/** Targets from the performance issue. */
export const TARGETS = {
	usableOverFloorMs: 500,
	nextLessonMs: 150,
	choiceMs: 100,
	heapBytes: 2 * KB * KB,
	buildPackageMs: 60_000,
	startupGzipBytes: 100 * KB,
	suspendData: 2048
};

/** What the table prints under the figures: how to read the ones that need it. */
export const NOTES = [
	'start-up transfer: bytes on the wire as the preview LMS serves them (no gzip); requests and bytes are the package’s own, up to the first usable screen.',
	'first usable screen: the home h1 painted, plus how long a click on Start then waited and ran (input delay); floor: its h1 painted. Both on the frame’s clock, from its navigation.',
	'JS heap: live heap after idle and a forced GC, for the whole renderer (the LMS player shares it); the course share subtracts the floor launch (the player with a plain page).',
	'heap once Module 1 is done includes Playwright’s injected selector engine (≈ 1 MB); no target applies to it.'
];

/** Every figure the bench prints, in order. */
export function benchFigures(options: {
	courseRuns: CourseRun[];
	floorRuns: FloorRun[];
	buildMs: number;
	suspendData: number;
	startupGzip: number;
}): Figure[] {
	const { courseRuns: course, floorRuns: floor } = options;
	const pairs = course.map((c, i) => ({ c, f: floor[i]! }));
	const once = (value: number) => (Number.isNaN(value) ? [] : [value]);
	const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
	const rows: [string, Figure['unit'], number[], number?][] = [
		['start-up transfer, course', 'bytes', course.map((r) => r.bytes)],
		['start-up transfer, floor', 'bytes', floor.map((r) => r.bytes)],
		['start-up requests, course', 'count', course.map((r) => r.requests)],
		['start-up requests, floor', 'count', floor.map((r) => r.requests)],
		['first usable screen, course', 'ms', course.map((r) => r.usableMs)],
		['  index.html received', 'ms', known(course.map((r) => r.downloadedMs))],
		['  h1 painted', 'ms', course.map((r) => r.h1Ms)],
		['  input delay after it', 'ms', course.map((r) => r.inputDelayMs)],
		['first screen (h1), floor', 'ms', floor.map((r) => r.h1Ms)],
		['  index.html received', 'ms', known(floor.map((r) => r.downloadedMs))],
		['usable: course / floor', 'ratio', pairs.map((p) => p.c.usableMs / p.f.h1Ms)],
		[
			'usable: course − floor',
			'ms',
			pairs.map((p) => p.c.usableMs - p.f.h1Ms),
			TARGETS.usableOverFloorMs
		],
		['open Module 1 (loads its text)', 'ms', course.map((r) => r.openModuleMs)],
		['next lesson (every step)', 'ms', course.flatMap((r) => r.nextLessonMs), TARGETS.nextLessonMs],
		['choice → consequence (every one)', 'ms', course.flatMap((r) => r.choiceMs), TARGETS.choiceMs],
		['JS heap, renderer, course on lesson 1', 'bytes', course.map((r) => r.heapLessonBytes)],
		['JS heap, renderer, floor (LMS player)', 'bytes', floor.map((r) => r.heapBytes)],
		[
			'JS heap, course share, lesson 1',
			'bytes',
			pairs.map((p) => p.c.heapLessonBytes - p.f.heapBytes),
			TARGETS.heapBytes
		],
		['JS heap, renderer, Module 1 done', 'bytes', course.map((r) => r.heapModuleDoneBytes)],
		['commits per completed module', 'count', course.map((r) => r.commits)],
		['worst-case suspend_data, SCORM 1.2', 'chars', [options.suspendData], TARGETS.suspendData],
		['worst-case suspend_data, SCORM 2004', 'chars', [options.suspendData], TARGETS.suspendData],
		['build/index.html, gzip -9', 'bytes', [options.startupGzip], TARGETS.startupGzipBytes],
		['build + package', 'ms', once(options.buildMs), TARGETS.buildPackageMs]
	];
	return rows.map(([label, unit, samples, target]) => figure({ label, unit, samples, target }));
}
