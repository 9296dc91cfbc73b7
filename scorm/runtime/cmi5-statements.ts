// What the cmi5 tracker sends, decided without I/O: which cmi5 defined verbs a report calls for
// (cmi5 §9.3 ordering rules, the LMS masteryScore) and the "answered" statement for one
// knowledge check or scenario decision (a cmi5 allowed statement: session context, no cmi5
// category).
import type { Cmi5Statement } from '@rusticisoftware/cmi5';
import { responseText2004 } from './responses.ts';
import { formatSessionTime } from './time-format.ts';
import type { InteractionRecord, TrackingReport } from './tracker.ts';

/** xAPI verb of the per-answer statements. */
export const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';

/** xAPI activity type of an interaction. */
export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

/** What the course has reported in this registration; kept in the State API with the progress. */
export interface Reported {
	completed: boolean;
	passed: boolean;
	/** The current failed verdict was reported (cleared when the learner retries the checks). */
	failed: boolean;
}

/** A cmi5 defined statement a report calls for. */
export type Verdict = { verb: 'completed' } | { verb: 'passed' | 'failed'; scaled: number };

/** A scaled score as reported: 4 decimals, the precision masteryScore has (cmi5 §10). */
export function roundScaled(scaled: number): number {
	return Math.round(Math.min(1, Math.max(0, scaled)) * 10_000) / 10_000;
}

/**
 * The verdicts a report calls for in Normal launch mode. Passed, then completed; never a second
 * completed or passed in the registration, never failed after passed, and never both passed and
 * failed in one session: a verdict that must wait is sent in the next session, when the course
 * reports its restored state again.
 */
export function verdicts(options: {
	report: TrackingReport;
	/** From LMS.LaunchData; the course's own judgement when null. */
	masteryScore: number | null;
	reported: Reported;
	/** Passed or failed was already sent in this session. */
	judgedThisSession: boolean;
}): Verdict[] {
	const { report, masteryScore, reported, judgedThisSession } = options;
	const found: Verdict[] = [];
	// The score is final only once every check is answered (success known), as in SCORM.
	if (report.success !== 'unknown' && report.score && !reported.passed && !judgedThisSession) {
		const scaled = roundScaled(report.score.scaled);
		// The LMS's masteryScore decides when it gives one (cmi5 §10, masteryScore).
		const passed = masteryScore === null ? report.success === 'passed' : scaled >= masteryScore;
		if (passed) found.push({ verb: 'passed', scaled });
		else if (!reported.failed) found.push({ verb: 'failed', scaled });
	}
	if (report.completion === 'completed' && !reported.completed) found.push({ verb: 'completed' });
	return found;
}

/** The object IRI of an interaction: the AU's activity id, then the interaction's own id. */
export function interactionIri(options: { activityId: string; id: string }): string {
	// A query or fragment would swallow the path added after it.
	const base = options.activityId.replace(/[?#].*$/, '').replace(/\/+$/, '');
	return `${base}/interactions/${encodeURIComponent(options.id)}`;
}

/** The "answered" statement for one interaction, from a statement the library prepared. */
export function answeredStatement(options: {
	/** From the library's prepareStatement: actor, context template, registration, no category. */
	base: Cmi5Statement;
	activityId: string;
	interaction: InteractionRecord;
}): Cmi5Statement {
	const { base, activityId, interaction } = options;
	// xAPI interaction activities use the SCORM 2004 response formats.
	const definition: Record<string, unknown> = {
		type: INTERACTION_TYPE,
		interactionType: interaction.type,
		correctResponsesPattern: [responseText2004(interaction, interaction.correct)]
	};
	if (interaction.type === 'choice' || interaction.type === 'sequencing') {
		definition.choices = interaction.options.map((id) => ({ id }));
	}
	if (interaction.type === 'matching') {
		definition.source = interaction.options.map((id) => ({ id }));
		definition.target = (interaction.targets ?? []).map((id) => ({ id }));
	}
	// The course does not tell the tracker the language, hence "und" (undetermined, RFC 5646).
	if (interaction.description) definition.description = { und: interaction.description };
	const result: Record<string, unknown> = {
		response: responseText2004(interaction, interaction.response),
		duration: formatSessionTime({ standard: 'scorm2004', ms: interaction.latencyMs })
	};
	if (interaction.result !== 'neutral') result.success = interaction.result === 'correct';
	const contextActivities = base.context.contextActivities ?? {};
	return {
		...base,
		timestamp: interaction.at.toISOString(),
		verb: { id: ANSWERED, display: { 'en-US': 'answered' } },
		object: {
			objectType: 'Activity',
			id: interactionIri({ activityId, id: interaction.id }),
			definition
		},
		result,
		context: {
			...base.context,
			// The AU is the parent of each of its interactions; the template's lists stay as given.
			contextActivities: {
				...contextActivities,
				parent: [...(contextActivities.parent ?? []), { id: activityId, objectType: 'Activity' }]
			}
		}
	};
}
