// The course's screens in order and the routes that address them (also the SCORM bookmark).
import type { Course, Module } from './types.ts';

export interface Step {
	kind: 'lesson' | 'scenario';
	moduleId: string;
	id: string;
	/** Route without the leading '#/', e.g. `m/recognize/l/definitions`. */
	route: string;
}

/** A module's screens: its lessons in order, then its scenarios. */
export function moduleSteps(module: Module): Step[] {
	return [
		...module.lessons.map((l) => ({
			kind: 'lesson' as const,
			moduleId: module.id,
			id: l.id,
			route: `m/${module.id}/l/${l.id}`
		})),
		...module.scenarios.map((s) => ({
			kind: 'scenario' as const,
			moduleId: module.id,
			id: s.id,
			route: `m/${module.id}/s/${s.id}`
		}))
	];
}

/** Every screen of the course in order. */
export function courseSteps(course: Course): Step[] {
	return course.modules.flatMap(moduleSteps);
}

/** The screens before and after a route, for Previous / Next. */
export function neighbours(course: Course, route: string): { previous?: Step; next?: Step } {
	const steps = courseSteps(course);
	const i = steps.findIndex((s) => s.route === route);
	return i < 0 ? {} : { previous: steps[i - 1], next: steps[i + 1] };
}

/** Screens outside the modules: the final assessment, the resources, the job aids. */
export const COURSE_ROUTES = [
	'assessment',
	'resources',
	'card',
	'certificate',
	'handouts'
] as const;

/** Whether a saved bookmark still names a screen of the current content. */
export function isKnownRoute(course: Course, route: string): boolean {
	return (
		route === '' ||
		(COURSE_ROUTES as readonly string[]).includes(route) ||
		/^handouts\/[A-Za-z-]+$/.test(route) ||
		courseSteps(course).some((s) => s.route === route)
	);
}
