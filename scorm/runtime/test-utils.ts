// Test-only: wraps a fake LMS API object (scorm-again in the tests) so every call is recorded with
// the error code it left, and chosen calls can be made to fail. Imports nothing; never bundled.

/** One recorded API call and the LMS's last error code right after it. */
export interface RecordedCall {
	method: string;
	args: unknown[];
	result: unknown;
	error: string;
}

/** The wrapped API, its call log, and forced failures (method → error code it reports). */
export interface ApiRecorder<A> {
	api: A;
	calls: RecordedCall[];
	failures: Map<string, string>;
}

/** Wraps methods of api; lastError names its GetLastError method. */
export function recordApi<A extends object>(options: {
	api: A;
	methods: readonly string[];
	lastError: string;
}): ApiRecorder<A> {
	const real = options.api as unknown as Record<string, (...args: unknown[]) => unknown>;
	const readError = (): string => String(real[options.lastError]!.call(real));
	const calls: RecordedCall[] = [];
	const failures = new Map<string, string>();
	let forcedError: string | undefined;
	const wrapped: Record<string, unknown> = {};
	for (const method of options.methods) {
		wrapped[method] = (...args: unknown[]) => {
			if (method === options.lastError) return forcedError ?? readError();
			const forced = failures.get(method);
			if (forced !== undefined) {
				forcedError = forced;
				calls.push({ method, args, result: 'false', error: forced });
				return 'false';
			}
			forcedError = undefined;
			const result = real[method]!.apply(real, args);
			calls.push({ method, args, result, error: readError() });
			return result;
		};
	}
	return { api: wrapped as A, calls, failures };
}

/** The SCORM 1.2 function names. */
export const scorm12Methods = [
	'LMSInitialize',
	'LMSFinish',
	'LMSGetValue',
	'LMSSetValue',
	'LMSCommit',
	'LMSGetLastError',
	'LMSGetErrorString'
] as const;

/** The SCORM 2004 function names. */
export const scorm2004Methods = [
	'Initialize',
	'Terminate',
	'GetValue',
	'SetValue',
	'Commit',
	'GetLastError',
	'GetErrorString'
] as const;

/** A clock that returns the given times in turn, then keeps the last one. */
export function fakeClock(options: { times: number[] }): () => number {
	const times = [...options.times];
	return () => (times.length > 1 ? times.shift()! : times[0]!);
}
