// The floor page: the course home's first-screen text as plain HTML with no script and no
// styles, generated from the real content with the course's own i18next set-up. The course
// cannot beat it, so "course minus floor" is what the app itself costs on the first screen.
import { writeFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import i18next from 'i18next';
import type { loadCourseContent } from '../../src/lib/content/load.ts';

type Content = ReturnType<typeof loadCourseContent>;

const escape = (value: string): string =>
	value.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);

/** The floor page's HTML: header, h1, description, objectives, module cards and footer. */
export function floorHtml(options: { content: Content }): string {
	const { course, resources } = options.content;
	const lang = course.defaultLanguage;
	const i18n = i18next.createInstance();
	// Same options as src/lib/i18n/i18n.svelte.ts, so plurals and interpolation match the app.
	void i18n.init({
		resources,
		lng: lang,
		fallbackLng: lang,
		ns: Object.keys(resources[lang] ?? {}),
		defaultNS: 'course',
		initAsync: false,
		interpolation: { escapeValue: false }
	});
	const t = (key: string, values?: Record<string, unknown>): string => escape(i18n.t(key, values));
	const title = escape(course.title[lang] ?? '');
	const objectives = course.modules
		.flatMap((m) => m.objectives.map((o) => `<li>${t(`${m.id}:objectives.${o}`)}</li>`))
		.join('\n');
	const cards = course.modules
		.map(
			(m) => `<li>
<h3>${t('ui.home.moduleNumber', { n: m.order })} ${t(`${m.id}:title`)}</h3>
<p>${t(`${m.id}:description`)}</p>
<p>${t('ui.home.minutes', { count: m.minutes })} · ${t('ui.home.counts', {
				lessons: m.lessons.length,
				questions: m.questions.length,
				scenarios: m.scenarios.length
			})}</p>
<p>${t('ui.progress.module', { title: i18n.t(`${m.id}:title`) })}</p>
<a href="#/">${t('ui.home.start')} ${t(`${m.id}:title`)}</a>
</li>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
</head>
<body>
<a href="#main">${t('ui.skip')}</a>
<header><a href="#/">${title}</a> <span>${t('ui.progress.course')}</span>
<button type="button">${t('ui.exit.button')}</button></header>
<main id="main">
<h1>${title}</h1>
<p>${t('description')}</p>
<section><h2>${t('ui.home.objectives')}</h2>
<ul>
${objectives}
</ul></section>
<section><h2>${t('ui.home.modules')}</h2>
<ol>
${cards}
</ol></section>
</main>
<footer><p>${t('ui.factsAsOf', { date: course.factsAsOf })} · ${t('ui.version', { version: course.version })}</p></footer>
</body>
</html>
`;
}

/** Writes the floor page as a zip the preview LMS serves like any package (no manifest needed). */
export async function writeFloorZip(options: { file: string; content: Content }): Promise<void> {
	const zip = zipSync({ 'index.html': strToU8(floorHtml({ content: options.content })) });
	await writeFile(options.file, zip);
}
