// One walk through every screen type and state of the course, in one language, for the
// accessibility tests: each test file passes the check it makes at each stop (axe and the
// accessibility tree, reflow, text spacing, motion). The walk reads its texts from the content in
// the walk's language, so a language added to the course is walked without a change here.
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import i18next from 'i18next';
import {
	allModulesDone,
	assessmentItems,
	content,
	course,
	fillAnswer,
	injectFault,
	keepLocally,
	emptyStateAt,
	launch,
	goTo,
	lessonChecks,
	openAlone,
	resumeFrom,
	PASSED_ASSESSMENT
} from './harness.ts';
import type { Module, Question } from '../src/lib/course/types.ts';
import {
	correctAnswer,
	emptyState,
	initialOrder,
	type LearnerState
} from '../src/lib/course/progress.ts';

type Text = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A language's text of one namespace (`course` holds the interface labels under `ui`). */
export const textOf = (lang: string, ns: string): Text => content.resources[lang]![ns] as Text;
/** The interface labels in a language. */
export const uiOf = (lang: string): Text => textOf(lang, 'course').ui as Text;
/** The direction the course gives a language (the same call it makes). */
export const dirOf = (lang: string): 'ltr' | 'rtl' => i18next.dir(lang);

/** One stop of the walk: what is on screen, and where the course is (its own page or a frame). */
export interface Stop {
	name: string;
	page: Page;
	/** The course frame inside the preview LMS (the not-saved notice needs an LMS that refuses). */
	frame?: Frame;
	/** The screen has Previous / Next (a navigation landmark). */
	nav?: boolean;
}
export type Check = (stop: Stop) => Promise<void>;

/** The first lesson holding each question kind, and the first holding each kind of media. */
export function lessonStops(): { module: Module; lessonId: string; reason: string }[] {
	const stops: { module: Module; lessonId: string; reason: string }[] = [];
	const add = (reason: string, found: { module: Module; lessonId: string } | undefined) => {
		if (!found) return;
		const same = stops.find((s) => s.module === found.module && s.lessonId === found.lessonId);
		if (same) same.reason += `, ${reason}`;
		else stops.push({ ...found, reason });
	};
	const lessons = course.modules.flatMap((module) =>
		module.lessons.map((lesson) => ({ module, lessonId: lesson.id, lesson }))
	);
	for (const kind of ['single', 'multiple', 'truefalse', 'order', 'match'] as const) {
		add(
			kind,
			lessons.find(({ module, lesson }) =>
				lesson.blocks.some(
					(b) => b.type === 'question' && module.questions.find((q) => q.id === b.id)?.kind === kind
				)
			)
		);
	}
	for (const media of ['image', 'video', 'audio'] as const) {
		add(
			media,
			lessons.find(({ lesson }) => lesson.blocks.some((b) => b.type === media))
		);
	}
	return stops;
}

/** Answer a knowledge check through the UI in `lang` and wait for its feedback. */
export async function answerIn(
	scope: Page | Frame,
	lang: string,
	module: Module,
	question: Question,
	correctly: boolean
): Promise<Locator> {
	const q = textOf(lang, module.id).questions[question.id];
	const ui = uiOf(lang);
	const form = scope.getByRole('form', { name: q.prompt });
	await fillAnswer(form, q, question, correctly, ui.check);
	await form.getByRole('button', { name: ui.check.submit }).click();
	await expect(form.locator('.feedback')).toContainText(
		correctly ? ui.check.correct : ui.check.incorrect,
		{ timeout: 15_000 }
	);
	return form;
}

/** A complete answer that is wrong, in the answer shape of the question's kind. */
export function wrongAnswer(question: Question): string[] {
	if (question.kind === 'order') return initialOrder(question);
	if (question.kind === 'match') {
		const [first, ...rest] = correctAnswer(question);
		return [question.categories.find((c) => c !== first)!, ...rest];
	}
	return [question.options.find((o) => !o.correct)!.id];
}

/** One assessment item of each kind, and one with a case, from the bank (in bank order). */
export function assessmentSample(): string[] {
	const items = [...assessmentItems().values()];
	const picked = new Set<string>();
	for (const kind of ['single', 'multiple', 'truefalse', 'order', 'match'] as const) {
		const found = items.find(({ question }) => question.kind === kind && !question.case);
		if (found) picked.add(found.question.id);
	}
	const withCase = items.find(({ question }) => question.case);
	if (withCase) picked.add(withCase.question.id);
	return items.map(({ question }) => question.id).filter((id) => picked.has(id));
}

/** Text as a regular expression that matches it literally. */
export const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wait for a screen's h1 to read `title` (that there is only one is the checks' business). */
async function onScreen(scope: Page | Frame, title: string) {
	await expect(scope.getByRole('heading', { level: 1 }).first()).toHaveText(title);
}

/**
 * Reopen the course (no LMS) on `state`, kept in the browser as the course keeps it. The state is
 * written from the preview's own page, after the course has unloaded: the course saves what it
 * holds on its way out, which would overwrite a state written under it.
 */
export async function reopenWith(
	page: Page,
	state: LearnerState,
	status: { completion: string; success: string }
) {
	const url = page.url().split('#')[0]!;
	await page.goto(new URL('/', url).href);
	await keepLocally(page, state, status);
	await page.goto(url);
}

/**
 * The course opened alone on an assessment attempt in progress (the sample of every item kind,
 * nothing answered yet), in `language`; returns the drawn items.
 */
export async function openAttemptInProgress(page: Page, language?: string): Promise<string[]> {
	await openAlone(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const items = assessmentSample();
	const attempt = { attempt: 1, items, answers: {}, submitted: false, best: undefined };
	await reopenWith(
		page,
		{
			...allModulesDone(),
			...(language ? { language } : {}),
			location: 'assessment',
			assessment: attempt
		},
		{ completion: 'incomplete', success: 'unknown' }
	);
	return items;
}

/** Open every disclosure (reveals, the Sources panel) so the check sees what they hold. */
async function openDisclosures(scope: Page | Frame) {
	const closed = scope.locator('details:not([open]) > summary');
	for (let n = await closed.count(); n > 0; n--) await closed.first().click();
	await expect(closed).toHaveCount(0);
}

/**
 * Walk every screen type and state in `lang`, calling `check` at each stop: home, a lesson for
 * each question kind and media kind (before and after feedback, disclosures open), a scenario
 * scene, a consequence and the debrief, the assessment (start, in progress with an item of every
 * kind and a case, results with the review of missed items), home once passed, resources, pocket
 * card, certificate, the handouts list and handouts, the exit screen; with `lms`, also the
 * not-saved notice and the unconfirmed exit in the preview LMS with commits refused.
 */
export async function walk(
	page: Page,
	lang: string,
	check: Check,
	options: { lms?: boolean } = {}
): Promise<string[]> {
	const ui = uiOf(lang);
	const visited: string[] = [];
	const stop = async (s: Omit<Stop, 'page'>) => {
		visited.push(s.name);
		await check({ page, ...s });
	};

	await openAlone(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	if (lang !== course.defaultLanguage) {
		await page
			.getByRole('combobox', { name: uiOf(course.defaultLanguage).language })
			.selectOption(lang);
	}
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	await expect(page.locator('html')).toHaveAttribute('dir', dirOf(lang));
	await onScreen(page, course.title[lang] ?? course.title[course.defaultLanguage]!);
	await expect(page.getByText(ui.localOnly)).toBeVisible();
	await stop({ name: 'home' });

	for (const [n, { module, lessonId, reason }] of lessonStops().entries()) {
		await goTo(page, `m/${module.id}/l/${lessonId}`);
		await onScreen(page, textOf(lang, module.id).lessons[lessonId].title);
		await openDisclosures(page);
		const checks = lessonChecks(module, lessonId);
		const order = checks.find((q) => q.kind === 'order');
		if (order) {
			// A move, so the ordering's announcement holds text.
			const form = page.getByRole('form', {
				name: textOf(lang, module.id).questions[order.id].prompt
			});
			await form
				.getByRole('button', { name: new RegExp(`^${literal(ui.check.down)}:`) })
				.first()
				.click();
		}
		if (n === 0) {
			// Checking without an answer: the error the learner reads.
			const first = page.locator('form.check').first();
			await first.getByRole('button', { name: ui.check.submit }).click();
			await expect(first.getByRole('alert')).toBeVisible();
		}
		await stop({ name: `lesson ${module.id}/${lessonId} (${reason})`, nav: true });
		for (const question of checks) await answerIn(page, lang, module, question, false);
		await stop({ name: `lesson ${module.id}/${lessonId} with feedback`, nav: true });
	}

	const module = course.modules.find((m) => m.scenarios.length)!;
	const scenario = module.scenarios[0]!;
	await goTo(page, `m/${module.id}/s/${scenario.id}`);
	await onScreen(page, textOf(lang, module.id).scenarios[scenario.id].title);
	// Found by their class: that they are a named group is one of the checks.
	const choices = page.locator('.choices');
	await expect(choices).toBeVisible();
	await stop({ name: 'scenario scene', nav: true });
	const next = page.getByRole('button', {
		name: new RegExp(`^(${literal(ui.scenario.continue)}|${literal(ui.scenario.seeOutcome)})$`)
	});
	const ending = page.getByRole('heading', {
		name: new RegExp(`^${literal(ui.scenario.ending)}:`)
	});
	await choices.getByRole('button').first().click();
	await expect(page.getByRole('heading', { name: ui.scenario.whatHappens })).toBeVisible();
	await openDisclosures(page);
	await stop({ name: 'scenario consequence', nav: true });
	// The first choice of every scene: every path ends (the build proves it).
	while (!(await ending.isVisible())) {
		if (await next.isVisible()) {
			await next.click();
			await expect(choices.or(ending)).toBeVisible();
		} else {
			await choices.getByRole('button').first().click();
			await expect(next).toBeVisible();
		}
	}
	await stop({ name: 'scenario debrief', nav: true });

	// Every check of the first module answered wrongly: home offers to try them again.
	const [m1] = course.modules;
	const wrong = Object.fromEntries(m1!.questions.map((q) => [q.id, wrongAnswer(q)]));
	const failing = { ...emptyState({ language: lang }), location: '' };
	failing.modules[m1!.id] = {
		lessonsDone: m1!.lessons.map((l) => l.id),
		attempt: 1,
		answers: wrong,
		scenarios: {},
		scenariosDone: []
	};
	await reopenWith(page, failing, { completion: 'incomplete', success: 'unknown' });
	await expect(
		page.getByRole('button', {
			name: ui.result.retry.replace('{{title}}', textOf(lang, m1!.id).title)
		})
	).toBeVisible();
	await stop({ name: 'home, knowledge checks to try again' });

	const done: LearnerState = { ...allModulesDone(), language: lang };
	const open = { completion: 'incomplete', success: 'unknown' };
	await reopenWith(page, { ...done, location: 'assessment' }, open);
	await onScreen(page, ui.assessment.title);
	await expect(page.getByRole('button', { name: ui.assessment.start })).toBeVisible();
	await stop({ name: 'assessment start' });

	const items = assessmentSample();
	const attempt = { attempt: 1, items, answers: {}, submitted: false, best: undefined };
	await reopenWith(page, { ...done, location: 'assessment', assessment: attempt }, open);
	await onScreen(page, ui.assessment.title);
	const submit = page.getByRole('button', { name: ui.assessment.submit });
	await submit.click();
	await expect(page.getByRole('alert')).toBeVisible();
	await stop({ name: 'assessment in progress (every kind, a case; unanswered error)' });
	const bank = assessmentItems();
	const rows = page.locator('form.assessment .assessment-items > li');
	for (const [i, id] of items.entries()) {
		const { module, question } = bank.get(id)!;
		const q = textOf(lang, module.id).assessment[id];
		await fillAnswer(rows.nth(i), q, question, false, ui.check);
	}
	await submit.click();
	await expect(page.getByRole('heading', { name: ui.assessment.review })).toBeVisible();
	await stop({ name: 'assessment results and review of missed items' });

	const passed = { completion: 'completed', success: 'passed' };
	await reopenWith(page, { ...done, location: '', assessment: PASSED_ASSESSMENT }, passed);
	await expect(page.getByText(ui.result.passed)).toBeVisible();
	await stop({ name: 'home, course passed' });
	const screens: [string, string][] = [
		['resources', ui.resources.title],
		['card', ui.card.title],
		['certificate', ui.certificate.title],
		['handouts', ui.handouts.title]
	];
	for (const [route, title] of screens) {
		await goTo(page, route);
		await onScreen(page, title);
		await stop({ name: route });
	}
	// The handout in the walk's language, and in the default language's walk each handout whose
	// direction differs from it (Arabic).
	const handouts = course.handouts.filter((h) =>
		lang === course.defaultLanguage
			? h.language === lang || h.dir !== dirOf(lang)
			: h.language === lang
	);
	for (const handout of handouts) {
		await goTo(page, `handouts/${handout.language}`);
		await expect(page.locator(`article.handout[lang="${handout.language}"] h1`)).toBeVisible();
		await stop({ name: `handout ${handout.language}` });
	}

	await page.getByRole('button', { name: ui.exit.button }).click();
	await onScreen(page, ui.exit.title);
	await stop({ name: 'exit' });

	if (options.lms) {
		// The not-saved notice: the preview LMS refuses every commit (tests/faults.e2e.ts).
		const [first] = lessonStops();
		const route = `m/${first!.module.id}/l/${first!.lessonId}`;
		await launch(page, 'scorm2004');
		await resumeFrom(page, { ...emptyStateAt(route), language: lang });
		const frame = await (await page
			.locator('iframe[title="Course"]')
			.elementHandle())!.contentFrame();
		if (!frame) throw new Error('The preview LMS shows no course frame');
		await onScreen(frame, textOf(lang, first!.module.id).lessons[first!.lessonId].title);
		await injectFault(page, 'commit-false');
		const [question] = lessonChecks(first!.module, first!.lessonId);
		await answerIn(frame, lang, first!.module, question!, true);
		await expect(frame.getByText(ui.notSaved.title)).toBeVisible({ timeout: 15_000 });
		await stop({ name: 'not-saved notice', frame, nav: true });
		await frame.getByRole('button', { name: ui.exit.button }).click();
		await onScreen(frame, ui.exit.unconfirmedTitle);
		await stop({ name: 'exit, save not confirmed', frame });
	}
	return visited;
}
