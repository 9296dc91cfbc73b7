// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Standard } from './contract.ts';
import type { CheckValue } from './lms-api.ts';
import { createSession, storageKey } from './session.ts';
import { config, fakeFrame, memoryStorage, type Course } from './test-utils.ts';

const strict: CheckValue = ({ element, value }) =>
	element === 'cmi.core.exit' && value === 'normal' ? 'not a 1.2 exit value' : null;

function start(standard: Standard, course: Course, storage = memoryStorage()) {
	const host: Record<string, unknown> = {};
	const frame = fakeFrame(host, standard, course);
	const lms = createSession({ config: config(standard), checkValue: strict, storage, host, frame });
	return { lms, host, storage };
}

// Suspends on the first visit, finishes normally on the second.
const course12: Course = (api) => {
	api.LMSInitialize('');
	const visits = Number(api.LMSGetValue('cmi.suspend_data') || '0') + 1;
	api.LMSGetValue('cmi.interactions._count');
	api.LMSSetValue('cmi.suspend_data', String(visits));
	api.LMSSetValue('cmi.core.lesson_location', `page-${visits}`);
	api.LMSSetValue('cmi.core.score.raw', '90');
	api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
	api.LMSSetValue('cmi.core.exit', visits === 1 ? 'suspend' : 'normal');
	api.LMSCommit('');
	return () => {
		api.LMSSetValue('cmi.core.session_time', '00:00:05');
		api.LMSFinish('');
	};
};

// scorm-again warns on console about the lenient values these tests feed it on purpose.
beforeEach(() => {
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	return () => vi.restoreAllMocks();
});

describe('preview session (SCORM 1.2)', () => {
	it('seeds the first launch and records every call with its error code', async () => {
		const { lms, host } = start('scorm12', course12);
		await lms.whenLoaded();
		expect(host.API).toBeDefined();
		expect(lms).toMatchObject({ standard: 'scorm12', launch: 1, entry: 'ab-initio' });
		expect(lms.state).toBe('running');
		expect(lms.dataModel()).toMatchObject({
			'cmi.core.student_id': 'preview-learner',
			'cmi.core.student_name': 'Preview, Learner',
			'cmi.core.credit': 'credit',
			'cmi.student_data.mastery_score': '80',
			'cmi.core.total_time': '00:00:00'
		});
		expect(lms.calls[0]).toEqual({
			fn: 'LMSInitialize',
			element: '',
			value: '',
			result: 'true',
			error: '0',
			errorText: '',
			strictReason: null,
			benign: false,
			launch: 1
		});
		expect(lms.calls.map((c) => c.fn)).toContain('LMSCommit');
		expect(lms.failures()).toEqual([]);
		expect(lms.commits).toHaveLength(1);
		expect(lms.commits[0]?.data['cmi.suspend_data']).toBe('1');
	});

	it('relaunches with a new API instance, resuming after suspend', async () => {
		const { lms, host } = start('scorm12', course12);
		await lms.whenLoaded();
		const first = host.API;
		await lms.relaunch();
		expect(host.API).not.toBe(first);
		expect(lms).toMatchObject({ launch: 2, entry: 'resume' });
		expect(lms.calls[0]?.launch).toBe(2);
		expect(lms.calls.find((c) => c.element === 'cmi.suspend_data')?.result).toBe('1');
		const model = lms.dataModel();
		expect(model['cmi.core.lesson_location']).toBe('page-2');
		expect(model['cmi.core.total_time']).toBe('00:00:05');
		// The second visit wrote 'normal': scorm-again accepts it, a strict LMS would not.
		expect(lms.rejected()).toHaveLength(1);
		expect(lms.rejected()[0]).toMatchObject({ element: 'cmi.core.exit', value: 'normal' });
	});

	it('starts ab-initio after a non-suspend exit, carrying status and score', async () => {
		const { lms, storage } = start('scorm12', course12);
		await lms.relaunch();
		await lms.relaunch();
		expect(lms).toMatchObject({ launch: 3, entry: 'ab-initio' });
		const stored = JSON.parse(storage.items.get(storageKey('tiny-scorm12.zip')) ?? '{}');
		// Launch 2 ended with LMSFinish: mastery 80 turned score 90 into 'passed'.
		expect(stored.seed).toMatchObject({
			'cmi.core.entry': 'ab-initio',
			'cmi.core.lesson_status': 'passed',
			'cmi.core.score.raw': '90',
			'cmi.core.total_time': '0000:00:10.00'
		});
		expect(stored.seed).not.toHaveProperty('cmi.suspend_data');
		expect(stored.seed).not.toHaveProperty('cmi.core.lesson_location');
		expect(lms.calls.find((c) => c.element === 'cmi.suspend_data')?.result).toBe('');
	});

	it('persists committed data so a new page session resumes', async () => {
		const storage = memoryStorage();
		const a = start('scorm12', course12, storage);
		await a.lms.whenLoaded();
		expect(JSON.parse(storage.items.get(storageKey('tiny-scorm12.zip')) ?? '{}')).toMatchObject({
			launch: 1,
			committed: { 'cmi.core.exit': 'suspend' }
		});
		const b = start('scorm12', course12, storage);
		await b.lms.whenLoaded();
		expect(b.lms).toMatchObject({ launch: 2, entry: 'resume' });
		await b.lms.newAttempt();
		expect(b.lms).toMatchObject({ launch: 1, entry: 'ab-initio' });
		expect(b.lms.dataModel()['cmi.suspend_data']).toBe('1');
	});

	it('resumes from prepared data as if the launch before had committed it', async () => {
		const { lms } = start('scorm12', course12);
		await lms.whenLoaded();
		await lms.resumeWith({ 'cmi.suspend_data': 'prepared', 'cmi.core.lesson_location': 'x' });
		expect(lms).toMatchObject({ launch: 2, entry: 'resume' });
		expect(lms.calls.find((c) => c.element === 'cmi.suspend_data')?.result).toBe('prepared');
	});

	it('counts errors as failures except the benign probes, and tracks termination', async () => {
		const { lms } = start('scorm12', (api) => {
			api.LMSInitialize('');
			// An AICC-era group scorm-again does not implement: a keyword probe for it is benign.
			api.LMSGetValue('cmi.evaluation._children');
			api.LMSGetValue('cmi.core._count');
			api.LMSSetValue('cmi.core.total_time', '00:00:01');
			api.LMSGetLastError();
			api.LMSFinish('');
			api.LMSSetValue('cmi.core.lesson_status', 'passed');
		});
		await lms.whenLoaded();
		expect(lms.state).toBe('terminated');
		const failed = lms.failures().map((c) => `${c.fn} ${c.element} ${c.error}`);
		expect(failed).toEqual([
			'LMSGetValue cmi.core._count 203',
			'LMSSetValue cmi.core.total_time 403'
		]);
		// scorm-again 1.2 accepts a set after LMSFinish; the preview flags it as a strict rejection.
		expect(lms.rejected()).toEqual([
			expect.objectContaining({ element: 'cmi.core.lesson_status', error: '0' })
		]);
		expect(lms.rejected()[0]?.strictReason).toMatch(/after LMSFinish.*301/);
		const lastError = lms.calls.find((c) => c.fn === 'LMSGetLastError');
		expect(lastError).toMatchObject({ result: '403', error: '0' });
		expect(lms.calls[1]).toMatchObject({ error: '401', benign: true });
	});
});

describe('preview session (SCORM 2004)', () => {
	const course2004: Course = (api) => {
		api.Initialize('');
		api.GetValue('cmi.location');
		api.GetValue('cmi.suspend_data');
		if (api.GetValue('cmi.entry') === 'ab-initio') {
			api.SetValue('cmi.score.scaled', '0.5');
			api.SetValue('cmi.success_status', 'passed');
		}
		api.SetValue('cmi.exit', 'logout');
		return () => void api.Terminate('');
	};

	it('ignores the 403 resume probes and resumes after logout', async () => {
		const { lms, host } = start('scorm2004', course2004);
		await lms.whenLoaded();
		expect(host.API_1484_11).toBeDefined();
		expect(host.API).toBeUndefined();
		expect(lms.calls.filter((c) => c.error === '403')).toHaveLength(2);
		expect(lms.failures()).toEqual([]);
		expect(lms.dataModel()['cmi.scaled_passing_score']).toBe('0.7');
		await lms.relaunch();
		expect(lms.entry).toBe('resume');
		// The LMS judged success from scaled_passing_score at Terminate and kept that verdict.
		expect(lms.dataModel()['cmi.success_status']).toBe('failed');
	});
});
