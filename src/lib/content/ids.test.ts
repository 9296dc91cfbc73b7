// Ids are an API: the LMS stores learner progress by them, so renaming one must be deliberate.
// When this snapshot changes, saved progress for the renamed item is dropped on resume (see
// codec.ts). Update it with `npx vitest run -u` only on purpose, and say so in the commit.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Question } from '../course/types.ts';
import { loadCourse } from './load.ts';

/** A question's ids: its own, and its options, items or categories. */
const questionIds = (q: Question) =>
	`${q.id}: ${[...q.options.map((o) => o.id), ...q.items, ...q.categories].join(' ')}`;

// Both shipped variants, so every module (the campus one too) is held.
it.each(['profiles/default.yaml', 'profiles/campus.yaml'])(
	'keeps every content id stable (%s)',
	(profile) => {
		const course = loadCourse({ root: join(process.cwd(), 'modules'), profile });
		// The ids saved progress refers to (codec.ts), and the objectives the LMS will report.
		const ids = course.modules.map((m) => ({
			module: m.id,
			objectives: m.objectives,
			lessons: m.lessons.map((l) => l.id),
			questions: m.questions.map(questionIds),
			assessment: m.assessment.map(questionIds),
			scenarios: m.scenarios.map((s) => ({
				id: s.id,
				choices: s.scenes.flatMap((sc) => sc.choices.map((c) => c.id))
			}))
		}));
		const objectives = course.objectives.map((o) => o.id);
		const glossary = course.glossary.map((g) => g.id);
		expect({ course: course.id, track: course.track, objectives, glossary, ids }).toMatchSnapshot();
	}
);
