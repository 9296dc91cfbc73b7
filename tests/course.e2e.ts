import { expect, test } from '@playwright/test';
import {
	STANDARDS,
	answer,
	bestPath,
	completeLessons,
	course,
	dataModel,
	expectCleanCalls,
	launch,
	lessonTitle,
	moduleTitle,
	exitValues,
	packageBase,
	recordCourseRequests,
	scenarioTitle,
	playScenario
} from './harness.ts';

const module = course.modules[0]!;
const scenario = module.scenarios[0]!;

for (const standard of STANDARDS) {
	test.describe(standard, () => {
		test('completes Module 1 and the LMS records completion, success and score', async ({
			page
		}) => {
			const requests = recordCourseRequests(page);
			const frame = await launch(page, standard);
			await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
			await completeLessons(frame, module);
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				scenarioTitle(module, scenario.id)
			);
			await playScenario(frame, module, scenario, bestPath(scenario));
			await expect(frame.getByRole('heading', { name: /^Outcome:/ })).toBeVisible();
			await expect(frame.getByText('Best outcome')).toBeVisible();
			await frame.getByRole('button', { name: 'Finish' }).click();
			await expect(frame.getByText('You have passed.')).toBeVisible();
			await frame.getByRole('button', { name: 'Save and exit' }).click();
			await expect(frame.getByRole('heading', { name: 'Your progress is saved' })).toBeVisible();
			await expect.poll(() => page.evaluate(() => window.previewLms!.state)).toBe('terminated');

			const cmi = await dataModel(page);
			if (standard === 'scorm12') {
				expect(cmi['cmi.core.lesson_status']).toBe('passed');
				expect(cmi['cmi.core.score.raw']).toBe('100');
				expect(cmi['cmi.core.score.min']).toBe('0');
				expect(cmi['cmi.core.score.max']).toBe('100');
			} else {
				expect(cmi['cmi.completion_status']).toBe('completed');
				expect(cmi['cmi.success_status']).toBe('passed');
				expect(cmi['cmi.score.scaled']).toBe('1');
				expect(cmi['cmi.score.raw']).toBe('100');
			}
			// One interaction per knowledge check and per decision, and one objective for the module.
			const ids = Object.entries(cmi)
				.filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
				.map(([, v]) => v);
			const path = bestPath(scenario);
			expect(ids).toHaveLength(module.questions.length + path.length);
			for (const q of module.questions) expect(ids).toContain(`${module.id}_${q.id}`);
			const results = Object.entries(cmi).filter(([k]) =>
				/^cmi\.interactions\.\d+\.result$/.test(k)
			);
			expect(new Set(results.map(([, v]) => v))).toEqual(new Set(['correct']));
			expect(cmi['cmi.objectives.0.id']).toBe(module.id);
			if (standard === 'scorm12') expect(cmi['cmi.objectives.0.status']).toBe('passed');
			else expect(cmi['cmi.objectives.0.success_status']).toBe('passed');

			const calls = await page.evaluate(() => window.previewLms!.calls.map((c) => c.fn));
			const init = standard === 'scorm12' ? 'LMSInitialize' : 'Initialize';
			const end = standard === 'scorm12' ? 'LMSFinish' : 'Terminate';
			expect(calls.filter((c) => c === init)).toHaveLength(1);
			expect(calls.filter((c) => c === end)).toHaveLength(1);
			expect(calls.at(-1)).toBe(end);
			// 'suspend' from the start (a session that never finishes still resumes); finished, the
			// attempt ends normally ('' in 1.2, where 'normal' is not valid).
			expect(await exitValues(page)).toEqual(['suspend', standard === 'scorm12' ? '' : 'normal']);
			await expectCleanCalls(page);
			// The course asked for nothing outside its own package (index.html and module text).
			const base = await packageBase(page);
			expect(requests.length).toBeGreaterThan(1);
			expect(requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:'))).toEqual(
				[]
			);
		});

		test('completes with wrong answers: the LMS records completion and failure', async ({
			page
		}) => {
			const frame = await launch(page, standard);
			await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
			await completeLessons(frame, module, false);
			await playScenario(frame, module, scenario, bestPath(scenario));
			await frame.getByRole('button', { name: 'Finish' }).click();
			await expect(frame.getByText('You have not reached the pass mark yet.')).toBeVisible();
			await expect(frame.getByRole('button', { name: /Try the knowledge checks/ })).toBeVisible();
			// The course reports to the LMS just after the screen paints: wait for it.
			const status = standard === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status';
			await expect.poll(async () => (await dataModel(page))[status]).toBe('failed');
			const cmi = await dataModel(page);
			// Every wrong answer is on record for the coordinator.
			const wrong = standard === 'scorm12' ? 'wrong' : 'incorrect';
			const results = Object.entries(cmi).filter(([k]) =>
				/^cmi\.interactions\.\d+\.result$/.test(k)
			);
			expect(results.filter(([, v]) => v === wrong)).toHaveLength(module.questions.length);
			if (standard === 'scorm12') {
				expect(cmi['cmi.core.lesson_status']).toBe('failed');
				expect(cmi['cmi.core.score.raw']).toBe('0');
			} else {
				expect(cmi['cmi.success_status']).toBe('failed');
				expect(cmi['cmi.completion_status']).toBe('completed');
				expect(cmi['cmi.score.scaled']).toBe('0');
			}
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
