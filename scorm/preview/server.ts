// Preview LMS: a zero-dependency node:http server that lists the SCORM zips in dist/, serves each
// one from memory under a deep Moodle-like sub-path, and hosts the player page with its inspector.
// CLI: npx tsx scorm/preview/server.ts [--port 4173] [--dist dist] [--mount-prefix /a/b]
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BundleStore, DEFAULT_MOUNT_PREFIX, isMountPrefix } from './bundles.ts';
import { homePage, notFoundPage, playerConfig, playerPage } from './pages.ts';
import { PlayerBuilder, STRICT_CHECKER } from './player-build.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Options of startPreview; every field has a default. */
export interface PreviewOptions {
	/** 0 picks a free port; the real one is in the returned url. Default: env PORT or 4173. */
	port?: number;
	/** Loopback only: '127.0.0.1' (default), 'localhost' or '::1'. */
	host?: string;
	/** Where `npm run package` writes the zips. Default: <repoRoot>/dist. */
	distDir?: string;
	/** Default: the repository containing this file. */
	repoRoot?: string;
	/**
	 * URL path bundles are mounted under, before `/<n>/mod_scorm/content/<bundle>/`, e.g.
	 * '/x7f/pluginfile.php' (the benchmark picks a random one). Default: '/lms/pluginfile.php'.
	 */
	mountPrefix?: string;
}

/** A running preview server. */
export interface PreviewServer {
	url: string;
	close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.htm': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.xsd': 'application/xml; charset=utf-8',
	'.dtd': 'application/xml-dtd; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.vtt': 'text/vtt; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.mp3': 'audio/mpeg',
	'.wav': 'audio/wav',
	'.ogg': 'audio/ogg',
	'.mp4': 'video/mp4',
	'.webm': 'video/webm',
	'.pdf': 'application/pdf',
	'.wasm': 'application/wasm'
};

/** Content-Type for a file name. */
export function contentType(path: string): string {
	return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The route of bundle files under a mount prefix: groups are <n>, <bundle> and the file path. */
function contentRoute(prefix: string): RegExp {
	const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${escaped}/(\\d+)/mod_scorm/content/([^/]+)/(.*)$`);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function send(
	req: IncomingMessage,
	res: ServerResponse,
	status: number,
	type: string,
	body: string | Uint8Array
): void {
	const bytes = typeof body === 'string' ? Buffer.from(body) : body;
	res.writeHead(status, {
		'Content-Type': type,
		'Content-Length': bytes.byteLength,
		// The zips change under the server on every `npm run package`: never let a browser cache.
		'Cache-Control': 'no-store',
		'X-Content-Type-Options': 'nosniff'
	});
	res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** Splits a URL path into decoded segments; null for traversal or malformed escapes. */
function segments(path: string): string[] | null {
	try {
		const parts = path.split('/').map(decodeURIComponent);
		return parts.some((p) => p === '..' || p === '.' || p.includes('\\') || p.includes('\0'))
			? null
			: parts;
	} catch {
		return null;
	}
}

/** Starts the preview server on loopback and resolves once it listens. */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
	const host = options.host ?? '127.0.0.1';
	if (!LOOPBACK.has(host)) throw new Error(`preview binds to loopback only, not ${host}`);
	const repoRoot = resolve(options.repoRoot ?? join(here, '..', '..'));
	const distDir = resolve(options.distDir ?? join(repoRoot, 'dist'));
	const port = options.port ?? (Number(process.env.PORT) || 4173);
	const mountPrefix = options.mountPrefix ?? DEFAULT_MOUNT_PREFIX;
	if (!isMountPrefix(mountPrefix)) throw new Error(`not a usable mount prefix: ${mountPrefix}`);
	const route = contentRoute(mountPrefix);
	const store = new BundleStore(distDir);
	const player = new PlayerBuilder();

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		const url = new URL(req.url ?? '/', 'http://preview.invalid');
		const html = 'text/html; charset=utf-8';
		if (url.pathname === '/' || url.pathname === '/index.html') {
			return send(req, res, 200, html, homePage(await store.list(), distDir));
		}
		if (url.pathname === '/player.html') {
			const bundle = await store.get(url.searchParams.get('bundle') ?? '');
			if (!bundle) return send(req, res, 404, html, notFoundPage('No such bundle in dist/.'));
			const config = playerConfig(bundle, existsSync(STRICT_CHECKER), mountPrefix);
			return send(req, res, 200, html, playerPage(config));
		}
		if (url.pathname === '/player.js') {
			const built = await player.get();
			return send(req, res, 200, 'text/javascript; charset=utf-8', built.code);
		}
		if (url.pathname === '/preview.css') {
			const css = await readFile(join(here, 'preview.css'));
			return send(req, res, 200, 'text/css; charset=utf-8', css);
		}
		const match = route.exec(url.pathname);
		const parts = match ? segments(`${match[2]}/${match[3]}`) : null;
		if (match && parts) {
			const [slug = '', ...rest] = parts;
			const bundle = await store.bySlug(Number(match[1]), slug);
			const asked = rest.join('/');
			const path = asked === '' || asked.endsWith('/') ? `${asked}index.html` : asked;
			const file = bundle?.files.get(path);
			if (file) return send(req, res, 200, contentType(path), file);
		}
		send(req, res, 404, html, notFoundPage(`Nothing is served at ${url.pathname}.`));
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			console.error(`[preview] ${req.method} ${req.url}: ${message}`);
			if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', message);
			else res.end();
		});
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			server.off('error', fail);
			done();
		});
	});
	// Warm the build so the first player load does not wait; errors surface on /player.js.
	player.get().catch(() => {});
	const address = server.address() as AddressInfo;
	const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return {
		url: `http://${shown}:${address.port}/`,
		close: () =>
			new Promise<void>((done, fail) => {
				server.close((error) => (error ? fail(error) : done()));
				server.closeAllConnections();
			})
	};
}

function argValue(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(args: string[]): Promise<void> {
	const port = argValue(args, '--port');
	const dist = argValue(args, '--dist');
	const server = await startPreview({
		port: port === undefined ? undefined : Number(port),
		distDir: dist === undefined ? undefined : resolve(dist),
		mountPrefix: argValue(args, '--mount-prefix')
	});
	console.log(`Preview LMS: ${server.url}`);
	const stop = () => void server.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
