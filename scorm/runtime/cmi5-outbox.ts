// The cmi5 tracker's xAPI requests, one at a time in the order they were made, so the LRS gets
// statements in timestamp order and state documents never overtake each other. When the session
// ends (possibly because the page is going away), everything still waiting starts at once with
// keepalive, which lets those requests outlive the page.

/** One request to the LRS. */
export interface XapiCall {
	method: 'PUT' | 'POST';
	/** Resource under the endpoint: 'statements', 'activities/state'. */
	resource: string;
	params: Record<string, string>;
	body: unknown;
	/** What was not recorded when it fails, in plain words ("the answer to X"). */
	what: string;
	/** A waiting call with the same key is dropped for this one (the latest state document wins). */
	key?: string;
	/** Told whether the LRS accepted the call. */
	done?: (ok: boolean) => void;
}

/** The ordered sender behind the cmi5 tracker. */
export interface Outbox {
	send(call: XapiCall): void;
	/** Starts every waiting call now (keepalive); resolves when all have settled. */
	flush(): Promise<void>;
	/** Resolves when nothing is waiting or running. */
	idle(): Promise<void>;
}

/** The xAPI version the course speaks (cmi5 is a profile of xAPI 1.0.x). */
export const XAPI_VERSION = '1.0.3';

/** Creates an outbox for one session's endpoint and auth token. */
export function createOutbox(options: {
	/** Without a trailing slash. */
	endpoint: string;
	/** The Authorization header value. */
	auth: string;
	onFailure: (message: string) => void;
	/** Called whenever the last waiting call has settled. */
	onDrained: () => void;
}): Outbox {
	const { endpoint, auth, onFailure, onDrained } = options;
	const waiting: XapiCall[] = [];
	let running: Promise<void> | undefined;
	let flushing = false;

	async function perform(call: XapiCall, keepalive: boolean): Promise<void> {
		const query = new URLSearchParams(call.params).toString();
		let problem = '';
		try {
			const response = await fetch(`${endpoint}/${call.resource}${query ? `?${query}` : ''}`, {
				method: call.method,
				headers: {
					Authorization: auth,
					'X-Experience-API-Version': XAPI_VERSION,
					'Content-Type': 'application/json'
				},
				body: JSON.stringify(call.body),
				// Only at the end: browsers cap keepalive bodies, and a preflighted keepalive request
				// is not supported everywhere, so ordinary requests stay ordinary.
				keepalive
			});
			if (!response.ok) problem = `HTTP ${response.status}`;
		} catch (error) {
			problem = error instanceof Error ? error.message : String(error);
		}
		call.done?.(problem === '');
		if (problem) onFailure(`The LMS did not record ${call.what} (${problem}).`);
	}

	async function pump(): Promise<void> {
		while (waiting.length > 0 && !flushing) await perform(waiting.shift()!, false);
	}

	function start(): void {
		if (running || flushing) return;
		running = pump().finally(() => {
			running = undefined;
			if (waiting.length > 0) start();
			else if (!flushing) onDrained();
		});
	}

	return {
		send(call) {
			if (call.key !== undefined) {
				const index = waiting.findIndex((w) => w.key === call.key);
				if (index >= 0) waiting.splice(index, 1);
			}
			if (flushing) {
				void perform(call, true);
				return;
			}
			waiting.push(call);
			start();
		},
		async flush() {
			flushing = true;
			const started = waiting.splice(0).map((call) => perform(call, true));
			await Promise.all([running, ...started]);
			onDrained();
		},
		async idle() {
			while (running) await running;
		}
	};
}
