// One package, two languages: the LMS preference picks the language, the learner can switch at
// any moment, and nothing is lost or renamed in the LMS (interaction and objective ids carry no
// words). Relaunch keeps the language the learner left in.
import { expect, test } from '@playwright/test';
import {
	answer,
	content,
	course,
	dataModel,
	expectAnswered,
	expectCleanCalls,
	launch,
	lessonTitle,
	moduleTitle,
	savedState
} from './harness.ts';

const module = course.modules[0]!;
const [first] = module.lessons;
type Text = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const es = (ns: string): Text => content.resources.es![ns] as Text;

for (const standard of ['scorm12', 'scorm2004'] as const) {
	test(`${standard}: switch to Spanish mid-lesson and back, then relaunch in Spanish`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		const frame = await launch(page, standard);
		await frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
		const question = module.questions.find((q) => first!.blocks.some((b) => b.id === q.id))!;
		await answer(frame, module, question);

		await frame.getByLabel('Language').selectOption('es');
		const titleEs = es(module.id).lessons[first!.id].title as string;
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(titleEs);
		await expect(frame.locator('html')).toHaveAttribute('lang', 'es');
		// The answer is still there, its feedback now in Spanish.
		const prompt = es(module.id).questions[question.id].prompt as string;
		const form = frame.getByRole('form', { name: prompt });
		await expect(form.locator('.feedback[role="status"]')).toContainText(
			es('course').ui.check.correct as string
		);
		await frame.getByLabel(es('course').ui.language as string).selectOption('en');
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
			lessonTitle(module, first!.id)
		);
		await expectAnswered(frame, module, question);

		await frame.getByLabel('Language').selectOption('es');
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(titleEs);
		await expect.poll(async () => (await savedState(page)).state.language).toBe('es');
		await page.evaluate(() => window.previewLms!.relaunch());
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(titleEs);
		// The LMS holds one record for the answer, with the same id whatever the language.
		const cmi = await dataModel(page);
		const ids = Object.entries(cmi)
			.filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
			.map(([, v]) => v);
		expect(ids).toEqual([`${module.id}_${question.id}`]);
		await expectCleanCalls(page);
	});
}
