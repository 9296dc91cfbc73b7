// Types shared by the preview server, the player page and the e2e tests that drive `window.previewLms`.

/** SCORM edition a bundle targets. */
export type Standard = 'scorm12' | 'scorm2004';

/** Faults the preview LMS can inject; faults.ts says what each does. */
export type FaultName =
	| 'no-api'
	| 'initialize-false'
	| 'set-value-fails'
	| 'set-suspend-data-fails'
	| 'commit-false'
	| 'commit-throws'
	| 'commit-hangs'
	| 'corrupt-suspend-data'
	| 'oversized-suspend-data'
	| 'foreign-suspend-data'
	| 'close-window'
	| 'crash';

/** Flattened CMI data, e.g. `{ 'cmi.core.lesson_status': 'passed' }`. */
export type FlatCmi = Record<string, string>;

/** Launch parameters the server reads from a bundle's imsmanifest.xml. */
export interface ManifestInfo {
	standard: Standard;
	title: string;
	/** Path of the SCO inside the zip (the resource href), usually 'index.html'. */
	launchPath: string;
	/** `<adlcp:masteryscore>` (1.2) or `<imsss:minNormalizedMeasure>` (2004); null when absent. */
	masteryScore: string | null;
	/** `adlcp:completionThreshold` (2004 only). */
	completionThreshold: string | null;
	/** `<adlcp:datafromlms>` / `<adlcp:dataFromLMS>`. */
	launchData: string | null;
}

/** What the server passes to the player page (JSON in `#preview-config`). */
export interface PreviewConfig extends ManifestInfo {
	/** Zip file name, e.g. 'course-1.0.0-scorm12.zip'; also the sessionStorage key suffix. */
	bundle: string;
	/** Absolute URL path of the SCO, under the deep LMS sub-path. */
	launchUrl: string;
	/** False when scorm/runtime/strict.ts was missing at build time (no strict checks then). */
	strictChecker: boolean;
}

/** One call the course made on the LMS API, recorded by the player. */
export interface ApiCall {
	/** Function name as called: 'LMSSetValue' (1.2), 'SetValue' (2004), ... */
	fn: string;
	/** CMI element for (LMS)GetValue/SetValue, else ''. */
	element: string;
	/** SetValue's value, or the single argument of other calls ('' for Initialize, a code for GetErrorString). */
	value: string;
	/** What the API returned to the course. */
	result: string;
	/** GetLastError() right after the call; always '0' for GetLastError/GetErrorString/GetDiagnostic. */
	error: string;
	/** GetErrorString(error) when error ≠ '0', else ''. */
	errorText: string;
	/**
	 * Why a strict LMS (Moodle) would reject this call, else null: checkValue's reason for a
	 * SetValue, or a call after a successful LMSFinish/Terminate that scorm-again still accepted.
	 */
	strictReason: string | null;
	/** True for the error codes failures() deliberately ignores (see isBenign in lms-api.ts). */
	benign: boolean;
	/** 1-based launch number within the attempt sequence. */
	launch: number;
	/** The injected fault that decided this call's outcome; absent for calls the LMS answered itself. */
	fault?: FaultName;
}

/** One commit the API sent to the (fake) LMS. */
export interface CommitRecord {
	sequence: number;
	/** True for the implicit commit of LMSFinish/Terminate. */
	terminate: boolean;
	data: FlatCmi;
}

/** Lifecycle of the current API instance: 'terminated' after a successful LMSFinish/Terminate. */
export type LaunchState = 'running' | 'terminated';

/** The test contract: exposed by the player page as `window.previewLms`. */
export interface PreviewLms {
	readonly standard: Standard;
	readonly bundle: string;
	readonly state: LaunchState;
	/** 1-based number of the current launch; 1 after a fresh start or New attempt. */
	readonly launch: number;
	/** cmi.core.entry / cmi.entry seeded for the current launch. */
	readonly entry: string;
	/** Calls of the current launch, in order (a new array after relaunch). */
	readonly calls: readonly ApiCall[];
	/** Commits of the current launch, in order. */
	readonly commits: readonly CommitRecord[];
	/** The live flattened CMI of the current API instance (string values only). */
	dataModel(): FlatCmi;
	/** Calls with error ≠ '0' that are not benign. */
	failures(): ApiCall[];
	/** Calls with a strictReason: SetValues checkValue rejects, plus calls after termination. */
	rejected(): ApiCall[];
	/** End this launch (unloads the course) and relaunch it the way an LMS does; resolves on iframe load. */
	relaunch(): Promise<void>;
	/** Forget all stored data and launch ab-initio; resolves on iframe load. */
	newAttempt(): Promise<void>;
	/**
	 * Relaunch as if the launch before had also committed `data` and exited with suspend: a tester
	 * resumes from a prepared state (e.g. a suspend_data string). Resolves on iframe load.
	 */
	resumeWith(data: FlatCmi): Promise<void>;
	/** Resolves when the current launch's iframe has loaded. */
	whenLoaded(): Promise<void>;
	/** Faults in force: API faults until cleared, next-launch ones until used, 'crash' until it fires. */
	readonly faults: readonly FaultName[];
	/**
	 * Injects a fault. 'close-window' acts at once and resolves once the course has relaunched;
	 * 'crash' fires at the course's next Commit (then relaunches); the others resolve at once.
	 */
	injectFault(name: FaultName): Promise<void>;
	/** Clears every fault in force (a fault already acted on stays done). */
	clearFaults(): void;
}

declare global {
	interface Window {
		previewLms?: PreviewLms;
	}
}
