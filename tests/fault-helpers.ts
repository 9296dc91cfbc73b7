// What the fault e2e tests share: the lesson they work in, the texts the learner should read, and
// reads of what the LMS holds (its live data model and its last commit).
import { expect, type FrameLocator, type Page } from '@playwright/test';
import {
	course,
	dataModel,
	followLink,
	lessonChecks,
	lessonTitle,
	moduleTitle,
	savedState,
	type Standard
} from './harness.ts';
import { decodeState } from '../src/lib/course/codec.ts';
import type { Question } from '../src/lib/course/types.ts';

export const module = course.modules[0]!;
export const scenario = module.scenarios[0]!;
/** The lesson the fault tests work in: Module 1's first with two knowledge checks. */
export const lesson = module.lessons.find((l) => lessonChecks(module, l.id).length >= 2)!;
/** Its two knowledge checks, in the order the learner meets them. */
export const [q1, q2] = lessonChecks(module, lesson.id) as [Question, Question];
/** The lesson before it, and its knowledge check (one more answer, one screen back). */
export const lessonBefore = module.lessons[module.lessons.indexOf(lesson) - 1]!;
export const q3 = lessonChecks(module, lessonBefore.id)[0]!;

/** What the learner should read (modules/locales/en.yaml). */
export const TEXT = {
	notSaved: 'Progress not saved.',
	keepOpen: 'Keep this window open; the course keeps your progress and keeps trying.',
	persist: 'If this notice stays, use Save and exit, then tell your training coordinator.',
	notStarted: 'Progress is not being recorded.',
	reopen: 'Close the course and open it again from the training system.',
	slow: 'The training system is slow to confirm saves.',
	restored: 'Your latest progress was restored from this browser',
	unreadable: 'could not be read, so the course starts fresh',
	localOnly: 'No training system found'
};

/** Start Module 1 from the home screen, then go to the fault tests' lesson. */
export async function startModule(frame: FrameLocator) {
	await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
		lessonTitle(module, module.lessons[0]!.id)
	);
	await followLink(frame, `m/${module.id}/l/${lesson.id}`);
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, lesson.id));
}

/** The answers in the last commit the LMS received in this launch. */
export async function committedAnswers(page: Page): Promise<string[]> {
	const data = await page.evaluate(
		() => window.previewLms!.commits.at(-1)?.data['cmi.suspend_data'] ?? ''
	);
	const { state } = decodeState({ data, course, fallbackLanguage: 'en' });
	return Object.keys(state.modules[module.id]?.answers ?? {});
}

/**
 * Wait until the LMS's last commit holds the suspend data the course last set. Every milestone
 * changes it, so then no deferred milestone commit is pending either.
 */
export async function settled(page: Page) {
	await expect
		.poll(() =>
			page.evaluate(() => {
				const lms = window.previewLms!;
				const committed = lms.commits.at(-1)?.data['cmi.suspend_data'];
				return committed === lms.dataModel()['cmi.suspend_data'];
			})
		)
		.toBe(true);
}

/** The answers in the LMS's live data model. */
export async function lmsAnswers(page: Page): Promise<string[]> {
	return Object.keys((await savedState(page)).state.modules[module.id]?.answers ?? {});
}

/** Completion and success as the LMS holds them, in either standard's elements. */
export async function lmsStatus(page: Page, standard: Standard) {
	const cmi = await dataModel(page);
	if (standard === 'scorm2004') {
		return { completion: cmi['cmi.completion_status'], success: cmi['cmi.success_status'] };
	}
	const status = cmi['cmi.core.lesson_status'];
	const done = status === 'passed' || status === 'failed' || status === 'completed';
	return {
		completion: done ? 'completed' : 'incomplete',
		success: status === 'passed' || status === 'failed' ? status : 'unknown'
	};
}

/** The current launch's API calls. */
export const calls = (page: Page) => page.evaluate(() => window.previewLms!.calls);

/** A notice (or any text) in the course, by part of its text. */
export const notice = (frame: FrameLocator, text: string) =>
	frame.getByText(text, { exact: false });
