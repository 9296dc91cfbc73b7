// Where the official XSD sets live and which of their files ship in each package.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Standard } from './manifest.ts';

/** Folder under the schemas dir per standard (see ../shared/scorm-schemas/README.md). */
export const SCHEMA_FOLDERS: Record<Standard, string> = {
	scorm12: 'scorm12',
	scorm2004: 'scorm2004-4th'
};

// 1.2 needs exactly these at the zip root (scorm-rules.md §3.1). For 2004 the whole folder ships:
// xml.xsd needs the two DTDs beside it, and the LOM files cost little and keep metadata possible.
const SCORM12_FILES = [
	'imscp_rootv1p1p2.xsd',
	'adlcp_rootv1p2.xsd',
	'imsmd_rootv1p2p1.xsd',
	'ims_xml.xsd'
];

export interface SchemaFile {
	/** Path relative to the standard's folder, forward slashes; also the path in the zip. */
	path: string;
	contents: Uint8Array;
}

/** The schema folder: env SCORM_SCHEMAS_DIR if set, else ../shared/scorm-schemas beside the repo. */
export function resolveSchemasDir({ repoRoot }: { repoRoot: string }): string {
	const fromEnv = process.env.SCORM_SCHEMAS_DIR;
	return fromEnv
		? path.resolve(repoRoot, fromEnv)
		: path.resolve(repoRoot, '../shared/scorm-schemas');
}

/** Lists every file under dir (recursively) as sorted forward-slash paths relative to dir. */
export async function listFiles({ dir }: { dir: string }): Promise<string[]> {
	const found: string[] = [];
	async function walk(relative: string): Promise<void> {
		const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
		for (const entry of entries) {
			const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
			if (entry.isDirectory()) await walk(child);
			else if (entry.isFile()) found.push(child);
		}
	}
	await walk('');
	// Code-unit order, not localeCompare: the result must not depend on the machine's locale.
	return found.sort();
}

/** Reads the schema files that ship at the zip root for a standard. */
export async function readSchemaFiles({
	standard,
	schemasDir
}: {
	standard: Standard;
	schemasDir: string;
}): Promise<SchemaFile[]> {
	const dir = path.join(schemasDir, SCHEMA_FOLDERS[standard]);
	let names: string[];
	try {
		names = standard === 'scorm12' ? SCORM12_FILES : await listFiles({ dir });
	} catch (error) {
		throw new Error(`Cannot read the ${standard} schemas in ${dir}: ${messageOf(error)}`, {
			cause: error
		});
	}
	return Promise.all(
		names.map(async (name) => {
			try {
				return { path: name, contents: await readFile(path.join(dir, name)) };
			} catch (error) {
				throw new Error(
					`Cannot read the ${standard} schema ${name} in ${dir}: ${messageOf(error)}`,
					{ cause: error }
				);
			}
		})
	);
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
