import { describe, expect, it } from 'vitest';
import {
	commitKey,
	decodeLaunchData,
	encodeLaunchData,
	isNewer,
	readCommitAnswer,
	readUrl,
	type CommitKey
} from './protocol.ts';

const identity = { course: 'ht_le_course', session: 'abc123', order: 3 };
const body = (overrides: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) => ({
	cmi: { learner_id: 'officer-7', launch_data: encodeLaunchData(identity), ...overrides },
	commitSequence: 4,
	...rest
});

describe('launch data', () => {
	it('round-trips, escaping what a URL query would not carry', () => {
		const odd = { course: 'a&b=c', session: 's p', order: 12 };
		expect(decodeLaunchData(encodeLaunchData(odd))).toEqual(odd);
		expect(encodeLaunchData(identity)).toBe('v=hosted1&course=ht_le_course&session=abc123&order=3');
	});

	it('is not ours without the version, a course, a session or a whole order ≥ 1', () => {
		for (const text of [
			'',
			'course=c&session=s&order=1',
			'v=hosted2&course=c&session=s&order=1',
			'v=hosted1&session=s&order=1',
			'v=hosted1&course=c&order=1',
			'v=hosted1&course=c&session=s&order=0',
			'v=hosted1&course=c&session=s&order=1.5',
			'v=hosted1&course=c&session=s'
		]) {
			expect(decodeLaunchData(text), text).toBeNull();
		}
		expect(decodeLaunchData(42)).toBeNull();
	});
});

describe('commitKey', () => {
	it('reads learner, launch and sequence from the commit itself', () => {
		expect(commitKey(body())).toEqual({ ...identity, learner: 'officer-7', sequence: 4 });
	});

	it('refuses a commit that lacks any of them', () => {
		expect(commitKey(null)).toBeNull();
		expect(commitKey({ cmi: [] })).toBeNull();
		expect(commitKey(body({ learner_id: '' }))).toBeNull();
		expect(commitKey(body({ launch_data: '' }))).toBeNull();
		expect(commitKey(body({}, { commitSequence: undefined }))).toBeNull();
		expect(commitKey(body({}, { commitSequence: 0 }))).toBeNull();
		expect(commitKey(body({}, { commitSequence: '4' }))).toBeNull();
	});
});

describe('isNewer', () => {
	const key = (order: number, session: string, sequence: number): CommitKey => ({
		course: 'c',
		learner: 'l',
		order,
		session,
		sequence
	});

	it('orders by launch order, then session, then sequence', () => {
		expect(isNewer(key(2, 'a', 1), key(1, 'z', 99))).toBe(true);
		expect(isNewer(key(1, 'z', 99), key(2, 'a', 1))).toBe(false);
		expect(isNewer(key(2, 'b', 1), key(2, 'a', 5))).toBe(true);
		expect(isNewer(key(2, 'a', 6), key(2, 'a', 5))).toBe(true);
		expect(isNewer(key(2, 'a', 5), key(2, 'a', 5))).toBe(false);
	});
});

describe('readUrl', () => {
	it('adds learner and course to the endpoint, keeping its own query', () => {
		expect(readUrl({ endpoint: 'https://x.gov/p?k=1', learner: 'a b', course: 'c' })).toBe(
			'https://x.gov/p?k=1&learner=a+b&course=c'
		);
	});
});

describe('readCommitAnswer', () => {
	const read = (status: number, text = '') => readCommitAnswer({ status, text });

	it('accepts 2xx with result true, a 2xx with no body or no JSON', () => {
		const ok = { result: 'true', errorCode: 0, unreachable: false };
		expect(read(200, '{"result":true}')).toEqual(ok);
		expect(read(200, '{"result":"true","stale":true}')).toEqual(ok);
		expect(read(204)).toEqual(ok);
		expect(read(200, 'OK')).toEqual(ok);
	});

	it('refuses a 2xx that says false and a 4xx, without calling the endpoint away', () => {
		const refused = { result: 'false', errorCode: 101, unreachable: false };
		expect(read(200, '{"result":false}')).toEqual(refused);
		expect(read(400, '{"result":false}')).toEqual(refused);
		expect(read(403)).toEqual(refused);
	});

	it('calls no answer, 408, 429 and 5xx the endpoint being away', () => {
		for (const status of [0, 408, 429, 500, 502, 503, 504]) {
			expect(read(status), String(status)).toEqual({
				result: 'false',
				errorCode: 101,
				unreachable: true
			});
		}
	});
});
