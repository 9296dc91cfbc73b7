// 2004 interaction responses and correct-response patterns by type (scorm-rules.md §2.4).
// Ids are held to [A-Za-z0-9_]: Moodle rejects hyphens, and the ADL short_identifier allows them.
import { real2004, type Check } from './strict-types.ts';

const idPattern = /^[A-Za-z0-9_]{1,250}$/;
const maxResponseLength = 4000;
const maxListItems = 36;

/** Checks a 2004 learner_response (pattern false) or correct_responses pattern (pattern true). */
export function checkResponse2004(options: {
	type: string | undefined;
	value: string;
	pattern: boolean;
}): string | null {
	const { type, value, pattern } = options;
	if (value.length > maxResponseLength) return `longer than ${maxResponseLength} characters`;
	switch (type) {
		case 'true-false':
			return value === 'true' || value === 'false' ? null : "not 'true' or 'false'";
		case 'choice':
			// Zero choices is a legal learner response, as long as it is not the correct answer.
			return value === '' && !pattern ? null : checkIdList({ value, unique: true });
		case 'sequencing':
			return checkIdList({ value, unique: false });
		case 'likert':
			return idPattern.test(value) ? null : 'not one id of [A-Za-z0-9_]';
		case 'matching':
			return checkPairs({ value });
		case 'numeric':
			return pattern ? checkNumericRange({ value }) : real2004()(value);
		default:
			// fill-in, long-fill-in, performance, other and an unknown type: only the length is portable.
			return null;
	}
}

function checkIdList(options: { value: string; unique: boolean }): string | null {
	const ids = options.value.split('[,]');
	if (ids.length > maxListItems) return `more than ${maxListItems} ids`;
	if (!ids.every((id) => idPattern.test(id))) return 'ids must be [A-Za-z0-9_] joined by [,]';
	if (options.unique && new Set(ids).size !== ids.length) return 'repeated id';
	return null;
}

function checkPairs(options: { value: string }): string | null {
	const pairs = options.value.split('[,]');
	if (pairs.length > maxListItems) return `more than ${maxListItems} pairs`;
	for (const pair of pairs) {
		const ids = pair.split('[.]');
		if (ids.length !== 2 || !ids.every((id) => idPattern.test(id))) {
			return 'pairs must be source[.]target of [A-Za-z0-9_] joined by [,]';
		}
	}
	return null;
}

function checkNumericRange(options: { value: string }): string | null {
	const bounds = options.value.split('[:]');
	const number: Check = real2004();
	if (bounds.length === 1) return number(options.value);
	const [min = '', max = ''] = bounds;
	if (bounds.length !== 2 || (min === '' && max === '')) return 'not a number or min[:]max';
	if ((min !== '' && number(min)) || (max !== '' && number(max))) return 'bounds must be decimals';
	return min !== '' && max !== '' && Number(min) > Number(max) ? 'min is above max' : null;
}
