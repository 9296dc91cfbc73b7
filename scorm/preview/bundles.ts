// The SCORM zips in dist/, read into memory with fflate and re-read when a zip changes on disk.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { ManifestInfo, Standard } from './contract.ts';

/** A zip from distDir with its files unpacked in memory. */
export interface Bundle {
	/** Zip file name, e.g. 'course-1.0.0-scorm12.zip'. */
	name: string;
	/** Name without '.zip': the <bundle-name> segment of the content URL. */
	slug: string;
	/** Stable number for the <n> segment, like a Moodle context id. */
	id: number;
	size: number;
	mtimeMs: number;
	manifest: ManifestInfo;
	files: Map<string, Uint8Array>;
}

/** Where bundles are mounted unless startPreview is given a mountPrefix (Moodle's file URL). */
export const DEFAULT_MOUNT_PREFIX = '/lms/pluginfile.php';

/** URL path prefix (with trailing slash) the bundle's files are served under. */
export function mountPath(
	bundle: Pick<Bundle, 'id' | 'slug'>,
	prefix: string = DEFAULT_MOUNT_PREFIX
): string {
	return `${prefix}/${bundle.id}/mod_scorm/content/${encodeURIComponent(bundle.slug)}/`;
}

/** Whether a mount prefix is usable: '/'-led URL-safe segments, no trailing slash, no dot segments. */
export function isMountPrefix(prefix: string): boolean {
	return /^(\/[\w~-][\w.~-]*)+$/.test(prefix);
}

/** Stable small number for a name (FNV-1a), so URLs survive restarts and new zips. */
export function bundleId(name: string): number {
	let hash = 0x811c9dc5;
	for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
	return 1000 + (hash % 9000);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
	return text
		.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
		.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (_, e: string) =>
			e[0] === '#'
				? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1)))
				: (ENTITIES[e.toLowerCase()] ?? '')
		)
		.trim();
}

// Element text by local name, whatever prefix the manifest binds the namespace to.
function text(xml: string, local: string): string | null {
	const m = new RegExp(
		`<(?:[\\w.-]+:)?${local}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>`,
		'i'
	);
	const found = m.exec(xml);
	return found ? decodeXml(found[1] ?? '') : null;
}

function attribute(tag: string, local: string): string | null {
	const m = new RegExp(`\\s(?:[\\w.-]+:)?${local}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
	return m ? decodeXml(m[2] ?? m[3] ?? '') : null;
}

/** Standard implied by the packager's file naming (`…-scorm12.zip` / `…-scorm2004.zip`). */
export function standardFromName(name: string): Standard | null {
	if (/scorm-?12\.zip$/i.test(name)) return 'scorm12';
	if (/scorm-?2004\.zip$/i.test(name)) return 'scorm2004';
	return null;
}

/** Reads what the LMS needs from imsmanifest.xml (regex-based: the preview has no XML parser). */
export function parseManifest(xml: string, fallback: Standard): ManifestInfo {
	const version = text(xml, 'schemaversion') ?? '';
	const standard: Standard = /^1\.2$/.test(version)
		? 'scorm12'
		: /2004|CAM 1\.3/i.test(version) || /adlcp_v1p3|imsss/.test(xml)
			? 'scorm2004'
			: fallback;
	const organization = /<(?:[\w.-]+:)?organization\b[\s\S]*$/i.exec(xml)?.[0] ?? xml;
	const resources = [...xml.matchAll(/<(?:[\w.-]+:)?resource\b[^>]*>/gi)].map((m) => m[0]);
	const sco = resources.find((tag) => attribute(tag, 'scormtype')?.toLowerCase() === 'sco');
	const href = attribute(sco ?? resources[0] ?? '', 'href');
	let masteryScore: string | null;
	if (standard === 'scorm12') {
		masteryScore = text(xml, 'masteryscore');
	} else {
		const primary = text(xml, 'primaryObjective');
		masteryScore = text(primary ?? '', 'minNormalizedMeasure') ?? text(xml, 'minNormalizedMeasure');
	}
	const thresholdTag = /<(?:[\w.-]+:)?completionThreshold\b[^>]*>/i.exec(xml)?.[0] ?? '';
	return {
		standard,
		title: text(organization, 'title') ?? text(xml, 'title') ?? '',
		launchPath: (href ?? 'index.html').replace(/^\.?\//, ''),
		masteryScore: masteryScore || null,
		completionThreshold:
			standard === 'scorm2004'
				? attribute(thresholdTag, 'minProgressMeasure') || text(xml, 'completionThreshold') || null
				: null,
		launchData: text(xml, 'dataFromLMS')
	};
}

/** Caches unpacked zips per file name; each get() checks mtime and size first. */
export class BundleStore {
	readonly #dir: string;
	readonly #cache = new Map<string, Bundle>();

	constructor(distDir: string) {
		this.#dir = distDir;
	}

	/** Every readable zip in distDir, sorted by name; [] when the directory does not exist. */
	async list(): Promise<Bundle[]> {
		let names: string[];
		try {
			names = (await readdir(this.#dir)).filter((n) => n.toLowerCase().endsWith('.zip'));
		} catch {
			return [];
		}
		const bundles = await Promise.all(names.sort().map((n) => this.get(n).catch(() => null)));
		return bundles.filter((b): b is Bundle => b !== null);
	}

	/** The bundle for a zip file name, or null when there is no such zip. */
	async get(name: string): Promise<Bundle | null> {
		if (!/^[^/\\]+\.zip$/i.test(name) || name.startsWith('.')) return null;
		const file = join(this.#dir, name);
		const info = await stat(file).catch(() => null);
		if (!info?.isFile()) {
			this.#cache.delete(name);
			return null;
		}
		const cached = this.#cache.get(name);
		if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
		const bundle = unpack(name, await readFile(file), info.mtimeMs);
		this.#cache.set(name, bundle);
		return bundle;
	}

	/** The bundle whose URL segments are <n>/<slug>, or null. */
	async bySlug(id: number, slug: string): Promise<Bundle | null> {
		const bundle = await this.get(`${slug}.zip`);
		return bundle && bundle.id === id ? bundle : null;
	}
}

function unpack(name: string, zip: Uint8Array, mtimeMs: number): Bundle {
	const files = new Map<string, Uint8Array>();
	for (const [path, data] of Object.entries(unzipSync(zip))) {
		// Some zip tools store Windows separators or a leading './'.
		const clean = path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
		if (clean && !clean.endsWith('/')) files.set(clean, data);
	}
	const manifestBytes = files.get('imsmanifest.xml');
	const fallback = standardFromName(name) ?? 'scorm12';
	const manifest = manifestBytes
		? parseManifest(new TextDecoder().decode(manifestBytes), fallback)
		: { ...parseManifest('', fallback), title: '(no imsmanifest.xml)' };
	const slug = name.replace(/\.zip$/i, '');
	return { name, slug, id: bundleId(slug), size: zip.byteLength, mtimeMs, manifest, files };
}
