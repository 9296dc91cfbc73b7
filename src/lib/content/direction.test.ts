import { describe, expect, it } from 'vitest';
import { isolateFact, textDirection } from './direction.ts';
import { compileRich } from './markup.ts';

describe('text direction', () => {
	it('knows the right-to-left languages by their first subtag', () => {
		expect(['ar', 'ar-XB', 'fa', 'he', 'ur'].map(textDirection)).toEqual(Array(5).fill('rtl'));
		expect(['en', 'en-XA', 'es', 'zh-Hant'].map(textDirection)).toEqual(Array(4).fill('ltr'));
	});

	it('isolates a fact in right-to-left text only, so its parts keep their order', () => {
		const value = '1-877-4-HSI-TIP (1-877-447-4847)';
		expect(isolateFact(value, 'ar')).toBe(`\u2068${value}\u2069`);
		expect(isolateFact(value, 'en')).toBe(value);
		const facts = { tip: { id: 'tip', value: isolateFact(value, 'ar'), source: 's' } };
		expect(compileRich('اتصل **{{fact:tip}}**.', facts).value).toEqual([
			['اتصل ', `\u2068${value}\u2069`, '.']
		]);
	});
});
