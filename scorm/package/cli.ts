// `npx tsx scorm/package/cli.ts`: packages build/ into one SCORM zip per standard under dist/.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Course } from '../../src/lib/course/types.ts';
import { packageBundle, type BundleResult } from './bundle.ts';
import { STANDARDS } from './manifest.ts';
import { messageOf, resolveSchemasDir } from './schemas.ts';

type CourseSettings = Pick<Course, 'id' | 'version' | 'passMark' | 'title' | 'defaultLanguage'>;
type LoadCourse = (options: { root: string }) => CourseSettings | Promise<CourseSettings>;

const LOADER = 'src/lib/content/load.ts';

function hasLoadCourse(mod: unknown): mod is { loadCourse: LoadCourse } {
	return (
		typeof mod === 'object' &&
		mod !== null &&
		'loadCourse' in mod &&
		typeof mod.loadCourse === 'function'
	);
}

// Imported at run time, relative to repoRoot: the packager reads the course the same way the
// app does, and a missing or broken loader becomes a clear message instead of a crash at import.
async function importLoader(repoRoot: string): Promise<LoadCourse> {
	const file = path.join(repoRoot, LOADER);
	let mod: unknown;
	try {
		mod = await import(pathToFileURL(file).href);
	} catch (error) {
		throw new Error(`Cannot load the course loader ${file}: ${messageOf(error)}`, { cause: error });
	}
	if (!hasLoadCourse(mod)) throw new Error(`${file} does not export a loadCourse function`);
	return mod.loadCourse;
}

function fileSafe(label: string, value: string): string {
	if (value === '' || /[/\\]/.test(value) || value.startsWith('.')) {
		throw new Error(`course.${label} "${value}" cannot be used in a file name`);
	}
	return value;
}

/** Packages <repoRoot>/build into dist/<id>-<version>-<standard>.zip for SCORM 1.2 and 2004. */
export async function packageAll({ repoRoot }: { repoRoot: string }): Promise<BundleResult[]> {
	const loadCourse = await importLoader(repoRoot);
	const course = await loadCourse({ root: path.join(repoRoot, 'modules') });
	const title = course.title[course.defaultLanguage];
	if (title === undefined || title.trim() === '') {
		throw new Error(`The course has no title in its default language "${course.defaultLanguage}"`);
	}
	const name = `${fileSafe('id', course.id)}-${fileSafe('version', course.version)}`;
	const schemasDir = resolveSchemasDir({ repoRoot });
	const results: BundleResult[] = [];
	// One after the other: each holds the whole build in memory, and the output order stays stable.
	for (const standard of STANDARDS) {
		results.push(
			await packageBundle({
				standard,
				buildDir: path.join(repoRoot, 'build'),
				outFile: path.join(repoRoot, 'dist', `${name}-${standard}.zip`),
				course: { id: course.id, version: course.version, title, passMark: course.passMark },
				schemasDir
			})
		);
	}
	return results;
}

function formatSize(bytes: number): string {
	return `${(bytes / 1000).toFixed(1)} kB (${bytes} bytes)`;
}

async function main(): Promise<void> {
	const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
	try {
		for (const result of await packageAll({ repoRoot })) {
			console.log(`${path.relative(process.cwd(), result.outFile)}  ${formatSize(result.bytes)}`);
		}
	} catch (error) {
		console.error(messageOf(error));
		process.exitCode = 1;
	}
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
	await main();
}
