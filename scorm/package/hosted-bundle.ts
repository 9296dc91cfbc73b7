// The hosted web bundle, for an agency without a SCORM player: the same static build, index.html
// marked SCORM 2004 and loading hosted-runtime.js (scorm-again's API, committing to the agency's
// endpoint), a Content-Security-Policy that lets the page reach only its own host and the endpoint,
// and a README for the agency's web admin. Same deterministic zip as the LMS packages.
import { createHash } from 'node:crypto';
import { COURSE_META, ENDPOINT_META } from '../hosted/config.ts';
import { markStandard, readBuild, STANDARD_MARKER, type BundleResult } from './bundle.ts';
import { hostedReadme, HOSTED_README_FILE } from './hosted-readme.ts';
import {
	HOSTED_RUNTIME_FILE,
	HOSTED_RUNTIME_LICENSE_FILE,
	hostedRuntime,
	type HostedRuntime
} from './hosted-runtime-build.ts';
import { LAUNCH_FILE } from './manifest.ts';
import { writeZip } from './zip.ts';

/** What the hosted bundle names and the README tells the web admin. */
export interface HostedCourse {
	id: string;
	version: string;
	/** In the default language. */
	title: string;
}

export interface PackageHostedOptions {
	/** The static build; index.html at its root. */
	buildDir: string;
	outFile: string;
	course: HostedCourse;
	/** The agency endpoint (profile `hosted.endpoint`): https, or http on this computer for tests. */
	endpoint: string;
	/** The built hosted-runtime.js and its license; built (once per process) when omitted. */
	runtime?: HostedRuntime;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks an endpoint address; returns it normalized with its origin, or throws saying why. */
export function checkEndpoint(endpoint: string): { href: string; origin: string } {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new Error(`hosted.endpoint "${endpoint}" is not a full address: write https://…`);
	}
	const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
	if (url.protocol !== 'https:' && !local) {
		throw new Error(
			`hosted.endpoint "${endpoint}" must use https:// (learners' progress crosses the network)`
		);
	}
	if (url.username || url.password) {
		throw new Error(`hosted.endpoint "${endpoint}" must not carry a user name or password`);
	}
	if (url.hash) throw new Error(`hosted.endpoint "${endpoint}" must not have a #fragment`);
	return { href: url.href, origin: url.origin };
}

/** The page's Content-Security-Policy: its own files, its inline scripts by hash, the endpoint. */
export function contentSecurityPolicy(options: { html: string; endpointOrigin: string }): string {
	const hashes = inlineScripts(options.html).map(
		(code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`
	);
	return [
		"default-src 'none'",
		`script-src 'self' ${hashes.join(' ')}`.trim(),
		// Svelte sets style attributes and the build inlines its CSS.
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self' data:",
		`connect-src 'self' ${options.endpointOrigin}`,
		"base-uri 'none'",
		"form-action 'none'",
		"object-src 'none'"
	].join('; ');
}

/** The text of each inline <script> (one without src) in an HTML page, in order. */
export function inlineScripts(html: string): string[] {
	const found: string[] = [];
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
		if (!/\ssrc\s*=/i.test(match[1] ?? '')) found.push(match[2] ?? '');
	}
	return found;
}

/** Escapes text for a double-quoted HTML attribute (quotes in the CSP stay readable). */
function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Marks index.html as SCORM 2004 and adds, right after the marker: CSP, settings, the runtime. */
export function markHosted(options: { html: string; endpoint: string; course: string }): string {
	const { endpoint, course } = options;
	const { href, origin } = checkEndpoint(endpoint);
	const marked = markStandard({ html: options.html, standard: 'scorm2004' });
	const meta = STANDARD_MARKER.replace('"auto"', '"scorm2004"');
	const csp = contentSecurityPolicy({ html: marked, endpointOrigin: origin });
	const added = [
		`<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}" />`,
		`<meta name="${ENDPOINT_META}" content="${escapeAttribute(href)}" />`,
		`<meta name="${COURSE_META}" content="${escapeAttribute(course)}" />`,
		`<script src="${HOSTED_RUNTIME_FILE}"></script>`
	];
	// Only after the first marker: the script must load once. The CSP governs what follows it,
	// and everything the page loads follows it.
	return marked.replace(meta, [meta, ...added].join('\n\t\t'));
}

/** Builds and writes the hosted web bundle zip from a static course build. */
export async function packageHostedBundle(options: PackageHostedOptions): Promise<BundleResult> {
	const { buildDir, outFile, course, endpoint } = options;
	if (course.id.trim() === '') throw new Error('The course has no id to file progress under');
	const { href } = checkEndpoint(endpoint);
	const files = await readBuild(buildDir);
	for (const name of [HOSTED_RUNTIME_FILE, HOSTED_RUNTIME_LICENSE_FILE, HOSTED_README_FILE]) {
		if (files.has(name)) {
			throw new Error(`${buildDir} already has ${name}, which the hosted bundle adds itself`);
		}
	}
	const runtime = options.runtime ?? (await hostedRuntime());
	const html = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files.get(LAUNCH_FILE));
	const encode = (text: string) => new TextEncoder().encode(text);
	files.set(LAUNCH_FILE, encode(markHosted({ html, endpoint: href, course: course.id })));
	files.set(HOSTED_RUNTIME_FILE, encode(runtime.code));
	files.set(HOSTED_RUNTIME_LICENSE_FILE, encode(runtime.license));
	files.set(HOSTED_README_FILE, encode(hostedReadme({ course, endpoint: href })));

	return writeZip({ outFile, files });
}
