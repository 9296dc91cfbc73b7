// @vitest-environment node
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleId, mountPath } from './bundles.ts';
import type { PreviewConfig } from './contract.ts';
import { startPreview } from './server.ts';
import type { PreviewServer } from './server.ts';

const NAME = 'tiny-0.0.1-scorm12';

function manifest(mastery: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tiny" version="0.0.1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
	<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
	<organizations default="org"><organization identifier="org"><title>Tiny &amp; small</title>
		<item identifier="item" identifierref="res"><title>Tiny</title>
			<adlcp:masteryscore>${mastery}</adlcp:masteryscore></item>
	</organization></organizations>
	<resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="index.html">
		<file href="index.html"/></resource></resources>
</manifest>`;
}

async function writeZip(dir: string, mastery: string, body: string): Promise<void> {
	const zip = zipSync({
		'imsmanifest.xml': strToU8(manifest(mastery)),
		'index.html': strToU8(`<!doctype html><title>Tiny</title><p>${body}</p>`),
		'assets/app.css': strToU8('p { color: red; }')
	});
	await writeFile(join(dir, `${NAME}.zip`), zip);
}

function configOf(html: string): PreviewConfig {
	const json = /<script type="application\/json" id="preview-config">(.*?)<\/script>/s.exec(html);
	return JSON.parse(json?.[1] ?? 'null') as PreviewConfig;
}

describe('preview server', () => {
	let dir: string;
	let server: PreviewServer;
	const base = mountPath({ id: bundleId(NAME), slug: NAME });

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'preview-test-'));
		await writeZip(dir, '80', 'first');
		server = await startPreview({ port: 0, distDir: dir });
	});

	afterAll(async () => {
		await server?.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('listens on loopback and reports the real port', () => {
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
		expect(server.url).not.toContain(':0/');
	});

	it('lists every zip with its standard, size and a Launch link', async () => {
		const res = await fetch(server.url);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/html');
		const html = await res.text();
		expect(html).toContain(`${NAME}.zip`);
		expect(html).toContain('SCORM 1.2');
		expect(html).toMatch(/\d+ B|KB/);
		expect(html).toContain(`href="/player.html?bundle=${NAME}.zip"`);
		expect(html).toContain('Tiny &amp; small');
	});

	it('serves bundle files from the zip under the deep LMS sub-path', async () => {
		expect(base).toMatch(
			/^\/lms\/pluginfile\.php\/\d+\/mod_scorm\/content\/tiny-0\.0\.1-scorm12\/$/
		);
		const page = await fetch(new URL(`${base}index.html`, server.url));
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await page.text()).toContain('<p>first</p>');
		const css = await fetch(new URL(`${base}assets/app.css`, server.url));
		expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
		const xml = await fetch(new URL(`${base}imsmanifest.xml`, server.url));
		expect(xml.headers.get('content-type')).toContain('application/xml');
	});

	it('re-reads a zip when it changes on disk', async () => {
		await writeZip(dir, '80', 'second');
		// Some filesystems keep a coarse mtime: force a different one.
		const later = new Date(Date.now() + 5000);
		await utimes(join(dir, `${NAME}.zip`), later, later);
		const page = await fetch(new URL(`${base}index.html`, server.url));
		expect(await page.text()).toContain('<p>second</p>');
	});

	it('serves the player page with the manifest mastery score and launch URL', async () => {
		const res = await fetch(new URL(`/player.html?bundle=${NAME}.zip`, server.url));
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('<iframe id="course" title="Course">');
		expect(html).toContain('Relaunch (resume)');
		expect(html).toContain('<script type="module" src="/player.js">');
		const config = configOf(html);
		expect(config).toMatchObject({
			bundle: `${NAME}.zip`,
			standard: 'scorm12',
			masteryScore: '80',
			launchUrl: `${base}index.html`
		});
	});

	it('serves the player script as one bundled browser module', async () => {
		const res = await fetch(new URL('/player.js', server.url));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		const code = await res.text();
		expect(code).toContain('previewLms');
		expect(code).toContain('LMSInitialize');
		// Bundled: no static or dynamic import of a bare specifier is left for the browser.
		expect(code).not.toMatch(/(^|[;\s])import\s[^;]*?from\s*['"][^./'"][^'"]*['"]/m);
		expect(code).not.toMatch(/(^|[;\s])import\s*['"][^./'"][^'"]*['"]/m);
		expect(code).not.toMatch(/import\(\s*['"][^./'"]/);
		expect(code).not.toMatch(/\bfrom\s*['"]scorm-again['"]/);
	});

	it('answers 404 for unknown paths, bundles, files and traversal attempts', async () => {
		const paths = [
			'/nope',
			'/player.html?bundle=missing.zip',
			`${base}missing.html`,
			`${base}..%2f..%2fpackage.json`,
			`/lms/pluginfile.php/1/mod_scorm/content/${NAME}/index.html`
		];
		for (const path of paths) {
			const res = await fetch(new URL(path, server.url));
			expect(res.status, path).toBe(404);
		}
	});

	it('mounts bundles under a chosen prefix, and only there', async () => {
		const other = await startPreview({ port: 0, distDir: dir, mountPrefix: '/x7/a.b/pluginfile' });
		try {
			const moved = mountPath({ id: bundleId(NAME), slug: NAME }, '/x7/a.b/pluginfile');
			const res = await fetch(new URL(`/player.html?bundle=${NAME}.zip`, other.url));
			expect(configOf(await res.text()).launchUrl).toBe(`${moved}index.html`);
			expect((await fetch(new URL(`${moved}index.html`, other.url))).status).toBe(200);
			expect((await fetch(new URL(`${base}index.html`, other.url))).status).toBe(404);
		} finally {
			await other.close();
		}
	});

	it('refuses a mount prefix that is not a plain absolute path', async () => {
		for (const mountPrefix of ['lms', '/lms/', '/a/../b', '/a b']) {
			await expect(startPreview({ port: 0, distDir: dir, mountPrefix })).rejects.toThrow(/prefix/);
		}
	});

	it('refuses to bind anywhere but loopback', async () => {
		await expect(startPreview({ port: 0, host: '0.0.0.0', distDir: dir })).rejects.toThrow(
			/loopback/
		);
	});
});
