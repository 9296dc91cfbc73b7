// What a screen reader is told, read from Chromium's accessibility tree (roles, names, states,
// live regions), beyond what axe checks: knowledge checks and their feedback, lesson progress,
// scenario choices as a named group, orderings and sortings, the assessment, images, and the
// not-saved notice. The whole-screen checks (landmarks, one h1, the heading outline, named
// controls) run at every stop of the matrix (tests/a11y-matrix.e2e.ts).
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	assessmentItems,
	course,
	emptyStateAt,
	goTo,
	fillAnswer,
	imageAlt,
	injectFault,
	launch,
	lessonChecks,
	lessonTitle,
	openAlone,
	resumeFrom
} from './harness.ts';
import { axOf, axTree } from './a11y-tree.ts';
import { lessonStops, literal, openAttemptInProgress, textOf, uiOf } from './a11y-walk.ts';

const lang = course.defaultLanguage;
const ui = uiOf(lang);
const stops = lessonStops();
const stopFor = (reason: string) => stops.find((s) => s.reason.split(', ').includes(reason))!;

async function openLesson(page: Page, reason: string) {
	const { module, lessonId } = stopFor(reason);
	await openAlone(page, `m/${module.id}/l/${lessonId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, lessonId));
	return { module, lessonId, checks: lessonChecks(module, lessonId) };
}

/** Compiled rich text (paragraphs of runs, lists) as the one line a screen reader reads. */
const plain = (rich: unknown): string =>
	(rich as (string[] | { ul: string[][] })[])
		.map((b) => (Array.isArray(b) ? b.join('') : b.ul.map((i) => i.join('')).join(' ')))
		.join(' ');

/** A live region as assistive technology sees it: polite, and what it says now. */
async function expectPoliteRegion(page: Page, region: Locator, role = 'status') {
	const node = await axOf(page, region);
	expect(node.role, 'live region role').toBe(role);
	expect(node.props.live, 'aria-live').toBe('polite');
}

test('knowledge checks: named forms, checked and disabled states, feedback and lesson progress in live regions', async ({
	page
}) => {
	const { module, checks } = await openLesson(page, 'single');
	const single = checks.find((q) => q.kind === 'single')!;
	const q = textOf(lang, module.id).questions[single.id];
	const form = page.getByRole('form', { name: q.prompt });
	expect((await axOf(page, form)).role).toBe('form');

	// The lesson's progress: a polite status that says what the learner still has to do.
	const finish = page.locator('.finish');
	await expectPoliteRegion(page, finish);
	await expect(finish).toHaveText(ui.lesson.answerFirst);
	const next = page.getByRole('button', { name: ui.nav.next });
	expect((await axOf(page, next)).props.disabled, 'Next before the checks').toBe(true);

	const feedback = form.locator('.feedback');
	await expectPoliteRegion(page, feedback);
	await expect(feedback).toHaveText('');
	const right = single.options.find((o) => o.correct)!;
	const radio = form.getByRole('radio', {
		name: `${right.id.toUpperCase()}. ${q.options[right.id]}`
	});
	expect((await axOf(page, radio)).props.checked).toBe('false');
	await radio.check();
	expect((await axOf(page, radio)).props.checked).toBe('true');
	await form.getByRole('button', { name: ui.check.submit }).click();
	await expect(feedback).toContainText(ui.check.correct);
	await expect(feedback).toContainText(
		textOf(lang, module.id).questions[single.id].explanation[0][0]
	);
	// The answer is final: its controls say so.
	expect((await axOf(page, radio)).props.disabled, 'radio after the answer').toBe(true);

	for (const question of checks.filter((x) => x !== single)) {
		const text = textOf(lang, module.id).questions[question.id];
		const f = page.getByRole('form', { name: text.prompt });
		await fillAnswer(f, text, question, true, ui.check);
		await f.getByRole('button', { name: ui.check.submit }).click();
		await expect(f.locator('.feedback')).toContainText(ui.check.correct);
	}
	// Every check answered: the lesson's live region says the learner may go on.
	await expect(finish).toHaveText(ui.lesson.ready);
	expect((await axOf(page, next)).props.disabled ?? false, 'Next after the checks').toBe(false);
	// A multiple-choice check (in the first lesson that has one): each box says checked or not.
	const other = await openLesson(page, 'multiple');
	const multiple = other.checks.find((x) => x.kind === 'multiple')!;
	const mq = textOf(lang, other.module.id).questions[multiple.id];
	const mform = page.getByRole('form', { name: mq.prompt });
	const option = multiple.options[0]!;
	const box = mform.getByRole('checkbox', {
		name: `${option.id.toUpperCase()}. ${mq.options[option.id]}`
	});
	await box.check();
	expect((await axOf(page, box)).props.checked).toBe('true');
	await box.uncheck();
	expect((await axOf(page, box)).props.checked).toBe('false');
});

test('disclosures (reveals, the Sources panel) are named and expose expanded', async ({ page }) => {
	await openLesson(page, 'single');
	const summaries = page.locator('details > summary');
	expect(await summaries.count()).toBeGreaterThan(1);
	for (const summary of await summaries.all()) {
		const before = await axOf(page, summary);
		expect(before.role).toBe('DisclosureTriangle');
		expect(before.name, 'a disclosure has a name').not.toBe('');
		expect(before.props.expanded, `${before.name} closed`).toBe(false);
		await summary.click();
		expect((await axOf(page, summary)).props.expanded, `${before.name} open`).toBe(true);
	}
	const sources = await axOf(page, page.locator('details.sources > summary'));
	const title = literal(ui.sources.title_other).replace(literal('{{count}}'), '\\d+');
	expect(sources.name).toMatch(new RegExp(`^${title}$`));
});

test('orderings announce each move politely; sortings name each menu by its item', async ({
	page
}) => {
	const { module, checks } = await openLesson(page, 'order');
	const order = checks.find((q) => q.kind === 'order')!;
	const q = textOf(lang, module.id).questions[order.id];
	const form = page.getByRole('form', { name: q.prompt });
	const announce = form.locator('.order-list + p[role="status"], [role="status"].visually-hidden');
	await expectPoliteRegion(page, announce);
	await expect(announce).toHaveText('');
	const down = form.getByRole('button', { name: new RegExp(`^${ui.check.down}: `) }).first();
	const item = (await axOf(page, down)).name.slice(`${ui.check.down}: `.length);
	await down.click();
	await expect(announce).toHaveText(
		ui.check.moved
			.replace('{{item}}', item)
			.replace('{{n}}', '2')
			.replace('{{total}}', String(order.items.length))
	);
	// Focus stays with the item that moved (on its other button at either end of the list).
	const focused = page.locator(':focus');
	await expect(focused).toHaveAccessibleName(
		new RegExp(`^(${literal(ui.check.down)}|${literal(ui.check.up)}): ${literal(item)}$`)
	);

	const match = stopFor('match');
	await goTo(page, `m/${match.module.id}/l/${match.lessonId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		lessonTitle(match.module, match.lessonId)
	);
	const sorting = lessonChecks(match.module, match.lessonId).find((x) => x.kind === 'match')!;
	const mq = textOf(lang, match.module.id).questions[sorting.id];
	for (const it of sorting.items) {
		const node = await axOf(page, page.getByRole('combobox', { name: mq.items[it], exact: true }));
		expect(node.role).toBe('combobox');
		expect(node.name).toBe(mq.items[it]);
	}
});

test('scenario choices are a named group; the consequence is announced once, by focus', async ({
	page
}) => {
	const module = course.modules.find((m) => m.scenarios.length)!;
	const scenario = module.scenarios[0]!;
	const s = textOf(lang, module.id).scenarios[scenario.id];
	await openAlone(page, `m/${module.id}/s/${scenario.id}`);
	const group = page.getByRole('group', { name: ui.scenario.whatDoYouDo });
	await expect(group).toBeVisible();
	const node = await axOf(page, group);
	expect(node.role).toBe('group');
	expect(node.name).toBe(ui.scenario.whatDoYouDo);
	const scene = scenario.scenes.find((x) => x.id === scenario.start)!;
	await expect(group.getByRole('button')).toHaveText(
		scene.choices.map((c) => s.scenes[scene.id].choices[c.id].label)
	);
	// Each step is announced once, by focus on its heading: the step is not also a live region
	// (it would be read twice), nor is anything around it.
	const step = page.locator('.scenario');
	const live = await step.evaluate((el) => {
		const region = '[aria-live], [role="status"], [role="alert"], [role="log"]';
		return [el.closest(region), el.querySelector(region)].flatMap((x) =>
			x ? [x.outerHTML.slice(0, 80)] : []
		);
	});
	expect(live, 'live regions in or around the scenario step').toEqual([]);
	expect((await axOf(page, step)).props.live).toBeUndefined();
	const choice = scene.choices[0]!;
	await group
		.getByRole('button', { name: s.scenes[scene.id].choices[choice.id].label, exact: true })
		.click();
	await expect(page.getByRole('heading', { name: ui.scenario.whatHappens })).toBeFocused();
	await expect(step).toContainText(s.scenes[scene.id].choices[choice.id].label);
	// Continue removes the button that had focus: focus goes to the next scene, then the outcome.
	let at = choice.goto;
	for (let n = 2; ; n++) {
		const next = scenario.scenes.find((x) => x.id === at);
		await page
			.getByRole('button', { name: next ? ui.scenario.continue : ui.scenario.seeOutcome })
			.click();
		if (!next) break;
		const heading = ui.scenario.decision.replace('{{n}}', String(n));
		await expect(page.getByRole('heading', { name: heading })).toBeFocused();
		await group.getByRole('button').first().click();
		at = next.choices[0]!.goto;
	}
	await expect(
		page.getByRole('heading', { name: new RegExp(`^${literal(ui.scenario.ending)}:`) })
	).toBeFocused();
});

test('the assessment: items are named groups, the answered count is announced, a missing answer is an alert', async ({
	page
}) => {
	const items = await openAttemptInProgress(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.assessment.title);
	const bank = assessmentItems();
	const rows = page.locator('form.assessment .assessment-items > li');
	const count = page.locator('form.assessment p.meta[role="status"]');
	await expectPoliteRegion(page, count);
	// An ordering left as shown counts as answered.
	const untouched = items.filter((id) => bank.get(id)!.question.kind === 'order').length;
	const answered = (n: number) =>
		ui.assessment.answered.replace('{{n}}', String(n)).replace('{{total}}', String(items.length));
	await expect(count).toHaveText(answered(untouched));
	for (const [i, id] of items.entries()) {
		const { module, question } = bank.get(id)!;
		const text = textOf(lang, module.id).assessment[id];
		const group = rows.nth(i).getByRole('group');
		const node = await axOf(page, group);
		expect(node.role).toBe('group');
		expect(node.name, `item ${i + 1} is named by its question`).toContain(text.prompt);
		// A case item's case is read with the group (forms mode skips text between controls).
		if (question.case) expect(node.description).toContain(plain(text.case));
		else expect(node.description).toBe('');
	}
	const first = items.findIndex((id) => bank.get(id)!.question.kind !== 'order');
	const { module, question } = bank.get(items[first]!)!;
	await fillAnswer(
		rows.nth(first),
		textOf(lang, module.id).assessment[question.id],
		question,
		true,
		ui.check
	);
	await expect(count).toHaveText(answered(untouched + 1));
	await page.getByRole('button', { name: ui.assessment.submit }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toBeVisible();
	expect((await axOf(page, alert)).role).toBe('alert');
});

test('informative images are named by their alt text; decorative ones are hidden', async ({
	page
}) => {
	const { module, lessonId } = stopFor('image');
	const lesson = module.lessons.find((l) => l.id === lessonId)!;
	const images = lesson.blocks.filter((b) => b.type === 'image');
	await openLesson(page, 'image');
	for (const block of images) {
		const alt = imageAlt(module, lessonId, block.id);
		const img = page.getByRole('img', { name: alt });
		const node = await axOf(page, img);
		expect(node.role).toBe('image');
		expect(node.name).toBe(alt);
		// And the file really loads.
		await expect
			.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
			.toBeGreaterThan(0);
	}
	// The content has no decorative image today: the same lesson, its image marked decorative in
	// the module file as it arrives, shows how one renders.
	await page.route(`**/content/${module.id}.${lang}.js`, async (route) => {
		const response = await route.fetch();
		const body = (await response.text()).replaceAll('"decorative":false', '"decorative":true');
		await route.fulfill({ response, body });
	});
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, lessonId));
	const img = page.locator('figure.image img').first();
	await expect(img).toHaveAttribute('alt', '');
	expect((await axOf(page, img)).role, 'a decorative image').toMatch(
		/^(ignored|none|presentation)$/
	);
	expect((await axTree(page)).filter((n) => n.role === 'image')).toEqual([]);
});

test('the not-saved notice is announced politely', async ({ page }) => {
	const { module, lessonId } = stops[0]!;
	await launch(page, 'scorm2004');
	await resumeFrom(page, emptyStateAt(`m/${module.id}/l/${lessonId}`));
	const frame = page.frameLocator('iframe[title="Course"]');
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(lessonTitle(module, lessonId));
	const notices = frame.locator('.notices');
	await expectPoliteRegion(page, notices);
	await expect(notices).toHaveText('');
	await injectFault(page, 'commit-false');
	const [question] = lessonChecks(module, lessonId);
	const q = textOf(lang, module.id).questions[question!.id];
	const form = frame.getByRole('form', { name: q.prompt });
	await fillAnswer(form, q, question!, true, ui.check);
	await form.getByRole('button', { name: ui.check.submit }).click();
	await expect(notices).toContainText(ui.notSaved.title, { timeout: 15_000 });
});
