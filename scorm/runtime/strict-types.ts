// Checks for SCORM data types, each the strictest of the ADL reference, Moodle and scorm-again
// (scorm-rules.md §1.7, §2.8). A check returns null when the value is fine, else a short reason.

/** A check of one value. */
export type Check = (value: string) => string | null;

/** Accepts strings of at most max characters (UTF-16 units, never fewer than characters). */
export function text(options: { max: number; min?: number }): Check {
	const { max, min = 0 } = options;
	return (value) => {
		if (value.length > max) return `longer than ${max} characters (${value.length})`;
		return value.length < min ? 'empty' : null;
	};
}

/** Accepts one word of a vocabulary; banned words get their own reason. */
export function vocabulary(options: {
	words: readonly string[];
	banned?: { word: string; reason: string };
}): Check {
	const { words, banned } = options;
	return (value) => {
		if (words.includes(value)) return null;
		if (banned && value === banned.word) return banned.reason;
		return `not one of ${words.map((word) => `'${word}'`).join(', ')}`;
	};
}

/** 1.2 CMIDecimal as Moodle reads it: ≤3 integer digits, optionally a range and a blank. */
export function decimal12(options: { min?: number; max?: number; blank?: boolean } = {}): Check {
	return (value) => {
		if (value === '' && options.blank) return null;
		if (!/^-?[0-9]{1,3}(\.[0-9]+)?$/.test(value))
			return 'not a decimal with at most 3 integer digits';
		return range({ value: Number(value), min: options.min, max: options.max });
	};
}

/** 2004 real(10,7) as Moodle reads it: at most 5 integer digits, optionally a range. */
export function real2004(options: { min?: number; max?: number } = {}): Check {
	return (value) => {
		if (!/^-?[0-9]{1,5}(\.[0-9]{1,18})?$/.test(value))
			return 'not a decimal with at most 5 integer digits';
		return range({ value: Number(value), min: options.min, max: options.max });
	};
}

function range(options: { value: number; min?: number; max?: number }): string | null {
	const { value, min, max } = options;
	if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
		return `out of range ${min ?? '-∞'} to ${max ?? '∞'}`;
	}
	return null;
}

/** 1.2 CMITimespan HH[HH]:MM:SS[.SS] (Moodle's regex, with minutes and seconds below 60). */
export const timespan12: Check = (value) =>
	/^[0-9]{2,4}:[0-5][0-9]:[0-5][0-9](\.[0-9]{1,2})?$/.test(value)
		? null
		: 'not a timespan HH[HH]:MM:SS[.SS]';

/** 1.2 CMITime, a time of day HH:MM:SS[.SS]. */
export const time12: Check = (value) =>
	/^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,2})?$/.test(value)
		? null
		: 'not a time of day HH:MM:SS[.SS]';

/** 2004 timeinterval: ADL's duration grammar, no weeks, at most 2 decimals, at least one part. */
export const duration2004: Check = (value) => {
	if (value.includes('W')) return 'weeks (W) are not allowed in a duration';
	const grammar =
		/^P([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]{1,2})?S)?)?$/;
	if (!grammar.test(value) || value === 'P' || value.endsWith('T')) {
		return 'not a duration like PT1H2M3.45S (at most 2 decimals)';
	}
	return null;
};

// Moodle nests the time zone inside the fractional seconds, so a zone needs .s before it.
const zone = '(Z|[+-][0-9]{2}(:[0-9]{2})?)';
const timestampGrammar = new RegExp(
	'^([0-9]{4})(-([0-9]{2})(-([0-9]{2})(T([0-9]{2})(:([0-9]{2})(:([0-9]{2})' +
		`(\\.[0-9]{1,2}${zone}?)?)?)?)?)?)?$`
);

/** 2004 time(second,10,0): YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]], years 1970–2038. */
export const timestamp2004: Check = (value) => {
	const match = timestampGrammar.exec(value);
	if (!match) return 'not a timestamp like 2024-05-01T10:30:00.00Z (at most 2 decimals)';
	const [year, month, day, hour, minute, second] = [1, 3, 5, 7, 9, 11].map((group) =>
		match[group] === undefined ? undefined : Number(match[group])
	);
	if (year === undefined || year < 1970 || year > 2038) return 'year outside 1970–2038';
	if (month !== undefined && (month < 1 || month > 12)) return 'month outside 01–12';
	const daysInMonth = new Date(Date.UTC(year, month ?? 1, 0)).getUTCDate();
	if (day !== undefined && (day < 1 || day > daysInMonth)) return 'day outside the month';
	if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59)
		return 'time of day out of range';
	const zone = /([+-])([0-9]{2})(:([0-9]{2}))?$/.exec(value.slice(19));
	if (zone && (Number(zone[2]) > 23 || Number(zone[4] ?? 0) > 59)) return 'time zone out of range';
	return null;
};

/** 1.2 CMIIdentifier: 1–255 printable ASCII characters, no spaces. */
export const identifier12: Check = (value) =>
	/^[!-~]{1,255}$/.test(value) ? null : 'not 1–255 printable ASCII characters without spaces';

/** 2004 long_identifier_type: 1–4000 characters, no whitespace, a well-formed URN when urn:. */
export const identifier2004: Check = (value) => {
	if (!/^\S{1,4000}$/.test(value)) return 'not 1–4000 characters without whitespace';
	// Older Moodle releases (CMILongIdentifier '^\S{0,4000}[a-zA-Z0-9]$') need this.
	if (!/[A-Za-z0-9]$/.test(value)) return 'not ending in a letter or digit';
	if (/^urn:/i.test(value) && !/^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}:\S+$/i.test(value)) {
		return 'a malformed URN (urn:<nid>:<nss>)';
	}
	return null;
};
