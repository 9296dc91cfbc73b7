// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../hosted/config.ts';
import { BUILD_FILES, makeTempDir, writeTree } from './fixtures/course-build.ts';
import {
	checkEndpoint,
	contentSecurityPolicy,
	inlineScripts,
	markHosted,
	packageHostedBundle,
	type HostedCourse
} from './hosted-bundle.ts';
import { HOSTED_README_FILE } from './hosted-readme.ts';

const COURSE: HostedCourse = {
	id: 'ht_le_course',
	version: '1.2.3',
	title: 'Trafficking Response'
};
const ENDPOINT = 'https://lms.agency.example/api/progress?tenant=7';
// The real runtime is built in hosted-runtime-build.test.ts; the package only carries it.
const RUNTIME = { code: 'self.courseHosted = null;\n', license: 'LICENSE TEXT\n' };
const INLINE = 'window.start({ "a": "</div>" });';
const HTML = BUILD_FILES['index.html']!.replace(
	'<body>',
	`<body><script>${INLINE}</script><script src="x.js"></script>`
);

let dir = '';
let cleanup = async (): Promise<void> => {};

beforeEach(async () => {
	({ dir, cleanup } = await makeTempDir());
	await writeTree({ dir: path.join(dir, 'build'), files: { ...BUILD_FILES, 'index.html': HTML } });
});
afterEach(() => cleanup());

function bundle(outName = 'hosted.zip', endpoint = ENDPOINT) {
	return packageHostedBundle({
		buildDir: path.join(dir, 'build'),
		outFile: path.join(dir, 'dist', outName),
		course: COURSE,
		endpoint,
		runtime: RUNTIME
	});
}

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);
const sha256 = (code: string) => createHash('sha256').update(code).digest('base64');

describe('packageHostedBundle', () => {
	it('adds the runtime, its license and the README beside the build; no LMS manifest', async () => {
		const result = await bundle();
		expect(result.bytes).toBe((await stat(result.outFile)).size);
		expect(result.entries).toEqual([
			HOSTED_README_FILE,
			'_app/version.json',
			'favicon.svg',
			'hosted-runtime.LICENSE.txt',
			'hosted-runtime.js',
			'images/map of routes.svg',
			'index.html'
		]);
		const zip = unzipSync(await readFile(result.outFile));
		expect(text(zip['hosted-runtime.js'])).toBe(RUNTIME.code);
		expect(text(zip['hosted-runtime.LICENSE.txt'])).toBe(RUNTIME.license);
		expect(text(zip['images/map of routes.svg'])).toBe(BUILD_FILES['images/map of routes.svg']);
	});

	it('marks index.html SCORM 2004, names endpoint and course, and loads the runtime after the CSP', async () => {
		const zip = unzipSync(await readFile((await bundle()).outFile));
		const html = text(zip['index.html']);
		expect(html).toContain('<meta name="course-standard" content="scorm2004" />');
		expect(html.match(/hosted-runtime\.js/g)).toHaveLength(1);
		const csp = html.indexOf('http-equiv="Content-Security-Policy"');
		expect(csp).toBeGreaterThan(-1);
		expect(csp).toBeLessThan(html.indexOf('<script src="hosted-runtime.js">'));
		expect(csp).toBeLessThan(html.indexOf(`<script>${INLINE}`));
		// What the runtime reads, through the same function it uses (entities decoded by the parser).
		const doc = {
			querySelector: (selector: string) => {
				const name = /name="([^"]+)"/.exec(selector)![1];
				const m = new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html);
				const value = m?.[1]?.replace(/&amp;/g, '&');
				return value === undefined ? null : { getAttribute: () => value };
			}
		} as unknown as Document;
		expect(readConfig(doc)).toEqual({ endpoint: ENDPOINT, course: COURSE.id });
	});

	it('is byte-identical when run twice', async () => {
		const a = await readFile((await bundle('a.zip')).outFile);
		const b = await readFile((await bundle('b.zip')).outFile);
		expect(Buffer.compare(a, b)).toBe(0);
	});

	it('the README tells the web admin the endpoint, the launch address and the protocol', async () => {
		const zip = unzipSync(await readFile((await bundle()).outFile));
		const readme = text(zip[HOSTED_README_FILE]);
		expect(readme).toContain(`Trafficking Response, version 1.2.3`);
		expect(readme).toContain(`    ${ENDPOINT}\n`);
		expect(readme).toContain('index.html?learner=<id>&name=<name>');
		expect(readme).toContain(`GET  ${ENDPOINT}&learner=<id>&course=ht_le_course`);
		expect(readme).toContain('https://lms.agency.example');
	});

	it('refuses a build that already has a file the bundle adds', async () => {
		await writeTree({ dir: path.join(dir, 'build'), files: { 'hosted-runtime.js': '' } });
		await expect(bundle()).rejects.toThrow(/already has hosted-runtime\.js/);
	});

	it('refuses an endpoint that is not https (loopback http is for tests)', async () => {
		await expect(bundle('x.zip', 'http://agency.example/progress')).rejects.toThrow(/https/);
		await expect(bundle('x.zip', 'progress')).rejects.toThrow(/not a full address/);
		await expect(bundle('y.zip', 'http://127.0.0.1:8080/progress')).resolves.toBeTruthy();
	});
});

describe('checkEndpoint', () => {
	it('gives the normalized address and its origin', () => {
		expect(checkEndpoint('https://Agency.Example:8443/p')).toEqual({
			href: 'https://agency.example:8443/p',
			origin: 'https://agency.example:8443'
		});
	});

	it('refuses credentials and fragments', () => {
		expect(() => checkEndpoint('https://u:p@agency.example/p')).toThrow(/user name or password/);
		expect(() => checkEndpoint('https://agency.example/p#x')).toThrow(/fragment/);
	});
});

describe('contentSecurityPolicy', () => {
	it("allows the page's own files, its inline scripts by hash, and the endpoint's origin only", () => {
		const csp = contentSecurityPolicy({ html: HTML, endpointOrigin: 'https://lms.agency.example' });
		expect(csp).toContain(`script-src 'self' 'sha256-${sha256(INLINE)}';`);
		expect(csp).toContain("connect-src 'self' https://lms.agency.example;");
		expect(csp).toContain("default-src 'none'");
		expect(csp).not.toContain('unsafe-eval');
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	});

	it('hashes inline scripts only, exactly as written', () => {
		expect(inlineScripts(HTML)).toEqual([INLINE]);
		expect(inlineScripts('<script type="module">\n a()\n</script >')).toEqual(['\n a()\n']);
	});

	it('markHosted escapes the endpoint into its attribute', () => {
		const html = markHosted({ html: HTML, endpoint: 'https://a.example/p?x="1"&y=2', course: 'c' });
		expect(html).toContain('content="https://a.example/p?x=%221%22&amp;y=2"');
	});
});
