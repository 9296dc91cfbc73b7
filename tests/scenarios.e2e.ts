// Every ending of every scenario, played through the UI in the variant that ships it (the patrol
// bundle in SCORM 2004, the campus bundle in SCORM 1.2), each reported to the LMS without a
// rejected call.
import { expect, test } from '@playwright/test';
import {
	emptyStateAt,
	endingTitle,
	expectCleanCalls,
	launch,
	pathTo,
	playScenario,
	resumeFrom,
	scenariosToPlay
} from './harness.ts';

const HANDOUTS_LINK = 'Handouts to give the person, in 11 languages';

for (const { variant, standard, course: c, module, scenario } of scenariosToPlay()) {
	test(`${variant}: ${module.id}/${scenario.id} reaches each of its ${scenario.endings.length} endings`, async ({
		page
	}) => {
		test.setTimeout(60_000 + scenario.endings.length * 30_000);
		await launch(page, standard, variant);
		await resumeFrom(page, emptyStateAt(`m/${module.id}/s/${scenario.id}`), c);
		const frame = page.frameLocator('iframe[title="Course"]');
		for (const ending of scenario.endings) {
			await playScenario(frame, module, scenario, pathTo(scenario, ending.id));
			await expect(frame.getByRole('heading', { name: /^Outcome:/ })).toContainText(
				endingTitle(module, scenario.id, ending.id)
			);
			// The victim handouts are linked where the officer meets a person who may be a victim.
			await expect(frame.getByRole('link', { name: HANDOUTS_LINK })).toHaveCount(
				scenario.handouts ? 1 : 0
			);
			await frame.getByRole('button', { name: 'Play the scenario again' }).click();
		}
		if (scenario.handouts) {
			// The link leads to the list of handouts.
			await playScenario(frame, module, scenario, pathTo(scenario, scenario.endings[0]!.id));
			await frame.getByRole('link', { name: HANDOUTS_LINK }).click();
			await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
				'Handouts for a person who may be a victim'
			);
		}
		await expectCleanCalls(page);
	});
}
