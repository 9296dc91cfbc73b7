// Deterministic zips: the same files give the same bytes on any machine, in any time zone, so a
// package can be checked by its hash and a rebuild shows no spurious change.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** Deflate level for every entry; part of the output's identity, so it is fixed. */
export const ZIP_LEVEL = 9;

/** The timestamp stored on every entry, built in local time when called (see the comment inside). */
export function fixedMtime(): Date {
	// fflate writes DOS time from the Date's *local* fields. A local-time Date, built at call time,
	// always has the fields 1980-01-02 00:00, whatever TZ is (a UTC instant or a Date cached before
	// process.env.TZ changed would not). 1980-01-02 also keeps clear of the DOS epoch edge.
	return new Date(1980, 0, 2);
}

export interface CreateZipOptions {
	/** Zip path (forward slashes, relative) to contents. */
	files: ReadonlyMap<string, Uint8Array>;
}

function checkName(name: string): void {
	const segments = name.split('/');
	if (
		name === '' ||
		name.includes('\\') ||
		name.startsWith('/') ||
		name.endsWith('/') ||
		segments.some((segment) => segment === '' || segment === '.' || segment === '..')
	) {
		throw new Error(`Invalid zip entry name "${name}": use a relative path with forward slashes`);
	}
}

/** Zips the files with sorted entries, a fixed mtime and a fixed level: byte-identical reruns. */
export function createZip({ files }: CreateZipOptions): Uint8Array {
	const mtime = fixedMtime();
	// Code-unit order, independent of locale and of the order the caller collected the files in.
	const names = [...files.keys()].sort();
	const tree: Zippable = {};
	for (const name of names) {
		checkName(name);
		const contents = files.get(name) ?? new Uint8Array(0);
		// Flat keys with slashes give file entries only (no folder entries, which would need their
		// own timestamps). Object key order follows insertion, except all-digit names such as "404",
		// which JS moves first: still the same order on every run.
		tree[name] = [contents, { level: ZIP_LEVEL, mtime }];
	}
	return zipSync(tree, { level: ZIP_LEVEL, mtime });
}

/** What a written package is: its file, size and (sorted) entries. */
export interface ZipResult {
	outFile: string;
	bytes: number;
	/** Zip entry names, sorted. */
	entries: string[];
}

/** Zips the files (see createZip) into outFile, creating its folder; a clear error if it cannot. */
export async function writeZip(options: {
	outFile: string;
	files: ReadonlyMap<string, Uint8Array>;
}): Promise<ZipResult> {
	const { outFile, files } = options;
	const zip = createZip({ files });
	try {
		await mkdir(path.dirname(outFile), { recursive: true });
		await writeFile(outFile, zip);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Cannot write ${outFile}: ${reason}`, { cause: error });
	}
	return { outFile, bytes: zip.byteLength, entries: [...files.keys()].sort() };
}
