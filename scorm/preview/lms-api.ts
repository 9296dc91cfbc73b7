// One launch's LMS API: a scorm-again instance behind a thin wrapper that records every call the
// course makes (with GetLastError read right after it), runs SetValues through a strict checker,
// and lets injected faults refuse, throw, hang or drop calls (faults.ts).
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { IHttpService } from 'scorm-again';
import type { ApiCall, FaultName, FlatCmi, LaunchState, Standard } from './contract.ts';
import { HANG_MS, refusalCode, type CallRole, type Injection } from './faults.ts';

/** Signature of scorm/runtime/strict.ts `checkValue`. */
export type CheckValue = (input: {
	standard: Standard;
	element: string;
	value: string;
	interactionType?: string;
}) => string | null;

const INTERACTION = /^cmi\.interactions\.(\d+)\./;

/** API function names per standard, in the order SCORM lists them. */
export const API_FUNCTIONS = {
	scorm12: [
		'LMSInitialize',
		'LMSFinish',
		'LMSGetValue',
		'LMSSetValue',
		'LMSCommit',
		'LMSGetLastError',
		'LMSGetErrorString',
		'LMSGetDiagnostic'
	],
	scorm2004: [
		'Initialize',
		'Terminate',
		'GetValue',
		'SetValue',
		'Commit',
		'GetLastError',
		'GetErrorString',
		'GetDiagnostic'
	]
} as const;

/** Window property the course looks for: `API` (1.2) or `API_1484_11` (2004). */
export const API_GLOBAL: Record<Standard, string> = { scorm12: 'API', scorm2004: 'API_1484_11' };

type ApiFn = (...args: unknown[]) => string;
type RawApi = Record<string, unknown> & { getFlattenedCMI(): Record<string, unknown> };

/** What a launch needs from its host (the player session). */
export interface LaunchOptions {
	standard: Standard;
	seed: FlatCmi;
	launch: number;
	checkValue: CheckValue;
	/** Called synchronously for each commit with the flattened, string-only CMI. */
	onCommit(data: FlatCmi, terminate: boolean): void;
	/** Called after each recorded call. */
	onCall(call: ApiCall): void;
	/** The injection the faults in force make on a call, if any. */
	intercept?(call: { role: CallRole; element: string }): Injection | null;
	/** Called once when a 'crash' injection fires: the launch is severed, the page must go. */
	onCrash?(): void;
}

/** A running launch: the object to install as window.API / API_1484_11 and its inspection hooks. */
export interface Launch {
	readonly api: Record<string, ApiFn>;
	readonly state: LaunchState;
	dataModel(): FlatCmi;
	/**
	 * From now on the LMS hears nothing of this launch (its window is gone): every call is refused
	 * and recorded with `fault`.
	 */
	sever(fault: FaultName): void;
}

/**
 * Errors failures() ignores, because a well-behaved SCO triggers them on purpose:
 * - 2004: GetValue of cmi.location / cmi.suspend_data → 403 (value not initialized) on a
 *   first launch; the SCO reads them to decide whether to resume (ADL DMB test cases).
 * - 1.2: LMSGetValue of a `._children` / `._count` keyword → 401 (not implemented); a SCO may probe
 *   whether an LMS supports an optional group. A 1.2 403 is never benign: it means the SCO tried
 *   to write a read-only element.
 */
export function isBenign(standard: Standard, fn: string, element: string, error: string): boolean {
	if (standard === 'scorm2004') {
		return (
			fn === 'GetValue' &&
			error === '403' &&
			(element === 'cmi.location' || element === 'cmi.suspend_data')
		);
	}
	return fn === 'LMSGetValue' && error === '401' && /\._(children|count)$/.test(element);
}

/** Keeps only string leaves: scorm-again renders empty collections as `{}`. */
export function stringsOnly(data: Record<string, unknown>): FlatCmi {
	const out: FlatCmi = {};
	for (const [key, value] of Object.entries(data)) {
		if (typeof value === 'string') out[key] = value;
		else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
	}
	return out;
}

/** Starts a launch: a fresh scorm-again instance (one per launch, as the harness rules require). */
export function startLaunch(options: LaunchOptions): Launch {
	const { standard, checkValue } = options;
	// The commit never leaves the page: the "LMS" is this page, so a commit always succeeds.
	const httpService: IHttpService = {
		processHttpRequest(_url, params, immediate) {
			const data = Array.isArray(params) ? {} : (params as Record<string, unknown>);
			options.onCommit(stringsOnly(data), immediate);
			return { result: 'true', errorCode: 0 };
		},
		updateSettings() {}
	};
	const settings = {
		autocommit: false,
		logLevel: 5 as const,
		// A string is needed for scorm-again to hand commits to httpService; it is never fetched.
		lmsCommitUrl: 'preview-lms:commit',
		dataCommitFormat: 'flattened',
		httpService,
		// Moodle's "mastery score overrides status" default: judge passed/failed at LMSFinish.
		mastery_override: true
	};
	const instance = standard === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings);
	instance.loadFromFlattenedJSON(options.seed);
	const raw = instance as unknown as RawApi;
	const names = API_FUNCTIONS[standard];
	const [initFn, terminateFn, getFn, setFn, commitFn, lastErrorFn, errorStringFn, diagnosticFn] =
		names;
	const roles: Record<string, CallRole> = {
		[initFn]: 'initialize',
		[terminateFn]: 'terminate',
		[getFn]: 'get',
		[setFn]: 'set',
		[commitFn]: 'commit'
	};
	// A refusal's error code, answered by GetLastError until the next call the LMS itself handles.
	let forcedError: string | null = null;
	let severed: FaultName | null = null;
	const call = (name: string, args: unknown[]): string =>
		String((raw[name] as ApiFn).apply(instance, args));
	let state: LaunchState = 'running';
	// Response formats depend on the interaction type; remember types from the seed and the SCO.
	const types = new Map<string, string>();
	const noteType = (element: string, value: string) => {
		const index = INTERACTION.exec(element)?.[1];
		if (index !== undefined && element.endsWith('.type')) types.set(index, value);
	};
	for (const [element, value] of Object.entries(options.seed)) noteType(element, value);

	/** Why a strict LMS would reject this SetValue, else null. */
	const strictFor = (element: string, value: string): string | null => {
		const interactionType = types.get(INTERACTION.exec(element)?.[1] ?? '');
		try {
			return checkValue({ standard, element, value, interactionType });
		} catch (e) {
			return `strict checker threw: ${e instanceof Error ? e.message : String(e)}`;
		}
	};

	// A call a fault answered: recorded like any other, strict check included (it was still sent).
	const record = (fn: string, args: unknown[], result: string, error: string, fault: FaultName) => {
		const element = fn === getFn || fn === setFn ? String(args[0] ?? '') : '';
		const value = fn === getFn ? '' : String((fn === setFn ? args[1] : args[0]) ?? '');
		const errorText = error === '0' ? '' : call(errorStringFn, [error]);
		const strictReason = fn === setFn ? strictFor(element, value) : null;
		const { launch } = options;
		options.onCall({
			fn,
			element,
			value,
			result,
			error,
			errorText,
			strictReason,
			benign: false,
			launch,
			fault
		});
	};

	/** Applies an injection; undefined means the call goes on to the LMS (after a hang). */
	const inject = (fn: string, args: unknown[], injection: Injection): string | undefined => {
		if (injection.effect === 'hang') {
			// A synchronous call that takes seconds: the page (course included) freezes meanwhile.
			const until = Date.now() + HANG_MS;
			while (Date.now() < until) {
				// busy: an LMS API call cannot yield
			}
			return undefined;
		}
		if (injection.effect === 'throw') {
			forcedError = null;
			record(fn, args, 'threw', '0', injection.fault);
			throw new Error('Network error: the training system could not be reached (preview fault)');
		}
		if (injection.effect === 'crash' && !severed) {
			severed = injection.fault;
			// In a task of its own: the course's current task ends first, as it would before a crash.
			setTimeout(() => options.onCrash?.(), 0);
		}
		forcedError = injection.error;
		record(fn, args, 'false', injection.error, injection.fault);
		return fn === getFn ? '' : 'false';
	};

	const api: Record<string, ApiFn> = {};
	for (const fn of names) {
		api[fn] = (...args: unknown[]): string => {
			const role = roles[fn];
			const element = fn === getFn || fn === setFn ? String(args[0] ?? '') : '';
			let hung: FaultName | undefined;
			if (role) {
				const injection: Injection | null = severed
					? { fault: severed, effect: 'refuse', error: refusalCode({ standard, role }) }
					: (options.intercept?.({ role, element }) ?? null);
				if (injection) {
					const answer = inject(fn, args, injection);
					if (answer !== undefined) return answer;
					hung = injection.fault;
				}
				forcedError = null;
			}
			const afterTerminate = state === 'terminated';
			const result = fn === lastErrorFn && forcedError !== null ? forcedError : call(fn, args);
			const inspectsError = fn === lastErrorFn || fn === errorStringFn || fn === diagnosticFn;
			// Read right away: the next call resets it. GetLastError and friends cannot fail themselves.
			const error = inspectsError ? '0' : call(lastErrorFn, []);
			const value = fn === getFn ? '' : String((fn === setFn ? args[1] : args[0]) ?? '');
			let strictReason: string | null = null;
			if (fn === setFn) {
				if (error === '0') noteType(element, value);
				strictReason = strictFor(element, value);
			}
			// scorm-again 1.2 keeps answering after LMSFinish with error 0; Moodle answers 301.
			if (afterTerminate && !inspectsError && error === '0') {
				strictReason = `called after ${terminateFn}: a strict LMS answers 301 (not initialized)`;
			}
			if (fn === terminateFn && result === 'true' && error === '0') state = 'terminated';
			const benign = isBenign(standard, fn, element, error);
			const errorText = error === '0' ? '' : call(errorStringFn, [error]);
			const launch = options.launch;
			options.onCall({
				fn,
				element,
				value,
				result,
				error,
				errorText,
				strictReason,
				benign,
				launch,
				...(hung && { fault: hung })
			});
			return result;
		};
	}

	return {
		api,
		get state() {
			return state;
		},
		sever(fault) {
			severed ??= fault;
		},
		dataModel: () => {
			const data = stringsOnly(instance.getFlattenedCMI());
			// scorm-again leaves 1.2 total_time out of the flattened CMI (only the terminate commit
			// has it), yet the SCO can read it, so show it.
			if (instance instanceof Scorm12API && !('cmi.core.total_time' in data)) {
				data['cmi.core.total_time'] = instance.cmi.core.total_time;
			}
			return data;
		}
	};
}
