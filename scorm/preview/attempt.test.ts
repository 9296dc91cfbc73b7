// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
	addTimes,
	firstSeed,
	formatDuration,
	nextSeed,
	parseDuration,
	parseTimespan
} from './attempt.ts';
import type { ManifestInfo } from './contract.ts';

const m12: ManifestInfo = {
	standard: 'scorm12',
	title: 'T',
	launchPath: 'index.html',
	masteryScore: '80',
	completionThreshold: null,
	launchData: null
};
const m2004: ManifestInfo = { ...m12, standard: 'scorm2004', masteryScore: '0.7' };

describe('time arithmetic', () => {
	it('adds 1.2 timespans in HHHH:MM:SS.SS', () => {
		expect(parseTimespan('01:02:03.5')).toBe(372350);
		expect(addTimes('scorm12', '0000:59:59.50', '00:00:00.75')).toBe('0001:00:00.25');
		expect(addTimes('scorm12', '', '00:00:05')).toBe('0000:00:05.00');
	});

	it('adds 2004 durations without weeks and with at most 2 decimals', () => {
		expect(parseDuration('PT1H2M3.5S')).toBe(372350);
		expect(parseDuration('P1DT1S')).toBe(8640100);
		expect(parseDuration('P')).toBeNull();
		expect(parseDuration('PT')).toBeNull();
		expect(addTimes('scorm2004', 'PT59M59.5S', 'PT0.75S')).toBe('PT1H0.25S');
		expect(formatDuration(0)).toBe('PT0S');
		expect(addTimes('scorm2004', 'PT0S', 'PT0H0M0S')).toBe('PT0S');
	});
});

describe('seeds', () => {
	it('seeds a first launch like an LMS', () => {
		expect(firstSeed(m12)).toEqual({
			'cmi.core.student_id': 'preview-learner',
			'cmi.core.student_name': 'Preview, Learner',
			'cmi.core.credit': 'credit',
			'cmi.core.entry': 'ab-initio',
			'cmi.core.lesson_mode': 'normal',
			'cmi.core.total_time': '0000:00:00.00',
			'cmi.student_data.mastery_score': '80'
		});
		expect(firstSeed(m2004)).toMatchObject({
			'cmi.learner_id': 'preview-learner',
			'cmi.credit': 'credit',
			'cmi.entry': 'ab-initio',
			'cmi.scaled_passing_score': '0.7',
			'cmi.total_time': 'PT0S'
		});
	});

	it('resumes after suspend and keeps the attempt data', () => {
		const committed = {
			'cmi.core.exit': 'suspend',
			'cmi.core.session_time': '00:01:00',
			'cmi.core.lesson_location': 'p3',
			'cmi.suspend_data': 'abc',
			'cmi.core.lesson_status': 'incomplete',
			'cmi.core.entry': 'ab-initio',
			'cmi.core.student_id': 'someone-else',
			'cmi.student_data.mastery_score': '50',
			'cmi.interactions.0.id': 'q1',
			'cmi.core.score.raw': ''
		};
		const seed = nextSeed(m12, firstSeed(m12), committed);
		expect(seed).toMatchObject({
			'cmi.core.entry': 'resume',
			'cmi.core.student_id': 'preview-learner',
			'cmi.student_data.mastery_score': '80',
			'cmi.core.lesson_location': 'p3',
			'cmi.suspend_data': 'abc',
			'cmi.core.lesson_status': 'incomplete',
			'cmi.interactions.0.id': 'q1',
			'cmi.core.total_time': '0000:01:00.00'
		});
		expect(seed).not.toHaveProperty('cmi.core.exit');
		expect(seed).not.toHaveProperty('cmi.core.session_time');
		expect(seed).not.toHaveProperty('cmi.core.score.raw');
	});

	it('starts ab-initio after any other exit, keeping status and score only', () => {
		const committed = {
			'cmi.exit': 'normal',
			'cmi.session_time': 'PT30S',
			'cmi.location': 'p3',
			'cmi.suspend_data': 'abc',
			'cmi.completion_status': 'completed',
			'cmi.success_status': 'passed',
			'cmi.score.scaled': '0.9',
			'cmi.learner_preference.language': 'ar',
			'cmi.interactions.0.id': 'q1'
		};
		const seed = nextSeed(m2004, { ...firstSeed(m2004), 'cmi.total_time': 'PT1M' }, committed);
		expect(seed).toMatchObject({
			'cmi.entry': 'ab-initio',
			'cmi.completion_status': 'completed',
			'cmi.success_status': 'passed',
			'cmi.score.scaled': '0.9',
			'cmi.learner_preference.language': 'ar',
			'cmi.total_time': 'PT1M30S'
		});
		for (const gone of ['cmi.location', 'cmi.suspend_data', 'cmi.interactions.0.id']) {
			expect(seed).not.toHaveProperty(gone);
		}
	});

	it('treats 2004 logout as a resume but 1.2 logout as a new start', () => {
		expect(nextSeed(m2004, firstSeed(m2004), { 'cmi.exit': 'logout' })['cmi.entry']).toBe('resume');
		expect(nextSeed(m12, firstSeed(m12), { 'cmi.core.exit': 'logout' })['cmi.core.entry']).toBe(
			'ab-initio'
		);
	});
});
