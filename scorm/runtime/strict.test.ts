import { describe, expect, test } from 'vitest';
import { checkValue, formatTimestamp } from './strict.ts';
import type { Standard } from './tracker.ts';

const chars = (count: number): string => 'x'.repeat(count);

// [element, rejected values, accepted values]; every rule gets at least one of each.
type Case = [string, string[], string[]];

const scorm12Cases: Case[] = [
	[
		'cmi.core.lesson_status',
		['not attempted', 'unknown', 'Passed'],
		['incomplete', 'passed', 'browsed']
	],
	['cmi.core.exit', ['normal', 'suspended'], ['', 'suspend', 'time-out', 'logout']],
	['cmi.core.lesson_location', [chars(256)], [chars(255), '']],
	['cmi.core.score.raw', ['101', '-1', '0100', '1e2', 'abc', '.5'], ['83.33', '0', '100', '']],
	['cmi.core.score.min', ['-0.5', 'x'], ['0']],
	['cmi.core.score.max', ['100.01'], ['100']],
	[
		'cmi.core.session_time',
		['1:00:00', '00:60:00', '00:00:00.123', 'PT1S'],
		['00:00:00', '100:00:00.5']
	],
	['cmi.suspend_data', [chars(4097)], [chars(4096)]],
	['cmi.comments', [chars(4097)], [chars(4096)]],
	['cmi.student_preference.language', [chars(256)], ['fr']],
	['cmi.objectives.3.id', ['has space', '', chars(256)], ['obj_1', chars(255)]],
	['cmi.interactions.0.id', ['q 1', 'é'], ['q1-a:b']],
	['cmi.interactions.0.objectives.1.id', ['a b'], ['obj_1']],
	['cmi.objectives.0.score.raw', ['101'], ['50']],
	['cmi.objectives.0.status', ['not attempted'], ['passed']],
	['cmi.interactions.12.time', ['24:00:00', '9:00:00'], ['23:59:59.99', '09:00:00']],
	['cmi.interactions.0.type', ['long-fill-in', 'other'], ['choice', 'numeric']],
	['cmi.interactions.0.correct_responses.0.pattern', [chars(256)], ['a,b']],
	['cmi.interactions.0.student_response', [chars(256)], ['a']],
	['cmi.interactions.0.weighting', ['101', '1000'], ['-100', '1.5']],
	['cmi.interactions.3.result', ['incorrect', 'right', '1234'], ['wrong', 'correct', '0.5', '-3']],
	['cmi.interactions.0.latency', ['PT5S', '00:00'], ['00:00:05.5']]
];

const scorm2004Cases: Case[] = [
	['cmi.completion_status', ['not attempted', 'passed'], ['completed', 'incomplete', 'unknown']],
	['cmi.success_status', ['completed', 'Passed'], ['passed', 'failed', 'unknown']],
	['cmi.exit', ['logout', 'finished'], ['normal', 'suspend', '', 'time-out']],
	['cmi.location', [chars(1001)], [chars(1000)]],
	['cmi.suspend_data', [chars(64001)], [chars(64000)]],
	['cmi.score.scaled', ['1.5', '-1.01', '1e-7', ''], ['-1', '0.8333', '1']],
	['cmi.score.raw', ['123456', 'NaN', ''], ['83.33', '-5', '12345.5']],
	['cmi.score.min', ['x'], ['0']],
	['cmi.score.max', ['x'], ['100']],
	['cmi.progress_measure', ['1.1', '-0.1'], ['0', '0.5', '1']],
	[
		'cmi.session_time',
		['P1W', 'PT1.234S', 'P', 'PT', 'P1DT', '00:00:01', 'PT-1S'],
		['PT0H0M0S', 'PT1H2M3.45S', 'P1DT2H', 'PT100H']
	],
	[
		'cmi.objectives.0.id',
		['has space', '', 'urn::x', 'urn:a b:c', 'obj_'],
		['obj_1', 'urn:acme:obj-1']
	],
	['cmi.objectives.0.score.scaled', ['2'], ['0.5']],
	['cmi.objectives.0.score.raw', ['x'], ['10']],
	['cmi.objectives.0.success_status', ['completed'], ['passed']],
	['cmi.objectives.0.completion_status', ['not attempted'], ['completed']],
	['cmi.objectives.0.progress_measure', ['2'], ['1']],
	['cmi.objectives.0.description', [chars(251)], [chars(250)]],
	['cmi.interactions.0.id', ['q 1', chars(4001)], ['urn:course:q1', chars(4000)]],
	['cmi.interactions.0.type', ['essay', 'True-False'], ['long-fill-in', 'other', 'true-false']],
	['cmi.interactions.0.objectives.0.id', ['a b'], ['obj_1']],
	[
		'cmi.interactions.0.timestamp',
		[
			'2024-05-01T10:30:00.123Z',
			'2039-01-01',
			'1969-12-31',
			'2024-02-30',
			'2024-13-01',
			'2024-05-01T24:00:00.00',
			'2024-05-01T10:30:00Z',
			'2024-05-01T10:30:00.1+25:00',
			new Date(0).toISOString()
		],
		['2024', '2024-02-29', '2024-05-01T10:30:00.12Z', '2024-05-01T10:30:00.1+05:30', '2038-12-31']
	],
	['cmi.interactions.0.weighting', ['x', '123456'], ['1.5', '-2']],
	['cmi.interactions.7.result', ['wrong', 'right'], ['incorrect', 'correct', '-0.5']],
	['cmi.interactions.0.latency', ['00:00:05', 'P1W'], ['PT5.5S']],
	['cmi.interactions.0.description', [chars(251)], [chars(250)]],
	['cmi.comments_from_learner.0.comment', [chars(4001)], [chars(4000)]],
	['cmi.comments_from_learner.0.location', [chars(251)], [chars(250)]],
	['cmi.comments_from_learner.0.timestamp', ['2024-05-01T10:30:00.123Z'], ['2024-05-01']]
];

function expectRule(options: {
	standard: Standard;
	testCase: Case;
	interactionType?: string;
}): void {
	const { standard, testCase, interactionType } = options;
	const [element, rejected, accepted] = testCase;
	for (const value of rejected) {
		expect(checkValue({ standard, element, value, interactionType }), `${value}`).toEqual(
			expect.any(String)
		);
	}
	for (const value of accepted) {
		expect(checkValue({ standard, element, value, interactionType }), `${value}`).toBeNull();
	}
}

describe('strict checks, SCORM 1.2', () => {
	test.each(scorm12Cases.map((testCase) => [testCase[0], testCase] as const))('%s', (_, testCase) =>
		expectRule({ standard: 'scorm12', testCase })
	);

	test('explains the values that belong to the other standard', () => {
		const exit = checkValue({ standard: 'scorm12', element: 'cmi.core.exit', value: 'normal' });
		expect(exit).toContain("use ''");
		const result = { standard: 'scorm12', element: 'cmi.interactions.0.result' } as const;
		expect(checkValue({ ...result, value: 'incorrect' })).toContain("'wrong'");
	});
});

describe('strict checks, SCORM 2004', () => {
	test.each(scorm2004Cases.map((testCase) => [testCase[0], testCase] as const))(
		'%s',
		(_, testCase) => expectRule({ standard: 'scorm2004', testCase })
	);

	const response = 'cmi.interactions.0.learner_response';
	const pattern = 'cmi.interactions.0.correct_responses.0.pattern';
	const responseCases: Array<[string, string, Case]> = [
		['choice', 'response', [response, ['choice-a', 'a[,]a', 'a,b', 'a[,]'], ['', 'choice_a[,]b']]],
		['choice', 'pattern', [pattern, ['', 'a b'], ['a[,]c']]],
		['true-false', 'response', [response, ['yes', 't', 'True'], ['true', 'false']]],
		['likert', 'response', [response, ['a[,]b', 'very-good'], ['very_good']]],
		['sequencing', 'response', [response, ['', 'a.b'], ['a[,]b[,]a']]],
		['matching', 'response', [response, ['a[.]1[,]b', 'a-1[.]2'], ['a[.]1[,]b[.]2']]],
		['numeric', 'response', [response, ['1[:]2', 'ten'], ['10.5']]],
		['numeric', 'pattern', [pattern, ['3[:]1', '[:]', 'a[:]1'], ['1[:]', '[:]5', '1[:]3', '7']]],
		['fill-in', 'response', [response, [chars(4001)], ['any text, with - and spaces']]],
		['(unknown type)', 'response', [response, [chars(4001)], ['choice-a']]]
	];
	test.each(responseCases)('interaction %s %s', (type, _, testCase) =>
		expectRule({ standard: 'scorm2004', testCase, interactionType: type })
	);

	test('more than 36 choice ids are rejected', () => {
		const ids = (count: number): string =>
			Array.from({ length: count }, (_, i) => `c${i}`).join('[,]');
		const options = {
			standard: 'scorm2004',
			element: response,
			interactionType: 'choice'
		} as const;
		expect(checkValue({ ...options, value: ids(37) })).toContain('36');
		expect(checkValue({ ...options, value: ids(36) })).toBeNull();
	});
});

describe('strict checks, scope', () => {
	test('unknown elements and the other standard’s elements get no opinion', () => {
		expect(
			checkValue({ standard: 'scorm12', element: 'cmi.foo', value: 'x'.repeat(9999) })
		).toBeNull();
		expect(
			checkValue({ standard: 'scorm2004', element: 'cmi.core.exit', value: 'normal' })
		).toBeNull();
		expect(checkValue({ standard: 'scorm12', element: 'cmi.exit', value: 'logout' })).toBeNull();
	});

	test('index patterns need digits where the index goes', () => {
		const element = 'cmi.interactions.x.result';
		expect(checkValue({ standard: 'scorm12', element, value: 'nonsense' })).toBeNull();
	});

	test('formatTimestamp output passes the 2004 timestamp check', () => {
		const value = formatTimestamp({ date: new Date(Date.UTC(2026, 10, 25, 9, 5, 7, 891)) });
		expect(value).toBe('2026-11-25T09:05:07.89Z');
		const element = 'cmi.interactions.0.timestamp';
		expect(checkValue({ standard: 'scorm2004', element, value })).toBeNull();
	});
});
