// SCORM 2004 4th Edition: completion and success are separate; exit is 'normal' when finished.
// cmi.progress_measure is never sent: with a completion threshold the LMS would compute
// completion_status from it and override ours (scorm-rules.md §2.1).
import { createApiTracker } from './api-tracker.ts';
import { formatScore, type Dialect } from './dialect.ts';
import { formatSessionTime, formatTimestamp } from './time-format.ts';
import type { Scorm2004Api } from './api-types.ts';
import type { Tracker } from './tracker.ts';
import { responseText2004 } from './responses.ts';

const dialect: Dialect = {
	standard: 'scorm2004',
	launch: {
		entry: 'cmi.entry',
		suspendData: 'cmi.suspend_data',
		location: 'cmi.location',
		learnerName: 'cmi.learner_name',
		learnerId: 'cmi.learner_id',
		language: 'cmi.learner_preference.language'
	},
	known: ['cmi.completion_status', 'cmi.success_status'],
	openCodes: ['103'],
	values(report) {
		const values: Array<[string, string]> = [
			['cmi.location', report.location],
			['cmi.suspend_data', report.suspendData]
		];
		if (report.score) {
			const { scaled } = report.score;
			// scaled keeps the precision of raw (2 decimals of a percentage) so the two agree.
			values.push(['cmi.score.scaled', formatScore({ scaled, factor: 1, decimals: 4 })]);
			values.push(['cmi.score.raw', formatScore({ scaled, factor: 100, decimals: 2 })]);
			values.push(['cmi.score.min', '0'], ['cmi.score.max', '100']);
		}
		values.push(['cmi.success_status', report.success]);
		values.push(['cmi.completion_status', report.completion]);
		return values;
	},
	objectiveKnown: (n) => [
		`cmi.objectives.${n}.success_status`,
		`cmi.objectives.${n}.completion_status`
	],
	objective(n, objective) {
		const at = `cmi.objectives.${n}`;
		const values: Array<[string, string]> = [[`${at}.id`, objective.id]];
		if (objective.score) {
			const { scaled } = objective.score;
			values.push([`${at}.score.scaled`, formatScore({ scaled, factor: 1, decimals: 4 })]);
			values.push([`${at}.score.raw`, formatScore({ scaled, factor: 100, decimals: 2 })]);
			values.push([`${at}.score.min`, '0'], [`${at}.score.max`, '100']);
		}
		values.push([`${at}.success_status`, objective.success]);
		values.push([`${at}.completion_status`, objective.completion]);
		return values;
	},
	interaction(n, interaction) {
		const at = `cmi.interactions.${n}`;
		// id before type before responses: a 2004 LMS refuses them otherwise (error 408).
		return [
			[`${at}.id`, interaction.id],
			[`${at}.type`, interaction.type],
			[`${at}.objectives.0.id`, interaction.objective],
			[`${at}.timestamp`, formatTimestamp({ date: interaction.at })],
			[`${at}.weighting`, '1'],
			[`${at}.learner_response`, responseText2004(interaction, interaction.response)],
			[`${at}.result`, interaction.result],
			[`${at}.latency`, formatSessionTime({ standard: 'scorm2004', ms: interaction.latencyMs })],
			[`${at}.description`, interaction.description.slice(0, 250)],
			[`${at}.correct_responses.0.pattern`, responseText2004(interaction, interaction.correct)]
		];
	},
	exit: ({ completed }) => ['cmi.exit', completed ? 'normal' : 'suspend'],
	sessionTime: 'cmi.session_time'
};

/** Creates a Tracker over a SCORM 2004 API object; now() is the clock, random() spreads retries. */
export function createScorm2004Tracker(options: {
	api: Scorm2004Api;
	now?: () => number;
	random?: () => number;
}): Tracker {
	const { api, now, random } = options;
	return createApiTracker({
		dialect,
		now,
		random,
		calls: {
			initialize: () => api.Initialize(''),
			terminate: () => api.Terminate(''),
			getValue: (element) => api.GetValue(element),
			setValue: (element, value) => api.SetValue(element, value),
			commit: () => api.Commit(''),
			getLastError: () => api.GetLastError(),
			getErrorString: (code) => api.GetErrorString(code)
		}
	});
}
