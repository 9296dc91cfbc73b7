// The stand-in progress store behind the hosted endpoint (hosted-endpoint.ts): what an agency's
// endpoint keeps, in memory. One record per learner and course, replaced only by a newer commit
// (scorm/hosted/protocol.ts), and a log of every request so tests can see what arrived and when.
import { commitKey, isNewer, type CommitBody, type CommitKey } from '../hosted/protocol.ts';

/** One request the endpoint answered. */
export interface EndpointEntry {
	method: 'GET' | 'POST';
	learner: string;
	course: string;
	/** POST: where the commit stands; absent for GET and refused bodies. */
	key?: CommitKey;
	/** POST: stored, ignored as older than the record, or refused; GET: found or not. */
	outcome: 'accepted' | 'stale' | 'refused' | 'found' | 'none';
}

/** An HTTP answer, before it is written. */
export interface EndpointAnswer {
	status: number;
	body: string;
}

const recordId = (learner: string, course: string): string => JSON.stringify([learner, course]);

/** The in-memory store and its request log. */
export class HostedStore {
	readonly log: EndpointEntry[] = [];
	readonly #records = new Map<string, { body: CommitBody; key: CommitKey }>();

	/** The last accepted commit of a learner in a course, or null. */
	record(learner: string, course: string): CommitBody | null {
		return this.#records.get(recordId(learner, course))?.body ?? null;
	}

	/** Answers GET ?learner&course. */
	read(options: { learner: string; course: string }): EndpointAnswer {
		const { learner, course } = options;
		if (!learner || !course) {
			return refusal(400, 'give ?learner=<id>&course=<id>');
		}
		const body = this.record(learner, course);
		this.log.push({ method: 'GET', learner, course, outcome: body ? 'found' : 'none' });
		return { status: 200, body: JSON.stringify(body) };
	}

	/** Answers POST with a commit (JSON text, whatever the content type said). */
	write(text: string): EndpointAnswer {
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			return this.#refuse('', '', 'the body is not JSON');
		}
		const key = commitKey(body);
		if (!key) return this.#refuse('', '', 'no learner_id, launch_data or commitSequence');
		const id = recordId(key.learner, key.course);
		const held = this.#records.get(id);
		const newer = !held || isNewer(key, held.key);
		if (newer) this.#records.set(id, { body: body as CommitBody, key });
		const { learner, course } = key;
		this.log.push({ method: 'POST', learner, course, key, outcome: newer ? 'accepted' : 'stale' });
		return {
			status: 200,
			body: JSON.stringify(newer ? { result: true } : { result: true, stale: true })
		};
	}

	/** Forgets every record and the log. */
	clear(): void {
		this.#records.clear();
		this.log.length = 0;
	}

	#refuse(learner: string, course: string, why: string): EndpointAnswer {
		this.log.push({ method: 'POST', learner, course, outcome: 'refused' });
		return refusal(400, why);
	}
}

function refusal(status: number, error: string): EndpointAnswer {
	return { status, body: JSON.stringify({ result: false, errorCode: 101, error }) };
}
