// The cmi5 package through the stand-in cmi5 LMS (scorm/preview/lrs-server.ts, its own free
// port): launch, the whole course through the UI, exit, the statements the LRS received and the cmi5
// rules they keep; a relaunch that resumes from the State API.
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { startLrs, type LrsServer } from '../scorm/preview/lrs-server.ts';
import { verbName } from '../scorm/preview/lrs-rules.ts';
import {
	answer,
	bestPath,
	bundleName,
	completeModule,
	course,
	lessonTitle,
	moduleTitle,
	takeAssessment
} from './harness.ts';

const module = course.modules[0]!;
let lms: LrsServer;

test.beforeAll(async () => {
	lms = await startLrs({ port: 0 });
});
test.afterAll(async () => {
	await lms.close();
});

/** Opens the LMS launch page; it redirects to the AU with the cmi5 launch parameters. */
async function launch(page: Page, registration: string, launchMode?: 'Normal' | 'Browse') {
	await page.goto(lms.launchUrl({ bundle: bundleName('cmi5'), registration, launchMode }));
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const sessions = (registration: string) => lms.lrs.registration(registration).sessions;
const verbs = (registration: string, n: number) =>
	(sessions(registration)[n]?.statements ?? []).map(verbName);

test('a full run: initialized, an answer per item and decision, passed, completed, terminated', async ({
	page
}) => {
	// Every module and the assessment through the UI: minutes, not seconds.
	test.setTimeout(600_000);
	const registration = randomUUID();
	await launch(page, registration);
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	for (const m of course.modules) await completeModule(page, m);
	await takeAssessment(page, { wrong: 0 });
	await expect(page.getByText('You passed the course.')).toBeVisible();
	await page.getByRole('button', { name: 'Save and exit' }).click();
	// LMS.LaunchData has a returnURL: the AU goes back to the LMS once terminated is recorded.
	await expect(page.getByRole('heading', { name: 'Back in the LMS' })).toBeVisible();

	const report = lms.lrs.registration(registration);
	expect(report.violations).toEqual([]);
	expect(report.sessions).toHaveLength(1);
	const items =
		course.modules.reduce(
			(n, m) => n + m.questions.length + m.scenarios.reduce((k, s) => k + bestPath(s).length, 0),
			0
		) + course.assessmentSize;
	// Completion and success are both known when the assessment is submitted, after every answer.
	const sequence = verbs(registration, 0);
	expect(sequence[0]).toBe('initialized');
	expect(sequence.slice(1, items + 1)).toEqual(Array(items).fill('answered'));
	expect([...sequence.slice(items + 1, -1)].sort()).toEqual(['completed', 'passed']);
	expect(sequence.at(-1)).toBe('terminated');
	const statements = report.sessions[0]!.statements;
	const passed = statements.find((s) => verbName(s) === 'passed')!;
	expect(passed.result?.score?.scaled).toBe(1);
	const answered = statements.filter((s) => verbName(s) === 'answered');
	for (const m of course.modules) {
		for (const q of m.questions) {
			expect(answered.map((s) => s.object?.id)).toContain(
				`${report.sessions[0]!.activityId}/interactions/${m.id}_${q.id}`
			);
		}
	}
	expect(answered.every((s) => s.result?.success === true)).toBe(true);
	expect(report.sessions[0]!.terminated).toBe(true);

	// Relaunch: the State API brings the learner's result back; nothing is reported twice.
	await launch(page, registration);
	// It resumes on the assessment's results, where the learner left.
	await expect(page.getByText('You passed the course.')).toBeVisible();
	await page.getByRole('button', { name: 'Save and exit' }).click();
	await expect(page.getByRole('heading', { name: 'Back in the LMS' })).toBeVisible();
	expect(verbs(registration, 1)).toEqual(['initialized', 'terminated']);
	expect(lms.lrs.registration(registration).violations).toEqual([]);
});

test('quit halfway, relaunch: resumes from the State API where the learner left', async ({
	page
}) => {
	const registration = randomUUID();
	await launch(page, registration);
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	const [first, second] = module.lessons;
	for (const block of first!.blocks) {
		const q = module.questions.find((x) => block.type === 'question' && x.id === block.id);
		if (q) await answer(page, module, q);
	}
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, second!.id));

	// The learner closes the window: pagehide ends the session with what is still waiting.
	await page.goto('about:blank');
	await expect.poll(() => sessions(registration)[0]?.terminated).toBe(true);
	await launch(page, registration);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, second!.id));
	await page
		.getByRole('link', { name: 'Previous' })
		.or(page.getByRole('button', { name: 'Previous' }))
		.click();
	await expect(page.getByText('You have finished this lesson.')).toBeVisible();

	const report = lms.lrs.registration(registration);
	expect(report.violations).toEqual([]);
	const firstSession = verbs(registration, 0);
	expect(firstSession[0]).toBe('initialized');
	expect(firstSession.at(-1)).toBe('terminated');
	expect(firstSession).not.toContain('completed');
	expect(verbs(registration, 1)).toEqual(['initialized']);
});

test('Browse mode: no completed, passed or failed, and no progress saved', async ({ page }) => {
	const registration = randomUUID();
	await launch(page, registration, 'Browse');
	await page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) }).click();
	const question = module.questions.find((q) =>
		module.lessons[0]!.blocks.some((b) => b.id === q.id)
	)!;
	await answer(page, module, question);
	await page.getByRole('button', { name: 'Save and exit' }).click();
	await expect(page.getByRole('heading', { name: 'Back in the LMS' })).toBeVisible();
	expect(verbs(registration, 0)).toEqual(['initialized', 'answered', 'terminated']);
	expect(lms.lrs.registration(registration).violations).toEqual([]);
	// A Normal launch afterwards starts fresh: browsing is not an attempt.
	await launch(page, registration);
	await expect(
		page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(module)}`) })
	).toBeVisible();
});
