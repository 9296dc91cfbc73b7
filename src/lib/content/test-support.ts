// Shared by the content tests: the issues a broken content folder is refused with.
import { expect } from 'vitest';
import { ContentError } from './issues.ts';
import { loadCourseContent } from './load.ts';

/** The issues `loadCourseContent` refuses `root` with (fails the test if it loads). */
export function issuesOf(root: string) {
	try {
		loadCourseContent({ root });
	} catch (e) {
		expect(e).toBeInstanceOf(ContentError);
		return (e as ContentError).issues;
	}
	throw new Error('expected the content to be rejected');
}
