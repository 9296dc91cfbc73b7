// The faults the preview LMS can inject, and what each one does to an API call or a launch.
// Pure: lms-api.ts asks which injection applies to a call, session.ts applies next-launch faults.
import type { FaultName, Standard } from './contract.ts';

/** How a fault applies: to API calls until cleared, once to the next launch, or right away. */
export type FaultKind = 'api' | 'next-launch' | 'action';

/** One entry of the fault menu. */
export interface FaultInfo {
	name: FaultName;
	label: string;
	kind: FaultKind;
}

/** Every fault, in menu order. */
export const FAULTS: readonly FaultInfo[] = [
	{ name: 'no-api', label: 'No LMS API at all (next launch)', kind: 'next-launch' },
	{ name: 'initialize-false', label: 'Initialize returns false', kind: 'api' },
	{ name: 'set-value-fails', label: 'SetValue fails for every element', kind: 'api' },
	{ name: 'set-suspend-data-fails', label: 'SetValue fails for cmi.suspend_data', kind: 'api' },
	{ name: 'commit-false', label: 'Commit returns false', kind: 'api' },
	{ name: 'commit-throws', label: 'Commit throws', kind: 'api' },
	{ name: 'commit-hangs', label: 'Commit hangs for 4 s, then succeeds', kind: 'api' },
	{
		name: 'corrupt-suspend-data',
		label: 'Corrupt suspend_data (next launch)',
		kind: 'next-launch'
	},
	{
		name: 'oversized-suspend-data',
		label: 'Oversized suspend_data (next launch)',
		kind: 'next-launch'
	},
	{
		name: 'foreign-suspend-data',
		label: 'Foreign suspend_data (next launch)',
		kind: 'next-launch'
	},
	{ name: 'close-window', label: 'Close the window mid-lesson, then relaunch', kind: 'action' },
	{ name: 'crash', label: 'Browser crash at the next save, then relaunch', kind: 'action' }
];

/** Whether a string names a fault. */
export function isFaultName(name: string): name is FaultName {
	return FAULTS.some((f) => f.name === name);
}

/** How long a hanging Commit blocks (the page freezes, as with a slow synchronous request). */
export const HANG_MS = 4000;

/** Which part of the API a call is, as far as faults are concerned. */
export type CallRole = 'initialize' | 'terminate' | 'get' | 'set' | 'commit';

/** What a fault does to one call. */
export interface Injection {
	fault: FaultName;
	/** refuse: false plus an error code; throw; hang then answer; crash: refuse and end the page. */
	effect: 'refuse' | 'throw' | 'hang' | 'crash';
	/** The error code GetLastError reports after a refusal. */
	error: string;
}

// 1.2 has one code for any LMS trouble; 2004 has one per function.
const CODES: Record<Standard, Record<CallRole, string>> = {
	scorm12: { initialize: '101', terminate: '101', get: '101', set: '101', commit: '101' },
	scorm2004: { initialize: '102', terminate: '111', get: '301', set: '351', commit: '391' }
};

/** The error code an LMS of `standard` reports when it refuses a call of `role`. */
export function refusalCode(options: { standard: Standard; role: CallRole }): string {
	return CODES[options.standard][options.role];
}

/**
 * The injection the active faults make on one call, or null. Terminate carries an implicit commit,
 * so the commit faults reach it too; the crash fault fires on the next Commit only.
 */
export function injectionFor(options: {
	active: ReadonlySet<FaultName>;
	standard: Standard;
	role: CallRole;
	element: string;
}): Injection | null {
	const { active, standard, role, element } = options;
	const error = refusalCode({ standard, role });
	const refuse = (fault: FaultName): Injection => ({ fault, effect: 'refuse', error });
	if (role === 'initialize' && active.has('initialize-false')) return refuse('initialize-false');
	if (role === 'set' && active.has('set-value-fails')) return refuse('set-value-fails');
	if (role === 'set' && element === 'cmi.suspend_data' && active.has('set-suspend-data-fails')) {
		return refuse('set-suspend-data-fails');
	}
	if (role === 'commit' && active.has('crash')) return { fault: 'crash', effect: 'crash', error };
	if (role !== 'commit' && role !== 'terminate') return null;
	if (active.has('commit-false')) return refuse('commit-false');
	if (active.has('commit-throws')) return { fault: 'commit-throws', effect: 'throw', error: '0' };
	if (active.has('commit-hangs')) return { fault: 'commit-hangs', effect: 'hang', error: '0' };
	return null;
}

/** Data another vendor's course left in the same record. */
export const FOREIGN_SUSPEND_DATA = '{"player":"other-vendor","slide":7,"quiz":[1,0,1,1]}';

/**
 * The suspend_data an LMS with a data fault hands back, from what it stored: cut to 60 % (an LMS
 * column too short, or a truncating import), padded beyond what the course ever writes (5000
 * characters in 1.2, over its 4096 limit; 64000 in 2004, its SPM), or another course's.
 */
export function faultySuspendData(options: {
	fault: FaultName;
	standard: Standard;
	stored: string;
}): string {
	const { fault, standard, stored } = options;
	if (fault === 'corrupt-suspend-data') {
		return stored ? stored.slice(0, Math.ceil(stored.length * 0.6)) : 'P2~1~';
	}
	if (fault === 'oversized-suspend-data') {
		const size = standard === 'scorm12' ? 5000 : 64000;
		return `${stored}~${'x'.repeat(size)}`.slice(0, size);
	}
	if (fault === 'foreign-suspend-data') return FOREIGN_SUSPEND_DATA;
	return stored;
}
