import { Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { decodeLaunchData } from './protocol.ts';
import { flattenCmi, launchSeed } from './seed.ts';

const learner = { id: 'officer-7', name: 'Doe, Jane' };
const identity = { course: 'ht_le_course', session: 's2', order: 2 };

/** A commit as scorm-again renders it after a session: the course's values set, then Commit. */
function committed(exit: string): { cmi: Record<string, unknown> } {
	let body: unknown;
	const api = new Scorm2004API({
		logLevel: 5,
		lmsCommitUrl: 'https://endpoint.invalid/p',
		alwaysSendTotalTime: true,
		httpService: {
			processHttpRequest(_url, params) {
				body = params;
				return { result: 'true', errorCode: 0 };
			},
			updateSettings() {}
		}
	});
	api.loadFromFlattenedJSON({
		'cmi.learner_id': 'officer-7',
		'cmi.total_time': 'PT1M',
		'cmi.launch_data': 'v=hosted1&course=ht_le_course&session=s1&order=1'
	});
	api.Initialize('');
	const set = (element: string, value: string) => expect(api.SetValue(element, value)).toBe('true');
	set('cmi.location', 'm1/l2');
	set('cmi.suspend_data', 'P2~1~abc');
	set('cmi.completion_status', 'incomplete');
	set('cmi.success_status', 'passed');
	set('cmi.score.scaled', '0.9');
	set('cmi.score.raw', '90');
	set('cmi.learner_preference.language', 'es');
	set('cmi.interactions.0.id', 'm1_q1');
	set('cmi.interactions.0.type', 'choice');
	set('cmi.interactions.0.learner_response', 'a');
	set('cmi.interactions.0.result', 'correct');
	set('cmi.objectives.0.id', 'm1');
	set('cmi.objectives.0.success_status', 'passed');
	set('cmi.comments_from_learner.0.comment', 'hard');
	set('cmi.exit', exit);
	set('cmi.session_time', 'PT30S');
	expect(api.Commit('')).toBe('true');
	return body as { cmi: Record<string, unknown> };
}

/** A new scorm-again launched with the seed, as the course would find it. */
function relaunch(seed: Record<string, string>) {
	const api = new Scorm2004API({ logLevel: 5 });
	api.loadFromFlattenedJSON(seed);
	expect(api.Initialize('')).toBe('true');
	return (element: string) => api.GetValue(element);
}

describe('launchSeed', () => {
	it('resumes after exit suspend: bookmark, suspend data, record and learner', () => {
		const get = relaunch(launchSeed({ last: committed('suspend'), learner, identity }));
		expect(get('cmi.entry')).toBe('resume');
		expect(get('cmi.location')).toBe('m1/l2');
		expect(get('cmi.suspend_data')).toBe('P2~1~abc');
		expect(get('cmi.success_status')).toBe('passed');
		expect(get('cmi.score.scaled')).toBe('0.9');
		expect(get('cmi.interactions._count')).toBe('1');
		expect(get('cmi.interactions.0.result')).toBe('correct');
		expect(get('cmi.objectives.0.id')).toBe('m1');
		expect(get('cmi.comments_from_learner.0.comment')).toBe('hard');
		expect(get('cmi.learner_preference.language')).toBe('es');
		expect(get('cmi.learner_id')).toBe('officer-7');
		expect(get('cmi.learner_name')).toBe('Doe, Jane');
		expect(get('cmi.mode')).toBe('normal');
		expect(get('cmi.credit')).toBe('credit');
		expect(decodeLaunchData(get('cmi.launch_data'))).toEqual(identity);
	});

	it('starts a new attempt after exit normal, keeping status, score and the record', () => {
		const get = relaunch(launchSeed({ last: committed('normal'), learner, identity }));
		expect(get('cmi.entry')).toBe('ab-initio');
		expect(get('cmi.suspend_data')).toBe('');
		expect(get('cmi.comments_from_learner._count')).toBe('0');
		expect(get('cmi.success_status')).toBe('passed');
		expect(get('cmi.interactions._count')).toBe('1');
	});

	it('carries the running total time the commit held (never adds the session twice)', () => {
		const last = committed('suspend');
		const total = flattenCmi(last)['cmi.total_time'];
		expect(total).toMatch(/^PT/);
		expect(launchSeed({ last, learner, identity })['cmi.total_time']).toBe(total);
	});

	it('first launch: only who the learner is and the launch', () => {
		expect(launchSeed({ last: null, learner, identity })).toEqual({
			'cmi.learner_id': 'officer-7',
			'cmi.learner_name': 'Doe, Jane',
			'cmi.credit': 'credit',
			'cmi.mode': 'normal',
			'cmi.entry': 'ab-initio',
			'cmi.total_time': 'PT0S',
			'cmi.launch_data': 'v=hosted1&course=ht_le_course&session=s2&order=2'
		});
	});

	it('takes nothing the LMS side owns from the commit, and drops an unreadable total time', () => {
		const last = {
			cmi: {
				exit: 'suspend',
				learner_id: 'someone-else',
				launch_data: 'v=hosted1&course=x&session=y&order=9',
				scaled_passing_score: '0.1',
				total_time: '3 hours',
				entry: 'resume'
			}
		};
		const seed = launchSeed({ last, learner, identity });
		expect(seed['cmi.learner_id']).toBe('officer-7');
		expect(seed['cmi.launch_data']).toContain('session=s2');
		expect(seed['cmi.total_time']).toBe('PT0S');
		expect(seed).not.toHaveProperty('cmi.scaled_passing_score');
	});
});
