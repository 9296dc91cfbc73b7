import { describe, expect, it } from 'vitest';
import { splitResources } from './vite-plugin.ts';

describe('start-up text versus module text', () => {
	it('keeps only the start-up language at start-up; another language is one head file', () => {
		const text = { course: { description: 'd', ui: {} }, basics: { title: 'T', lessons: {} } };
		const { head, body } = splitResources({ en: text, es: text }, { startup: 'en' });
		expect(Object.keys(head)).toEqual(['en']);
		expect(body.find((b) => b.ns === 'head')).toEqual({
			ns: 'head',
			language: 'es',
			text: { course: { description: 'd', ui: {} }, basics: { title: 'T' } }
		});
	});

	it('keeps course text and module headings at start-up, the rest in the module file', () => {
		const { head, body } = splitResources({
			en: {
				course: { description: 'd', ui: { next: 'Next', card: { title: 'Card' } } },
				basics: { title: 'T', description: 'D', objectives: { a: 'A' }, lessons: { l: {} } }
			}
		});
		expect(head).toEqual({
			en: {
				course: { description: 'd', ui: { next: 'Next' } },
				basics: { title: 'T', description: 'D', objectives: { a: 'A' } }
			}
		});
		expect(body).toEqual([
			{ ns: 'course', language: 'en', text: { ui: { card: { title: 'Card' } } } },
			{ ns: 'basics', language: 'en', text: { lessons: { l: {} } } }
		]);
	});
});
