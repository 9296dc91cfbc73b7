// A stand-in for an agency's web server and progress endpoint (loopback only), for the hosted web
// bundle's tests and preview: serves a hosted bundle under /course/ and the endpoint protocol
// (scorm/hosted/protocol.ts) at /progress, with a HostedStore behind it. The endpoint can answer
// 503 or stop listening altogether (connection refused), then come back on the same port; with
// `allowOrigin` it answers CORS, for a bundle served from another origin.
// CLI: npx tsx scorm/preview/hosted-endpoint.ts [--port 4195]  (packages build/ for it first;
// GET /records shows what arrived, POST /control?availability=unavailable|up switches it).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { HostedStore, type EndpointAnswer } from './hosted-store.ts';
import { contentType } from './server.ts';

/** How the endpoint behaves: answers, answers 503, or is not listening at all. */
export type Availability = 'up' | 'unavailable' | 'refusing';

export interface HostedServerOptions {
	/** 0 (default) picks a free port; a refusing server listens again on the same one. */
	port?: number;
	/** Where the endpoint answers; null for a server with the site only. Default '/progress'. */
	endpointPath?: string | null;
	/** The site origin allowed to call the endpoint from another origin (CORS). */
	allowOrigin?: string;
}

/** A running stand-in server. */
export interface HostedServer {
	/** Base URL with a trailing slash. */
	url: string;
	/** The endpoint's full URL ('' without one). */
	endpoint: string;
	store: HostedStore;
	/** Serves these files (zip path → bytes) under /course/. */
	setSite(files: Map<string, Uint8Array>): void;
	/** The course's address for a learner. */
	courseUrl(query?: Record<string, string>): string;
	setAvailability(mode: Availability): Promise<void>;
	close(): Promise<void>;
}

const SITE = '/course/';

/** The files of a zip, keyed by their path in it. */
export async function readZip(file: string): Promise<Map<string, Uint8Array>> {
	return new Map(Object.entries(unzipSync(await readFile(file))));
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** Starts the stand-in on 127.0.0.1 and resolves once it listens. */
export async function startHostedServer(options: HostedServerOptions = {}): Promise<HostedServer> {
	const endpointPath = options.endpointPath === undefined ? '/progress' : options.endpointPath;
	const { allowOrigin } = options;
	const store = new HostedStore();
	let site = new Map<string, Uint8Array>();
	let availability: Availability = 'up';
	let base = '';
	let port = options.port ?? 0;

	const cors: Record<string, string> = allowOrigin
		? {
				'Access-Control-Allow-Origin': allowOrigin,
				'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
				'Access-Control-Allow-Headers': 'Content-Type',
				'Access-Control-Max-Age': '600',
				Vary: 'Origin'
			}
		: {};
	const answer = (res: ServerResponse, { status, body }: EndpointAnswer) => {
		res.writeHead(status, {
			...cors,
			'Content-Type': 'application/json',
			'Cache-Control': 'no-store'
		});
		res.end(body);
	};

	const endpoint = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
		if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
		const body = req.method === 'POST' ? await readBody(req) : '';
		if (availability === 'unavailable') {
			return answer(res, { status: 503, body: '{"result":false,"errorCode":101}' });
		}
		if (req.method === 'GET') {
			const q = url.searchParams;
			return answer(
				res,
				store.read({ learner: q.get('learner') ?? '', course: q.get('course') ?? '' })
			);
		}
		if (req.method === 'POST') return answer(res, store.write(body));
		answer(res, { status: 405, body: '{"result":false,"errorCode":101}' });
	};

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', base);
		if (endpointPath && url.pathname === endpointPath) return endpoint(req, res, url);
		// For a person previewing: what arrived, and the endpoint switched off (503) and on.
		if (url.pathname === '/records') {
			return answer(res, { status: 200, body: JSON.stringify(store.log, null, '\t') });
		}
		const mode = url.searchParams.get('availability');
		if (
			url.pathname === '/control' &&
			req.method === 'POST' &&
			(mode === 'up' || mode === 'unavailable')
		) {
			availability = mode;
			return answer(res, { status: 200, body: JSON.stringify({ availability }) });
		}
		if (url.pathname.startsWith(SITE)) {
			const path = decodeURIComponent(url.pathname.slice(SITE.length)) || 'index.html';
			const file = site.get(path);
			res.writeHead(file ? 200 : 404, {
				'Content-Type': file ? contentType(path) : 'text/plain',
				'Cache-Control': 'no-store'
			});
			return void res.end(file ?? `Not in the bundle: ${path}`);
		}
		res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Nothing at ${url.pathname}`);
	};

	let server: Server;
	const listen = async (): Promise<void> => {
		server = createServer((req, res) => {
			handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
				res.end(String(error));
			});
		});
		await new Promise<void>((done, fail) => {
			server.once('error', fail);
			server.listen(port, '127.0.0.1', () => done());
		});
		port = (server.address() as AddressInfo).port;
	};
	const stop = (): Promise<void> =>
		new Promise<void>((done) => {
			server.close(() => done());
			server.closeAllConnections();
		});

	await listen();
	base = `http://127.0.0.1:${port}/`;
	return {
		url: base,
		endpoint: endpointPath ? new URL(endpointPath, base).href : '',
		store,
		setSite(files) {
			site = files;
		},
		courseUrl(query = {}) {
			const search = new URLSearchParams(query).toString();
			return `${base}${SITE.slice(1)}index.html${search ? `?${search}` : ''}`;
		},
		async setAvailability(mode) {
			if (mode === availability) return;
			if (mode === 'refusing') await stop();
			else if (availability === 'refusing') await listen();
			availability = mode;
		},
		close: () => (availability === 'refusing' ? Promise.resolve() : stop())
	};
}

function argValue(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
	// Imported here: the packager builds hosted-runtime.js with Vite, which tests do not need.
	const { packageHostedBundle } = await import('../package/hosted-bundle.ts');
	const { loadCourseContent } = await import('../../src/lib/content/load.ts');
	const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
	const { course } = loadCourseContent({ root: join(repoRoot, 'modules') });
	const server = await startHostedServer({
		port: Number(argValue(process.argv, '--port') ?? 4195)
	});
	const dir = await mkdtemp(join(tmpdir(), 'hosted-preview-'));
	try {
		const outFile = join(dir, 'hosted.zip');
		await packageHostedBundle({
			buildDir: join(repoRoot, 'build'),
			outFile,
			course: {
				id: course.id,
				version: course.version,
				title: course.title[course.defaultLanguage] ?? course.id
			},
			endpoint: server.endpoint
		});
		server.setSite(await readZip(outFile));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	console.log(
		`Hosted preview: ${server.courseUrl({ learner: 'learner-1', name: 'One, Learner' })}`
	);
	console.log(`Endpoint: ${server.endpoint} (GET ?learner=learner-1&course=${course.id})`);
	console.log(`What arrived: ${server.url}records`);
	console.log(
		`Endpoint away / back: curl -X POST '${server.url}control?availability=unavailable|up'`
	);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
