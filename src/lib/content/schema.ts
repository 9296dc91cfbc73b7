// The shape of every file in modules/. Cross-file rules (references, text keys, graphs) live in
// checks.ts; this file only says what each file must look like on its own.
import * as v from 'valibot';

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
export const OPTION_ID_PATTERN = /^[a-z]$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const BLOCK_TYPES = [
	'text',
	'callout',
	'image',
	'video',
	'audio',
	'checklist',
	'reveal',
	'question'
] as const;
export const TONES = ['info', 'important', 'warning'] as const;
export const OUTCOMES = ['best', 'acceptable', 'poor'] as const;

const ID_FIX = 'use lowercase letters, digits and _ (start with a letter, at most 32 characters)';

const id = v.pipe(v.string('an id must be text'), v.regex(ID_PATTERN, `not a valid id: ${ID_FIX}`));
const ids = v.array(id, 'expected a list of ids, e.g. [a_id, b_id]');
const minutes = v.pipe(
	v.number('expected a number of minutes'),
	v.minValue(1, 'at least 1 minute'),
	v.maxValue(120, 'at most 120 minutes')
);

export const courseSchema = v.strictObject({
	id: v.pipe(
		v.string(),
		v.regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'use letters, digits, _ . - (an XML id)')
	),
	version: v.pipe(v.string('quote the version, e.g. "1.0.0"'), v.regex(/^\d+\.\d+\.\d+$/)),
	title: v.record(
		v.pipe(v.string(), v.regex(LANGUAGE_PATTERN)),
		v.pipe(v.string(), v.minLength(1))
	),
	passMark: v.pipe(
		v.number(),
		v.minValue(0.5, 'a pass mark is a fraction, at least 0.5'),
		v.maxValue(1, 'a pass mark is a fraction, at most 1')
	),
	maxAttempts: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9)),
	languages: v.pipe(v.array(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN))), v.minLength(1)),
	defaultLanguage: v.string(),
	factsAsOf: v.pipe(
		v.string('quote the date, e.g. "2026-11-25"'),
		v.regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
	),
	modules: v.pipe(ids, v.minLength(1, 'include at least one module')),
	assessmentSize: v.optional(
		v.pipe(v.number(), v.integer(), v.minValue(5, 'draw at least 5 items'), v.maxValue(60))
	),
	/** Review status of each translated language (the default language is the source). */
	translations: v.optional(
		v.record(
			v.pipe(v.string(), v.regex(LANGUAGE_PATTERN)),
			v.picklist(['reviewed', 'draft'], 'write reviewed or draft')
		)
	),
	/** Course-level objective → the module objectives that assess it. */
	objectives: v.optional(v.record(id, v.pipe(ids, v.minLength(1)))),
	/** The printable pocket card: checklists it reprints (<module>.<lesson>.<block>) and numbers. */
	pocketCard: v.optional(
		v.strictObject({
			indicators: v.pipe(v.array(v.string()), v.minLength(1)),
			steps: v.string(),
			numbers: v.pipe(ids, v.minLength(1))
		})
	),
	/** Track → what it leaves out: module ids, or `module.scenario` for one scenario. */
	tracks: v.optional(
		v.record(
			id,
			v.strictObject({
				without: v.optional(
					v.array(
						v.pipe(
							v.string(),
							v.regex(
								/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/,
								'write <module> or <module>.<scenario>'
							)
						)
					),
					[]
				)
			})
		)
	)
});

/** Text an agency gives: one string for every language, or one per language. */
const agencyLine = v.pipe(
	v.string(),
	v.minLength(1),
	v.maxLength(300, 'keep it under 300 characters'),
	v.regex(/^[^<>{}]*$/, 'plain text only: no < > { }')
);
const agencyText = v.union(
	[agencyLine, v.record(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN)), agencyLine)],
	'write the text, or one text per language (en: ..., es: ...)'
);

/** An agency profile (profiles/*.yaml): who the course is built for, and its settings. */
export const profileSchema = v.strictObject({
	id: v.pipe(
		v.string(),
		v.regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, - and _ (used in file names)')
	),
	agency: v.strictObject({
		name: agencyText,
		taskForce: agencyText,
		victimSpecialist: agencyText,
		supervisorProtocol: agencyText
	}),
	track: v.optional(id),
	passMark: v.optional(courseSchemaPassMark()),
	maxAttempts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9))),
	assessmentSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(60))),
	languages: v.optional(
		v.pipe(v.array(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN))), v.minLength(1))
	),
	modules: v.optional(v.pipe(ids, v.minLength(1))),
	hosted: v.optional(
		v.strictObject({
			endpoint: v.pipe(
				v.string(),
				v.url('write a full https:// address'),
				v.regex(
					/^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)[:/])/,
					'the endpoint must use https:// (http:// only on 127.0.0.1 or localhost, for tests)'
				)
			)
		})
	)
});

function courseSchemaPassMark() {
	return v.pipe(
		v.number(),
		v.minValue(0.5, 'a pass mark is a fraction, at least 0.5'),
		v.maxValue(1, 'a pass mark is a fraction, at most 1')
	);
}

export const sourcesSchema = v.record(
	id,
	v.strictObject({
		title: v.pipe(v.string(), v.minLength(1)),
		publisher: v.pipe(v.string(), v.minLength(1)),
		date: v.pipe(
			v.string('quote the date, e.g. "2024-07-08" or "n.d."'),
			v.regex(/^(n\.d\.|\d{4}(-\d{2}(-\d{2})?)?)$/, 'write YYYY, YYYY-MM, YYYY-MM-DD or n.d.')
		),
		url: v.optional(v.pipe(v.string(), v.url('write a full https:// address')))
	})
);

export const factsSchema = v.record(
	id,
	v.strictObject({
		// One value for every language (a phone number), or one per language ("24 hours").
		value: v.union(
			[
				v.pipe(v.string('quote the value'), v.minLength(1)),
				v.record(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN)), v.pipe(v.string(), v.minLength(1)))
			],
			'quote the value, or give one per language (en: ..., es: ...)'
		),
		source: id
	})
);

/** `depth: more` marks a block as optional depth: shown in a closed "Go deeper" disclosure. */
export const DEPTHS = ['more'] as const;
const blockBase = {
	id,
	depth: v.optional(
		v.picklist(DEPTHS, 'write depth: more (optional reading), or leave depth out (core)')
	)
};
const captionFiles = v.record(
	v.pipe(v.string(), v.regex(LANGUAGE_PATTERN)),
	v.pipe(v.string(), v.regex(/^media\/[a-z0-9_.-]+\.vtt$/)),
	'audio and video need captions: one WebVTT file per shipped language (en: media/x.en.vtt, ...)'
);
export const blockSchemas = {
	text: v.strictObject({ type: v.literal('text'), ...blockBase }),
	callout: v.strictObject({ type: v.literal('callout'), ...blockBase, tone: v.picklist(TONES) }),
	image: v.strictObject({
		type: v.literal('image'),
		...blockBase,
		src: v.pipe(v.string(), v.regex(/^images\/[a-z0-9_-]+\.(svg|png|jpe?g|webp)$/)),
		width: v.pipe(v.number(), v.integer(), v.minValue(1)),
		height: v.pipe(v.number(), v.integer(), v.minValue(1)),
		decorative: v.optional(v.boolean())
	}),
	// Audio and video come with captions in every shipped language (WebVTT, checked by the loader)
	// and a transcript (text key `transcript`, required like any text), or the build fails.
	video: v.strictObject({
		type: v.literal('video'),
		...blockBase,
		src: v.pipe(v.string(), v.regex(/^media\/[a-z0-9_-]+\.(mp4|webm)$/)),
		width: v.pipe(v.number(), v.integer(), v.minValue(1)),
		height: v.pipe(v.number(), v.integer(), v.minValue(1)),
		captions: captionFiles
	}),
	audio: v.strictObject({
		type: v.literal('audio'),
		...blockBase,
		src: v.pipe(v.string(), v.regex(/^media\/[a-z0-9_-]+\.(mp3|m4a|ogg|webm)$/)),
		captions: captionFiles
	}),
	checklist: v.strictObject({
		type: v.literal('checklist'),
		...blockBase,
		items: v.pipe(ids, v.minLength(1))
	}),
	reveal: v.strictObject({
		type: v.literal('reveal'),
		...blockBase,
		items: v.pipe(ids, v.minLength(1))
	}),
	// A knowledge check is core: every learner answers it, so it never hides in a disclosure.
	question: v.strictObject({
		type: v.literal('question'),
		id,
		depth: v.optional(
			v.never('a knowledge check is always core: remove depth (move the text around it instead)')
		)
	})
} as const;

const blockHead = v.looseObject({ type: v.string('every block needs a type') });

export const QUESTION_KINDS = ['single', 'multiple', 'truefalse', 'order', 'match'] as const;

const questionBase = {
	id,
	objective: id,
	sources: v.pipe(ids, v.minLength(1, 'cite at least one source')),
	case: v.optional(v.boolean('write case: true or leave it out'))
};
const option = v.strictObject({
	id: v.pipe(v.string(), v.regex(OPTION_ID_PATTERN, 'option ids are one letter a–z')),
	correct: v.boolean('write correct: true or correct: false')
});
const options = v.pipe(
	v.array(option),
	v.minLength(2, 'a question needs at least 2 options'),
	v.maxLength(8, 'at most 8 options')
);

/** One schema per question kind; `kind` picks which (see load-module.ts). */
export const questionSchemas = {
	single: v.strictObject({ ...questionBase, kind: v.literal('single'), options }),
	multiple: v.strictObject({ ...questionBase, kind: v.literal('multiple'), options }),
	truefalse: v.strictObject({
		...questionBase,
		kind: v.literal('truefalse'),
		answer: v.boolean('write answer: true or answer: false (is the statement true?)')
	}),
	order: v.strictObject({
		...questionBase,
		kind: v.literal('order'),
		items: v.pipe(
			ids,
			v.minLength(3, 'an ordering needs at least 3 items'),
			v.maxLength(8, 'at most 8 items to order')
		)
	}),
	match: v.strictObject({
		...questionBase,
		kind: v.literal('match'),
		categories: v.pipe(
			ids,
			v.minLength(2, 'sorting needs at least 2 categories'),
			v.maxLength(6, 'at most 6 categories')
		),
		items: v.pipe(
			v.array(v.strictObject({ id, category: id })),
			v.minLength(3, 'sorting needs at least 3 items'),
			v.maxLength(10, 'at most 10 items to sort')
		)
	})
} as const;

export const questionHead = v.looseObject({
	kind: v.picklist(QUESTION_KINDS, `kind must be one of ${QUESTION_KINDS.join(', ')}`)
});

export const moduleSchema = v.strictObject({
	minutes,
	objectives: v.pipe(ids, v.minLength(1)),
	lessons: v.pipe(
		v.array(
			v.strictObject({
				id,
				minutes,
				sources: v.pipe(ids, v.minLength(1, 'cite at least one source')),
				blocks: v.pipe(v.array(blockHead), v.minLength(1))
			})
		),
		v.minLength(1)
	),
	questions: v.optional(v.array(v.unknown()), []),
	assessment: v.optional(v.array(v.unknown()), [])
});

export const glossarySchema = v.array(
	v.strictObject({ id, sources: v.pipe(ids, v.minLength(1, 'cite at least one source')) })
);

export const scenarioSchema = v.strictObject({
	id,
	objective: id,
	minutes,
	sources: v.pipe(ids, v.minLength(1)),
	/** The debrief links the victim handouts: the officer meets a person who may be a victim. */
	handouts: v.optional(v.boolean('true or false')),
	start: id,
	scenes: v.pipe(
		v.array(
			v.strictObject({
				id,
				choices: v.pipe(
					v.array(
						v.strictObject({
							id,
							goto: id,
							points: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)),
							sources: v.pipe(ids, v.minLength(1, 'ground each choice in a source'))
						})
					),
					v.minLength(2, 'a decision needs at least 2 choices'),
					v.maxLength(6)
				)
			})
		),
		v.minLength(1)
	),
	endings: v.pipe(v.array(v.strictObject({ id, outcome: v.picklist(OUTCOMES) })), v.minLength(1))
});

export const localeSchema = v.record(v.string(), v.unknown());

export { blockHead };

/** modules/handouts.yaml: the handout languages and the sources behind them. */
export const handoutsSchema = v.strictObject({
	languages: v.pipe(v.array(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN))), v.minLength(1)),
	sources: v.pipe(ids, v.minLength(1, 'cite at least one source'))
});

/** modules/handouts/<language>.yaml: one handout's text. */
export const handoutSchema = v.strictObject({
	language: v.pipe(v.string('write the language name in itself'), v.minLength(1)),
	status: v.picklist(['source', 'reviewed', 'draft'], 'write source, reviewed or draft'),
	title: v.string(),
	intro: v.string(),
	sections: v.record(id, v.strictObject({ title: v.string(), body: v.string() })),
	footer: v.string()
});
