// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSE, SCHEMAS_DIR } from './fixtures/course-build.ts';
import { buildManifest, type Standard } from './manifest.ts';
import { checkPackage, validateManifest } from './validate.ts';

const FILES = ['index.html', '_app/version.json', 'images/map of routes.svg'];
const SCORM12_XSDS = [
	'imscp_rootv1p1p2.xsd',
	'adlcp_rootv1p2.xsd',
	'imsmd_rootv1p2p1.xsd',
	'ims_xml.xsd'
];
const SCORM2004_XSDS = [
	'imscp_v1p1.xsd',
	'adlcp_v1p3.xsd',
	'adlseq_v1p3.xsd',
	'adlnav_v1p3.xsd',
	'imsss_v1p0.xsd'
];

function manifest(standard: Standard): string {
	return buildManifest({ standard, course: COURSE, files: FILES });
}

describe('validateManifest against the official XSDs', () => {
	for (const standard of ['scorm12', 'scorm2004'] as const) {
		it(`accepts the generated ${standard} manifest`, async () => {
			const result = await validateManifest({
				standard,
				xml: manifest(standard),
				schemasDir: SCHEMAS_DIR
			});
			expect(result).toEqual({ valid: true, errors: [] });
		});
	}

	it('rejects a bogus 1.2 scormtype with the schema message', async () => {
		const xml = manifest('scorm12').replace('adlcp:scormtype="sco"', 'adlcp:scormtype="bogus"');
		const result = await validateManifest({ standard: 'scorm12', xml, schemasDir: SCHEMAS_DIR });
		expect(result.valid).toBe(false);
		expect(result.errors.join('\n')).toMatch(
			/scormtype.*\[facet 'enumeration'\] The value 'bogus'/
		);
	});

	it('rejects a 2004 organization without identifier', async () => {
		const xml = manifest('scorm2004').replace(
			/<organization identifier="[^"]*">/,
			'<organization>'
		);
		const result = await validateManifest({ standard: 'scorm2004', xml, schemasDir: SCHEMAS_DIR });
		expect(result.valid).toBe(false);
		expect(result.errors.join('\n')).toMatch(/organization.*attribute 'identifier' is required/);
	});

	it('rejects a 2004 minNormalizedMeasure above 1', async () => {
		const xml = manifest('scorm2004').replace(/>0\.8</, '>80<');
		const result = await validateManifest({ standard: 'scorm2004', xml, schemasDir: SCHEMAS_DIR });
		expect(result.valid).toBe(false);
		expect(result.errors.join('\n')).toMatch(/minNormalizedMeasure.*maxInclusive/);
	});

	it('rejects a 1.2 version longer than the schema allows', async () => {
		const xml = manifest('scorm12').replace(
			'version="1.2.3"',
			'version="1.2.3-much-too-long-for-1.2"'
		);
		const result = await validateManifest({ standard: 'scorm12', xml, schemasDir: SCHEMAS_DIR });
		expect(result.valid).toBe(false);
		expect(result.errors.join('\n')).toMatch(/maxLength/);
	});

	it('rejects a 2004 manifest checked as 1.2', async () => {
		const result = await validateManifest({
			standard: 'scorm12',
			xml: manifest('scorm2004'),
			schemasDir: SCHEMAS_DIR
		});
		expect(result.valid).toBe(false);
		expect(result.errors.join('\n')).toMatch(/No matching global declaration/);
	});

	it('reports XML that is not well-formed', async () => {
		const xml = manifest('scorm12').replace('</resources>', '');
		const result = await validateManifest({ standard: 'scorm12', xml, schemasDir: SCHEMAS_DIR });
		expect(result.valid).toBe(false);
		expect(result.errors.join('\n')).toMatch(/parser error/);
	});

	it('leaves the official imscp_v1p1.xsd untouched (it still imports xml.xsd by URL)', async () => {
		await validateManifest({
			standard: 'scorm2004',
			xml: manifest('scorm2004'),
			schemasDir: SCHEMAS_DIR
		});
		const text = await readFile(path.join(SCHEMAS_DIR, 'scorm2004-4th/imscp_v1p1.xsd'), 'utf8');
		expect(text).toContain('schemaLocation = "http://www.w3.org/2001/xml.xsd"');
	});

	it('fails clearly when the schema folder is missing', async () => {
		await expect(
			validateManifest({
				standard: 'scorm12',
				xml: manifest('scorm12'),
				schemasDir: '/nonexistent'
			})
		).rejects.toThrow(/scorm12 schema.*nonexistent/);
	});
});

describe('checkPackage', () => {
	const entries12 = ['imsmanifest.xml', ...FILES, ...SCORM12_XSDS];
	const entries2004 = ['imsmanifest.xml', ...FILES, ...SCORM2004_XSDS];

	it('passes complete packages', () => {
		expect(checkPackage({ xml: manifest('scorm12'), entries: entries12 })).toEqual([]);
		expect(checkPackage({ xml: manifest('scorm2004'), entries: entries2004 })).toEqual([]);
	});

	it('reports a listed file that is not in the zip, with a case hint', () => {
		const entries = entries12.filter((e) => e !== 'images/map of routes.svg');
		entries.push('images/Map of routes.svg');
		const errors = checkPackage({ xml: manifest('scorm12'), entries });
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/<file href="images\/map%20of%20routes.svg">.*is not in the zip/);
		expect(errors[0]).toContain('did you mean "images/Map of routes.svg"');
	});

	it('reports a launch file that is missing and not listed', () => {
		const xml = manifest('scorm2004').replace('href="index.html">', 'href="start.html">');
		const errors = checkPackage({ xml, entries: entries2004 });
		expect(errors).toEqual([
			expect.stringMatching(
				/resource "trafficking-response-sco".*href "start.html" is not in the zip/
			),
			expect.stringMatching(/href "start.html" is not also listed as a <file>/)
		]);
	});

	it('reports a dangling identifierref', () => {
		const xml = manifest('scorm12').replace(
			'identifierref="trafficking-response-sco"',
			'identifierref="nowhere"'
		);
		const errors = checkPackage({ xml, entries: entries12 });
		expect(errors).toEqual([
			expect.stringMatching(
				/<item identifier="trafficking-response-item">.*identifierref "nowhere" matches no <resource>/
			)
		]);
	});

	it('reports an organizations default that resolves to nothing', () => {
		const xml = manifest('scorm2004').replace(
			'default="trafficking-response-org"',
			'default="other-org"'
		);
		expect(checkPackage({ xml, entries: entries2004 })).toEqual([
			expect.stringMatching(/default="other-org".*found: trafficking-response-org/)
		]);
	});

	it('reports a schema named in xsi:schemaLocation that is not at the root', () => {
		const entries = entries2004.filter((e) => e !== 'imsss_v1p0.xsd').concat('xsd/imsss_v1p0.xsd');
		expect(checkPackage({ xml: manifest('scorm2004'), entries })).toEqual([
			'schema "imsss_v1p0.xsd" named in xsi:schemaLocation is not at the zip root'
		]);
	});

	it('reports a missing imsmanifest.xml and a SCO without href', () => {
		const xml = manifest('scorm12').replace(' href="index.html"', '');
		const errors = checkPackage({ xml, entries: entries12.slice(1) });
		expect(errors).toContain('imsmanifest.xml is not at the zip root');
		expect(errors).toContainEqual(expect.stringMatching(/is a SCO but has no href/));
	});

	it('honours xml:base and ignores query strings', () => {
		const xml = manifest('scorm12')
			.replace('<resources>', '<resources xml:base="course/">')
			.replace('href="index.html">', 'href="index.html?lang=en">');
		const entries = entries12.map((e) => (FILES.includes(e) ? `course/${e}` : e));
		expect(checkPackage({ xml, entries })).toEqual([]);
	});

	it('reports a manifest that is not well-formed', () => {
		const xml = manifest('scorm12').replace('</organization>', '');
		expect(checkPackage({ xml, entries: entries12 })).toEqual([
			expect.stringMatching(
				/not well-formed: line \d+: <\/organizations> does not close <organization>/
			)
		]);
	});
});
