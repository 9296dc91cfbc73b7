// The stand-in LRS's document resources (xAPI activity state and agent profile, JSON only) and
// the small HTTP vocabulary lrs.ts shares with them.
import type { Agent } from './lrs-rules.ts';

/** An HTTP request as the LRS sees it. */
export interface LrsRequest {
	method: string;
	/** Path and query, e.g. '/xapi/statements?statementId=...'. */
	url: string;
	headers: Record<string, string | undefined>;
	body: string;
}

/** What the LRS answers. */
export interface LrsResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** The state document the LMS writes before each launch (cmi5 §10). */
export const LAUNCH_DATA = 'LMS.LaunchData';

// An AU may be served from another origin than the LRS: answer CORS like a real LRS.
const CORS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, OPTIONS',
	'Access-Control-Allow-Headers':
		'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
	'Access-Control-Expose-Headers': 'ETag, X-Experience-API-Version'
};

/** A JSON answer (an empty body when value is undefined). */
export function json(status: number, value: unknown): LrsResponse {
	const headers = {
		...CORS,
		'Content-Type': 'application/json',
		'X-Experience-API-Version': '1.0.3'
	};
	return { status, headers, body: value === undefined ? '' : JSON.stringify(value) };
}

/** An answer without a body (204, or a preflight's). */
export function empty(status: number): LrsResponse {
	return { status, headers: { ...CORS, 'X-Experience-API-Version': '1.0.3' }, body: '' };
}

/** Parsed JSON, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** An agent as a key: its account (cmi5 agents always have one). */
export function agentKey(agent: Agent | undefined): string {
	return `${agent?.account?.homePage ?? ''}|${agent?.account?.name ?? ''}`;
}

/** Activity state and agent profile documents, kept as the JSON text the client sent. */
export class DocumentStore {
	readonly #documents = new Map<string, string>();

	/** Writes a state document on the LMS's behalf (LMS.LaunchData). */
	putState(options: {
		activityId: string;
		agent: Agent;
		registration: string;
		stateId: string;
		value: unknown;
	}): void {
		const { activityId, agent, registration, stateId, value } = options;
		this.#documents.set(stateKey(activityId, agent, registration, stateId), JSON.stringify(value));
	}

	/** /activities/state for an AU acting as `actor`; problems collects what breaks cmi5. */
	state(options: { request: LrsRequest; url: URL; actor: Agent; problems: string[] }) {
		const { request, url, actor, problems } = options;
		const q = url.searchParams;
		const agent = parseJson(q.get('agent') ?? '') as Agent | undefined;
		const stateId = q.get('stateId');
		if (!q.get('activityId') || !agent || !stateId) {
			return json(400, { error: 'activityId, agent and stateId are required' });
		}
		if (agentKey(agent) !== agentKey(actor)) {
			problems.push(`state "${stateId}" asked for another agent than the launch actor`);
		}
		const key = stateKey(q.get('activityId')!, agent, q.get('registration') ?? '', stateId);
		if (request.method === 'GET') return this.#read(key);
		if (stateId === LAUNCH_DATA) {
			problems.push(`${request.method} LMS.LaunchData: the AU must not change it (cmi5 §10)`);
			return json(403, { error: 'LMS.LaunchData belongs to the LMS' });
		}
		return this.#write(key, request);
	}

	/** /agents/profile (learner preferences, cmi5 §11). */
	profile(options: { request: LrsRequest; url: URL }): LrsResponse {
		const q = options.url.searchParams;
		const agent = parseJson(q.get('agent') ?? '') as Agent | undefined;
		const key = `profile|${agentKey(agent)}|${q.get('profileId') ?? ''}`;
		return options.request.method === 'GET' ? this.#read(key) : this.#write(key, options.request);
	}

	#read(key: string): LrsResponse {
		const stored = this.#documents.get(key);
		return stored === undefined ? json(404, undefined) : { ...json(200, undefined), body: stored };
	}

	#write(key: string, request: LrsRequest): LrsResponse {
		if (request.method === 'DELETE') {
			this.#documents.delete(key);
			return empty(204);
		}
		const value = parseJson(request.body);
		if (value === undefined) return json(400, { error: 'the stand-in LRS keeps JSON only' });
		if (request.method === 'PUT') {
			this.#documents.set(key, request.body);
		} else if (request.method === 'POST') {
			// POST merges JSON objects (xAPI §2.2 of the document resources).
			const old = parseJson(this.#documents.get(key) ?? '{}');
			if (typeof old !== 'object' || typeof value !== 'object' || !old || !value) {
				return json(400, { error: 'POST merges JSON objects only' });
			}
			this.#documents.set(key, JSON.stringify({ ...old, ...value }));
		} else {
			return json(405, { error: `${request.method} is not supported here` });
		}
		return empty(204);
	}
}

function stateKey(activityId: string, agent: Agent, registration: string, stateId: string) {
	return `state|${activityId}|${agentKey(agent)}|${registration}|${stateId}`;
}
