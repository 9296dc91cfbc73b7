declare module 'virtual:course' {
	import type { Course, Resources } from '$lib/course/types';
	export const course: Course;
	export const resources: Resources;
}
