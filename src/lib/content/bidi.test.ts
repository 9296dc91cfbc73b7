// Facts in right-to-left text keep their own order: a left-to-right value is isolated.
import { describe, expect, it } from 'vitest';
import { factInLanguage, isRtlLanguage } from './markup.ts';

describe('facts in right-to-left text', () => {
	it('knows which languages are right to left', () => {
		expect(['ar', 'ar-XB', 'he', 'fa'].map(isRtlLanguage)).toEqual([true, true, true, true]);
		expect(['en', 'es', 'fr', 'zh-Hans', 'arn'].map(isRtlLanguage)).toEqual([
			false,
			false,
			false,
			false,
			false
		]);
	});

	it('isolates a Latin or numeric value in an RTL language, and only there', () => {
		const tip = '1-877-4-HSI-TIP (1-877-447-4847)';
		expect(factInLanguage(tip, 'ar')).toBe(`\u2066${tip}\u2069`);
		expect(factInLanguage(tip, 'en')).toBe(tip);
		expect(factInLanguage(tip, 'es')).toBe(tip);
	});

	it('leaves a value written in the RTL script as it is', () => {
		expect(factInLanguage('24 ساعة', 'ar')).toBe('24 ساعة');
	});
});
