// Every fault the preview LMS can inject, in both standards: what the learner sees (the notice and
// its advice, progress kept), what the LMS ends with (its data model), that a completion reached is
// never lost, and that no value a strict LMS rejects was sent. Faults are injected from the
// player's fault menu, as a tester would.
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import {
	STANDARDS,
	answer,
	bestPath,
	clearFaults,
	completeLessons,
	course,
	dataModel,
	decideLast,
	expectAnswered,
	expectOnlyInjectedFailures,
	injectFault,
	launch,
	lessonTitle,
	moduleTitle,
	playScenario,
	relaunched,
	savedState,
	type Standard
} from './harness.ts';
import type { ApiCall } from '../scorm/preview/contract.ts';
import { decodeState } from '../src/lib/course/codec.ts';
import type { Question } from '../src/lib/course/types.ts';

const module = course.modules[0]!;
const scenario = module.scenarios[0]!;
const lesson = module.lessons[0]!;
// The first lesson's three knowledge checks, in the order the learner meets them.
const [q1, q2, q3] = lesson.blocks
	.filter((b) => b.type === 'question')
	.map((b) => module.questions.find((q) => q.id === b.id)!) as [Question, Question, Question];

const TEXT = {
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

async function startModule(frame: FrameLocator) {
	await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, lesson.id));
}

/** The answers in the last commit the LMS received in this launch. */
async function committedAnswers(page: Page): Promise<string[]> {
	const data = await page.evaluate(
		() => window.previewLms!.commits.at(-1)?.data['cmi.suspend_data'] ?? ''
	);
	const { state } = decodeState({ data, course, fallbackLanguage: 'en' });
	return Object.keys(state.modules[module.id]?.answers ?? {});
}

/** The answers in the LMS's live data model. */
async function lmsAnswers(page: Page): Promise<string[]> {
	return Object.keys((await savedState(page)).state.modules[module.id]?.answers ?? {});
}

/** Completion and success as the LMS holds them, in either standard's elements. */
async function lmsStatus(page: Page, standard: Standard) {
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

const calls = (page: Page) => page.evaluate(() => window.previewLms!.calls);
const notice = (frame: FrameLocator, text: string) => frame.getByText(text, { exact: false });

for (const standard of STANDARDS) {
	test.describe(standard, () => {
		test('SetValue fails for every element: notice, retries, nothing lost once it works', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await answer(frame, module, q1);
			await expect.poll(() => committedAnswers(page)).toContain(q1.id);
			await injectFault(page, 'set-value-fails');
			await answer(frame, module, q2);
			await expect(notice(frame, TEXT.notSaved)).toHaveCount(1);
			await expect(notice(frame, TEXT.keepOpen)).toBeVisible();
			await expect(notice(frame, TEXT.persist)).toBeVisible();
			expect(await lmsAnswers(page)).not.toContain(q2.id);
			await clearFaults(page);
			// The next retry sends what was refused, and a confirmed commit clears the notice.
			await expect(notice(frame, TEXT.notSaved)).toBeHidden({ timeout: 15_000 });
			expect(await committedAnswers(page)).toEqual(expect.arrayContaining([q1.id, q2.id]));
			const ids = Object.entries(await dataModel(page))
				.filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
				.map(([, v]) => v);
			expect(ids).toEqual([`${module.id}_${q1.id}`, `${module.id}_${q2.id}`]);
			await expectOnlyInjectedFailures(page);
		});

		test('SetValue fails for suspend_data only: retried with back-off until accepted', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await injectFault(page, 'set-suspend-data-fails');
			await answer(frame, module, q1);
			await expect(notice(frame, TEXT.notSaved)).toBeVisible();
			await expect(frame.getByText(/did not accept cmi\.suspend_data/)).toBeVisible();
			// The answer's interaction record and the status went through.
			expect((await dataModel(page))['cmi.interactions.0.id']).toBe(`${module.id}_${q1.id}`);
			// At least one retry, seconds later, before the fault is cleared.
			const refused = async () =>
				(await calls(page)).filter((c) => c.fault === 'set-suspend-data-fails').length;
			await expect.poll(refused, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
			await clearFaults(page);
			await expect(notice(frame, TEXT.notSaved)).toBeHidden({ timeout: 15_000 });
			expect(await committedAnswers(page)).toContain(q1.id);
			await expectOnlyInjectedFailures(page);
		});

		test('Commit returns false: exit says unconfirmed; the relaunch restores from this browser', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await answer(frame, module, q1);
			await expect.poll(() => committedAnswers(page)).toContain(q1.id);
			await injectFault(page, 'commit-false');
			await answer(frame, module, q2);
			await expect(notice(frame, TEXT.notSaved)).toHaveCount(1);
			await frame.getByRole('button', { name: 'Save and exit' }).click();
			await expect(
				frame.getByRole('heading', { name: 'Your last save was not confirmed' })
			).toBeVisible();
			await expect(frame.getByText(/Your progress is kept in this browser/)).toBeVisible();
			// The exit screen says it; the notice does not say it a second time.
			await expect(notice(frame, TEXT.notSaved)).toHaveCount(0);
			expect(await page.evaluate(() => window.previewLms!.state)).toBe('running');
			// The LMS lost the commits: it relaunches from the last one it got.
			await clearFaults(page);
			await page.evaluate(() => window.previewLms!.relaunch());
			await relaunched(page, 2);
			await expect(notice(frame, TEXT.restored)).toBeVisible();
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

		test('Commit throws: notice with the reason, cleared by a later retry', async ({ page }) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await injectFault(page, 'commit-throws');
			await answer(frame, module, q1);
			await expect(notice(frame, TEXT.notSaved)).toBeVisible();
			await expect(frame.getByText(/could not be reached/)).toBeVisible();
			await clearFaults(page);
			await expect(notice(frame, TEXT.notSaved)).toBeHidden({ timeout: 15_000 });
			expect(await committedAnswers(page)).toContain(q1.id);
			await expectOnlyInjectedFailures(page);
		});

		test('Commit hangs: saved, the learner hears it is slow, and the note goes with a fast save', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await answer(frame, module, q1);
			await injectFault(page, 'commit-hangs');
			await answer(frame, module, q2);
			await expect(notice(frame, TEXT.slow)).toBeVisible({ timeout: 15_000 });
			await expect(notice(frame, TEXT.notSaved)).toHaveCount(0);
			await expect.poll(() => committedAnswers(page)).toContain(q2.id);
			const hung = (await calls(page)).filter((c) => c.fault === 'commit-hangs');
			expect(hung.length).toBeGreaterThanOrEqual(1);
			expect(hung.every((c) => c.result === 'true')).toBe(true);
			await clearFaults(page);
			await answer(frame, module, q3);
			await expect(notice(frame, TEXT.slow)).toBeHidden({ timeout: 15_000 });
			expect(await committedAnswers(page)).toContain(q3.id);
			await expectOnlyInjectedFailures(page);
		});

		test('Initialize returns false: the learner is told to reopen; the LMS record is untouched', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await answer(frame, module, q1);
			await expect.poll(() => committedAnswers(page)).toContain(q1.id);
			await injectFault(page, 'initialize-false');
			await page.evaluate(() => window.previewLms!.relaunch());
			await relaunched(page, 2);
			await expect(notice(frame, TEXT.notStarted)).toHaveCount(1);
			await expect(notice(frame, TEXT.reopen)).toBeVisible();
			// Nothing but the refused Initialize and the error it left.
			const fns = new Set((await calls(page)).map((c) => c.fn.replace(/^LMS/, '')));
			expect([...fns].sort()).toEqual(['GetErrorString', 'GetLastError', 'Initialize']);
			expect(await lmsAnswers(page)).toContain(q1.id);
			await clearFaults(page);
			await page.evaluate(() => window.previewLms!.relaunch());
			await relaunched(page, 3);
			await expect(notice(frame, TEXT.notStarted)).toHaveCount(0);
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				lessonTitle(module, lesson.id)
			);
			await expectAnswered(frame, module, q1);
			await expectOnlyInjectedFailures(page);
		});

		test('no LMS API: progress stays in this browser and says so; the LMS record is untouched', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await startModule(frame);
			await answer(frame, module, q1);
			await expect.poll(() => committedAnswers(page)).toContain(q1.id);
			await injectFault(page, 'no-api');
			await page.evaluate(() => window.previewLms!.relaunch());
			await relaunched(page, 2);
			await expect(notice(frame, TEXT.localOnly)).toBeVisible();
			await expect(frame.getByText(/open the course from your training system/)).toBeVisible();
			expect(await calls(page)).toEqual([]);
			expect(await lmsAnswers(page)).toContain(q1.id);
			await page.evaluate(() => window.previewLms!.relaunch());
			await relaunched(page, 3);
			await expect(notice(frame, TEXT.localOnly)).toHaveCount(0);
			await expectAnswered(frame, module, q1);
			await expectOnlyInjectedFailures(page);
		});

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
			const frame = await launch(page, standard);
			await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
			await completeLessons(frame, module);
			const path = bestPath(scenario);
			await playScenario(frame, module, scenario, path.slice(0, -1));
			await page.evaluate(() => Object.assign(window, { firstCalls: window.previewLms!.calls }));
			await injectFault(page, 'crash');
			// The last decision ends the scenario and completes the course; the crash takes its save.
			await decideLast(frame, module, scenario, path);
			await relaunched(page, 2);
			const first = await page.evaluate(
				() => (window as unknown as { firstCalls: ApiCall[] }).firstCalls
			);
			// No pagehide ran: no exit, no finish, and the LMS never got the completing commit.
			expect(first.filter((c) => /Finish|Terminate/.test(c.fn))).toEqual([]);
			expect(first.filter((c) => /exit$/.test(c.element)).map((c) => c.value)).toEqual(['suspend']);
			expect(first.filter((c) => c.fault === 'crash').length).toBeGreaterThanOrEqual(1);
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
			const frame = await launch(page, standard);
			await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
			await completeLessons(frame, module);
			await playScenario(frame, module, scenario, bestPath(scenario));
			await frame.getByRole('button', { name: 'Finish' }).click();
			await expect(frame.getByText('You have passed.')).toBeVisible();
			await frame.getByRole('button', { name: 'Save and exit' }).click();
			await expect(frame.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();
			// Another computer: nothing of this browser's copy.
			await page.evaluate(() => localStorage.clear());
			await injectFault(page, 'foreign-suspend-data');
			await page.evaluate(() => window.previewLms!.relaunch());
			await relaunched(page, 2);
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
