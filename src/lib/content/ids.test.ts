// Ids are an API: the LMS stores learner progress by them, so renaming one must be deliberate.
// When this snapshot changes, saved progress for the renamed item is dropped on resume (see
// codec.ts). Update it with `npx vitest run -u` only on purpose, and say so in the commit.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadCourse } from './load.ts';

it('keeps every content id stable', () => {
	const course = loadCourse({ root: join(process.cwd(), 'modules') });
	// The ids saved progress refers to (codec.ts), and the objectives the LMS will report.
	const ids = course.modules.map((m) => ({
		module: m.id,
		objectives: m.objectives,
		lessons: m.lessons.map((l) => l.id),
		questions: m.questions.map((q) => `${q.id}: ${q.options.map((o) => o.id).join('')}`),
		scenarios: m.scenarios.map((s) => ({
			id: s.id,
			choices: s.scenes.flatMap((sc) => sc.choices.map((c) => c.id))
		}))
	}));
	expect({ course: course.id, ids }).toMatchSnapshot();
});
