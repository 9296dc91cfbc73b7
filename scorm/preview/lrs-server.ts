// The stand-in cmi5 LMS on HTTP (loopback only): serves the cmi5 zips in dist/, launches an AU the
// way a cmi5 LMS does (GET /lms/launch → LMS.LaunchData, then a redirect to the AU with endpoint,
// fetch, actor, registration, activityId), answers the AU's xAPI requests (lrs.ts) and shows what
// it received. CLI: npx tsx scorm/preview/lrs-server.ts [--port 4190] [--dist dist]
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BundleStore, type Bundle } from './bundles.ts';
import { lmsHome, lmsReturned, readCourseStructure } from './lrs-pages.ts';
import { StandInLrs, type LaunchMode } from './lrs.ts';
import { contentType } from './server.ts';

/** Options of startLrs; every field has a default. */
export interface LrsServerOptions {
	/** 0 (default) picks a free port; the real one is in the returned url. */
	port?: number;
	/** Where `npm run package` writes the zips. Default: <repo>/dist. */
	distDir?: string;
}

/** What the LMS may set for one launch (cmi5 §10 lets it override the course structure's). */
export interface LaunchOptions {
	/** A cmi5 zip in distDir, e.g. 'course-1.0.0-cmi5.zip'. */
	bundle: string;
	/** The same registration resumes the learner's enrolment; a new one when omitted. */
	registration?: string;
	launchMode?: LaunchMode;
	masteryScore?: number;
	moveOn?: string;
}

/** A running stand-in LMS. */
export interface LrsServer {
	/** Base URL with a trailing slash. */
	url: string;
	lrs: StandInLrs;
	/** The LMS page that launches a bundle (open it in a browser). */
	launchUrl(options: LaunchOptions): string;
	close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const CONTENT = /^\/content\/([^/]+)\/(.+)$/;

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array) {
	res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
	res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** Starts the stand-in LMS on 127.0.0.1 and resolves once it listens. */
export async function startLrs(options: LrsServerOptions = {}): Promise<LrsServer> {
	const distDir = resolve(options.distDir ?? join(here, '..', '..', 'dist'));
	const store = new BundleStore(distDir);
	const lrs = new StandInLrs();
	let base = '';

	const launch = async (url: URL, res: ServerResponse): Promise<void> => {
		const bundle = await store.get(url.searchParams.get('bundle') ?? '');
		const structure = bundle && readCourseStructure(bundle);
		if (!bundle || !structure) return send(res, 404, 'text/plain', 'No such cmi5 zip in dist/.');
		const q = url.searchParams;
		// Chosen here rather than by the LRS, so the return page can name it.
		const registration = q.get('registration') || randomUUID();
		const mastery = q.get('masteryScore') ?? structure.masteryScore;
		const started = lrs.launch({
			auUrl: `${base}content/${encodeURIComponent(bundle.slug)}/${structure.url}`,
			publisherId: structure.auId,
			base,
			registration,
			launchMode: (q.get('launchMode') as LaunchMode | null) ?? 'Normal',
			moveOn: q.get('moveOn') ?? structure.moveOn,
			masteryScore: mastery === null || mastery === '' ? null : Number(mastery),
			returnURL: `${base}lms/returned?registration=${encodeURIComponent(registration)}`
		});
		res.writeHead(302, { Location: started.url, 'Cache-Control': 'no-store' }).end();
	};

	const content = (bundle: Bundle | null, path: string, res: ServerResponse): void => {
		const file = bundle?.files.get(path);
		if (file) send(res, 200, contentType(path), file);
		else send(res, 404, 'text/plain', `Not in the package: ${path}`);
	};

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', base);
		const html = 'text/html; charset=utf-8';
		if (url.pathname.startsWith('/xapi/') || url.pathname.startsWith('/lms/fetch/')) {
			const answer = lrs.handle({
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				headers: req.headers as Record<string, string | undefined>,
				body: await readBody(req)
			});
			res.writeHead(answer.status, answer.headers).end(answer.body);
			return;
		}
		if (url.pathname === '/') return send(res, 200, html, lmsHome(await store.list()));
		if (url.pathname === '/lms/launch') return launch(url, res);
		if (url.pathname === '/lms/returned') {
			const report = lrs.registration(url.searchParams.get('registration') ?? '');
			return send(res, 200, html, lmsReturned(report));
		}
		const registration = /^\/lms\/registrations\/([^/]+)$/.exec(url.pathname)?.[1];
		if (registration) {
			const report = lrs.registration(decodeURIComponent(registration));
			return send(res, 200, 'application/json', JSON.stringify(report, null, '\t'));
		}
		const match = CONTENT.exec(url.pathname);
		if (match) {
			const path = decodeURIComponent(match[2]!);
			if (path.split('/').includes('..')) return send(res, 404, 'text/plain', 'Not found');
			return content(await store.get(`${decodeURIComponent(match[1]!)}.zip`), path, res);
		}
		send(res, 404, 'text/plain', `Nothing is served at ${url.pathname}.`);
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) send(res, 500, 'text/plain', String(error));
			else res.end();
		});
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(options.port ?? 0, '127.0.0.1', () => done());
	});
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	return {
		url: base,
		lrs,
		launchUrl(launchOptions) {
			const params = new URLSearchParams({ bundle: launchOptions.bundle });
			for (const key of ['registration', 'launchMode', 'masteryScore', 'moveOn'] as const) {
				const value = launchOptions[key];
				if (value !== undefined) params.set(key, String(value));
			}
			return `${base}lms/launch?${params}`;
		},
		close: () =>
			new Promise<void>((done, fail) => {
				server.close((error) => (error ? fail(error) : done()));
				server.closeAllConnections();
			})
	};
}

function argValue(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const args = process.argv.slice(2);
	const port = argValue(args, '--port');
	const dist = argValue(args, '--dist');
	startLrs({ port: port ? Number(port) : 4190, distDir: dist && resolve(dist) })
		.then((server) => console.log(`Stand-in cmi5 LMS: ${server.url}`))
		.catch((error: unknown) => {
			console.error(error);
			process.exit(1);
		});
}
