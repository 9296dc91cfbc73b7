// The e2e harness: the preview LMS page, the course inside its frame, and the real content to
// drive it (answers and best scenario paths come from modules/, not from copies in the tests).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type FrameLocator, type Page } from '@playwright/test';

/** Where the course is: its own page, or the frame inside the preview LMS. */
export type Scope = Page | FrameLocator;
import { loadCourseContent } from '../src/lib/content/load.ts';
import { proveScenario } from '../src/lib/scenario/graph.ts';
import type { Module, Question, Scenario } from '../src/lib/course/types.ts';
import type { FaultName, FlatCmi } from '../scorm/preview/contract.ts';
import { FAULTS } from '../scorm/preview/faults.ts';
import { decodeState } from '../src/lib/course/codec.ts';

export const content = loadCourseContent({ root: join(process.cwd(), 'modules') });
export const { course } = content;
export const STANDARDS = ['scorm12', 'scorm2004'] as const;
export type Standard = (typeof STANDARDS)[number];

type Text = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const text = (ns: string): Text => content.resources.en![ns] as Text;

/** The zip `npm run package` wrote for a standard (or the cmi5 one). */
export function bundleName(standard: Standard | 'cmi5'): string {
	const name = readdirSync('dist').find((f) => f.endsWith(`-${standard}.zip`));
	if (!name) throw new Error(`dist/ has no ${standard} bundle: run npm run package`);
	return name;
}

/** Open the preview LMS player on a bundle; returns the course frame. */
export async function launch(page: Page, standard: Standard): Promise<FrameLocator> {
	await page.goto(`/player.html?bundle=${encodeURIComponent(bundleName(standard))}`);
	await page.waitForFunction(() => !!window.previewLms);
	await page.evaluate(() => window.previewLms!.whenLoaded());
	const frame = page.frameLocator('iframe[title="Course"]');
	await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
	return frame;
}

/** Every URL the course frame requests, to prove it asks nothing outside its own package. */
export function recordCourseRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (r) => {
		if (r.frame() !== page.mainFrame()) urls.push(r.url());
	});
	return urls;
}

/** The folder the LMS serves the package from (the course's own origin and path). */
export async function packageBase(page: Page): Promise<string> {
	const config = JSON.parse((await page.locator('#preview-config').textContent())!);
	return new URL(config.launchUrl.replace(/[^/]*$/, ''), page.url()).href;
}

/** The values the course set for cmi.core.exit / cmi.exit in the current launch. */
export const exitValues = (page: Page): Promise<string[]> =>
	page.evaluate(() =>
		window
			.previewLms!.calls.filter(
				(c) => /SetValue$/.test(c.fn) && /^cmi\.(core\.)?exit$/.test(c.element)
			)
			.map((c) => c.value)
	);

export const dataModel = (page: Page): Promise<FlatCmi> =>
	page.evaluate(() => window.previewLms!.dataModel());

/** No API call failed and no value was one a strict LMS rejects. */
export async function expectCleanCalls(page: Page) {
	const { failures, rejected } = await page.evaluate(() => ({
		failures: window.previewLms!.failures(),
		rejected: window.previewLms!.rejected()
	}));
	expect(failures, 'API calls that returned an error').toEqual([]);
	expect(rejected, 'values a strict LMS rejects').toEqual([]);
}

/** Answer a knowledge check through the UI, correctly or with the first wrong option. */
export async function answer(frame: Scope, module: Module, question: Question, correctly = true) {
	const q = text(module.id).questions[question.id];
	const form = frame.getByRole('form', { name: q.prompt });
	const picks = correctly
		? question.options.filter((o) => o.correct)
		: [question.options.find((o) => !o.correct)!];
	const role = question.kind === 'single' ? 'radio' : 'checkbox';
	for (const o of picks) {
		// Options read "A. text": the letter the explanation refers to, then the option.
		const name = `${o.id.toUpperCase()}. ${q.options[o.id]}`;
		await form.getByRole(role, { name, exact: true }).check();
	}
	await form.getByRole('button', { name: 'Check my answer' }).click();
	// Generous: an LMS whose commit hangs (tests/faults.e2e.ts) freezes the page for seconds.
	await expect(form.getByRole('status')).toContainText(correctly ? 'Correct.' : 'Not quite.', {
		timeout: 15_000
	});
}

/** The highest-scoring path through a scenario (choice ids). */
export function bestPath(scenario: Scenario): string[] {
	const paths = proveScenario(scenario).paths;
	return paths.reduce((a, b) => (b.points > a.points ? b : a)).choices;
}

/** Play a scenario through the UI along `path`, reading each consequence. */
export async function playScenario(
	frame: Scope,
	module: Module,
	scenario: Scenario,
	path: string[]
) {
	const s = text(module.id).scenarios[scenario.id];
	let scene = scenario.start;
	for (const choiceId of path) {
		const label = s.scenes[scene].choices[choiceId].label;
		await frame
			.getByRole('group', { name: 'What do you do?' })
			.getByRole('button', { name: label, exact: true })
			.click();
		await expect(frame.getByRole('heading', { name: 'What happens' })).toBeVisible();
		const next = scenario.scenes
			.find((x) => x.id === scene)!
			.choices.find((c) => c.id === choiceId)!.goto;
		await frame.getByRole('button', { name: /Continue|See the outcome/ }).click();
		scene = next;
	}
}

/** Make only the last decision of `path`; the scenario stands at the scene before it. */
export async function decideLast(frame: Scope, module: Module, scenario: Scenario, path: string[]) {
	let scene = scenario.start;
	for (const choiceId of path.slice(0, -1)) {
		scene = scenario.scenes
			.find((x) => x.id === scene)!
			.choices.find((c) => c.id === choiceId)!.goto;
	}
	const label = text(module.id).scenarios[scenario.id].scenes[scene].choices[path.at(-1)!].label;
	await frame
		.getByRole('group', { name: 'What do you do?' })
		.getByRole('button', { name: label, exact: true })
		.click();
}

/** Complete every lesson of a module, answering each check (correctly unless told otherwise). */
export async function completeLessons(frame: Scope, module: Module, correctly = true) {
	for (const lesson of module.lessons) {
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
			text(module.id).lessons[lesson.id].title
		);
		for (const block of lesson.blocks) {
			const question = module.questions.find((q) => block.type === 'question' && q.id === block.id);
			if (question) await answer(frame, module, question, correctly);
		}
		await frame.getByRole('button', { name: 'Next' }).click();
	}
}

export const lessonTitle = (module: Module, lessonId: string): string =>
	text(module.id).lessons[lessonId].title;
export const moduleTitle = (module: Module): string => text(module.id).title;
export const scenarioTitle = (module: Module, scenarioId: string): string =>
	text(module.id).scenarios[scenarioId].title;
export const imageAlt = (module: Module, lessonId: string, blockId: string): string =>
	text(module.id).lessons[lessonId][blockId].alt;

/** Inject a fault from the preview LMS's fault menu, by its label, as a tester would. */
export async function injectFault(page: Page, name: FaultName) {
	const fault = FAULTS.find((f) => f.name === name)!;
	const launchBefore = await page.evaluate(() => window.previewLms!.launch);
	await page.getByLabel('Inject a fault').selectOption({ label: fault.label });
	await page.getByRole('button', { name: 'Inject', exact: true }).click();
	if (name === 'close-window') await relaunched(page, launchBefore + 1);
	else await expect(page.locator('#fault-status')).toContainText(fault.label);
}

/** Clear every fault from the menu. */
export async function clearFaults(page: Page) {
	await page.getByRole('button', { name: 'Clear faults' }).click();
	await expect(page.locator('#fault-status')).toHaveText('No faults.');
}

/** Wait until the LMS has (re)launched the course as launch number `launch` and it has loaded. */
export async function relaunched(page: Page, launch: number) {
	await expect.poll(() => page.evaluate(() => window.previewLms!.launch)).toBe(launch);
	await page.evaluate(() => window.previewLms!.whenLoaded());
	await expect(
		page.frameLocator('iframe[title="Course"]').getByRole('heading', { level: 1 })
	).toBeVisible();
}

/** The learner state in the LMS's cmi.suspend_data, as the course reads it. */
export async function savedState(page: Page) {
	const data = (await dataModel(page))['cmi.suspend_data'] ?? '';
	return decodeState({ data, course, fallbackLanguage: 'en' });
}

/** No value a strict LMS rejects was sent, and every failed call is one the test injected. */
export async function expectOnlyInjectedFailures(page: Page) {
	const { failures, rejected } = await page.evaluate(() => ({
		failures: window.previewLms!.failures().filter((c) => !c.fault),
		rejected: window.previewLms!.rejected()
	}));
	expect(failures, 'API calls that failed on their own').toEqual([]);
	expect(rejected, 'values a strict LMS rejects').toEqual([]);
}

/** The knowledge check shows the learner's answer as given (progress kept). */
export async function expectAnswered(frame: Scope, module: Module, question: Question) {
	const form = frame.getByRole('form', { name: text(module.id).questions[question.id].prompt });
	await expect(form.getByRole('status')).toContainText(/Correct\.|Not quite\./);
}
