// The e2e harness: the preview LMS page, the course inside its frame, and the real content to
// drive it (answers and best scenario paths come from modules/, not from copies in the tests).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** Where the course is: its own page, or the frame inside the preview LMS. */
export type Scope = Page | FrameLocator;
import { loadCourseContent } from '../src/lib/content/load.ts';
import { proveScenario } from '../src/lib/scenario/graph.ts';
import type { Module, Question, Scenario } from '../src/lib/course/types.ts';
import type { FaultName, FlatCmi } from '../scorm/preview/contract.ts';
import { FAULTS } from '../scorm/preview/faults.ts';
import { decodeState, encodeState } from '../src/lib/course/codec.ts';
import {
	correctAnswer,
	emptyState,
	initialOrder,
	type LearnerState
} from '../src/lib/course/progress.ts';

export const content = loadCourseContent({ root: join(process.cwd(), 'modules') });
export const { course } = content;
/** The campus public-safety variant (profiles/campus.yaml): the campus module, no traffic stop. */
export const campusContent = loadCourseContent({
	root: join(process.cwd(), 'modules'),
	profile: join(process.cwd(), 'profiles', 'campus.yaml')
});
export const campusCourse = campusContent.course;
export const STANDARDS = ['scorm12', 'scorm2004'] as const;

/**
 * Every scenario once, in the variant that ships it: the patrol bundle in SCORM 2004 for all but
 * the campus-only scenario, which plays in the campus bundle in SCORM 1.2.
 */
export function scenariosToPlay() {
	const variants = [
		{ variant: 'patrol', standard: 'scorm2004', course },
		{ variant: 'campus', standard: 'scorm12', course: campusCourse }
	] as const;
	const inPatrol = (id: string) => course.modules.some((m) => m.scenarios.some((s) => s.id === id));
	return variants.flatMap(({ variant, standard, course: c }) =>
		c.modules.flatMap((module) =>
			module.scenarios
				.filter((scenario) => variant === 'patrol' || !inPatrol(scenario.id))
				.map((scenario) => ({ variant, standard, course: c, module, scenario }))
		)
	);
}
export type Standard = (typeof STANDARDS)[number];

type Text = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const text = (ns: string): Text =>
	(content.resources.en![ns] ?? campusContent.resources.en![ns]) as Text;

/** The zip `npm run package` wrote for a standard (or the cmi5 one), patrol or campus variant. */
export function bundleName(
	standard: Standard | 'cmi5',
	variant: 'patrol' | 'campus' = 'patrol'
): string {
	// This version's zip: dist/ may still hold an older version's.
	const name = [course.id, ...(variant === 'campus' ? ['campus'] : []), course.version, standard]
		.join('-')
		.concat('.zip');
	if (!existsSync(join('dist', name))) throw new Error(`dist/ has no ${name}: run npm run package`);
	return name;
}

/** Open the preview LMS player on a bundle; returns the course frame. */
export async function launch(
	page: Page,
	standard: Standard,
	variant: 'patrol' | 'campus' = 'patrol'
): Promise<FrameLocator> {
	await page.goto(`/player.html?bundle=${encodeURIComponent(bundleName(standard, variant))}`);
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

/** The interface labels `fillAnswer` reads (`ui.check` of a language; English by default). */
type CheckLabels = { up: string; true: string; false: string };

/** Set a question's controls inside `scope`: the correct answer, or a complete wrong one. */
export async function fillAnswer(
	scope: Locator,
	q: Text,
	question: Question,
	correctly: boolean,
	labels: CheckLabels = { up: 'Move up', true: 'True', false: 'False' }
): Promise<void> {
	if (question.kind === 'order') {
		// Left as first shown the order is wrong (initialOrder never shows the right one).
		if (!correctly) return;
		const current = initialOrder(question);
		for (const [i, item] of question.items.entries()) {
			for (let p = current.indexOf(item); p > i; p--) {
				await scope
					.getByRole('button', { name: `${labels.up}: ${q.items[item]}`, exact: true })
					.click();
				[current[p - 1], current[p]] = [current[p]!, current[p - 1]!];
			}
		}
		return;
	}
	if (question.kind === 'match') {
		for (const [i, item] of question.items.entries()) {
			const wrong = question.categories.find((c) => c !== question.key[i])!;
			const category = correctly || i > 0 ? question.key[i]! : wrong;
			await scope
				.getByLabel(q.items[item], { exact: true })
				.selectOption({ label: q.categories[category] });
		}
		return;
	}
	const picks = correctly
		? question.options.filter((o) => o.correct)
		: [question.options.find((o) => !o.correct)!];
	const role = question.kind === 'multiple' ? 'checkbox' : 'radio';
	for (const o of picks) {
		// Options read "A. text": the letter the explanation refers to, then the option.
		const name =
			question.kind === 'truefalse'
				? o.id === 't'
					? labels.true
					: labels.false
				: `${o.id.toUpperCase()}. ${q.options[o.id]}`;
		await scope.getByRole(role, { name, exact: true }).check();
	}
}

/** Answer a knowledge check through the UI, correctly or with a wrong answer. */
export async function answer(frame: Scope, module: Module, question: Question, correctly = true) {
	const q = text(module.id).questions[question.id];
	const form = frame.getByRole('form', { name: q.prompt });
	await fillAnswer(form, q, question, correctly);
	await form.getByRole('button', { name: 'Check my answer' }).click();
	// Generous: an LMS whose commit hangs (tests/faults.e2e.ts) freezes the page for seconds.
	await expect(form.locator('.feedback[role="status"]')).toContainText(
		correctly ? 'Correct.' : 'Not quite.',
		{
			timeout: 15_000
		}
	);
}

/** Complete a module from its first lesson: lessons, checks, each scenario on its best path. */
export async function completeModule(frame: Scope, module: Module, correctly = true) {
	await completeLessons(frame, module, correctly);
	for (const scenario of module.scenarios) {
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
			scenarioTitle(module, scenario.id)
		);
		await playScenario(frame, module, scenario, bestPath(scenario));
		await expect(frame.getByRole('heading', { name: /^Outcome:/ })).toBeVisible();
		await frame.getByRole('button', { name: /^(Next|Finish)$/ }).click();
	}
}

/** Every assessment item of the course, by id. */
export function assessmentItems(c = course): Map<string, { module: Module; question: Question }> {
	return new Map(
		c.modules.flatMap((m) => m.assessment.map((q) => [q.id, { module: m, question: q }]))
	);
}

/**
 * The bank item an assessment item's legend shows (not one already `drawn`): the longest prompt the
 * legend holds, as a short prompt ("What should you do?") can also end a longer one.
 */
export function bankItemOf(legend: string, drawn: string[]) {
	const prompt = ({ module, question }: { module: Module; question: Question }) =>
		text(module.id).assessment[question.id].prompt as string;
	return [...assessmentItems().values()]
		.filter((c) => legend.includes(prompt(c)) && !drawn.includes(c.question.id))
		.sort((a, b) => prompt(b).length - prompt(a).length)[0];
}

/**
 * Take the final assessment through the UI (it must be open): answer `wrong` of the drawn items
 * wrongly and the rest correctly, then submit. Returns the drawn item ids in order.
 */
export async function takeAssessment(
	frame: Scope,
	options: { wrong: number; submit?: boolean }
): Promise<string[]> {
	const start = frame.getByRole('button', {
		name: /^(Start the assessment|Take the assessment again)$/
	});
	// The form's items (the results screen has a review list of the same shape).
	const items = frame.locator('form.assessment .assessment-items > li');
	await expect(start.or(items.first())).toBeVisible();
	if (await start.isVisible()) await start.click();
	await expect(items.first()).toBeVisible();
	const count = await items.count();
	const drawn: string[] = [];
	for (let n = 0; n < count; n++) {
		const item = items.nth(n);
		const legend = (await item.locator('legend').textContent()) ?? '';
		const found = bankItemOf(legend, drawn);
		if (!found) throw new Error(`No bank item matches the legend "${legend}"`);
		drawn.push(found.question.id);
		const q = text(found.module.id).assessment[found.question.id];
		await fillAnswer(item, q, found.question, n >= options.wrong);
	}
	if (options.submit === false) return drawn;
	await frame.getByRole('button', { name: 'Submit the assessment' }).click();
	await expect(frame.getByRole('heading', { name: 'Your result' })).toBeVisible();
	return drawn;
}

/** A path through a scenario that ends at `endingId` (the shortest one). */
export function pathTo(scenario: Scenario, endingId: string): string[] {
	const paths = proveScenario(scenario).paths.filter((p) => p.ending === endingId);
	if (!paths.length) throw new Error(`No path of ${scenario.id} ends at ${endingId}`);
	return paths.reduce((a, b) => (b.choices.length < a.choices.length ? b : a)).choices;
}

/** Relaunch the course from a prepared learner state (as if the last launch had saved it). */
export async function resumeFrom(page: Page, state: LearnerState, c = course) {
	// Newer than anything this browser kept (a count in milliseconds, above any count of changes), so the course resumes
	// from it (restore.ts).
	const stamp = { revision: Date.now(), savedAt: Date.now() };
	const data = encodeState({ state, course: c, stamp });
	const location = page.evaluate(() => window.previewLms!.standard);
	const key = (await location) === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location';
	await page.evaluate(
		({ data, key, where }) =>
			window.previewLms!.resumeWith({ 'cmi.suspend_data': data, [key]: where }),
		{ data, key, where: state.location || 'home' }
	);
	await expect(
		page.frameLocator('iframe[title="Course"]').getByRole('heading', { level: 1 })
	).toBeVisible();
}

/** The course at its LMS sub-path with no LMS API around it (it keeps progress in the browser). */
export async function openAlone(page: Page, route = '') {
	await page.goto(`/player.html?bundle=${encodeURIComponent(bundleName('scorm12'))}`);
	const config = JSON.parse((await page.locator('#preview-config').textContent())!);
	await page.goto(route ? `${config.launchUrl}#/${route}` : config.launchUrl);
}

/**
 * Go to a course route with no LMS around the course, as a learner editing the address would:
 * SvelteKit's hash router reloads the page on an edited hash. Waits for that reload, then for the
 * new screen's heading, so nothing is read from the screen being left.
 */
export async function goTo(page: Page, route: string) {
	const hash = `#/${route}`;
	if ((await page.evaluate(() => location.hash)) !== hash) {
		await Promise.all([
			page.waitForEvent('load'),
			page.evaluate((to) => (location.hash = to), hash)
		]);
	}
	await expect(page.locator('main h1')).toBeVisible();
}

/**
 * Go to a course route inside the LMS frame through a link, as the course's own links go. (An
 * edited hash makes SvelteKit's hash router reload the page, which would end the LMS session.)
 */
export async function followLink(frame: FrameLocator, route: string) {
	await frame.locator('body').evaluate((body, href) => {
		const link = Object.assign(document.createElement('a'), { href, id: 'follow-link' });
		link.textContent = href;
		body.append(link);
	}, `#/${route}`);
	await frame.locator('#follow-link').click();
	await frame.locator('#follow-link').evaluate((link) => link.remove());
}

/** With no LMS around it: keep `state` in the browser as the course does, and reload on it. */
export async function keepLocally(
	page: Page,
	state: LearnerState,
	status: { completion: string; success: string }
) {
	const report = {
		location: state.location,
		suspendData: encodeState({ state, course }),
		...status
	};
	await page.evaluate(({ key, report }) => localStorage.setItem(key, JSON.stringify(report)), {
		key: `course-progress:${course.id}`,
		report
	});
	await page.reload();
}

/** In the preview LMS: resume with every module done and open the final assessment. */
export async function openAssessment(page: Page): Promise<FrameLocator> {
	await resumeFrom(page, allModulesDone());
	const frame = page.frameLocator('iframe[title="Course"]');
	await frame.getByRole('link', { name: /Start\s*Final assessment/ }).click();
	return frame;
}

/** A learner state with every module of `c` done (lessons, checks right, scenarios on their best path). */
export function allModulesDone(c = course): LearnerState {
	const state = emptyState({ language: 'en' });
	for (const m of c.modules) {
		state.modules[m.id] = {
			lessonsDone: m.lessons.map((l) => l.id),
			attempt: 1,
			answers: Object.fromEntries(m.questions.map((q) => [q.id, correctAnswer(q)])),
			scenarios: Object.fromEntries(m.scenarios.map((s) => [s.id, bestPath(s)])),
			scenariosDone: m.scenarios.map((s) => s.id)
		};
	}
	return state;
}

/** A final assessment passed with full marks (on the course's facts date), as the course keeps it. */
export const PASSED_ASSESSMENT = {
	attempt: 1,
	items: [],
	answers: {},
	submitted: true,
	best: 1,
	passedOn: Date.UTC(2026, 10, 25)
};

/** The highest-scoring path through a scenario (choice ids). */
export function bestPath(scenario: Scenario): string[] {
	const paths = proveScenario(scenario).paths;
	return paths.reduce((a, b) => (b.points > a.points ? b : a)).choices;
}

/** The knowledge checks of a lesson, in order. */
export function lessonChecks(module: Module, lessonId: string): Question[] {
	const lesson = module.lessons.find((l) => l.id === lessonId)!;
	return lesson.blocks.flatMap((b) =>
		b.type === 'question' ? module.questions.filter((q) => q.id === b.id) : []
	);
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

export const endingTitle = (module: Module, scenarioId: string, endingId: string): string =>
	text(module.id).scenarios[scenarioId].endings[endingId].title;

/** A fresh learner state that stands on `location`. */
export function emptyStateAt(location: string): LearnerState {
	return { ...emptyState({ language: 'en' }), location };
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
	await expect(form.locator('.feedback[role="status"]')).toContainText(/Correct\.|Not quite\./);
}
