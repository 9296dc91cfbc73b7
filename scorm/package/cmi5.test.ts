// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from './fixtures/course-build.ts';
import {
	auIri,
	buildCourseStructure,
	checkCourseStructure,
	CMI5_NAMESPACE,
	courseIri,
	moveOnFor,
	validateCourseStructure,
	type Cmi5Course
} from './cmi5.ts';
import { scanElements } from './xml-scan.ts';

const COURSE: Cmi5Course = {
	id: 'trafficking-response',
	title: { en: 'Trafficking & "Response" <Basics>', es: 'Trata y respuesta' },
	description: { en: 'What to look for, and what to do first.' },
	passMark: 0.8
};

function au(xml: string) {
	const found = scanElements(xml).filter((el) => el.local === 'au');
	expect(found).toHaveLength(1);
	return found[0]!;
}

describe('buildCourseStructure', () => {
	const xml = buildCourseStructure({ course: COURSE });

	it('names the course and its AU with IRIs from the course id alone', () => {
		expect(courseIri(COURSE)).toBe('https://example.invalid/courses/trafficking-response');
		expect(auIri(COURSE)).toBe('https://example.invalid/courses/trafficking-response/au');
		expect(courseIri({ id: 'a b/c' })).toBe('https://example.invalid/courses/a%20b%2Fc');
		expect(xml).toContain(`<course id="${courseIri(COURSE)}">`);
		expect(au(xml).attrs.get('id')).toBe(auIri(COURSE));
		expect(scanElements(xml)[0]!.ns).toBe(CMI5_NAMESPACE);
	});

	it('takes moveOn and masteryScore from the settings, launches index.html in any window', () => {
		const attrs = au(xml).attrs;
		expect(attrs.get('moveOn')).toBe('CompletedAndPassed');
		expect(attrs.get('masteryScore')).toBe('0.8');
		expect(attrs.get('launchMethod')).toBe('AnyWindow');
		expect(xml).toContain('<url>index.html</url>');
		const odd = buildCourseStructure({ course: { ...COURSE, passMark: 0.57 } });
		expect(au(odd).attrs.get('masteryScore')).toBe('0.57');
		expect(moveOnFor({ passMark: 0 })).toBe('Completed');
	});

	it('writes every language, escaped, and lets the title stand in for a missing description', () => {
		expect(xml).toContain(
			'<langstring lang="en">Trafficking &amp; &quot;Response&quot; &lt;Basics&gt;</langstring>'
		);
		expect(xml).toContain('<langstring lang="es">Trata y respuesta</langstring>');
		expect(xml).toContain(
			'<langstring lang="en">What to look for, and what to do first.</langstring>'
		);
		const descriptions = xml.split('<description>').slice(1);
		expect(descriptions[0]).toContain('<langstring lang="es">Trata y respuesta</langstring>');
	});

	it('refuses a pass mark outside 0..1', () => {
		expect(() => buildCourseStructure({ course: { ...COURSE, passMark: 80 } })).toThrow(
			/passMark must be a fraction/
		);
	});
});

describe('validateCourseStructure against CourseStructure.xsd', () => {
	it('accepts the generated course structure', async () => {
		const xml = buildCourseStructure({ course: COURSE });
		await expect(validateCourseStructure({ xml, schemasDir: SCHEMAS_DIR })).resolves.toEqual({
			valid: true,
			errors: []
		});
	});

	it('rejects a masteryScore above 1 with the schema message', async () => {
		const xml = buildCourseStructure({ course: COURSE }).replace(
			'masteryScore="0.8"',
			'masteryScore="80"'
		);
		const result = await validateCourseStructure({ xml, schemasDir: SCHEMAS_DIR });
		expect(result.valid).toBe(false);
		expect(result.errors.join('\n')).toMatch(/masteryScore.*maxInclusive/);
	});

	it('rejects an unknown moveOn and a missing url', async () => {
		const base = buildCourseStructure({ course: COURSE });
		const moveOn = await validateCourseStructure({
			xml: base.replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"'),
			schemasDir: SCHEMAS_DIR
		});
		expect(moveOn.errors.join('\n')).toMatch(
			/moveOn.*\[facet 'enumeration'\] The value 'Whenever'/
		);
		const url = await validateCourseStructure({
			xml: base.replace('<url>index.html</url>', ''),
			schemasDir: SCHEMAS_DIR
		});
		expect(url.valid).toBe(false);
		expect(url.errors.join('\n')).toMatch(/au': Missing child element.*\}url \)/);
	});

	it('fails clearly when the schema is missing', async () => {
		const xml = buildCourseStructure({ course: COURSE });
		await expect(validateCourseStructure({ xml, schemasDir: '/nonexistent' })).rejects.toThrow(
			/could not validate against \/nonexistent\/cmi5\/CourseStructure\.xsd/
		);
	});
});

describe('checkCourseStructure', () => {
	const xml = buildCourseStructure({ course: COURSE });

	it('passes when cmi5.xml and the AU url are in the zip', () => {
		expect(checkCourseStructure({ xml, entries: ['cmi5.xml', 'index.html'] })).toEqual([]);
	});

	it('reports an AU url that is not in the zip, and cmi5.xml missing from the root', () => {
		expect(checkCourseStructure({ xml, entries: ['course/cmi5.xml', 'start.html'] })).toEqual([
			'cmi5.xml is not at the zip root',
			'AU url "index.html" is not in the zip'
		]);
	});

	it('reports XML that is not a cmi5 course structure', () => {
		const other = xml.replace(CMI5_NAMESPACE, 'urn:other');
		expect(checkCourseStructure({ xml: other, entries: ['cmi5.xml', 'index.html'] })).toEqual([
			expect.stringMatching(/root element is not a cmi5 <courseStructure>/),
			'cmi5.xml has no <au>'
		]);
	});
});
