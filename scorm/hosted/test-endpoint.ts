// Test-only: an endpoint in memory for the runtime's unit tests, speaking both of scorm-again's
// transports: its synchronous commits (through the injected httpService, which answers through the
// runtime's own xhrResponseHandler as scorm-again's SynchronousHttpService does) and fetch (the
// runtime's reads and scorm-again's offline replays). It can answer 503 or refuse connections.
import type { IHttpService, Settings } from 'scorm-again';
import { HostedStore } from '../preview/hosted-store.ts';

/** The in-memory endpoint and its transports. */
export interface TestEndpoint {
	store: HostedStore;
	mode: 'up' | 'unavailable' | 'refusing';
	url: string;
	fetch: typeof fetch;
	createHttpService: (settings: Settings) => IHttpService;
}

/** Creates the endpoint at https://endpoint.test/progress. */
export function createTestEndpoint(): TestEndpoint {
	const store = new HostedStore();
	const endpoint: TestEndpoint = {
		store,
		mode: 'up',
		url: 'https://endpoint.test/progress',
		fetch: async (input, init) => {
			if (endpoint.mode === 'refusing') throw new TypeError('Failed to fetch');
			if (endpoint.mode === 'unavailable') return new Response('', { status: 503 });
			const url = new URL(String(input));
			const answer =
				init?.method === 'POST'
					? store.write(String(init.body))
					: store.read({
							learner: url.searchParams.get('learner') ?? '',
							course: url.searchParams.get('course') ?? ''
						});
			return new Response(answer.body, { status: answer.status });
		},
		createHttpService: (settings) => ({
			processHttpRequest(_url, params, immediate) {
				const body = JSON.stringify(params);
				// Terminate's commit is a beacon: the browser takes it, whatever becomes of it.
				if (immediate) {
					if (endpoint.mode === 'up') store.write(body);
					return { result: 'true', errorCode: 0 };
				}
				// What SynchronousHttpService returns when xhr.send throws (connection refused).
				if (endpoint.mode === 'refusing') return { result: 'false', errorCode: 391 };
				const answer =
					endpoint.mode === 'unavailable' ? { status: 503, body: '' } : store.write(body);
				const xhr = { status: answer.status, responseText: answer.body } as XMLHttpRequest;
				return settings.xhrResponseHandler!(xhr);
			},
			updateSettings() {}
		})
	};
	return endpoint;
}
