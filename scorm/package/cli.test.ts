// @vitest-environment node
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHIPPED_PROFILES, packageAll, parseArgs } from './cli.ts';
import { BUILD_FILES, makeTempDir, SCHEMAS_DIR, writeTree } from './fixtures/course-build.ts';

const originalSchemasDir = process.env.SCORM_SCHEMAS_DIR;
let dir = '';
let cleanup = async (): Promise<void> => {};

// A stand-in for src/lib/content/load.ts with the agreed signature, so the test does not depend
// on the real modules/ content.
const FAKE_LOADER = `
export function loadCourse({ root }) {
	if (!root.endsWith('modules')) throw new Error('unexpected root ' + root);
	return {
		id: 'demo-course',
		version: '2.0.1',
		passMark: 0.75,
		defaultLanguage: 'es',
		title: { en: 'Demo', es: 'Demostración' }
	};
}
`;

beforeEach(async () => {
	({ dir, cleanup } = await makeTempDir());
	await writeTree({ dir: path.join(dir, 'build'), files: BUILD_FILES });
	process.env.SCORM_SCHEMAS_DIR = SCHEMAS_DIR;
});

afterEach(async () => {
	if (originalSchemasDir === undefined) delete process.env.SCORM_SCHEMAS_DIR;
	else process.env.SCORM_SCHEMAS_DIR = originalSchemasDir;
	await cleanup();
});

describe('packageAll', () => {
	it('writes one zip per standard named <id>-<version>-<standard>.zip, cmi5 last', async () => {
		await writeTree({ dir: path.join(dir, 'src/lib/content'), files: { 'load.ts': FAKE_LOADER } });
		const results = await packageAll({ repoRoot: dir });
		expect(results.map((r) => path.relative(dir, r.outFile))).toEqual([
			path.join('dist', 'demo-course-2.0.1-scorm12.zip'),
			path.join('dist', 'demo-course-2.0.1-scorm2004.zip'),
			path.join('dist', 'demo-course-2.0.1-cmi5.zip')
		]);
		expect((await readdir(path.join(dir, 'dist'))).sort()).toEqual([
			'demo-course-2.0.1-cmi5.zip',
			'demo-course-2.0.1-scorm12.zip',
			'demo-course-2.0.1-scorm2004.zip'
		]);
		for (const result of results) {
			expect((await stat(result.outFile)).size).toBe(result.bytes);
			expect(result.entries).toContain(
				result.outFile.endsWith('cmi5.zip') ? 'cmi5.xml' : 'imsmanifest.xml'
			);
		}
	});

	it("removes an earlier version's zips of the same variant, and nothing else", async () => {
		await writeTree({ dir: path.join(dir, 'src/lib/content'), files: { 'load.ts': FAKE_LOADER } });
		await mkdir(path.join(dir, 'dist'));
		const kept = ['demo-course-metro-1.0.0-scorm12.zip', 'other-1.0.0-scorm12.zip', 'notes.txt'];
		const old = ['demo-course-1.9.0-scorm12.zip', 'demo-course-1.9.0-cmi5.zip'];
		for (const file of [...kept, ...old]) await writeFile(path.join(dir, 'dist', file), 'x');
		await packageAll({ repoRoot: dir });
		expect((await readdir(path.join(dir, 'dist'))).sort()).toEqual(
			[
				...kept,
				'demo-course-2.0.1-cmi5.zip',
				'demo-course-2.0.1-scorm12.zip',
				'demo-course-2.0.1-scorm2004.zip'
			].sort()
		);
	});

	it('writes the course text into cmi5.xml when the loader gives it (loadCourseContent)', async () => {
		const loader = `${FAKE_LOADER}
export function loadCourseContent(options) {
	return {
		course: loadCourse(options),
		resources: { es: { course: { description: 'Una descripción.' } } }
	};
}
`;
		await writeTree({ dir: path.join(dir, 'src/lib/content'), files: { 'load.ts': loader } });
		const results = await packageAll({ repoRoot: dir });
		const cmi5 = unzipSync(await readFile(results.at(-1)!.outFile))['cmi5.xml'];
		const xml = new TextDecoder().decode(cmi5);
		expect(xml).toContain('<langstring lang="es">Una descripción.</langstring>');
		// The default language first, then the others.
		expect(xml.indexOf('lang="es">Demostración')).toBeLessThan(xml.indexOf('lang="en">Demo'));
		expect(xml).toContain('masteryScore="0.75"');
	});

	it("names an agency's bundles after its profile, and adds the hosted zip when it has an endpoint", async () => {
		const loader = `${FAKE_LOADER}
export function loadCourseContent(options) {
	const course = loadCourse(options);
	if (!options.profile || !options.profile.endsWith('metro.yaml')) throw new Error('no profile passed');
	return {
		course: { ...course, profile: 'metro', hosted: { endpoint: 'https://lms.metro.example/progress' } },
		resources: {}
	};
}
`;
		await writeTree({ dir: path.join(dir, 'src/lib/content'), files: { 'load.ts': loader } });
		const results = await packageAll({ repoRoot: dir, profile: 'profiles/metro.yaml' });
		expect(results.map((r) => path.basename(r.outFile))).toEqual([
			'demo-course-metro-2.0.1-scorm12.zip',
			'demo-course-metro-2.0.1-scorm2004.zip',
			'demo-course-metro-2.0.1-cmi5.zip',
			'demo-course-metro-2.0.1-hosted.zip'
		]);
	});

	it('reads --profile, and builds both shipped variants without it', () => {
		expect(parseArgs([])).toEqual({ profiles: SHIPPED_PROFILES });
		expect(parseArgs(['--profile', 'profiles/metro.yaml'])).toEqual({
			profiles: ['profiles/metro.yaml']
		});
		expect(() => parseArgs(['--profile'])).toThrow(/--profile needs a file/);
	});

	it('explains a missing course loader', async () => {
		await expect(packageAll({ repoRoot: dir })).rejects.toThrow(
			/Cannot load the course loader .*src\/lib\/content\/load\.ts/
		);
	});
});
