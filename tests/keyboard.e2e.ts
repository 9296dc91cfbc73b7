// Keyboard alone (issue #6): the whole course, every scenario ending and the assessment with keys
// only (Tab, Shift+Tab, Enter, Space, arrows: no clicks, no fills); focus moves to each new
// screen's or step's heading; on every screen type the skip link comes first and lands in main,
// every Tab stop shows an indicator of at least 2 px and 3:1 against what is beside it, and
// focus goes round the page and out of it both ways (no trap).
import { expect, test, type Page } from '@playwright/test';
import {
	allModulesDone,
	assessmentItems,
	bankItemOf,
	bestPath,
	course,
	dataModel,
	emptyStateAt,
	endingTitle,
	expectCleanCalls,
	goTo,
	keepLocally,
	launch,
	lessonTitle,
	moduleTitle,
	openAlone,
	pathTo,
	resumeFrom,
	scenarioTitle,
	scenariosToPlay
} from './harness.ts';
import {
	OUTSIDE,
	activate,
	answerByKeys,
	expectHeadingFocused,
	installProbe,
	judgeRing,
	playByKeys,
	stop,
	tabTo,
	textOf,
	type Scope,
	type Stop
} from './keyboard-helpers.ts';
import { isRtlLanguage } from '../src/lib/content/markup.ts';
import type { Module } from '../src/lib/course/types.ts';
import type { LearnerState } from '../src/lib/course/progress.ts';

test.beforeEach(({ page }) => installProbe(page));

/** Every lesson and check of a module, then its scenarios on their best path, by keyboard. */
async function completeModuleByKeys(page: Page, scope: Scope, module: Module) {
	const text = textOf(module.id);
	for (const lesson of module.lessons) {
		await expectHeadingFocused(scope, lessonTitle(module, lesson.id));
		for (const block of lesson.blocks) {
			const question = module.questions.find((q) => block.type === 'question' && q.id === block.id);
			if (!question) continue;
			const q = text.questions[question.id];
			const form = scope.getByRole('form', { name: q.prompt });
			await answerByKeys(page, form, q, question);
			await activate(page, form.getByRole('button', { name: 'Check my answer' }));
			// The verdict is announced where it appears; focus stays in the check, not on it.
			await expect(form.locator('.feedback[role="status"]')).toContainText('Correct.');
			await expect(form).toBeFocused();
		}
		await activate(page, scope.getByRole('button', { name: 'Next' }));
	}
	for (const scenario of module.scenarios) {
		await expectHeadingFocused(scope, scenarioTitle(module, scenario.id));
		await playByKeys(page, scope, module, scenario, bestPath(scenario));
		await activate(page, scope.getByRole('button', { name: /^(Next|Finish)$/ }));
	}
}

test('the whole patrol course by keyboard alone in SCORM 2004: every lesson, check kind, scenario and the assessment, recorded passed', async ({
	page
}) => {
	test.setTimeout(600_000);
	const frame = await launch(page, 'scorm2004');
	const first = course.modules[0]!;
	await activate(
		page,
		frame.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(first)}`) })
	);
	const kinds = new Set<string>();
	for (const m of course.modules) {
		await completeModuleByKeys(page, frame, m);
		for (const q of m.questions) kinds.add(q.kind);
	}
	expect([...kinds].sort()).toEqual(['match', 'multiple', 'order', 'single', 'truefalse']);

	// The last Finish leads to the assessment.
	await expectHeadingFocused(frame, 'Final assessment');
	await activate(page, frame.getByRole('button', { name: 'Start the assessment' }));
	await expectHeadingFocused(frame, 'Final assessment');
	const items = frame.locator('form.assessment .assessment-items > li');
	await expect(items).toHaveCount(course.assessmentSize);
	const drawn: string[] = [];
	for (let n = 0; n < course.assessmentSize; n++) {
		const item = items.nth(n);
		const legend = (await item.locator('legend').textContent()) ?? '';
		const found = bankItemOf(legend, drawn)!;
		drawn.push(found.question.id);
		await answerByKeys(
			page,
			item,
			textOf(found.module.id).assessment[found.question.id],
			found.question
		);
	}
	await activate(page, frame.getByRole('button', { name: 'Submit the assessment' }));
	// The results replace the form: focus goes back to the top of the screen.
	await expectHeadingFocused(frame, 'Final assessment');
	await expect(frame.getByText('You passed the course.')).toBeVisible();
	await activate(page, frame.getByRole('button', { name: 'Save and exit' }));
	await expectHeadingFocused(frame, 'Your progress is saved');
	await expect.poll(() => page.evaluate(() => window.previewLms!.state)).toBe('terminated');

	const cmi = await dataModel(page);
	expect(cmi['cmi.completion_status']).toBe('completed');
	expect(cmi['cmi.success_status']).toBe('passed');
	expect(cmi['cmi.score.scaled']).toBe('1');
	await expectCleanCalls(page);
});

// Every ending of every scenario, in the variant that ships it (as tests/scenarios.e2e.ts does
// with the mouse).
for (const { variant, standard, course: c, module, scenario } of scenariosToPlay()) {
	test(`${variant}: every ending of ${module.id}/${scenario.id} by keyboard`, async ({ page }) => {
		test.setTimeout(60_000 + scenario.endings.length * 20_000);
		await launch(page, standard, variant);
		await resumeFrom(page, emptyStateAt(`m/${module.id}/s/${scenario.id}`), c);
		const frame = page.frameLocator('iframe[title="Course"]');
		for (const ending of scenario.endings) {
			await playByKeys(page, frame, module, scenario, pathTo(scenario, ending.id));
			await expect(frame.getByRole('heading', { name: /^Outcome:/ })).toContainText(
				endingTitle(module, scenario.id, ending.id)
			);
			await activate(page, frame.getByRole('button', { name: 'Play the scenario again' }));
			await expect(frame.getByRole('heading', { name: 'Decision 1' })).toBeFocused();
		}
		await expectCleanCalls(page);
	});
}

/**
 * Go round the screen with Tab from outside the page and back out, then with Shift+Tab; then the
 * skip link. Returns the forward stops, each with its focus indicator judged.
 */
async function walk(page: Page, screen: string): Promise<Stop[]> {
	const limit = 400;
	const round = async (key: string, measure: boolean): Promise<Stop[]> => {
		const stops: Stop[] = [];
		for (;;) {
			await page.keyboard.press(key);
			const s = await stop(page, measure);
			if (s.where === OUTSIDE) return stops;
			stops.push(s);
			if (stops.length > limit) {
				throw new Error(
					`${screen}: ${key} never left the page (a trap?); its last stops: ${stops
						.slice(-30)
						.map((x) => x.where)
						.join(' → ')}`
				);
			}
		}
	};
	// Out of the page first, wherever focus was, as a learner coming from the address bar.
	await round('Tab', false);
	const forward = await round('Tab', true);
	const backward = await round('Shift+Tab', false);
	const order = forward.map((s) => s.where);
	expect(order.length, `${screen}: Tab stops`).toBeGreaterThan(2);
	expect(
		backward.map((s) => s.where),
		`${screen}: Shift+Tab goes the same way back`
	).toEqual(order.toReversed());
	expect(forward[0]!.kind, `${screen}: the first Tab stop`).toBe('skip link');
	expect(forward[0]!.ring!.inView, `${screen}: the skip link shows when focused`).toBe(true);
	const weak = forward.flatMap((s) => {
		const { problems } = judgeRing(s.ring!);
		return problems.length ? [`${s.where} (${s.kind}): ${problems.join(', ')}`] : [];
	});
	expect(weak, `${screen}: focus indicators under 2 px or 3:1`).toEqual([]);

	// The skip link: first from outside, Enter puts focus on main, the next Tab is inside main.
	await page.keyboard.press('Tab');
	expect((await stop(page)).kind).toBe('skip link');
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	await page.keyboard.press('Tab');
	const next = await stop(page);
	// Past the header: into main, or (a screen whose main holds no control) the footer, out or
	// round again.
	const past = forward.some((s) => s.inMain)
		? next.inMain
		: next.inFooter || next.where === OUTSIDE || next.kind === 'skip link';
	expect(past, `${screen}: the Tab after the skip link reached ${next.where}`).toBe(true);
	return forward;
}

test('every screen type: skip link first, a visible indicator of 3:1 and 2 px at every Tab stop, no trap either way, focus on each new heading', async ({
	page
}) => {
	test.setTimeout(300_000);
	// The lowest indicator contrast met per kind of control, for the report.
	const kinds = new Map<string, number>();
	const check = async (screen: string) => {
		for (const s of await walk(page, screen)) {
			const { ratio } = judgeRing(s.ring!);
			kinds.set(s.kind, Math.min(kinds.get(s.kind) ?? Infinity, ratio));
		}
	};
	const m1 = course.modules[0]!;
	await openAlone(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await check('home');

	// A lesson, from the module's link: focus on its heading.
	await activate(page, page.getByRole('link', { name: new RegExp(`Start.*${moduleTitle(m1)}`) }));
	await expectHeadingFocused(page, lessonTitle(m1, m1.lessons[0]!.id));
	await check('lesson');
	// A reveal opens with Enter, a checklist ticks with Space (in lessons after this one; a reveal
	// in the core, not inside a closed "Go deeper", which tests/deeper.e2e.ts opens by keyboard).
	const [rm, reveal] = course.modules
		.flatMap((m) => m.lessons.slice(1).map((l) => [m, l] as const))
		.find(([, l]) => l.blocks.some((b) => b.type === 'reveal' && !b.depth))!;
	await goTo(page, `m/${rm.id}/l/${reveal.id}`);
	await expectHeadingFocused(page, lessonTitle(rm, reveal.id));
	await activate(page, page.locator('.reveal summary').first());
	await expect(page.locator('.reveal details').first()).toHaveAttribute('open');
	const checklist = m1.lessons.slice(1).find((l) => l.blocks.some((b) => b.type === 'checklist'))!;
	await goTo(page, `m/${m1.id}/l/${checklist.id}`);
	await expectHeadingFocused(page, lessonTitle(m1, checklist.id));
	const tick = page.locator('.checklist input').first();
	await activate(page, tick, 'Space');
	await expect(tick).toBeChecked();
	// Lessons with an ordering and a sorting question, from whichever module has one.
	for (const kind of ['order', 'match'] as const) {
		const m = course.modules.find((x) => x.questions.some((q) => q.kind === kind))!;
		const question = m.questions.find((q) => q.kind === kind)!;
		const lesson = m.lessons.find((l) => l.blocks.some((b) => b.id === question.id))!;
		await goTo(page, `m/${m.id}/l/${lesson.id}`);
		await expectHeadingFocused(page, lessonTitle(m, lesson.id));
		await check(`lesson with ${kind}`);
	}

	// A scenario: its first decision, the debrief of its shortest ending, a consequence.
	const scenario = m1.scenarios[0]!;
	await goTo(page, `m/${m1.id}/s/${scenario.id}`);
	await expectHeadingFocused(page, scenarioTitle(m1, scenario.id));
	await check('scenario decision');
	const path = scenario.endings
		.map((e) => pathTo(scenario, e.id))
		.reduce((a, b) => (b.length < a.length ? b : a));
	await playByKeys(page, page, m1, scenario, path);
	await check('scenario debrief');
	await activate(page, page.getByRole('button', { name: 'Play the scenario again' }));
	await expect(page.getByRole('heading', { name: 'Decision 1' })).toBeFocused();
	await activate(page, page.locator('.choice').first());
	await expect(page.getByRole('heading', { name: 'What happens' })).toBeFocused();
	await check('scenario consequence');

	// Home through the header's course title, Save and exit: focus on each new heading.
	const home = async () => {
		const title = page.getByRole('link', { name: course.title.en!, exact: true });
		await tabTo(page, title, { backward: true });
		await page.keyboard.press('Enter');
		await expectHeadingFocused(page, course.title.en!);
	};
	const exit = async () => {
		await activate(page, page.getByRole('button', { name: 'Save and exit' }));
		await expectHeadingFocused(page, 'Your progress is saved');
	};
	// A prepared state, resumed from the home route: once the course has finished, its own last
	// save cannot overwrite the state kept for it.
	const keep = async (state: LearnerState, status: { completion: string; success: string }) => {
		await home();
		await exit();
		await keepLocally(page, state, status);
	};
	await home();
	await exit();
	await check('exit');

	// The assessment: its start, an attempt with one item of each kind, the results.
	const done = allModulesDone();
	const local = { completion: 'incomplete', success: 'unknown' };
	await keepLocally(page, { ...done, location: 'assessment' }, local);
	await expect(page.getByRole('button', { name: 'Start the assessment' })).toBeVisible();
	await check('assessment start');
	const bank = [...assessmentItems().values()].map((b) => b.question);
	const kindsInAttempt = ['single', 'multiple', 'truefalse', 'order', 'match'] as const;
	const items = kindsInAttempt.map((kind) => bank.find((q) => q.kind === kind)!.id);
	const attempt = { attempt: 1, items, answers: {}, submitted: false, best: undefined };
	await keep({ ...done, location: 'assessment', assessment: attempt }, local);
	await expect(page.locator('form.assessment')).toBeVisible();
	await check('assessment in progress');
	// Submitting with questions unanswered: focus on the message that says which.
	await activate(page, page.getByRole('button', { name: 'Submit the assessment' }));
	await expect(page.getByRole('alert')).toBeFocused();
	// (An ordering left as shown counts as answered.)
	const open = kindsInAttempt.flatMap((kind, i) => (kind === 'order' ? [] : [i + 1]));
	await expect(page.getByRole('alert')).toContainText(`Not answered yet: ${open.join(', ')}.`);
	const failed = { ...attempt, submitted: true, best: 0 };
	await keep({ ...done, location: 'assessment', assessment: failed }, local);
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await check('assessment results');

	// Passed: the screens the home page links to, each reached with Enter, and home again through
	// the header's course title.
	const passed = { ...attempt, submitted: true, best: 1, passedOn: Date.UTC(2026, 10, 25) };
	await keep(
		{ ...done, location: '', assessment: passed },
		{ completion: 'completed', success: 'passed' }
	);
	for (const [link, heading] of [
		['Glossary and sources', 'Resources'],
		['Pocket card (printable)', 'Pocket card'],
		['Certificate of completion (printable)', 'Certificate of completion'],
		['Handouts to give the person, in 11 languages', 'Handouts for a person who may be a victim']
	] as const) {
		await activate(page, page.getByRole('link', { name: link, exact: true }));
		await expectHeadingFocused(page, heading);
		await check(heading);
		await home();
	}
	await activate(
		page,
		page.getByRole('link', { name: 'Handouts to give the person, in 11 languages' })
	);
	await activate(page, page.getByRole('link', { name: 'Español', exact: true }));
	// The handout's own heading, not the loading screen's that comes first (its text arrives as a
	// separate file): walking the loading screen saw fewer stops than the handout has.
	await expect(page.locator('article.handout h1')).toBeFocused();
	await expect(page.getByRole('button', { name: 'Print this handout' })).toBeVisible();
	await check('handout');

	const seen = Object.fromEntries([...kinds].map(([k, r]) => [k, Number(r.toFixed(2))]));
	test
		.info()
		.annotations.push({ type: 'lowest focus contrast by kind', description: JSON.stringify(seen) });
	for (const kind of [
		'skip link',
		'link',
		'button',
		'language picker',
		'disclosure',
		'checkbox',
		'radio',
		'ordering button',
		'sorting menu',
		'scenario choice'
	]) {
		expect(seen[kind], `the walk met a ${kind}`).toBeGreaterThanOrEqual(3);
	}
});

// Right to left: the same Tab walk (skip link first, a 2 px / 3:1 indicator at every stop, no
// trap either way) on each kind of screen in every right-to-left language the course ships.
for (const lang of course.languages.filter((l) => isRtlLanguage(l))) {
	test(`right to left (${lang}): skip link first, a 3:1 and 2 px indicator at every Tab stop, no trap, on each kind of screen`, async ({
		page
	}) => {
		test.setTimeout(240_000);
		await openAlone(page);
		const local = { completion: 'incomplete', success: 'unknown' };
		await keepLocally(page, { ...allModulesDone(), language: lang, location: '' }, local);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const m1 = course.modules[0]!;
		const ordering = course.modules
			.flatMap((m) => m.lessons.map((l) => [m, l] as const))
			.find(([m, l]) =>
				l.blocks.some((b) => m.questions.some((q) => q.id === b.id && q.kind === 'order'))
			)!;
		const screens: [string, string][] = [
			['home', ''],
			['lesson with an ordering', `m/${ordering[0].id}/l/${ordering[1].id}`],
			['scenario', `m/${m1.id}/s/${m1.scenarios[0]!.id}`],
			['assessment', 'assessment'],
			['resources', 'resources'],
			['pocket card', 'card'],
			['handouts', 'handouts']
		];
		for (const [screen, route] of screens) {
			await goTo(page, route);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await walk(page, `${lang} ${screen}`);
		}
	});
}
