// A fresh headless Chromium per measurement, throttled through the DevTools protocol, with a log
// of what the page downloads (CDP Network events: transfer sizes as the browser counts them).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** The bench's network and CPU conditions (a slow mid-range phone on a weak 3G-class link). */
export const THROTTLING = {
	latencyMs: 150,
	downloadBitsPerSecond: 1_600_000,
	uploadBitsPerSecond: 750_000,
	cpuSlowdown: 4
} as const;

/** The launch arguments the e2e tests use (playwright.config.ts). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/** $CHROMIUM_PATH, else Debian's Chromium, else Playwright's own browser. */
export function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** One request of the page, as CDP reported it. */
export interface LoggedRequest {
	id: string;
	url: string;
	/** Bytes received (Network.loadingFinished encodedDataLength); null until it finished. */
	bytes: number | null;
	failed: boolean;
}

/** Every request the page made, in the order the browser sent them. */
export class NetworkLog {
	readonly requests: LoggedRequest[] = [];
	readonly #byId = new Map<string, LoggedRequest>();
	readonly #waiters = new Set<() => void>();

	constructor(cdp: CDPSession) {
		cdp.on('Network.requestWillBeSent', (e) => {
			// A redirect reuses the id: count the hops as one request, as the browser's panel does.
			if (this.#byId.has(e.requestId)) return;
			const entry = { id: e.requestId, url: e.request.url, bytes: null, failed: false };
			this.#byId.set(e.requestId, entry);
			this.requests.push(entry);
		});
		cdp.on('Network.loadingFinished', (e) => this.#end(e.requestId, e.encodedDataLength, false));
		cdp.on('Network.loadingFailed', (e) => this.#end(e.requestId, 0, true));
	}

	#end(id: string, bytes: number, failed: boolean): void {
		const entry = this.#byId.get(id);
		if (!entry) return;
		entry.bytes = bytes;
		entry.failed = failed;
		for (const wake of [...this.#waiters]) wake();
	}

	/** Resolves once every listed request has finished or failed. */
	finished(requests: LoggedRequest[]): Promise<void> {
		return new Promise((resolve) => {
			const check = () => {
				if (requests.some((r) => r.bytes === null)) return;
				this.#waiters.delete(check);
				resolve();
			};
			this.#waiters.add(check);
			check();
		});
	}
}

/** A throttled page in its own browser; close() ends the browser. */
export interface ThrottledPage {
	browser: Browser;
	page: Page;
	cdp: CDPSession;
	network: NetworkLog;
	chromiumVersion: string;
	close(): Promise<void>;
}

/** Launches a fresh browser and a page with the cache off and THROTTLING applied. */
export async function openThrottled(options: {
	viewport: { width: number; height: number };
}): Promise<ThrottledPage> {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ viewport: options.viewport });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		const network = new NetworkLog(cdp);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: THROTTLING.latencyMs,
			downloadThroughput: THROTTLING.downloadBitsPerSecond / 8,
			uploadThroughput: THROTTLING.uploadBitsPerSecond / 8
		});
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
		await cdp.send('Performance.enable');
		return {
			browser,
			page,
			cdp,
			network,
			chromiumVersion: browser.version(),
			close: () => browser.close()
		};
	} catch (error) {
		await browser.close();
		throw error;
	}
}

/** JS heap in use by the page's renderer after a forced garbage collection (bytes). */
export async function liveHeap(cdp: CDPSession): Promise<number> {
	await cdp.send('HeapProfiler.collectGarbage');
	const { metrics } = await cdp.send('Performance.getMetrics');
	const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
	if (!used) throw new Error('Performance.getMetrics returned no JSHeapUsedSize');
	return used.value;
}
