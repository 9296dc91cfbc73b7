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
	value: string;
	source: string;
}

export type CalloutTone = 'info' | 'important' | 'warning';

export type Block =
	| { type: 'text'; id: string }
	| { type: 'callout'; id: string; tone: CalloutTone }
	| { type: 'image'; id: string; src: string; width: number; height: number; decorative: boolean }
	| { type: 'checklist'; id: string; items: string[] }
	| { type: 'reveal'; id: string; items: string[] }
	| { type: 'question'; id: string };

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

export interface Question {
	id: string;
	objective: string;
	/** 'single': exactly one correct option; 'multiple': select all that apply. */
	kind: 'single' | 'multiple';
	options: QuestionOption[];
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
}

export interface Module {
	id: string;
	/** From the folder prefix (01-, 02-, ...). */
	order: number;
	minutes: number;
	objectives: string[];
	lessons: Lesson[];
	questions: Question[];
	scenarios: Scenario[];
}

export interface Course {
	id: string;
	version: string;
	/** Fraction 0..1 of knowledge checks that must be correct to pass. */
	passMark: number;
	/** How many times a learner may answer a module's knowledge checks. */
	maxAttempts: number;
	languages: string[];
	defaultLanguage: string;
	/** The date the facts were last checked against their sources (YYYY-MM-DD). */
	factsAsOf: string;
	/** Course title per language (also used in the SCORM manifests). */
	title: Record<string, string>;
	modules: Module[];
	sources: Record<string, Source>;
	facts: Record<string, Fact>;
}

/** i18next resources: language → namespace → nested keys. Rich fields hold `Rich` values. */
export type Resources = Record<string, Record<string, Record<string, unknown>>>;
