// `npm run package [-- --profile <file>]`: for each agency profile (both shipped variants, patrol
// and campus, when none is given) builds the course and packages it into one SCORM zip per
// standard and a cmi5 zip under dist/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Course } from '../../src/lib/course/types.ts';
import { packageBundle, type BundleResult } from './bundle.ts';
import { packageCmi5Bundle } from './cmi5-bundle.ts';
import { packageHostedBundle } from './hosted-bundle.ts';
import { cmi5Runtime } from './cmi5-runtime-build.ts';
import { STANDARDS } from './manifest.ts';
import { messageOf, resolveSchemasDir } from './schemas.ts';

type CourseSettings = Pick<Course, 'id' | 'version' | 'passMark' | 'title' | 'defaultLanguage'> &
	Partial<Pick<Course, 'languages' | 'profile' | 'hosted'>>;
type Loader = (options: { root: string; profile?: string }) => unknown;
/** The course settings, and its description per language when the loader gives the text. */
type LoadCourse = (options: {
	root: string;
	profile?: string;
}) => Promise<{ course: CourseSettings; description: Record<string, string> }>;

/** The variants `npm run package` builds when no profile is named; the last one stays in build/. */
export const SHIPPED_PROFILES = ['profiles/campus.yaml', 'profiles/default.yaml'];

const LOADER = 'src/lib/content/load.ts';

function hasFunction<K extends string>(mod: unknown, name: K): mod is Record<K, Loader> {
	return (
		typeof mod === 'object' &&
		mod !== null &&
		name in mod &&
		typeof mod[name as never] === 'function'
	);
}

/** The course description per language from loaded course text (`course` namespace). */
function descriptions(resources: unknown): Record<string, string> {
	const found: Record<string, string> = {};
	if (typeof resources !== 'object' || resources === null) return found;
	for (const [language, namespaces] of Object.entries(resources)) {
		const text = (namespaces as { course?: { description?: unknown } })?.course?.description;
		if (typeof text === 'string' && text.trim() !== '') found[language] = text.trim();
	}
	return found;
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
	if (hasFunction(mod, 'loadCourseContent')) {
		const load = mod.loadCourseContent;
		return async (options) => {
			const loaded = (await load(options)) as { course: CourseSettings; resources: unknown };
			return { course: loaded.course, description: descriptions(loaded.resources) };
		};
	}
	if (!hasFunction(mod, 'loadCourse'))
		throw new Error(`${file} does not export a loadCourse function`);
	const load = mod.loadCourse;
	return async (options) => ({ course: (await load(options)) as CourseSettings, description: {} });
}

function fileSafe(label: string, value: string): string {
	if (value === '' || /[/\\]/.test(value) || value.startsWith('.')) {
		throw new Error(`course.${label} "${value}" cannot be used in a file name`);
	}
	return value;
}

/**
 * Packages <repoRoot>/build (built for `profile`) into dist/<id>[-<profile>]-<version>-<standard>.zip:
 * SCORM 1.2, 2004 and cmi5. The default profile's bundles carry no profile in their names.
 */
export async function packageAll({
	repoRoot,
	profile
}: {
	repoRoot: string;
	profile?: string;
}): Promise<BundleResult[]> {
	const loadCourse = await importLoader(repoRoot);
	const { course, description } = await loadCourse({
		root: path.join(repoRoot, 'modules'),
		...(profile ? { profile: path.resolve(repoRoot, profile) } : {})
	});
	const title = course.title[course.defaultLanguage];
	if (title === undefined || title.trim() === '') {
		throw new Error(`The course has no title in its default language "${course.defaultLanguage}"`);
	}
	const variant = course.profile && course.profile !== 'default' ? `-${course.profile}` : '';
	const base = `${fileSafe('id', course.id)}${variant}`;
	const name = `${base}-${fileSafe('version', course.version)}`;
	const schemasDir = resolveSchemasDir({ repoRoot });
	await removeOtherVersions(path.join(repoRoot, 'dist'), base, name);
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
	// The default language first, then the others as the course lists them.
	const languages = [course.defaultLanguage, ...(course.languages ?? Object.keys(course.title))];
	const inOrder = (texts: Record<string, string>): Record<string, string> =>
		Object.fromEntries(languages.filter((l) => texts[l]?.trim()).map((l) => [l, texts[l]!.trim()]));
	results.push(
		await packageCmi5Bundle({
			buildDir: path.join(repoRoot, 'build'),
			outFile: path.join(repoRoot, 'dist', `${name}-cmi5.zip`),
			course: {
				id: course.id,
				title: inOrder(course.title),
				description: inOrder(description),
				passMark: course.passMark
			},
			schemasDir,
			runtime: await cmi5Runtime()
		})
	);
	// An agency without a SCORM player: the same build with scorm-again committing to its endpoint.
	if (course.hosted) {
		results.push(
			await packageHostedBundle({
				buildDir: path.join(repoRoot, 'build'),
				outFile: path.join(repoRoot, 'dist', `${name}-hosted.zip`),
				course: { id: course.id, version: course.version, title },
				endpoint: course.hosted.endpoint
			})
		);
	}
	return results;
}

/**
 * Remove the zips an earlier version of this variant left in `dist`, so that a coordinator (or the
 * preview LMS) never picks up an old bundle: `<prefix>-<version>-<kind>.zip` with another version.
 */
export async function removeOtherVersions(dist: string, prefix: string, current: string) {
	const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const older = new RegExp(`^${escaped}-\\d+\\.\\d+\\.\\d+-(scorm12|scorm2004|cmi5|hosted)\\.zip$`);
	const files = await readdir(dist).catch(() => [] as string[]);
	for (const file of files) {
		if (older.test(file) && !file.startsWith(`${current}-`)) await rm(path.join(dist, file));
	}
}

function formatSize(bytes: number): string {
	return `${(bytes / 1000).toFixed(1)} kB (${bytes} bytes)`;
}

/** `--profile <file>` (one agency's bundles) or none (every shipped variant). */
export function parseArgs(argv: string[]): { profiles: string[] } {
	const at = argv.indexOf('--profile');
	if (at < 0) return { profiles: SHIPPED_PROFILES };
	const file = argv[at + 1];
	if (!file || file.startsWith('--'))
		throw new Error('--profile needs a file, e.g. --profile profiles/my-agency.yaml');
	return { profiles: [file] };
}

/** Build the course for one profile into build/ (the Vite plugin reads COURSE_PROFILE). */
function build(repoRoot: string, profile: string): void {
	const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
	const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: repoRoot,
		stdio: 'inherit',
		// Never the test-only pseudo-locales in a package (they build into build-pseudo/ anyway).
		env: { ...process.env, COURSE_PROFILE: path.resolve(repoRoot, profile), COURSE_PSEUDO: '' }
	});
	if (run.status !== 0) throw new Error(`The build for ${profile} failed (see above).`);
}

async function main(): Promise<void> {
	const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
	try {
		const { profiles } = parseArgs(process.argv.slice(2));
		for (const profile of profiles) {
			if (!existsSync(path.resolve(repoRoot, profile)))
				throw new Error(`No profile file ${profile}`);
			console.log(`Building for ${profile}…`);
			build(repoRoot, profile);
			for (const result of await packageAll({ repoRoot, profile })) {
				console.log(`${path.relative(process.cwd(), result.outFile)}  ${formatSize(result.bytes)}`);
			}
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
