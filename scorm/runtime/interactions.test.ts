// Interactions and objectives against scorm-again as the LMS, in both standards: the values, their
// order, journaling, objective indexes across a resume, and the strict checks on every value.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, test } from 'vitest';
import type { Scorm12Api, Scorm2004Api } from './api-types.ts';
import { createScorm12Tracker } from './scorm12.ts';
import { createScorm2004Tracker } from './scorm2004.ts';
import { checkValue } from './strict.ts';
import { recordApi, scorm12Methods, scorm2004Methods } from './test-utils.ts';
import type { InteractionRecord, Standard, TrackingReport } from './tracker.ts';

const question: InteractionRecord = {
	id: 'recognize_q_minor_force',
	type: 'choice',
	options: ['a', 'b', 'c', 'd'],
	response: ['b', 'c'],
	correct: ['b'],
	result: 'incorrect',
	latencyMs: 12_340,
	at: new Date(Date.UTC(2026, 10, 25, 14, 3, 9, 456)),
	description: 'Which of these can count as coercion under the federal definition?',
	objective: 'recognize'
};
const decision: InteractionRecord = {
	...question,
	id: 'recognize_traffic_stop_approach',
	options: ['observe', 'accuse', 'wave_off'],
	response: ['accuse'],
	correct: ['observe'],
	description: 'You approach the car.'
};
const report: TrackingReport = {
	location: 'm/recognize/l/definitions',
	suspendData: 'P1~en~~',
	completion: 'incomplete',
	success: 'unknown',
	objectives: [{ id: 'recognize', completion: 'incomplete', success: 'unknown' }]
};

function launch(standard: Standard, seed?: Record<string, unknown>) {
	const lms =
		standard === 'scorm12'
			? new Scorm12API({ logLevel: 5, autocommit: false })
			: new Scorm2004API({ logLevel: 5, autocommit: false });
	if (seed) lms.loadFromJSON(seed, 'cmi');
	const sets: Array<[string, string]> = [];
	const event = standard === 'scorm12' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*';
	lms.on(event, (element: string, value: string) => sets.push([element, value]));
	const recorder = recordApi({
		api: lms,
		methods: standard === 'scorm12' ? scorm12Methods : scorm2004Methods,
		lastError: standard === 'scorm12' ? 'LMSGetLastError' : 'GetLastError'
	});
	const tracker =
		standard === 'scorm12'
			? createScorm12Tracker({ api: recorder.api as Scorm12Api })
			: createScorm2004Tracker({ api: recorder.api as Scorm2004Api });
	// 2004 answers 403 for reads of unset location and suspend_data on a first launch.
	const errors = () =>
		recorder.calls.filter(
			(c) => c.error !== '0' && !(c.error === '403' && c.method === 'GetValue')
		);
	return { lms, sets, tracker, errors, cmi: () => lms.getFlattenedCMI() as Record<string, string> };
}

const trueFalse: InteractionRecord = {
	...question,
	id: 'relief_a_cp_tf',
	type: 'true-false',
	options: ['t', 'f'],
	response: ['t'],
	correct: ['f']
};
const ordering: InteractionRecord = {
	...question,
	id: 'relief_q_cp_order',
	type: 'sequencing',
	options: ['identify', 'contact_federal', 'submit', 'decide'],
	response: ['contact_federal', 'identify', 'submit', 'decide'],
	correct: ['identify', 'contact_federal', 'submit', 'decide']
};
const sorting: InteractionRecord = {
	...question,
	id: 'control_q_sort_signs',
	type: 'matching',
	options: ['owes_fee', 'no_phone', 'family_harm'],
	targets: ['debt', 'isolation', 'threats'],
	response: ['owes_fee.debt', 'no_phone.threats', 'family_harm.threats'],
	correct: ['owes_fee.debt', 'no_phone.isolation', 'family_harm.threats'],
	result: 'incorrect'
};

describe.each(['scorm12', 'scorm2004'] as const)('%s interactions', (standard) => {
	test('true/false, ordering and sorting items in each standard’s format, strict-valid', () => {
		const { tracker, sets, errors } = launch(standard);
		tracker.start();
		for (const interaction of [trueFalse, ordering, sorting]) {
			tracker.record({ interaction, commit: true });
		}
		const value = (element: string) => sets.find(([e]) => e === element)?.[1];
		const response = standard === 'scorm12' ? 'student_response' : 'learner_response';
		const types = [0, 1, 2].map((n) => value(`cmi.interactions.${n}.type`));
		expect(types).toEqual(['true-false', 'sequencing', 'matching']);
		const responses = [0, 1, 2].map((n) => value(`cmi.interactions.${n}.${response}`));
		const patterns = [0, 1, 2].map((n) =>
			value(`cmi.interactions.${n}.correct_responses.0.pattern`)
		);
		if (standard === 'scorm12') {
			expect(responses).toEqual(['t', 'b,a,c,d', 'a.a,b.c,c.c']);
			expect(patterns).toEqual(['f', 'a,b,c,d', 'a.a,b.b,c.c']);
		} else {
			expect(responses).toEqual([
				'true',
				'contact_federal[,]identify[,]submit[,]decide',
				'owes_fee[.]debt[,]no_phone[.]threats[,]family_harm[.]threats'
			]);
			expect(patterns[0]).toBe('false');
		}
		for (const [element, v] of sets.filter(([e]) => e.startsWith('cmi.interactions.'))) {
			const n = Number(element.split('.')[2]);
			const interactionType = types[n];
			expect(
				checkValue({ standard, element, value: v, interactionType }),
				`${element}=${v}`
			).toBeNull();
		}
		expect(errors()).toEqual([]);
	});

	test('journal each answer as a new record, every value strict-valid, no LMS error', () => {
		const { tracker, sets, errors } = launch(standard);
		tracker.start();
		tracker.record({ interaction: question, commit: true });
		tracker.record({ interaction: decision, commit: true });
		const records = sets.filter(([e]) => e.startsWith('cmi.interactions.'));
		expect(records.filter(([e]) => e.endsWith('.id') && !e.includes('objectives'))).toEqual([
			['cmi.interactions.0.id', question.id],
			['cmi.interactions.1.id', decision.id]
		]);
		for (const [element, value] of records) {
			expect(checkValue({ standard, element, value }), `${element}=${value}`).toBeNull();
		}
		expect(errors()).toEqual([]);
	});

	test('write the id first and the type before any response', () => {
		const { tracker, sets } = launch(standard);
		tracker.start();
		const before = sets.length;
		tracker.record({ interaction: question, commit: false });
		const elements = sets.slice(before).map(([e]) => e.replace('cmi.interactions.0.', ''));
		const responseField = standard === 'scorm12' ? 'student_response' : 'learner_response';
		expect(elements[0]).toBe('id');
		expect(elements.indexOf('type')).toBeLessThan(elements.indexOf(responseField));
		expect(elements.indexOf('type')).toBeLessThan(elements.indexOf('correct_responses.0.pattern'));
	});

	test('objectives: one record per id, kept at its index across a resume', () => {
		const first = launch(standard);
		first.tracker.start();
		first.tracker.report({ report, commit: true });
		first.tracker.report({
			report: {
				...report,
				objectives: [
					{ id: 'recognize', completion: 'completed', success: 'passed', score: { scaled: 0.9 } }
				]
			},
			commit: true
		});
		const ids = first.sets.filter(([e]) => /^cmi\.objectives\.\d+\.id$/.test(e));
		expect(ids).toEqual([['cmi.objectives.0.id', 'recognize']]);
		expect(first.errors()).toEqual([]);

		// A later launch finds 'recognize' at index 1 (another objective first): it writes there.
		const seed =
			standard === 'scorm12'
				? { core: { entry: 'resume' }, objectives: { 0: { id: 'other' }, 1: { id: 'recognize' } } }
				: { entry: 'resume', objectives: { 0: { id: 'other' }, 1: { id: 'recognize' } } };
		const second = launch(standard, seed);
		second.tracker.start();
		second.tracker.report({ report, commit: true });
		expect(second.sets.some(([e]) => e.startsWith('cmi.objectives.1.'))).toBe(true);
		expect(second.sets.some(([e]) => e.startsWith('cmi.objectives.0.'))).toBe(false);
	});
});

describe('format per standard', () => {
	test('1.2: single-character responses, wrong for incorrect, CMITime and CMITimespan', () => {
		const { tracker, cmi } = launch('scorm12');
		tracker.start();
		tracker.record({ interaction: decision, commit: true });
		tracker.record({
			interaction: { ...question, result: 'correct', response: ['b'] },
			commit: true
		});
		const sent = cmi();
		// Scenario choice ids become the letter of their position: accuse → b, observe → a.
		expect(sent['cmi.interactions.0.student_response']).toBe('b');
		expect(sent['cmi.interactions.0.correct_responses.0.pattern']).toBe('a');
		expect(sent['cmi.interactions.0.result']).toBe('wrong');
		expect(sent['cmi.interactions.0.latency']).toBe('00:00:12.34');
		expect(sent['cmi.interactions.0.time']).toMatch(/^\d{2}:\d{2}:\d{2}$/);
		expect(sent['cmi.interactions.1.result']).toBe('correct');
	});

	test('2004: real ids joined with [,], ISO latency, timestamp and description', () => {
		const { tracker, cmi } = launch('scorm2004');
		tracker.start();
		tracker.record({ interaction: question, commit: true });
		const sent = cmi();
		expect(sent['cmi.interactions.0.learner_response']).toBe('b[,]c');
		expect(sent['cmi.interactions.0.correct_responses.0.pattern']).toBe('b');
		expect(sent['cmi.interactions.0.result']).toBe('incorrect');
		expect(sent['cmi.interactions.0.latency']).toBe('PT0H0M12.34S');
		expect(sent['cmi.interactions.0.timestamp']).toBe('2026-11-25T14:03:09.45Z');
		expect(sent['cmi.interactions.0.description']).toBe(question.description);
		expect(sent['cmi.interactions.0.objectives.0.id']).toBe('recognize');
	});
});
