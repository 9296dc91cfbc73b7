import { describe, expect, test } from 'vitest';
import { checkValue, formatSessionTime } from './strict.ts';

const hour = 3_600_000;

describe('formatSessionTime', () => {
	test.each([
		[0, '00:00:00', 'PT0H0M0S'],
		[1_500, '00:00:01.5', 'PT0H0M1.5S'],
		[1_050, '00:00:01.05', 'PT0H0M1.05S'],
		[59_994, '00:00:59.99', 'PT0H0M59.99S'],
		[59_999, '00:01:00', 'PT0H1M0S'], // rounds up into the next minute, never "60" seconds
		[hour - 1, '01:00:00', 'PT1H0M0S'],
		[3_723_450, '01:02:03.45', 'PT1H2M3.45S'],
		[100 * hour + 61_000, '100:01:01', 'PT100H1M1S'],
		[1234 * hour, '1234:00:00', 'PT1234H0M0S']
	])('%i ms → %s / %s', (ms, scorm12, scorm2004) => {
		expect(formatSessionTime({ standard: 'scorm12', ms })).toBe(scorm12);
		expect(formatSessionTime({ standard: 'scorm2004', ms })).toBe(scorm2004);
		const element12 = 'cmi.core.session_time';
		expect(checkValue({ standard: 'scorm12', element: element12, value: scorm12 })).toBeNull();
		expect(
			checkValue({ standard: 'scorm2004', element: 'cmi.session_time', value: scorm2004 })
		).toBeNull();
	});

	test('1.2 caps at the 4-digit hour limit of CMITimespan; 2004 has no cap', () => {
		expect(formatSessionTime({ standard: 'scorm12', ms: 20_000 * hour })).toBe('9999:59:59.99');
		expect(formatSessionTime({ standard: 'scorm2004', ms: 20_000 * hour })).toBe('PT20000H0M0S');
	});

	test('a negative or broken clock reads as zero', () => {
		for (const ms of [-5, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(formatSessionTime({ standard: 'scorm12', ms })).toBe('00:00:00');
			expect(formatSessionTime({ standard: 'scorm2004', ms })).toBe('PT0H0M0S');
		}
	});
});
