import { expect, test } from '@playwright/test';
import {
	STANDARDS,
	openAssessment,
	answer,
	bestPath,
	completeModule,
	course,
	decideLast,
	emptyStateAt,
	dataModel,
	expectCleanCalls,
	launch,
	lessonTitle,
	moduleTitle,
	exitValues,
	packageBase,
	playScenario,
	recordCourseRequests,
	resumeFrom,
	scenarioTitle,
	takeAssessment
} from './harness.ts';

const module = course.modules[0]!;
const checks = course.modules.reduce((n, m) => n + m.questions.length, 0);
const decisions = course.modules.reduce(
	(n, m) => n + m.scenarios.reduce((k, s) => k + bestPath(s).length, 0),
	0
);

for (const standard of STANDARDS) {
	test.describe(standard, () => {
		test('a full run: every module and the assessment, audited call by call', async ({ page }) => {
			// Every lesson, check, scenario and the assessment through the UI: minutes, not seconds.
			test.setTimeout(600_000);
			const requests = recordCourseRequests(page);
			const frame = await launch(page, standard);
			// Until every module is done, the assessment's card offers what is left, not a review.
			await expect(
				frame.getByRole('link', { name: 'See what is left Final assessment' })
			).toBeVisible();
			await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
			for (const m of course.modules) await completeModule(frame, m);
			// The last screen's Finish leads to the final assessment.
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Final assessment');
			const drawn = await takeAssessment(frame, { wrong: 0 });
			expect(drawn).toHaveLength(course.assessmentSize);
			await expect(frame.getByText('You passed the course.')).toBeVisible();
			await frame.getByRole('link', { name: 'Open your certificate' }).click();
			// The LMS gives "Preview, Learner"; the certificate shows it as a name reads.
			await expect(frame.getByText('Learner Preview', { exact: true })).toBeVisible();
			await frame.getByRole('button', { name: 'Save and exit' }).click();
			await expect(frame.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();
			await expect.poll(() => page.evaluate(() => window.previewLms!.state)).toBe('terminated');

			const cmi = await dataModel(page);
			if (standard === 'scorm12') {
				expect(cmi['cmi.core.lesson_status']).toBe('passed');
				expect(cmi['cmi.core.score.raw']).toBe('100');
			} else {
				expect(cmi['cmi.completion_status']).toBe('completed');
				expect(cmi['cmi.success_status']).toBe('passed');
				expect(cmi['cmi.score.scaled']).toBe('1');
			}
			// One interaction per knowledge check, scenario decision and assessment item.
			const ids = Object.entries(cmi)
				.filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
				.map(([, v]) => v);
			expect(ids).toHaveLength(checks + decisions + course.assessmentSize);
			for (const m of course.modules) {
				for (const q of m.questions) expect(ids).toContain(`${m.id}_${q.id}`);
			}
			const bankOwner = (id: string) =>
				course.modules.find((m) => m.assessment.some((q) => q.id === id))!;
			for (const id of drawn) expect(ids).toContain(`${bankOwner(id).id}_${id}`);
			const results = Object.entries(cmi).filter(([k]) =>
				/^cmi\.interactions\.\d+\.result$/.test(k)
			);
			expect(new Set(results.map(([, v]) => v))).toEqual(new Set(['correct']));
			// One objective per module, each passed.
			for (const [i, m] of course.modules.entries()) {
				expect(cmi[`cmi.objectives.${i}.id`]).toBe(m.id);
				const status =
					standard === 'scorm12'
						? `cmi.objectives.${i}.status`
						: `cmi.objectives.${i}.success_status`;
				expect(cmi[status]).toBe('passed');
			}

			const calls = await page.evaluate(() => window.previewLms!.calls.map((c) => c.fn));
			const init = standard === 'scorm12' ? 'LMSInitialize' : 'Initialize';
			const end = standard === 'scorm12' ? 'LMSFinish' : 'Terminate';
			expect(calls.filter((c) => c === init)).toHaveLength(1);
			expect(calls.filter((c) => c === end)).toHaveLength(1);
			expect(calls.at(-1)).toBe(end);
			expect(await exitValues(page)).toEqual(['suspend', standard === 'scorm12' ? '' : 'normal']);
			await expectCleanCalls(page);
			// The course asked for nothing outside its own package.
			const base = await packageBase(page);
			expect(requests.length).toBeGreaterThan(1);
			expect(requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:'))).toEqual(
				[]
			);
		});

		test('a failed assessment is recorded as failed; a retake passes and the best score stands', async ({
			page
		}) => {
			test.setTimeout(180_000);
			await launch(page, standard);
			const frame = await openAssessment(page);
			await takeAssessment(frame, { wrong: course.assessmentSize });
			await expect(frame.getByText('You did not reach the pass mark this time.')).toBeVisible();
			// Results by objective and every missed item to review, with its explanation.
			await expect(
				frame.getByRole('heading', { name: 'Results by learning objective' })
			).toBeVisible();
			const review = frame.getByRole('region', { name: 'Review the questions you missed' });
			await expect(
				review.getByRole('listitem').filter({ has: frame.locator('legend') })
			).toHaveCount(course.assessmentSize);
			const status = standard === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status';
			await expect.poll(async () => (await dataModel(page))[status]).toBe('failed');
			const wrong = standard === 'scorm12' ? 'wrong' : 'incorrect';
			const failed = await dataModel(page);
			expect(
				Object.entries(failed).filter(
					([k, v]) => /^cmi\.interactions\.\d+\.result$/.test(k) && v === wrong
				)
			).toHaveLength(course.assessmentSize);
			if (standard === 'scorm2004') expect(failed['cmi.completion_status']).toBe('completed');

			await takeAssessment(frame, { wrong: 1 });
			const expected = Math.round(((course.assessmentSize - 1) / course.assessmentSize) * 100);
			await expect(frame.getByText(`You scored ${expected}%`)).toBeVisible();
			await expect.poll(async () => (await dataModel(page))[status]).toBe('passed');
			const cmi = await dataModel(page);
			const raw = standard === 'scorm12' ? cmi['cmi.core.score.raw'] : cmi['cmi.score.raw'];
			expect(Number(raw)).toBe(expected);
			await expectCleanCalls(page);
		});

		test('relaunch mid-consequence and mid-assessment: the same screen, the same state', async ({
			page
		}) => {
			test.setTimeout(120_000);
			const m = course.modules[1]!;
			const scenario = m.scenarios[0]!;
			await launch(page, standard);
			await resumeFrom(page, emptyStateAt(`m/${m.id}/s/${scenario.id}`));
			const frame = page.frameLocator('iframe[title="Course"]');
			const path = bestPath(scenario);
			// One decision played through, the second one's consequence on screen.
			await playScenario(frame, m, scenario, path.slice(0, 1));
			await decideLast(frame, m, scenario, path.slice(0, 2));
			const consequence = frame.locator('.consequence');
			await expect(consequence).toBeVisible();
			const shown = await consequence.textContent();
			await page.evaluate(() => window.previewLms!.relaunch());
			expect(await page.evaluate(() => window.previewLms!.entry)).toBe('resume');
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				scenarioTitle(m, scenario.id)
			);
			await expect(consequence).toHaveText(shown!);
			await frame.getByRole('button', { name: /Continue|See the outcome/ }).click();
			await expect(frame.getByRole('heading', { name: 'Decision 3' })).toBeVisible();

			// Mid-assessment: the same draw in the same order, the answers given so far.
			await openAssessment(page);
			await frame.getByRole('button', { name: 'Start the assessment' }).click();
			const items = frame.locator('form.assessment legend');
			await expect(items.first()).toBeVisible();
			const legends = await items.allTextContents();
			// Answer the first three items that have a control to set (an ordering has buttons).
			const rows = frame.locator('form.assessment .assessment-items > li');
			const set: number[] = [];
			for (let n = 0; set.length < 3; n++) {
				const control = rows.nth(n).locator('input, select').first();
				if (!(await control.count())) continue;
				if ((await control.evaluate((e) => e.tagName)) === 'SELECT') {
					await control.selectOption({ index: 1 });
				} else await control.check();
				set.push(n);
			}
			const values = () =>
				Promise.all(
					set.map((n) =>
						rows
							.nth(n)
							.locator('input, select')
							.first()
							.evaluate((e) =>
								e instanceof HTMLSelectElement ? e.value : String((e as HTMLInputElement).checked)
							)
					)
				);
			const before = await values();
			expect(before.every((v) => v !== '' && v !== 'false')).toBe(true);
			// Saved without a commit: what the relaunch restores is what the course last reported.
			await page.waitForTimeout(1000);
			await page.evaluate(() => window.previewLms!.relaunch());
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Final assessment');
			await expect(items.first()).toBeVisible();
			expect(await items.allTextContents()).toEqual(legends);
			expect(await values()).toEqual(before);
			await expectCleanCalls(page);
		});

		test('quit halfway, relaunch, land where the learner left with answers kept', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
			const [first, second] = module.lessons;
			const firstQuestion = module.questions.find((q) => first!.blocks.some((b) => b.id === q.id))!;
			for (const b of first!.blocks) {
				const q = module.questions.find((x) => b.type === 'question' && x.id === b.id);
				if (q) await answer(frame, module, q, q !== firstQuestion);
			}
			await frame.getByRole('button', { name: 'Next' }).click();
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				lessonTitle(module, second!.id)
			);
			const secondQuestion = module.questions.find((q) =>
				second!.blocks.some((b) => b.id === q.id)
			)!;
			await answer(frame, module, secondQuestion);

			// The learner closes the window: the LMS unloads the course (pagehide finishes the
			// session with exit 'suspend'), then relaunches it.
			await page.evaluate(() => window.previewLms!.relaunch());
			expect(await page.evaluate(() => window.previewLms!.entry)).toBe('resume');
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				lessonTitle(module, second!.id)
			);
			await expect(frame.getByText('Correct.', { exact: true })).toBeVisible();
			const checked = frame
				.getByRole('radio', { checked: true })
				.or(frame.getByRole('checkbox', { checked: true }));
			await expect(checked.first()).toBeDisabled();

			await frame
				.getByRole('button', { name: 'Previous' })
				.or(frame.getByRole('link', { name: 'Previous' }))
				.click();
			await expect(frame.getByText('Not quite.', { exact: true })).toBeVisible();
			await expect(frame.getByText('You have finished this lesson.')).toBeVisible();
			const cmi = await dataModel(page);
			const status =
				standard === 'scorm12' ? cmi['cmi.core.lesson_status'] : cmi['cmi.completion_status'];
			expect(status).toBe('incomplete');
			// No score until every knowledge check is answered: a partial one would misreport.
			const score = standard === 'scorm12' ? cmi['cmi.core.score.raw'] : cmi['cmi.score.scaled'];
			expect(score ?? '').toBe('');
			if (standard === 'scorm2004') expect(cmi['cmi.success_status']).toBe('unknown');
			await expectCleanCalls(page);
		});
	});
}
