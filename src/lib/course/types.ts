// The course model: what `modules/` compiles to after validation. Plain data, no behaviour.
// Ids are an API: learner progress in an LMS is stored by them (see ids.test.ts).

/**
 * Rich text compiled at build time from the small content markup; never HTML. Compact because
 * it ships in the start-up download: a paragraph is a list of text runs alternating plain and
 * bold (starting plain, '' when it opens in bold); a bullet list is `{ ul: [runs, ...] }`.
 */
export type Runs = string[];
export type RichBlock = Runs | { ul: Runs[] };
export type Rich = RichBlock[];

export interface Source {
	id: string;
	title: string;
	publisher: string;
	/** As the source gives it: "2024-07-08", "2017-09", or "n.d.". */
	date: string;
	url?: string;
}

/** A phone number or legal fact; text refers to it as {{fact:id}} so it lives in one place. */
export interface Fact {
	id: string;
	/** The value in the default language. */
	value: string;
	/** The value per language, when it has words to translate ("24 hours"). */
	values?: Record<string, string>;
	source: string;
}

export type CalloutTone = 'info' | 'important' | 'warning';

/**
 * `more`: optional depth, shown in a closed "Go deeper" disclosure and not counted in the core
 * seat time. A block without it is core. Knowledge checks are always core.
 */
export type Depth = 'more';

export type Block =
	| { type: 'text'; id: string; depth?: Depth }
	| { type: 'callout'; id: string; tone: CalloutTone; depth?: Depth }
	| {
			type: 'image';
			id: string;
			src: string;
			width: number;
			height: number;
			decorative: boolean;
			depth?: Depth;
	  }
	| {
			type: 'video';
			id: string;
			src: string;
			width: number;
			height: number;
			/** Caption file per language, served beside index.html. */
			captions: Record<string, string>;
			depth?: Depth;
	  }
	| { type: 'audio'; id: string; src: string; captions: Record<string, string>; depth?: Depth }
	| { type: 'checklist'; id: string; items: string[]; depth?: Depth }
	| { type: 'reveal'; id: string; items: string[]; depth?: Depth }
	| { type: 'question'; id: string; depth?: never };

export type BlockType = Block['type'];

export interface Lesson {
	id: string;
	minutes: number;
	sources: string[];
	blocks: Block[];
}

export interface QuestionOption {
	id: string;
	correct: boolean;
}

export type QuestionKind = 'single' | 'multiple' | 'truefalse' | 'order' | 'match';

/**
 * A knowledge check or an assessment item. One answer shape for every kind (a list of ids):
 * single, multiple, truefalse: the selected option ids (truefalse options are `t` and `f`);
 * order: the item ids in the learner's order; match: the chosen category id of each item, in
 * `items` order.
 */
export interface Question {
	id: string;
	objective: string;
	kind: QuestionKind;
	/** The item opens with a short field case (text key `case`). */
	case: boolean;
	/** single, multiple, truefalse. */
	options: QuestionOption[];
	/** order: the items in the correct order; match: the items to sort. */
	items: string[];
	/** match: the categories. */
	categories: string[];
	/** match: the correct category of each item, in `items` order. */
	key: string[];
	sources: string[];
}

export interface Choice {
	id: string;
	goto: string;
	points: number;
	sources: string[];
}

export interface Scene {
	id: string;
	choices: Choice[];
}

export type EndingOutcome = 'best' | 'acceptable' | 'poor';

export interface Ending {
	id: string;
	outcome: EndingOutcome;
}

export interface Scenario {
	id: string;
	objective: string;
	minutes: number;
	start: string;
	scenes: Scene[];
	endings: Ending[];
	sources: string[];
	/** The debrief links the victim handouts (the officer meets a person who may be a victim). */
	handouts?: boolean;
}

export interface Module {
	id: string;
	/** From the folder prefix (01-, 02-, ...). */
	order: number;
	minutes: number;
	objectives: string[];
	lessons: Lesson[];
	questions: Question[];
	/** Final-assessment bank items of this module (not placed in lessons). */
	assessment: Question[];
	scenarios: Scenario[];
}

/** A course-level learning objective and the module objectives that assess it. */
export interface CourseObjective {
	id: string;
	/** Module objective ids (unique across the course). */
	covers: string[];
}

/** A checklist block reprinted on the pocket card. */
export interface ChecklistRef {
	module: string;
	lesson: string;
	block: string;
	items: string[];
}

export interface PocketCard {
	indicators: ChecklistRef[];
	steps: ChecklistRef;
	/** Fact id and value of each number, resolved at build time. */
	numbers: { id: string; value: string }[];
}

/** A victim handout: its language, named in itself, and how it is laid out. */
export interface Handout {
	language: string;
	name: string;
	status: 'source' | 'reviewed' | 'draft';
	dir: 'ltr' | 'rtl';
	sections: string[];
}

export interface GlossaryTerm {
	id: string;
	sources: string[];
}

export interface Course {
	id: string;
	version: string;
	/** The track this build teaches (e.g. patrol, campus): it chose `modules`. */
	track: string;
	/** The agency profile the build used (`default` when none was given). */
	profile: string;
	/** Fraction 0..1 of final-assessment items that must be correct to pass. */
	passMark: number;
	/** How many times a learner may take the final assessment (and retry a module's checks). */
	maxAttempts: number;
	/** Items drawn for each attempt of the final assessment. */
	assessmentSize: number;
	languages: string[];
	defaultLanguage: string;
	/** The date the facts were last checked against their sources (YYYY-MM-DD). */
	factsAsOf: string;
	/** Course title per language (also used in the SCORM manifests). */
	title: Record<string, string>;
	/** Each language's translation status; the default language is the source. */
	translations: Record<string, 'source' | 'reviewed' | 'draft'>;
	objectives: CourseObjective[];
	/** The printable pocket card: the checklists it reprints and the numbers (fact ids) it lists. */
	pocketCard?: PocketCard;
	modules: Module[];
	glossary: GlossaryTerm[];
	/** Victim handouts (loaded with the Resources screen) and the sources behind them. */
	handouts: Handout[];
	handoutSources: string[];
	sources: Record<string, Source>;
	facts: Record<string, Fact>;
	/** Hosted web bundle only: where progress is sent (from the agency profile). */
	hosted?: { endpoint: string };
}

/** i18next resources: language → namespace → nested keys. Rich fields hold `Rich` values. */
export type Resources = Record<string, Record<string, Record<string, unknown>>>;
