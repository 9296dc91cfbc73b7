// SCORM 1.2: one lesson_status carries completion and success; exit is '' when finished, never
// 'normal' (scorm-rules.md §2.1, §2.6).
import { createApiTracker } from './api-tracker.ts';
import { formatScore, type Dialect } from './dialect.ts';
import { formatSessionTime, formatTimeOfDay } from './time-format.ts';
import type { Scorm12Api } from './api-types.ts';
import type { InteractionRecord, Tracker, TrackingReport } from './tracker.ts';

/** The 1.2 lesson_status for a report; 'not attempted' is never sent. */
export function toLessonStatus(options: {
	report: Pick<TrackingReport, 'completion' | 'success'>;
}): string {
	const { completion, success } = options.report;
	if (completion !== 'completed') return 'incomplete';
	return success === 'unknown' ? 'completed' : success;
}

const dialect: Dialect = {
	standard: 'scorm12',
	launch: {
		entry: 'cmi.core.entry',
		suspendData: 'cmi.suspend_data',
		location: 'cmi.core.lesson_location',
		learnerName: 'cmi.core.student_name',
		learnerId: 'cmi.core.student_id',
		language: 'cmi.student_preference.language'
	},
	known: ['cmi.core.lesson_status'],
	openCodes: [],
	values(report) {
		const values: Array<[string, string]> = [
			['cmi.core.lesson_location', report.location],
			['cmi.suspend_data', report.suspendData]
		];
		if (report.score) {
			const raw = formatScore({ scaled: report.score.scaled, factor: 100, decimals: 2 });
			values.push(['cmi.core.score.raw', raw]);
			values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
		}
		values.push(['cmi.core.lesson_status', toLessonStatus({ report })]);
		return values;
	},
	objectiveKnown: (n) => [`cmi.objectives.${n}.status`],
	objective(n, objective) {
		const at = `cmi.objectives.${n}`;
		const values: Array<[string, string]> = [[`${at}.id`, objective.id]];
		if (objective.score) {
			const raw = formatScore({ scaled: objective.score.scaled, factor: 100, decimals: 2 });
			values.push([`${at}.score.raw`, raw], [`${at}.score.min`, '0'], [`${at}.score.max`, '100']);
		}
		values.push([`${at}.status`, toLessonStatus({ report: objective })]);
		return values;
	},
	interaction(n, interaction) {
		const at = `cmi.interactions.${n}`;
		const letters = (ids: string[]) => responseText12(interaction, ids);
		return [
			[`${at}.id`, interaction.id],
			[`${at}.objectives.0.id`, interaction.objective],
			[`${at}.time`, formatTimeOfDay({ date: interaction.at })],
			[`${at}.type`, interaction.type],
			[`${at}.correct_responses.0.pattern`, letters(interaction.correct)],
			[`${at}.weighting`, '1'],
			[`${at}.student_response`, letters(interaction.response)],
			[`${at}.result`, interaction.result === 'incorrect' ? 'wrong' : interaction.result],
			[`${at}.latency`, formatSessionTime({ standard: 'scorm12', ms: interaction.latencyMs })]
		];
	},
	exit: ({ completed }) => ['cmi.core.exit', completed ? '' : 'suspend'],
	sessionTime: 'cmi.core.session_time'
};

/**
 * A 1.2 response: single characters joined by commas, in the order given (choice, true-false `t`
 * or `f`, sequencing), or `source.target` pairs of single characters (matching).
 */
export function responseText12(
	interaction: Pick<InteractionRecord, 'type' | 'options' | 'targets'>,
	values: string[]
): string {
	if (interaction.type === 'matching') {
		return values
			.map((pair) => {
				const [source = '', target = ''] = pair.split('.');
				const targets = { options: interaction.targets ?? [] };
				return `${singleCharacter(source, interaction)}.${singleCharacter(target, targets)}`;
			})
			.join(',');
	}
	return values.map((id) => singleCharacter(id, interaction)).join(',');
}

/**
 * SCORM 1.2 choice responses are single characters: an option id that already is one is kept
 * (question options a–z), any other (scenario choice ids) becomes the letter of its position.
 */
export function singleCharacter(
	id: string,
	interaction: Pick<InteractionRecord, 'options'>
): string {
	if (/^[a-z0-9]$/.test(id)) return id;
	return String.fromCharCode(97 + interaction.options.indexOf(id));
}

/** Creates a Tracker over a SCORM 1.2 API object; now() is the clock, random() spreads retries. */
export function createScorm12Tracker(options: {
	api: Scorm12Api;
	now?: () => number;
	random?: () => number;
}): Tracker {
	const { api, now, random } = options;
	return createApiTracker({
		dialect,
		now,
		random,
		calls: {
			initialize: () => api.LMSInitialize(''),
			terminate: () => api.LMSFinish(''),
			getValue: (element) => api.LMSGetValue(element),
			setValue: (element, value) => api.LMSSetValue(element, value),
			commit: () => api.LMSCommit(''),
			getLastError: () => api.LMSGetLastError(),
			getErrorString: (code) => api.LMSGetErrorString(code)
		}
	});
}
