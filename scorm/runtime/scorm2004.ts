// SCORM 2004 4th Edition: completion and success are separate; exit is 'normal' when finished.
// cmi.progress_measure is never sent: with a completion threshold the LMS would compute
// completion_status from it and override ours (scorm-rules.md §2.1).
import { createApiTracker, formatScore, type Dialect } from './api-tracker.ts';
import type { Scorm2004Api } from './api-types.ts';
import type { Tracker } from './tracker.ts';

const dialect: Dialect = {
	standard: 'scorm2004',
	launch: {
		entry: 'cmi.entry',
		suspendData: 'cmi.suspend_data',
		location: 'cmi.location',
		learnerName: 'cmi.learner_name',
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
	exit: ({ completed }) => ['cmi.exit', completed ? 'normal' : 'suspend'],
	sessionTime: 'cmi.session_time'
};

/** Creates a Tracker over a SCORM 2004 API object; now() is the clock for session time. */
export function createScorm2004Tracker(options: {
	api: Scorm2004Api;
	now?: () => number;
}): Tracker {
	const { api, now } = options;
	return createApiTracker({
		dialect,
		now,
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
