// The cmi5 rules the stand-in LRS holds an AU's statements to (cmi5 spec, Quartz: §7.1, §9, §10).
// Pure functions over what the LRS received; each violation says which statement broke which rule.

/** cmi5 and xAPI identifiers the rules look for. */
export const CMI5 = {
	category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
	moveOnCategory: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
	sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
	masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
	launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
	launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
	moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon'
};

/** The cmi5 verbs by name. */
export const VERBS = {
	launched: 'http://adlnet.gov/expapi/verbs/launched',
	initialized: 'http://adlnet.gov/expapi/verbs/initialized',
	completed: 'http://adlnet.gov/expapi/verbs/completed',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed',
	abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
	terminated: 'http://adlnet.gov/expapi/verbs/terminated'
};

/** An xAPI agent identified by an account (cmi5 §9.2). */
export interface Agent {
	objectType?: string;
	name?: string;
	account?: { homePage?: string; name?: string };
}

type Activity = { id?: string; [key: string]: unknown };

/** A statement as received: JSON of any shape, read defensively. */
export interface Statement {
	id?: string;
	timestamp?: string;
	actor?: Agent;
	verb?: { id?: string; display?: Record<string, string> };
	object?: { id?: string; objectType?: string; definition?: Record<string, unknown> };
	result?: {
		score?: { scaled?: number; raw?: number; min?: number; max?: number };
		success?: boolean;
		completion?: boolean;
		duration?: string;
		response?: string;
		[key: string]: unknown;
	};
	context?: {
		registration?: string;
		contextActivities?: Record<string, Activity[] | undefined>;
		extensions?: Record<string, unknown>;
	};
}

/** What the LMS set up for one AU session. */
export interface SessionInfo {
	id: string;
	registration: string;
	/** The LMS's activity id for the AU (the launch URL's activityId). */
	activityId: string;
	/** The AU id from cmi5.xml. */
	publisherId: string;
	actor: Agent;
	launchMode: 'Normal' | 'Browse' | 'Review';
	masteryScore: number | null;
}

/** One statement the AU sent, with its session and the order it arrived in. */
export interface Received {
	statement: Statement;
	session: SessionInfo;
	arrival: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]00:?00)$/;
const AU_DEFINED = new Set([
	VERBS.initialized,
	VERBS.completed,
	VERBS.passed,
	VERBS.failed,
	VERBS.terminated
]);
const NEEDS_DURATION = new Set([VERBS.completed, VERBS.passed, VERBS.failed, VERBS.terminated]);

/** The last segment of a verb id ("initialized"), or the id when it has none. */
export function verbName(statement: Statement): string {
	const id = statement.verb?.id ?? '';
	return id.slice(id.lastIndexOf('/') + 1) || id || '(no verb)';
}

function label(r: Received): string {
	return `session ${r.session.id.slice(0, 8)}, "${verbName(r.statement)}" statement ${r.statement.id ?? '(no id)'}`;
}

function ids(list: Activity[] | undefined): string[] {
	return (Array.isArray(list) ? list : []).map((a) => String(a?.id ?? ''));
}

/** A cmi5 defined statement carries the cmi5 category (§7.1.3); others are "allowed" ones. */
export function isDefined(statement: Statement): boolean {
	return ids(statement.context?.contextActivities?.category).includes(CMI5.category);
}

/** Received statements in cmi5 order: by timestamp (§9.3), then by arrival. */
export function inOrder(received: readonly Received[]): Received[] {
	const time = (r: Received): number => Date.parse(r.statement.timestamp ?? '') || 0;
	return [...received].sort((a, b) => time(a) - time(b) || a.arrival - b.arrival);
}

function sameAgent(a: Agent | undefined, b: Agent): boolean {
	return a?.account?.homePage === b.account?.homePage && a?.account?.name === b.account?.name;
}

/** Rules one statement must meet on its own. */
export function checkStatement(r: Received): string[] {
	const { statement: s, session } = r;
	const found: string[] = [];
	const fail = (rule: string): void => void found.push(`${label(r)}: ${rule}`);
	if (!UUID.test(s.id ?? '')) fail('the id must be a UUID (§9.1)');
	if (!UTC.test(s.timestamp ?? '')) fail('the timestamp must be an ISO 8601 time in UTC (§9.7)');
	if (!sameAgent(s.actor, session.actor)) fail('the actor must be the launch actor (§9.2)');
	const context = s.context ?? {};
	if (context.registration !== session.registration) {
		fail('context.registration must be the launch registration (§9.6.1)');
	}
	if (context.extensions?.[CMI5.sessionId] !== session.id) {
		fail('the context must carry the session id from LMS.LaunchData (§9.6.3.1)');
	}
	if (!ids(context.contextActivities?.grouping).includes(session.publisherId)) {
		fail("the context template's publisher id grouping must be kept (§10, contextTemplate)");
	}
	const moveOnCategory = ids(context.contextActivities?.category).includes(CMI5.moveOnCategory);
	if (!isDefined(s)) {
		if (moveOnCategory)
			fail('only cmi5 defined statements may carry the moveOn category (§9.6.2.2)');
		return found;
	}
	const verb = s.verb?.id ?? '';
	if (!AU_DEFINED.has(verb)) fail('an AU may only send the cmi5 defined verbs of §9.3 it owns');
	if (s.object?.id !== session.activityId) fail('the object must be the launch activityId (§9.4)');
	if (session.launchMode !== 'Normal' && verb !== VERBS.initialized && verb !== VERBS.terminated) {
		fail(`in ${session.launchMode} mode only "initialized" and "terminated" are allowed (§10)`);
	}
	const result = s.result ?? {};
	const judged = verb === VERBS.passed || verb === VERBS.failed;
	if (result.score !== undefined && !judged)
		fail('only passed and failed may carry a score (§9.5.1)');
	if (verb === VERBS.passed && result.success !== true) fail('passed needs success true (§9.5.2)');
	if (verb === VERBS.failed && result.success !== false)
		fail('failed needs success false (§9.5.2)');
	if (!judged && result.success !== undefined)
		fail('only passed and failed carry success (§9.5.2)');
	if (verb === VERBS.completed && result.completion !== true) {
		fail('completed needs completion true (§9.5.3)');
	}
	if (verb !== VERBS.completed && result.completion !== undefined) {
		fail('only completed carries completion (§9.5.3)');
	}
	if (NEEDS_DURATION.has(verb) && typeof result.duration !== 'string') {
		fail('a duration is required (§9.5.4.1)');
	}
	const moveOn = result.success !== undefined || result.completion !== undefined;
	if (moveOn !== moveOnCategory) {
		fail('the moveOn category goes with success or completion, and only with them (§9.6.2.2)');
	}
	const scaled = result.score?.scaled;
	if (judged && session.masteryScore !== null && scaled !== undefined) {
		if (verb === VERBS.passed && scaled < session.masteryScore) {
			fail(`passed with ${scaled} is below masteryScore ${session.masteryScore} (§9.3.4)`);
		}
		if (verb === VERBS.failed && scaled >= session.masteryScore) {
			fail(`failed with ${scaled} reaches masteryScore ${session.masteryScore} (§9.3.5)`);
		}
		if (context.extensions?.[CMI5.masteryScore] !== session.masteryScore) {
			fail('a judged score must carry the masteryScore extension (§9.6.3.2)');
		}
	}
	return found;
}

/** Ordering rules within one session (§9.3, §7.1.1, §7.1.2). */
export function checkSession(received: readonly Received[]): string[] {
	const ordered = inOrder(received);
	const found: string[] = [];
	const first = ordered[0];
	if (first && first.statement.verb?.id !== VERBS.initialized) {
		found.push(`${label(first)}: "initialized" must be the first statement of a session (§9.3.2)`);
	}
	const seen = new Set<string>();
	let judged = '';
	let terminated: Received | undefined;
	for (const r of ordered) {
		if (terminated) {
			found.push(`${label(r)}: nothing may follow "terminated" in a session (§9.3.8)`);
		}
		if (!isDefined(r.statement)) continue;
		const verb = r.statement.verb?.id ?? '';
		if (seen.has(verb))
			found.push(`${label(r)}: a cmi5 defined verb is repeated in a session (§9.3)`);
		seen.add(verb);
		if (verb === VERBS.passed || verb === VERBS.failed) {
			if (judged && judged !== verb) {
				found.push(`${label(r)}: a session may have passed or failed, not both (§9.3)`);
			}
			judged = verb;
		}
		if (verb === VERBS.terminated) terminated = r;
	}
	return found;
}

/** Rules across the sessions of one registration (§9.3). */
export function checkRegistration(received: readonly Received[]): string[] {
	const found: string[] = [];
	let completed = 0;
	let passed = 0;
	for (const r of inOrder(received).filter((x) => isDefined(x.statement))) {
		const verb = r.statement.verb?.id;
		if (verb === VERBS.completed && ++completed > 1) {
			found.push(`${label(r)}: only one "completed" per registration (§9.3.3)`);
		}
		if (verb === VERBS.passed && ++passed > 1) {
			found.push(`${label(r)}: only one "passed" per registration (§9.3.4)`);
		}
		if (verb === VERBS.failed && passed > 0) {
			found.push(`${label(r)}: "failed" must not follow "passed" in a registration (§9.3)`);
		}
	}
	return found;
}

/** Every rule over a registration's statements: each statement, each session, the whole. */
export function checkStatements(received: readonly Received[]): string[] {
	const sessions = new Map<string, Received[]>();
	for (const r of received) sessions.set(r.session.id, [...(sessions.get(r.session.id) ?? []), r]);
	return [
		...received.flatMap(checkStatement),
		...[...sessions.values()].flatMap(checkSession),
		...checkRegistration(received)
	];
}
