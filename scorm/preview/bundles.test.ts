// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../package/manifest.ts';
import { bundleId, mountPath, parseManifest, standardFromName } from './bundles.ts';

describe('parseManifest', () => {
	const course = { id: 'c', version: '1.0.0', title: 'A & B', passMark: 0.8 };

	it("reads the packager's SCORM 1.2 manifest", () => {
		const xml = buildManifest({ standard: 'scorm12', course, files: ['index.html'] });
		expect(parseManifest(xml, 'scorm2004')).toEqual({
			standard: 'scorm12',
			title: 'A & B',
			launchPath: 'index.html',
			masteryScore: '80',
			completionThreshold: null,
			launchData: null
		});
	});

	it("reads the packager's SCORM 2004 manifest", () => {
		const xml = buildManifest({ standard: 'scorm2004', course, files: ['index.html'] });
		expect(parseManifest(xml, 'scorm12')).toMatchObject({
			standard: 'scorm2004',
			title: 'A & B',
			launchPath: 'index.html',
			masteryScore: '0.8'
		});
	});

	it('reads completion threshold and launch data', () => {
		const xml = `<manifest><metadata><schemaversion>2004 3rd Edition</schemaversion></metadata>
			<organizations><organization><title>X</title><item>
			<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75"/>
			<adlcp:dataFromLMS>mode=a&amp;b</adlcp:dataFromLMS></item></organization></organizations>
			<resources><resource href="sco/start.html?x=1" adlcp:scormType="sco"/></resources></manifest>`;
		expect(parseManifest(xml, 'scorm12')).toMatchObject({
			standard: 'scorm2004',
			launchPath: 'sco/start.html?x=1',
			masteryScore: null,
			completionThreshold: '0.75',
			launchData: 'mode=a&b'
		});
	});
});

describe('bundle names', () => {
	it('knows the standard from the packager file name', () => {
		expect(standardFromName('course-1.0.0-scorm12.zip')).toBe('scorm12');
		expect(standardFromName('course-1.0.0-scorm2004.zip')).toBe('scorm2004');
		expect(standardFromName('other.zip')).toBeNull();
	});

	it('mounts each bundle under a stable deep sub-path', () => {
		const id = bundleId('course-1.0.0-scorm12');
		expect(id).toBe(bundleId('course-1.0.0-scorm12'));
		expect(id).toBeGreaterThanOrEqual(1000);
		expect(id).toBeLessThan(10000);
		expect(mountPath({ id, slug: 'a b' })).toBe(
			`/lms/pluginfile.php/${id}/mod_scorm/content/a%20b/`
		);
	});
});
