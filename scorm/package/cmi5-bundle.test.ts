// @vitest-environment node
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_MARKER } from './bundle.ts';
import { buildCourseStructure, type Cmi5Course } from './cmi5.ts';
import { CMI5_RUNTIME_TAG, markCmi5, packageCmi5Bundle } from './cmi5-bundle.ts';
import {
	BUILD_FILES,
	makeTempDir,
	MARKED_HTML,
	SCHEMAS_DIR,
	writeTree
} from './fixtures/course-build.ts';

const COURSE: Cmi5Course = {
	id: 'trafficking-response',
	title: { en: 'Trafficking Response' },
	description: { en: 'Recognize and respond.' },
	passMark: 0.8
};
// The real runtime is built in cmi5-runtime-build.test.ts; the package only carries it.
const RUNTIME = { code: 'self.courseCmi5 = null;\n', license: 'LICENSE TEXT\n' };

let dir = '';
let cleanup = async (): Promise<void> => {};

beforeEach(async () => {
	({ dir, cleanup } = await makeTempDir());
	await writeTree({ dir: path.join(dir, 'build'), files: BUILD_FILES });
});
afterEach(() => cleanup());

function bundle(outName = 'cmi5.zip', course = COURSE) {
	return packageCmi5Bundle({
		buildDir: path.join(dir, 'build'),
		outFile: path.join(dir, 'dist', outName),
		course,
		schemasDir: SCHEMAS_DIR,
		runtime: RUNTIME
	});
}

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

describe('packageCmi5Bundle', () => {
	it('puts cmi5.xml, the runtime and its license beside the build, index.html marked cmi5', async () => {
		const result = await bundle();
		expect(result.bytes).toBe((await stat(result.outFile)).size);
		expect(result.entries).toEqual([
			'_app/version.json',
			'cmi5-runtime.LICENSE.txt',
			'cmi5-runtime.js',
			'cmi5.xml',
			'favicon.svg',
			'images/map of routes.svg',
			'index.html'
		]);
		const zip = unzipSync(await readFile(result.outFile));
		expect(text(zip['cmi5.xml'])).toBe(buildCourseStructure({ course: COURSE }));
		expect(text(zip['cmi5-runtime.js'])).toBe(RUNTIME.code);
		expect(text(zip['cmi5-runtime.LICENSE.txt'])).toBe(RUNTIME.license);
		const html = text(zip['index.html']);
		expect(html).toContain(
			`<meta name="course-standard" content="cmi5" />\n\t\t${CMI5_RUNTIME_TAG}`
		);
		expect(html).not.toContain(STANDARD_MARKER);
		// No SCORM manifest or XSDs: a cmi5 LMS reads cmi5.xml only.
		expect(result.entries.some((e) => e.endsWith('.xsd') || e === 'imsmanifest.xml')).toBe(false);
	});

	it('gives byte-identical zips on reruns', async () => {
		const [a, b] = [await bundle('a.zip'), await bundle('b.zip')];
		const [first, second] = await Promise.all([readFile(a.outFile), readFile(b.outFile)]);
		expect(second.equals(first)).toBe(true);
	});

	it('refuses a build that already has a file the package adds', async () => {
		await writeTree({ dir: path.join(dir, 'build'), files: { 'cmi5.xml': '<x/>' } });
		await expect(bundle()).rejects.toThrow(/already has cmi5\.xml/);
	});

	it('fails with the schema message when cmi5.xml is invalid, and writes nothing', async () => {
		// xs:language refuses this tag; the builder passes languages through as given.
		const course = { ...COURSE, title: { 'not a language': 'x' }, description: {} };
		await expect(bundle('bad.zip', course)).rejects.toThrow(
			/cmi5 cmi5\.xml fails CourseStructure\.xsd:[\s\S]*lang/
		);
		await expect(stat(path.join(dir, 'dist', 'bad.zip'))).rejects.toThrow();
	});
});

describe('markCmi5', () => {
	it('marks the standard and loads the runtime once, right after the marker', () => {
		const html = `${MARKED_HTML}<!-- ${STANDARD_MARKER} -->`;
		const marked = markCmi5({ html });
		expect(marked.split(CMI5_RUNTIME_TAG)).toHaveLength(2);
		expect(marked.indexOf(CMI5_RUNTIME_TAG)).toBeLessThan(marked.indexOf('<title>'));
		expect(marked).not.toContain('content="auto"');
	});

	it('fails without the marker', () => {
		expect(() => markCmi5({ html: '<html></html>' })).toThrow(/marker/);
	});
});
