// One SCORM package per standard from the same static build: mark the standard in index.html,
// add the manifest and the official XSDs, validate both ways, zip deterministically.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildManifest, LAUNCH_FILE, type ManifestCourse, type Standard } from './manifest.ts';
import { listFiles, readSchemaFiles } from './schemas.ts';
import { checkPackage, validateManifest } from './validate.ts';
import { writeZip, type ZipResult } from './zip.ts';

/** What a package is built for: one of the SCORM versions, or cmi5. */
export type PackageStandard = Standard | 'cmi5';

/** The exact text the app shell carries so the runtime knows which LMS API to look for. */
export const STANDARD_MARKER = '<meta name="course-standard" content="auto" />';

const MANIFEST_FILE = 'imsmanifest.xml';

export interface PackageBundleOptions {
	standard: Standard;
	/** The static build; index.html at its root. */
	buildDir: string;
	outFile: string;
	course: ManifestCourse;
	/** Folder holding scorm12/ and scorm2004-4th/. */
	schemasDir: string;
}

/** A written package: its file, size and sorted entries. */
export type BundleResult = ZipResult;

/** Sets the standard in index.html; throws if the build lacks the marker. */
export function markStandard({
	html,
	standard
}: {
	html: string;
	standard: PackageStandard;
}): string {
	if (!html.includes(STANDARD_MARKER)) {
		throw new Error(
			`${LAUNCH_FILE} has no ${STANDARD_MARKER} marker, so the course could not tell which LMS API to use. Keep it in src/app.html.`
		);
	}
	return html.split(STANDARD_MARKER).join(STANDARD_MARKER.replace('"auto"', `"${standard}"`));
}

/** Reads every file of a static build (index.html at its root) into memory. */
export async function readBuild(buildDir: string): Promise<Map<string, Uint8Array>> {
	const info = await stat(buildDir).catch(() => null);
	if (!info?.isDirectory()) {
		throw new Error(`Build directory ${buildDir} not found: run \`npm run build\` first`);
	}
	const names = await listFiles({ dir: buildDir });
	if (!names.includes(LAUNCH_FILE)) {
		throw new Error(
			`${path.join(buildDir, LAUNCH_FILE)} not found: is ${buildDir} a course build?`
		);
	}
	const files = new Map<string, Uint8Array>();
	for (const name of names) files.set(name, await readFile(path.join(buildDir, name)));
	return files;
}

/** Builds, validates and writes the SCORM zip for one standard from a static course build. */
export async function packageBundle({
	standard,
	buildDir,
	outFile,
	course,
	schemasDir
}: PackageBundleOptions): Promise<BundleResult> {
	const files = await readBuild(buildDir);
	// ignoreBOM keeps a byte-order mark if the build has one: only the marker may change.
	const html = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files.get(LAUNCH_FILE));
	files.set(LAUNCH_FILE, new TextEncoder().encode(markStandard({ html, standard })));
	const courseFiles = [...files.keys()];

	const schemas = await readSchemaFiles({ standard, schemasDir });
	// The manifest and XSDs go to the zip root; a build file there would silently be replaced.
	for (const name of [MANIFEST_FILE, ...schemas.map((schema) => schema.path)]) {
		if (files.has(name)) {
			throw new Error(`${buildDir} already has ${name}, which the ${standard} package adds itself`);
		}
	}

	const xml = buildManifest({ standard, course, files: courseFiles });
	const validation = await validateManifest({ standard, xml, schemasDir });
	if (!validation.valid) {
		throw new Error(
			`The ${standard} imsmanifest.xml fails the official schema:\n${validation.errors.join('\n')}`
		);
	}
	files.set(MANIFEST_FILE, new TextEncoder().encode(xml));
	for (const schema of schemas) files.set(schema.path, schema.contents);

	const entries = [...files.keys()].sort();
	const problems = checkPackage({ xml, entries });
	if (problems.length > 0) {
		throw new Error(`The ${standard} package is inconsistent:\n${problems.join('\n')}`);
	}

	return writeZip({ outFile, files });
}
