// The parts of @rusticisoftware/cmi5 (3.x, which ships no types) that the cmi5 tracker uses.
declare module '@rusticisoftware/cmi5' {
	/** An xAPI Agent as the LMS gives it in the launch URL. */
	export interface Cmi5Agent {
		objectType?: 'Agent';
		name?: string;
		account: { homePage: string; name: string };
	}

	/** An xAPI statement as the library prepares it (loosely typed where the course adds to it). */
	export interface Cmi5Statement {
		id: string;
		timestamp: string;
		actor: Cmi5Agent;
		verb: { id: string; display?: Record<string, string> };
		object: { id: string; objectType?: 'Activity'; definition?: Record<string, unknown> };
		result?: Record<string, unknown>;
		context: {
			registration?: string;
			contextActivities?: Record<string, Array<{ id: string; [key: string]: unknown }>>;
			extensions?: Record<string, unknown>;
			[key: string]: unknown;
		};
	}

	/** A result score as cmi5 allows it (scaled 0..1; raw, min and max integers). */
	export interface Cmi5Score {
		scaled?: number;
		raw?: number;
		min?: number;
		max?: number;
	}

	/** Hooks run during start(), each with the library as `this`. */
	export interface Cmi5StartEvents {
		postFetch?: (this: Cmi5) => Promise<void> | void;
		launchData?: (this: Cmi5) => Promise<void> | void;
		learnerPrefs?: (this: Cmi5) => Promise<void> | void;
		initializeStatement?: (this: Cmi5) => Promise<void> | void;
	}

	/** The AU side of a cmi5 launch. */
	export default class Cmi5 {
		/** Reads endpoint, fetch, actor, registration and activityId; throws when one is missing. */
		constructor(launchString: string);
		/** POST fetch for the auth token, LMS.LaunchData, learner preferences, "initialized". */
		start(events?: Cmi5StartEvents): Promise<void>;
		getLaunchMode(): 'Normal' | 'Browse' | 'Review' | string;
		getMasteryScore(): number | null;
		getReturnURL(): string | null;
		getEntitlementKey(): string | null;
		getLanguagePreference(): string | null;
		getSessionId(): string;
		getMoveOn(): string;
		getEndpoint(): string;
		/** The Authorization header value ("Basic <auth-token>"). */
		getAuth(): string;
		getActor(): Cmi5Agent;
		getActivityId(): string;
		getRegistration(): string;
		/** A statement with actor, object (the AU), context template and registration; no category. */
		prepareStatement(verbId: string): Cmi5Statement;
		completedStatement(): Cmi5Statement;
		/** Throws when the scaled score is below the LMS masteryScore. */
		passedStatement(score?: Cmi5Score): Cmi5Statement;
		/** Throws when the scaled score reaches the LMS masteryScore. */
		failedStatement(score?: Cmi5Score): Cmi5Statement;
		terminatedStatement(): Cmi5Statement;
	}
}
