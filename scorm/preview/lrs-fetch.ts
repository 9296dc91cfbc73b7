// The stand-in LRS as a fetch function, in process: unit tests run the real cmi5 library and
// tracker against it without sockets. Requests outside /lms/fetch/ and /xapi/ get a 404.
import type { StandInLrs } from './lrs.ts';

/** Every request the fetch function answered, oldest first. */
export interface FetchLog {
	method: string;
	url: string;
	status: number;
	keepalive: boolean;
}

/** A fetch that answers from lrs; `log` records the calls, `fail` makes matching ones fail. */
export function lrsFetch(lrs: StandInLrs): {
	fetch: typeof fetch;
	log: FetchLog[];
	/** Requests whose URL matches get this HTTP status instead of the LRS's answer. */
	fail: Map<RegExp, number>;
} {
	const log: FetchLog[] = [];
	const fail = new Map<RegExp, number>();
	const fetchFn = async (input: string | URL | Request, init: RequestInit = {}) => {
		const url = new URL(input instanceof Request ? input.url : input);
		const method = (init.method ?? 'GET').toUpperCase();
		const headers: Record<string, string> = {};
		new Headers(init.headers).forEach((value, key) => (headers[key] = value));
		const forced = [...fail].find(([pattern]) => pattern.test(url.href))?.[1];
		const answer =
			forced === undefined
				? lrs.handle({
						method,
						url: url.pathname + url.search,
						headers,
						body: typeof init.body === 'string' ? init.body : ''
					})
				: { status: forced, headers: {}, body: '' };
		log.push({ method, url: url.href, status: answer.status, keepalive: init.keepalive === true });
		const empty = answer.status === 204 || answer.body === '';
		return new Response(empty ? null : answer.body, {
			status: answer.status,
			headers: answer.headers
		});
	};
	return { fetch: fetchFn as typeof fetch, log, fail };
}
