// Faults around a relaunch, in both standards: corrupt, oversized or foreign suspend_data handed
// back, the window closed mid-lesson, the browser crashing as the course completes. The course
// resumes from the newer of the LMS's copy and this browser's, says so, and never loses a
// completion it reached; the LMS ends with good data and no value a strict LMS rejects.
import { expect, test } from '@playwright/test';
import {
	STANDARDS,
	openAssessment,
	answer,
	course,
	dataModel,
	expectAnswered,
	expectOnlyInjectedFailures,
	injectFault,
	launch,
	lessonTitle,
	relaunched,
	savedState,
	takeAssessment
} from './harness.ts';
import {
	TEXT,
	calls,
	committedAnswers,
	lesson,
	lmsStatus,
	module,
	notice,
	q1,
	q2,
	startModule
} from './fault-helpers.ts';
import type { ApiCall } from '../scorm/preview/contract.ts';
import { decodeState } from '../src/lib/course/codec.ts';

for (const standard of STANDARDS) {
	test.describe(standard, () => {
		for (const fault of [
			'corrupt-suspend-data',
			'oversized-suspend-data',
			'foreign-suspend-data'
		] as const) {
			test(`${fault} handed back: restored from this browser, the LMS gets good data back`, async ({
				page
			}) => {
				const frame = await launch(page, standard);
				await startModule(frame);
				await answer(frame, module, q1);
				await answer(frame, module, q2);
				await frame.getByRole('button', { name: 'Save and exit' }).click();
				await expect(frame.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();
				await injectFault(page, fault);
				await page.evaluate(() => window.previewLms!.relaunch());
				await relaunched(page, 2);
				const handedBack = (await calls(page)).find(
					(c) => c.element === 'cmi.suspend_data' && /GetValue$/.test(c.fn)
				)!.result;
				expect(decodeState({ data: handedBack, course, fallbackLanguage: 'en' }).status).toBe(
					'foreign'
				);
				if (fault === 'oversized-suspend-data') expect(handedBack.length).toBeGreaterThan(4096);
				await expect(notice(frame, TEXT.restored)).toBeVisible();
				await expectAnswered(frame, module, q1);
				await expectAnswered(frame, module, q2);
				const restored = await savedState(page);
				expect(restored.status).toBe('ok');
				expect(Object.keys(restored.state.modules[module.id]!.answers)).toEqual(
					expect.arrayContaining([q1.id, q2.id])
				);
				await expectOnlyInjectedFailures(page);
			});
		}

		test('the window closes mid-lesson: the lost unload does not matter, the relaunch resumes', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await answer(frame, module, q1);
			await answer(frame, module, q2);
			// The launch's call log keeps filling as the course unloads; keep hold of it.
			await page.evaluate(() => Object.assign(window, { firstCalls: window.previewLms!.calls }));
			await injectFault(page, 'close-window');
			// The unload ran (exit, finish) but none of it reached the LMS.
			const lost = await page.evaluate(() =>
				(window as unknown as { firstCalls: ApiCall[] }).firstCalls
					.filter((c) => c.fault === 'close-window')
					.map((c) => c.fn.replace(/^LMS/, ''))
			);
			expect(lost).toContain(standard === 'scorm12' ? 'Finish' : 'Terminate');
			// Yet the LMS resumes the attempt: exit was 'suspend' from the start.
			expect(await page.evaluate(() => window.previewLms!.entry)).toBe('resume');
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				lessonTitle(module, lesson.id)
			);
			await expectAnswered(frame, module, q1);
			await expectAnswered(frame, module, q2);
			await expect
				.poll(() => committedAnswers(page))
				.toEqual(expect.arrayContaining([q1.id, q2.id]));
			await expectOnlyInjectedFailures(page);
		});

		test('the browser crashes as the course completes: the completion is not lost', async ({
			page
		}) => {
			test.slow();
			await launch(page, standard);
			// Every module done (prepared), then the assessment through the UI.
			const frame = await openAssessment(page);
			await takeAssessment(frame, { wrong: 0, submit: false });
			// The crash must take the completing save: answers are saved without a commit, so once
			// the start of the attempt is committed, the next commit is the submission's.
			await expect
				.poll(async () => {
					const data = await page.evaluate(
						() => window.previewLms!.commits.at(-1)?.data['cmi.suspend_data'] ?? ''
					);
					return decodeState({ data, course, fallbackLanguage: 'en' }).state.assessment?.attempt;
				})
				.toBe(1);
			expect((await lmsStatus(page, standard)).completion).toBe('incomplete');
			await page.evaluate(() => Object.assign(window, { firstCalls: window.previewLms!.calls }));
			await injectFault(page, 'crash');
			// Submitting completes and passes the course; the crash takes its save.
			await frame.getByRole('button', { name: 'Submit the assessment' }).click();
			await relaunched(page, 3);
			const first = await page.evaluate(
				() => (window as unknown as { firstCalls: ApiCall[] }).firstCalls
			);
			// No pagehide ran: no exit, no finish, and the LMS never got the completing commit.
			expect(first.filter((c) => /Finish|Terminate/.test(c.fn))).toEqual([]);
			expect(first.filter((c) => /exit$/.test(c.element)).map((c) => c.value)).toEqual(['suspend']);
			expect(first.filter((c) => c.fault === 'crash').length).toBeGreaterThanOrEqual(1);
			// The LMS relaunched without the completion; the course restored it from this browser.
			const status = standard === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
			const handedBack = (await calls(page)).find(
				(c) => c.element === status && /GetValue$/.test(c.fn)
			);
			expect(handedBack?.result).toBe('incomplete');
			await expect(notice(frame, TEXT.restored)).toBeVisible();
			await expect
				.poll(() => lmsStatus(page, standard))
				.toEqual({ completion: 'completed', success: 'passed' });
			await frame.getByRole('link', { name: course.title.en! }).click();
			await expect(frame.getByText('You have passed.')).toBeVisible();
			await expectOnlyInjectedFailures(page);
		});

		test('foreign data on another computer: a fresh start, the completion and pass are kept', async ({
			page
		}) => {
			test.slow();
			await launch(page, standard);
			const frame = await openAssessment(page);
			await takeAssessment(frame, { wrong: 0 });
			await expect(frame.getByText('You passed the course.')).toBeVisible();
			await frame.getByRole('button', { name: 'Save and exit' }).click();
			await expect(frame.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();
			// Another computer: nothing of this browser's copy.
			await page.evaluate(() => localStorage.clear());
			await injectFault(page, 'foreign-suspend-data');
			await page.evaluate(() => window.previewLms!.relaunch());
			await relaunched(page, 3);
			await expect(notice(frame, TEXT.unreadable)).toBeVisible();
			await expect(notice(frame, TEXT.restored)).toHaveCount(0);
			expect(await lmsStatus(page, standard)).toEqual({
				completion: 'completed',
				success: 'passed'
			});
			const score = standard === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw';
			expect((await dataModel(page))[score]).toBe('100');
			await expectOnlyInjectedFailures(page);
		});
	});
}
