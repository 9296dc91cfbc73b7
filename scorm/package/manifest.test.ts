// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COURSE } from './fixtures/course-build.ts';
import { buildManifest, escapeXml, toHref, toXmlId } from './manifest.ts';
import { scanElements } from './xml-scan.ts';

const FILES = ['index.html', '_app/version.json', 'images/map of routes.svg'];

function element(xml: string, local: string) {
	const found = scanElements(xml).filter((el) => el.local === local);
	expect(found).toHaveLength(1);
	const [first] = found;
	if (first === undefined) throw new Error(`no <${local}>`);
	return first;
}

describe('buildManifest for SCORM 1.2', () => {
	const xml = buildManifest({ standard: 'scorm12', course: COURSE, files: FILES });

	it('uses the 1.2 namespaces, schema version and lower-case scormtype', () => {
		expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
		expect(xml).toContain('<schema>ADL SCORM</schema>');
		expect(xml).toContain('<schemaversion>1.2</schemaversion>');
		const resource = element(xml, 'resource');
		expect(resource.attrs.get('{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype')).toBe('sco');
		expect(resource.attrs.get('href')).toBe('index.html');
		expect(resource.attrs.get('type')).toBe('webcontent');
	});

	it('sets masteryscore to passMark × 100 without float noise', () => {
		expect(element(xml, 'masteryscore').line).toBeGreaterThan(0);
		expect(xml).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
		const odd = buildManifest({
			standard: 'scorm12',
			course: { ...COURSE, passMark: 0.57 },
			files: FILES
		});
		expect(odd).toContain('<adlcp:masteryscore>57</adlcp:masteryscore>');
	});

	it('lists every file once, sorted and percent-encoded', () => {
		const hrefs = scanElements(xml)
			.filter((el) => el.local === 'file')
			.map((el) => el.attrs.get('href'));
		expect(hrefs).toEqual(['_app/version.json', 'images/map%20of%20routes.svg', 'index.html']);
	});

	it('escapes the title and links item → resource and organizations → organization', () => {
		expect(xml).toContain('<title>Trafficking &amp; &quot;Response&quot; &lt;Basics&gt;</title>');
		expect(element(xml, 'organizations').attrs.get('default')).toBe('trafficking-response-org');
		expect(element(xml, 'organization').attrs.get('identifier')).toBe('trafficking-response-org');
		expect(element(xml, 'item').attrs.get('identifierref')).toBe('trafficking-response-sco');
		expect(element(xml, 'resource').attrs.get('identifier')).toBe('trafficking-response-sco');
		expect(element(xml, 'manifest').attrs.get('version')).toBe('1.2.3');
	});
});

describe('buildManifest for SCORM 2004 4th Edition', () => {
	const xml = buildManifest({ standard: 'scorm2004', course: COURSE, files: FILES });
	const IMSSS = 'http://www.imsglobal.org/xsd/imsss';

	it('uses the 2004 namespaces, schema version and camel-case scormType', () => {
		expect(xml).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
		expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
		const resource = element(xml, 'resource');
		expect(resource.attrs.get('{http://www.adlnet.org/xsd/adlcp_v1p3}scormType')).toBe('sco');
	});

	it('puts delivery controls and the primary objective on the item', () => {
		const delivery = element(xml, 'deliveryControls');
		expect(delivery.ns).toBe(IMSSS);
		expect(delivery.parent?.parent?.local).toBe('item');
		expect(delivery.attrs.get('completionSetByContent')).toBe('true');
		expect(delivery.attrs.get('objectiveSetByContent')).toBe('true');
		const objective = element(xml, 'primaryObjective');
		expect(objective.attrs.get('satisfiedByMeasure')).toBe('true');
		expect(xml).toMatch(/<imsss:minNormalizedMeasure>0\.8<\/imsss:minNormalizedMeasure>/);
	});

	it('puts choice/flow control mode on the organization', () => {
		const control = element(xml, 'controlMode');
		expect(control.parent?.parent?.local).toBe('organization');
		expect(control.attrs.get('choice')).toBe('true');
		expect(control.attrs.get('flow')).toBe('true');
	});

	it('writes small pass marks as plain decimals', () => {
		const tiny = buildManifest({
			standard: 'scorm2004',
			course: { ...COURSE, passMark: 0.00001 },
			files: FILES
		});
		expect(tiny).toContain('<imsss:minNormalizedMeasure>0</imsss:minNormalizedMeasure>');
		const whole = buildManifest({
			standard: 'scorm2004',
			course: { ...COURSE, passMark: 1 },
			files: FILES
		});
		expect(whole).toContain('<imsss:minNormalizedMeasure>1</imsss:minNormalizedMeasure>');
	});
});

describe('buildManifest input checks', () => {
	it('rejects a pass mark outside 0..1', () => {
		for (const passMark of [80, -0.1, Number.NaN]) {
			expect(() =>
				buildManifest({ standard: 'scorm12', course: { ...COURSE, passMark }, files: FILES })
			).toThrow(/passMark/);
		}
	});

	it('requires index.html among the files', () => {
		expect(() =>
			buildManifest({ standard: 'scorm2004', course: COURSE, files: ['app.js'] })
		).toThrow(/index\.html/);
	});
});

describe('helpers', () => {
	it('derives xs:ID-safe identifiers', () => {
		expect(toXmlId('trafficking-response')).toBe('trafficking-response');
		expect(toXmlId('2024 course/é')).toBe('_2024-course-e');
		expect(toXmlId('%%%')).toBe('course');
		expect(toXmlId('a:b')).toBe('a-b');
	});

	it('escapes the five XML specials', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'
		);
	});

	it('percent-encodes hrefs but keeps folders', () => {
		expect(toHref('a b/ü#1.js')).toBe('a%20b/%C3%BC%231.js');
	});
});
