// Start-up: pick the tracker once, restore progress, choose the language. Runs in the browser only
// (the hash router renders nothing on a server).
import { course, resources } from 'virtual:course';
import { bindLifecycle, createTracker } from '$scorm/index';
import type { Standard } from '$scorm/tracker';
import { applyLayout, type Layouts } from '$lib/course/layout';
import { chooseLanguage, initI18n, setLayoutHandler } from '$lib/i18n/i18n.svelte';
import { CourseSession } from './session.svelte';

export { course };

function packageStandard(): Standard | 'cmi5' | 'auto' {
	const value = document.querySelector('meta[name="course-standard"]')?.getAttribute('content');
	return value === 'scorm12' || value === 'scorm2004' || value === 'cmi5' ? value : 'auto';
}

function boot(): CourseSession {
	const tracker = createTracker({ standard: packageStandard(), win: window, courseKey: course.id });
	const session = new CourseSession({ course, tracker });
	const { lmsLanguage } = session.start({ fallbackLanguage: course.defaultLanguage });
	const language = chooseLanguage({
		candidates: [
			session.resumed ? session.state.language : undefined,
			lmsLanguage,
			navigator.language
		],
		shipped: course.languages,
		fallback: course.defaultLanguage
	});
	session.state.language = language;
	// Lesson blocks and sources arrive with each module's text (they are not in the start-up file).
	setLayoutHandler((ns, layout) => applyLayout(course, ns, layout as Layouts[string]));
	initI18n({ resources, language, fallback: course.defaultLanguage, languages: course.languages });
	// Registered before the lifecycle's own listeners, so what is queued reaches the tracker
	// before it commits (page hidden) or finishes (page hide).
	window.addEventListener('pagehide', () => session.flush());
	document.addEventListener('visibilitychange', () => session.flush());
	bindLifecycle({ tracker, win: window });
	session.sync(true);
	return session;
}

export const session = boot();
