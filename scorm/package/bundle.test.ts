// @vitest-environment node
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markStandard, packageBundle, STANDARD_MARKER } from './bundle.ts';
import {
	BUILD_FILES,
	COURSE,
	makeTempDir,
	MARKED_HTML,
	SCHEMAS_DIR,
	writeTree
} from './fixtures/course-build.ts';
import { buildManifest, type Standard } from './manifest.ts';
import { listFiles } from './schemas.ts';

const originalTz = process.env.TZ;
let dir = '';
let cleanup = async (): Promise<void> => {};

beforeEach(async () => {
	({ dir, cleanup } = await makeTempDir());
	await writeTree({ dir: path.join(dir, 'build'), files: BUILD_FILES });
});

afterEach(async () => {
	process.env.TZ = originalTz;
	await cleanup();
});

function bundle(standard: Standard, outName = `${standard}.zip`) {
	return packageBundle({
		standard,
		buildDir: path.join(dir, 'build'),
		outFile: path.join(dir, 'dist', outName),
		course: COURSE,
		schemasDir: SCHEMAS_DIR
	});
}

async function unzip(file: string): Promise<Record<string, Uint8Array>> {
	return unzipSync(await readFile(file));
}

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

describe('packageBundle', () => {
	it('packages SCORM 1.2 with the manifest, the marked index.html and the four XSDs at the root', async () => {
		const result = await bundle('scorm12');
		expect(result.bytes).toBe((await stat(result.outFile)).size);
		expect(result.entries).toEqual([
			'_app/version.json',
			'adlcp_rootv1p2.xsd',
			'favicon.svg',
			'images/map of routes.svg',
			'ims_xml.xsd',
			'imscp_rootv1p1p2.xsd',
			'imsmanifest.xml',
			'imsmd_rootv1p2p1.xsd',
			'index.html'
		]);
		const zip = await unzip(result.outFile);
		expect(Object.keys(zip).sort()).toEqual(result.entries);
		expect(text(zip['index.html'])).toContain('<meta name="course-standard" content="scorm12" />');
		expect(text(zip['index.html'])).not.toContain(STANDARD_MARKER);
		expect(text(zip['imsmanifest.xml'])).toBe(
			buildManifest({ standard: 'scorm12', course: COURSE, files: Object.keys(BUILD_FILES) })
		);
	});

	it('packages SCORM 2004 with the whole official schema folder, DTDs and subfolders included', async () => {
		const result = await bundle('scorm2004');
		const zip = await unzip(result.outFile);
		const schemaFiles = await listFiles({ dir: path.join(SCHEMAS_DIR, 'scorm2004-4th') });
		for (const name of [
			'imscp_v1p1.xsd',
			'imsss_v1p0.xsd',
			'xml.xsd',
			'XMLSchema.dtd',
			'datatypes.dtd',
			'common/anyElement.xsd'
		]) {
			expect(schemaFiles).toContain(name);
		}
		for (const name of schemaFiles) {
			expect(result.entries).toContain(name);
			// Shipped byte for byte: validation's xml.xsd redirect never reaches the zip.
			const original = await readFile(path.join(SCHEMAS_DIR, 'scorm2004-4th', name));
			expect(zip[name], name).toEqual(new Uint8Array(original));
		}
		expect(text(zip['index.html'])).toContain(
			'<meta name="course-standard" content="scorm2004" />'
		);
		expect(text(zip['imsmanifest.xml'])).toContain('adlcp:scormType="sco"');
	});

	it('gives byte-identical zips on reruns, also after a time zone change', async () => {
		process.env.TZ = 'UTC';
		const first = await bundle('scorm2004', 'first.zip');
		process.env.TZ = 'Asia/Tokyo';
		const second = await bundle('scorm2004', 'second.zip');
		expect(second.entries).toEqual(first.entries);
		const [a, b] = await Promise.all([readFile(first.outFile), readFile(second.outFile)]);
		expect(a.length).toBeGreaterThan(1000);
		expect(b.equals(a)).toBe(true);
	});

	it('fails without the course-standard marker and writes nothing', async () => {
		await writeTree({
			dir: path.join(dir, 'build'),
			files: { 'index.html': MARKED_HTML.replace(STANDARD_MARKER, '') }
		});
		await expect(bundle('scorm12')).rejects.toThrow(
			/index\.html has no <meta name="course-standard"/
		);
		await expect(stat(path.join(dir, 'dist', 'scorm12.zip'))).rejects.toThrow();
	});

	it('fails with the schema message and the standard when the manifest is invalid', async () => {
		const tooLong = { ...COURSE, version: '1.2.3-much-too-long-for-1.2' };
		await expect(
			packageBundle({
				standard: 'scorm12',
				buildDir: path.join(dir, 'build'),
				outFile: path.join(dir, 'dist', 'bad.zip'),
				course: tooLong,
				schemasDir: SCHEMAS_DIR
			})
		).rejects.toThrow(/scorm12 imsmanifest\.xml fails the official schema:[\s\S]*maxLength/);
	});

	it('refuses a build that already has a file the package adds', async () => {
		await writeTree({ dir: path.join(dir, 'build'), files: { 'xml.xsd': '<x/>' } });
		await expect(bundle('scorm2004')).rejects.toThrow(/already has xml\.xsd/);
		await expect(bundle('scorm12')).resolves.toMatchObject({ bytes: expect.any(Number) });
	});

	it('explains a missing build directory', async () => {
		await expect(
			packageBundle({
				standard: 'scorm12',
				buildDir: path.join(dir, 'nope'),
				outFile: path.join(dir, 'dist', 'x.zip'),
				course: COURSE,
				schemasDir: SCHEMAS_DIR
			})
		).rejects.toThrow(/not found: run `npm run build` first/);
	});
});

describe('markStandard', () => {
	it('replaces every marker and nothing else', () => {
		const html = `${MARKED_HTML}<!-- ${STANDARD_MARKER} -->`;
		const marked = markStandard({ html, standard: 'scorm2004' });
		expect(marked).toBe(html.replaceAll('content="auto"', 'content="scorm2004"'));
		expect(marked).not.toContain('content="auto"');
	});

	it('does not accept a near miss', () => {
		const html = MARKED_HTML.replace(
			STANDARD_MARKER,
			'<meta name="course-standard" content="auto">'
		);
		expect(() => markStandard({ html, standard: 'scorm12' })).toThrow(/marker/);
	});
});
