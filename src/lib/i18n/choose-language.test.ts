import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './i18n.svelte';

const shipped = ['en', 'es'];

describe('the language a launch starts in', () => {
	it('takes the saved language, then the LMS preference, then the browser, then the default', () => {
		expect(chooseLanguage({ candidates: ['es', 'en', 'en-US'], shipped, fallback: 'en' })).toBe(
			'es'
		);
		expect(
			chooseLanguage({ candidates: [undefined, 'es', 'en-US'], shipped, fallback: 'en' })
		).toBe('es');
		expect(chooseLanguage({ candidates: [undefined, '', 'es-MX'], shipped, fallback: 'en' })).toBe(
			'es'
		);
		expect(
			chooseLanguage({ candidates: [undefined, 'fr', 'de-DE'], shipped, fallback: 'en' })
		).toBe('en');
	});

	it('matches an LMS preference written in another case or with a region', () => {
		expect(chooseLanguage({ candidates: ['ES'], shipped, fallback: 'en' })).toBe('es');
		expect(chooseLanguage({ candidates: ['es_419'], shipped, fallback: 'en' })).toBe('es');
	});
});
