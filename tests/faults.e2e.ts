// Faults in the LMS API, in both standards: SetValue and Commit refused, Commit throwing or
// hanging, Initialize refused, no API at all. What the learner sees (the notice and its advice,
// progress kept), what the LMS ends with, and that no value a strict LMS rejects was sent. Faults
// are injected from the player's fault menu, as a tester would.
import { expect, test } from '@playwright/test';
import {
	STANDARDS,
	answer,
	clearFaults,
	dataModel,
	expectAnswered,
	expectOnlyInjectedFailures,
	injectFault,
	launch,
	lessonTitle,
	relaunched
} from './harness.ts';
import {
	TEXT,
	calls,
	committedAnswers,
	lesson,
	lmsAnswers,
	module,
	notice,
	q1,
	q2,
	q3,
	lessonBefore,
	startModule
} from './fault-helpers.ts';

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
			await expect.poll(() => committedAnswers(page)).toContain(q1.id);
			await injectFault(page, 'commit-hangs');
			await answer(frame, module, q2);
			await expect(notice(frame, TEXT.slow)).toBeVisible({ timeout: 15_000 });
			await expect(notice(frame, TEXT.notSaved)).toHaveCount(0);
			// A milestone within 2 s of a hung commit waits its turn, then hangs too.
			await expect.poll(() => committedAnswers(page), { timeout: 15_000 }).toContain(q2.id);
			const hung = (await calls(page)).filter((c) => c.fault === 'commit-hangs');
			expect(hung.length).toBeGreaterThanOrEqual(1);
			expect(hung.every((c) => c.result === 'true')).toBe(true);
			await clearFaults(page);
			await frame.getByRole('link', { name: 'Previous' }).click();
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				lessonTitle(module, lessonBefore.id)
			);
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
	});
}
