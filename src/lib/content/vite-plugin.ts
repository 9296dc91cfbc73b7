import type { Plugin } from 'vite';

/** Placeholder until the content loader lands. */
export function coursePlugin(): Plugin {
	return { name: 'course-content' };
}
