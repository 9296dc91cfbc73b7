// The strict value check: the intersection of what ADL, Moodle and scorm-again accept, so a value
// that passes here is portable (scorm-rules.md §1.7, §2.8). Pure; the preview LMS uses it too.
import { checkResponse2004 } from './strict-responses.ts';
import {
	decimal12,
	duration2004,
	identifier12,
	identifier2004,
	real2004,
	text,
	time12,
	timespan12,
	timestamp2004,
	vocabulary,
	type Check
} from './strict-types.ts';
import type { Standard } from './tracker.ts';

export { formatSessionTime, formatTimestamp } from './time-format.ts';

interface Rule {
	element: RegExp;
	check: (value: string, context: { interactionType?: string }) => string | null;
}

/** Element pattern with `n` for an index, e.g. 'cmi.interactions.n.result'. */
function rule(pattern: string, check: Rule['check']): Rule {
	const parts = pattern.split('.').map((part) => (part === 'n' ? '[0-9]+' : part));
	return { element: new RegExp(`^${parts.join('\\.')}$`), check };
}

function rules(patterns: readonly string[], check: Check): Rule[] {
	return patterns.map((pattern) => rule(pattern, check));
}

/** A number, or a word; a word of the other standard gets a pointed reason. */
function result(options: { words: string[]; number: Check; foreign: [string, string] }): Check {
	const [word, hint] = options.foreign;
	return (value) => {
		if (options.words.includes(value) || options.number(value) === null) return null;
		if (value === word) return hint;
		return `neither a number nor one of ${options.words.map((w) => `'${w}'`).join(', ')}`;
	};
}

const status12 = vocabulary({
	words: ['passed', 'completed', 'failed', 'incomplete', 'browsed'],
	banned: { word: 'not attempted', reason: "'not attempted' may not be set by content" }
});
const score12 = decimal12({ min: 0, max: 100, blank: true });
const types = [
	'true-false',
	'choice',
	'fill-in',
	'matching',
	'performance',
	'sequencing',
	'likert',
	'numeric'
];
const scoreParts = ['raw', 'min', 'max'];

const scorm12Rules: Rule[] = [
	rule('cmi.core.lesson_status', status12),
	rule(
		'cmi.core.exit',
		vocabulary({
			words: ['', 'time-out', 'suspend', 'logout'],
			banned: { word: 'normal', reason: "'normal' is not a SCORM 1.2 exit value (use '')" }
		})
	),
	rule('cmi.core.lesson_location', text({ max: 255 })),
	...rules(
		scoreParts.map((part) => `cmi.core.score.${part}`),
		score12
	),
	rule('cmi.core.session_time', timespan12),
	rule('cmi.suspend_data', text({ max: 4096 })),
	rule('cmi.comments', text({ max: 4096 })),
	rule('cmi.student_preference.language', text({ max: 255 })),
	...rules(['cmi.objectives.n.id', 'cmi.interactions.n.objectives.n.id'], identifier12),
	rule('cmi.interactions.n.id', identifier12),
	...rules(
		scoreParts.map((part) => `cmi.objectives.n.score.${part}`),
		score12
	),
	rule('cmi.objectives.n.status', status12),
	rule('cmi.interactions.n.time', time12),
	rule('cmi.interactions.n.type', vocabulary({ words: types })),
	rule('cmi.interactions.n.correct_responses.n.pattern', text({ max: 255 })),
	rule('cmi.interactions.n.student_response', text({ max: 255 })),
	rule('cmi.interactions.n.weighting', decimal12({ min: -100, max: 100 })),
	rule(
		'cmi.interactions.n.result',
		result({
			words: ['correct', 'wrong', 'unanticipated', 'neutral'],
			number: decimal12(),
			foreign: ['incorrect', "'incorrect' is SCORM 2004; 1.2 uses 'wrong'"]
		})
	),
	rule('cmi.interactions.n.latency', timespan12)
];

const completion2004 = vocabulary({
	words: ['completed', 'incomplete', 'unknown'],
	banned: { word: 'not attempted', reason: "'not attempted' may not be set by content" }
});
const success2004 = vocabulary({ words: ['passed', 'failed', 'unknown'] });
const scaled2004 = real2004({ min: -1, max: 1 });
const measure2004 = real2004({ min: 0, max: 1 });
const scorm2004Rules: Rule[] = [
	rule('cmi.completion_status', completion2004),
	rule('cmi.success_status', success2004),
	rule(
		'cmi.exit',
		vocabulary({
			words: ['', 'normal', 'suspend', 'time-out'],
			banned: { word: 'logout', reason: "'logout' is deprecated in SCORM 2004 4th Edition" }
		})
	),
	rule('cmi.location', text({ max: 1000 })),
	rule('cmi.suspend_data', text({ max: 64000 })),
	rule('cmi.score.scaled', scaled2004),
	...rules(
		scoreParts.map((part) => `cmi.score.${part}`),
		real2004()
	),
	rule('cmi.progress_measure', measure2004),
	rule('cmi.session_time', duration2004),
	rule('cmi.objectives.n.id', identifier2004),
	rule('cmi.objectives.n.score.scaled', scaled2004),
	...rules(
		scoreParts.map((part) => `cmi.objectives.n.score.${part}`),
		real2004()
	),
	rule('cmi.objectives.n.success_status', success2004),
	rule('cmi.objectives.n.completion_status', completion2004),
	rule('cmi.objectives.n.progress_measure', measure2004),
	rule('cmi.objectives.n.description', text({ max: 250 })),
	rule('cmi.interactions.n.id', identifier2004),
	rule('cmi.interactions.n.type', vocabulary({ words: [...types, 'long-fill-in', 'other'] })),
	rule('cmi.interactions.n.objectives.n.id', identifier2004),
	rule('cmi.interactions.n.timestamp', timestamp2004),
	rule('cmi.interactions.n.weighting', real2004()),
	rule('cmi.interactions.n.learner_response', (value, { interactionType }) =>
		checkResponse2004({ type: interactionType, value, pattern: false })
	),
	rule('cmi.interactions.n.correct_responses.n.pattern', (value, { interactionType }) =>
		checkResponse2004({ type: interactionType, value, pattern: true })
	),
	rule(
		'cmi.interactions.n.result',
		result({
			words: ['correct', 'incorrect', 'unanticipated', 'neutral'],
			number: real2004(),
			foreign: ['wrong', "'wrong' is SCORM 1.2; 2004 uses 'incorrect'"]
		})
	),
	rule('cmi.interactions.n.latency', duration2004),
	rule('cmi.interactions.n.description', text({ max: 250 })),
	rule('cmi.comments_from_learner.n.comment', text({ max: 4000 })),
	rule('cmi.comments_from_learner.n.location', text({ max: 250 })),
	rule('cmi.comments_from_learner.n.timestamp', timestamp2004)
];

const rulesByStandard: Record<Standard, Rule[]> = {
	scorm12: scorm12Rules,
	scorm2004: scorm2004Rules
};

/**
 * Checks a value before SetValue: null when every target LMS accepts it, else a short reason.
 * Unknown elements get null (no opinion). interactionType sharpens 2004 response checks.
 */
export function checkValue(options: {
	standard: Standard;
	element: string;
	value: string;
	interactionType?: string;
}): string | null {
	const { standard, element, value, interactionType } = options;
	const match = rulesByStandard[standard].find((candidate) => candidate.element.test(element));
	if (!match) return null;
	if (typeof value !== 'string') return 'not a string';
	return match.check(value, { interactionType });
}
