// The cmi5 package from the same static build as the SCORM ones: index.html marked "cmi5" and
// loading cmi5-runtime.js, cmi5.xml at the root (validated), the same deterministic zip.
import { markStandard, readBuild, STANDARD_MARKER, type BundleResult } from './bundle.ts';
import {
	buildCourseStructure,
	checkCourseStructure,
	CMI5_FILE,
	validateCourseStructure,
	type Cmi5Course
} from './cmi5.ts';
import {
	CMI5_RUNTIME_FILE,
	CMI5_RUNTIME_LICENSE_FILE,
	type Cmi5Runtime
} from './cmi5-runtime-build.ts';
import { LAUNCH_FILE } from './manifest.ts';
import { writeZip } from './zip.ts';

/** The tag that loads the runtime before the app: a classic script, so it runs from any path. */
export const CMI5_RUNTIME_TAG = `<script src="${CMI5_RUNTIME_FILE}"></script>`;

export interface PackageCmi5Options {
	/** The static build; index.html at its root. */
	buildDir: string;
	outFile: string;
	course: Cmi5Course;
	/** Folder holding cmi5/CourseStructure.xsd. */
	schemasDir: string;
	/** The built cmi5-runtime.js and its license text (cmi5-runtime-build.ts). */
	runtime: Cmi5Runtime;
}

/** Marks index.html as cmi5 and loads the runtime right after the marker, before the app. */
export function markCmi5(options: { html: string }): string {
	const marked = markStandard({ html: options.html, standard: 'cmi5' });
	const meta = STANDARD_MARKER.replace('"auto"', '"cmi5"');
	// Only after the first marker: the script must load once.
	return marked.replace(meta, `${meta}\n\t\t${CMI5_RUNTIME_TAG}`);
}

/** Builds, validates and writes the cmi5 zip from a static course build. */
export async function packageCmi5Bundle(options: PackageCmi5Options): Promise<BundleResult> {
	const { buildDir, outFile, course, schemasDir, runtime } = options;
	const files = await readBuild(buildDir);
	const html = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files.get(LAUNCH_FILE));
	files.set(LAUNCH_FILE, new TextEncoder().encode(markCmi5({ html })));
	for (const name of [CMI5_FILE, CMI5_RUNTIME_FILE, CMI5_RUNTIME_LICENSE_FILE]) {
		if (files.has(name)) {
			throw new Error(`${buildDir} already has ${name}, which the cmi5 package adds itself`);
		}
	}

	const xml = buildCourseStructure({ course });
	const validation = await validateCourseStructure({ xml, schemasDir });
	if (!validation.valid) {
		throw new Error(
			`The cmi5 ${CMI5_FILE} fails CourseStructure.xsd:\n${validation.errors.join('\n')}`
		);
	}
	files.set(CMI5_FILE, new TextEncoder().encode(xml));
	files.set(CMI5_RUNTIME_FILE, new TextEncoder().encode(runtime.code));
	files.set(CMI5_RUNTIME_LICENSE_FILE, new TextEncoder().encode(runtime.license));

	const entries = [...files.keys()].sort();
	const problems = checkCourseStructure({ xml, entries });
	if (problems.length > 0) {
		throw new Error(`The cmi5 package is inconsistent:\n${problems.join('\n')}`);
	}

	return writeZip({ outFile, files });
}
