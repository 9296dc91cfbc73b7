// The stand-in cmi5 LMS and LRS, in memory and without I/O: it sets up a launch the way a cmi5 LMS
// must (LMS.LaunchData, a one-time fetch URL, a "launched" statement; cmi5 §8, §10) and answers
// the xAPI requests an AU makes (fetch, statements, activity state, agent profile, about).
// lrs-server.ts puts it on HTTP; tests can call handle() directly.
import { randomBytes, randomUUID } from 'node:crypto';
import {
	DocumentStore,
	empty,
	json,
	LAUNCH_DATA,
	parseJson,
	type LrsRequest,
	type LrsResponse
} from './lrs-documents.ts';
import {
	checkStatements,
	CMI5,
	inOrder,
	isDefined,
	VERBS,
	type Agent,
	type Received,
	type SessionInfo,
	type Statement
} from './lrs-rules.ts';

export type { LrsRequest, LrsResponse } from './lrs-documents.ts';

/** How the LMS launches the AU (cmi5 §10, launchMode). */
export type LaunchMode = SessionInfo['launchMode'];

/** What the LMS knows when it launches an AU. */
export interface LaunchRequest {
	/** Absolute URL of the AU: cmi5.xml's <url> where the package is served. */
	auUrl: string;
	/** The AU id from cmi5.xml. */
	publisherId: string;
	/** This LMS's base URL with a trailing slash: xAPI under xapi/, fetch URLs under lms/fetch/. */
	base: string;
	/** A new registration when omitted; the same one resumes the learner's enrolment. */
	registration?: string;
	launchMode?: LaunchMode;
	moveOn?: string;
	masteryScore?: number | null;
	returnURL?: string;
	actor?: Agent;
}

/** A launch the LMS set up: open `url` to start the AU. */
export interface Launch {
	url: string;
	registration: string;
	sessionId: string;
}

/** One session of a registration, for tests and the LMS pages. */
export interface SessionReport extends SessionInfo {
	terminated: boolean;
	/** The LMS ended it: a new launch came while it was still open (cmi5 §9.3.6). */
	abandoned: boolean;
	/** The AU's statements in cmi5 order (timestamp, then arrival). */
	statements: Statement[];
}

/** Everything the LRS holds about a registration, and the rules it broke. */
export interface RegistrationReport {
	registration: string;
	sessions: SessionReport[];
	/** The LMS's own statements (launched, abandoned), oldest first. */
	lmsStatements: Statement[];
	/** Statement rules (lrs-rules.ts) and request rules (fetch reuse, LaunchData writes, auth). */
	violations: string[];
}

interface Session extends SessionInfo {
	token: string;
	fetchId: string;
	fetched: boolean;
	/** Terminated by the AU or abandoned by the LMS. */
	ended: 'terminated' | 'abandoned' | '';
	problems: string[];
}

/** The learner the stand-in LMS launches for: an account, no personal data (cmi5 §8.1). */
export const DEFAULT_ACTOR: Agent = {
	objectType: 'Agent',
	name: 'Preview Learner',
	account: { homePage: 'https://lms.example.invalid', name: 'learner-1' }
};

/** The stand-in LMS + LRS. */
export class StandInLrs {
	readonly #sessions = new Map<string, Session>();
	readonly #received: Received[] = [];
	readonly #lms: Array<{ registration: string; statement: Statement }> = [];
	readonly #documents = new DocumentStore();
	#arrivals = 0;

	/** Sets up a session (LMS.LaunchData, fetch URL, "launched") and returns the AU's launch URL. */
	launch(request: LaunchRequest): Launch {
		const registration = request.registration ?? randomUUID();
		const actor = request.actor ?? DEFAULT_ACTOR;
		// The LMS's activity id must differ from the publisher's AU id (cmi5 §8.1, activityId).
		const activityId = `${request.base}activities/${encodeURIComponent(request.publisherId)}`;
		for (const open of this.#sessions.values()) {
			if (open.registration !== registration || open.ended) continue;
			// An unterminated session ends in "abandoned", recorded by the LMS (cmi5 §9.3.6).
			open.ended = 'abandoned';
			this.#lmsStatement(open, VERBS.abandoned, {});
		}
		const session: Session = {
			id: randomUUID(),
			registration,
			activityId,
			publisherId: request.publisherId,
			actor,
			launchMode: request.launchMode ?? 'Normal',
			masteryScore: request.masteryScore ?? null,
			token: randomBytes(18).toString('base64'),
			fetchId: randomUUID(),
			fetched: false,
			ended: '',
			problems: []
		};
		this.#sessions.set(session.id, session);
		const contextTemplate = {
			contextActivities: { grouping: [{ id: request.publisherId, objectType: 'Activity' }] },
			extensions: { [CMI5.sessionId]: session.id }
		};
		const launchData: Record<string, unknown> = {
			contextTemplate,
			launchMode: session.launchMode,
			moveOn: request.moveOn ?? 'CompletedAndPassed'
		};
		if (session.masteryScore !== null) launchData.masteryScore = session.masteryScore;
		if (request.returnURL) launchData.returnURL = request.returnURL;
		this.#documents.putState({
			activityId,
			agent: actor,
			registration,
			stateId: LAUNCH_DATA,
			value: launchData
		});
		this.#lmsStatement(session, VERBS.launched, {
			[CMI5.launchMode]: session.launchMode,
			[CMI5.launchUrl]: request.auUrl,
			[CMI5.moveOn]: launchData.moveOn,
			...(session.masteryScore === null ? {} : { [CMI5.masteryScore]: session.masteryScore })
		});
		const params = new URLSearchParams({
			endpoint: `${request.base}xapi/`,
			fetch: `${request.base}lms/fetch/${session.fetchId}`,
			actor: JSON.stringify(actor),
			registration,
			activityId
		});
		return { url: `${request.auUrl}?${params}`, registration, sessionId: session.id };
	}

	/** Answers a fetch-URL or xAPI request (the path starts with /lms/fetch/ or /xapi/). */
	handle(request: LrsRequest): LrsResponse {
		const url = new URL(request.url, 'http://lrs.invalid');
		if (request.method === 'OPTIONS') return empty(204);
		const fetchId = /^\/lms\/fetch\/([^/]+)$/.exec(url.pathname)?.[1];
		if (fetchId !== undefined) return this.#fetch(request, fetchId);
		const resource = /^\/xapi\/(.*)$/.exec(url.pathname)?.[1];
		if (resource === undefined) return json(404, { error: `nothing at ${url.pathname}` });
		if (resource === 'about') return json(200, { version: ['1.0.3'] });
		const session = [...this.#sessions.values()].find(
			(s) => request.headers.authorization === `Basic ${s.token}`
		);
		if (!session) return json(401, { error: 'no valid auth-token (cmi5 §8.2.1)' });
		if (!request.headers['x-experience-api-version']) {
			session.problems.push(`${request.method} /xapi/${resource} without X-Experience-API-Version`);
			return json(400, { error: 'X-Experience-API-Version header missing' });
		}
		if (resource === 'statements') return this.#statements(request, url, session);
		if (resource === 'activities/state') {
			const { actor, problems } = session;
			return this.#documents.state({ request, url, actor, problems });
		}
		if (resource === 'agents/profile') return this.#documents.profile({ request, url });
		return json(404, { error: `the stand-in LRS has no /xapi/${resource}` });
	}

	/** Statements, sessions and violations of a registration. */
	registration(registration: string): RegistrationReport {
		const sessions = [...this.#sessions.values()].filter((s) => s.registration === registration);
		const received = this.#received.filter((r) => r.session.registration === registration);
		const report = (s: Session): SessionReport => ({
			id: s.id,
			registration: s.registration,
			activityId: s.activityId,
			publisherId: s.publisherId,
			actor: s.actor,
			launchMode: s.launchMode,
			masteryScore: s.masteryScore,
			terminated: s.ended === 'terminated',
			abandoned: s.ended === 'abandoned',
			statements: inOrder(received.filter((r) => r.session.id === s.id)).map((r) => r.statement)
		});
		return {
			registration,
			sessions: sessions.map(report),
			lmsStatements: this.#lms
				.filter((x) => x.registration === registration)
				.map((x) => x.statement),
			violations: [
				...sessions.flatMap((s) => s.problems.map((p) => `session ${s.id.slice(0, 8)}: ${p}`)),
				...checkStatements(received)
			]
		};
	}

	#lmsStatement(session: Session, verb: string, extensions: Record<string, unknown>): void {
		const statement: Statement = {
			id: randomUUID(),
			timestamp: new Date().toISOString(),
			actor: session.actor,
			verb: { id: verb },
			object: { id: session.activityId },
			context: {
				registration: session.registration,
				contextActivities: {
					grouping: [{ id: session.publisherId }],
					category: [{ id: CMI5.category }]
				},
				extensions: { [CMI5.sessionId]: session.id, ...extensions }
			}
		};
		this.#lms.push({ registration: session.registration, statement });
	}

	#fetch(request: LrsRequest, fetchId: string): LrsResponse {
		const session = [...this.#sessions.values()].find((s) => s.fetchId === fetchId);
		if (request.method !== 'POST') {
			return json(405, { error: 'the fetch URL takes POST (cmi5 §8.2.1)' });
		}
		if (!session) return json(200, { 'error-code': '2', 'error-text': 'Unknown fetch URL' });
		if (session.fetched) {
			session.problems.push('the fetch URL was used more than once (cmi5 §8.2)');
			return json(200, {
				'error-code': '1',
				'error-text': 'The authorization token was already returned.'
			});
		}
		session.fetched = true;
		return json(200, { 'auth-token': session.token });
	}

	#statements(request: LrsRequest, url: URL, session: Session): LrsResponse {
		if (request.method === 'GET') {
			const registration = url.searchParams.get('registration');
			const statements = this.#received
				.filter((r) => !registration || r.session.registration === registration)
				.map((r) => r.statement);
			return json(200, { statements, more: '' });
		}
		const body = parseJson(request.body);
		const list = (Array.isArray(body) ? body : [body]) as Statement[];
		if (!body || list.some((s) => typeof s !== 'object' || s === null)) {
			return json(400, { error: 'statements must be JSON objects' });
		}
		if (request.method === 'PUT') {
			const id = url.searchParams.get('statementId');
			if (!id || list.length !== 1 || (list[0]!.id !== undefined && list[0]!.id !== id)) {
				return json(400, { error: 'PUT takes one statement and a matching statementId' });
			}
			list[0]!.id ??= id;
		} else if (request.method !== 'POST') {
			return json(405, { error: `${request.method} /statements` });
		}
		if (session.ended === 'abandoned') {
			// After "abandoned" the session takes no more statements (cmi5 §9.3.6).
			session.problems.push('a statement came after the LMS had abandoned the session');
			return json(403, { error: 'the session was abandoned' });
		}
		const stored = new Set(this.#received.map((r) => r.statement.id));
		const again = list.find((s) => s.id !== undefined && stored.has(s.id));
		if (again) return json(409, { error: `statement ${again.id} already stored` });
		for (const statement of list) {
			this.#received.push({ statement, session, arrival: this.#arrivals++ });
			const ends = statement.verb?.id === VERBS.terminated && isDefined(statement);
			if (ends) session.ended ||= 'terminated';
		}
		if (request.method === 'PUT') return empty(204);
		return json(
			200,
			list.map((s) => s.id)
		);
	}
}
