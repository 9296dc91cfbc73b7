// Launch data the preview LMS seeds into each new API instance, derived the way an LMS
// (Moodle's mod_scorm is the model) derives it from what the previous launch committed.
import type { FlatCmi, ManifestInfo, Standard } from './contract.ts';

/** Learner the preview LMS pretends to be. */
export const LEARNER = { id: 'preview-learner', name: 'Preview, Learner' } as const;

interface Keys {
	id: string;
	name: string;
	credit: string;
	entry: string;
	mode: string;
	exit: string;
	session: string;
	total: string;
	zeroTime: string;
	/** Elements an LMS keeps across every relaunch, resume or not. */
	carried: string[];
	/** Prefixes kept across every relaunch (learner preferences belong to the learner). */
	carriedPrefixes: string[];
	/** Elements and prefixes the LMS owns: re-seeded, never copied from what the SCO committed. */
	lmsOwned: string[];
}

const KEYS: Record<Standard, Keys> = {
	scorm12: {
		id: 'cmi.core.student_id',
		name: 'cmi.core.student_name',
		credit: 'cmi.core.credit',
		entry: 'cmi.core.entry',
		mode: 'cmi.core.lesson_mode',
		exit: 'cmi.core.exit',
		session: 'cmi.core.session_time',
		total: 'cmi.core.total_time',
		zeroTime: '0000:00:00.00',
		carried: [
			'cmi.core.lesson_status',
			'cmi.core.score.raw',
			'cmi.core.score.min',
			'cmi.core.score.max'
		],
		carriedPrefixes: ['cmi.student_preference.'],
		lmsOwned: ['cmi.student_data.', 'cmi.launch_data', 'cmi.comments_from_lms']
	},
	scorm2004: {
		id: 'cmi.learner_id',
		name: 'cmi.learner_name',
		credit: 'cmi.credit',
		entry: 'cmi.entry',
		mode: 'cmi.mode',
		exit: 'cmi.exit',
		session: 'cmi.session_time',
		total: 'cmi.total_time',
		zeroTime: 'PT0S',
		carried: [
			'cmi.completion_status',
			'cmi.success_status',
			'cmi.progress_measure',
			'cmi.score.scaled',
			'cmi.score.raw',
			'cmi.score.min',
			'cmi.score.max'
		],
		carriedPrefixes: ['cmi.learner_preference.'],
		lmsOwned: [
			'cmi.scaled_passing_score',
			'cmi.completion_threshold',
			'cmi.launch_data',
			'cmi.max_time_allowed',
			'cmi.time_limit_action',
			'cmi.comments_from_lms.'
		]
	}
};

/** Name of the entry element for a standard ('cmi.core.entry' or 'cmi.entry'). */
export function entryKey(standard: Standard): string {
	return KEYS[standard].entry;
}

/** Seed for a first launch (and for New attempt). */
export function firstSeed(manifest: ManifestInfo): FlatCmi {
	const k = KEYS[manifest.standard];
	const seed: FlatCmi = {
		[k.id]: LEARNER.id,
		[k.name]: LEARNER.name,
		// scorm-again defaults credit to '' which silently disables mastery evaluation.
		[k.credit]: 'credit',
		[k.entry]: 'ab-initio',
		[k.mode]: 'normal',
		[k.total]: k.zeroTime
	};
	const scale12 = manifest.standard === 'scorm12';
	if (manifest.masteryScore !== null) {
		seed[scale12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score'] =
			manifest.masteryScore;
	}
	if (!scale12 && manifest.completionThreshold !== null) {
		seed['cmi.completion_threshold'] = manifest.completionThreshold;
	}
	if (manifest.launchData !== null) seed['cmi.launch_data'] = manifest.launchData;
	return seed;
}

/** True when the committed exit value makes the next launch a resume. */
export function isResumeExit(standard: Standard, exit: string): boolean {
	// 1.2 resumes only after 'suspend'; 2004 (like Moodle's scorm_13) also after 'logout'.
	return exit === 'suspend' || (standard === 'scorm2004' && exit === 'logout');
}

/**
 * Seed for the launch after one that started from `previous` and last committed `committed`.
 * Resume keeps the attempt (location, suspend data, interactions, objectives, comments); anything
 * else starts ab-initio with those cleared. Status, score and preferences are kept either way, and
 * total_time always accumulates, as in Moodle where a relaunch stays in the same attempt record.
 */
export function nextSeed(manifest: ManifestInfo, previous: FlatCmi, committed: FlatCmi): FlatCmi {
	const k = KEYS[manifest.standard];
	const seed = firstSeed(manifest);
	const resume = isResumeExit(manifest.standard, committed[k.exit] ?? '');
	const reserved = new Set([k.id, k.name, k.credit, k.entry, k.mode, k.exit, k.session, k.total]);
	for (const [key, value] of Object.entries(committed)) {
		// Blank means unset: loading '' into e.g. a score would be a type error in the new instance.
		if (value === '' || reserved.has(key) || k.lmsOwned.some((p) => key.startsWith(p))) continue;
		const always = k.carried.includes(key) || k.carriedPrefixes.some((p) => key.startsWith(p));
		if (always || resume) seed[key] = value;
	}
	seed[k.entry] = resume ? 'resume' : 'ab-initio';
	const base = previous[k.total] ?? k.zeroTime;
	seed[k.total] = addTimes(manifest.standard, base, committed[k.session] ?? '');
	return seed;
}

/** Adds a session time to a total time in the standard's format; unparsable parts count as 0. */
export function addTimes(standard: Standard, total: string, session: string): string {
	const parse = standard === 'scorm12' ? parseTimespan : parseDuration;
	const sum = (parse(total) ?? 0) + (parse(session) ?? 0);
	return standard === 'scorm12' ? formatTimespan(sum) : formatDuration(sum);
}

/** Parses a 1.2 CMITimespan (HHHH:MM:SS.SS) into hundredths of a second. */
export function parseTimespan(value: string): number | null {
	const m = /^(\d{2,4}):(\d{2}):(\d{2})(?:\.(\d{1,2}))?$/.exec(value);
	if (!m) return null;
	const [, h = '0', min = '0', s = '0', frac = ''] = m;
	return ((+h * 60 + +min) * 60 + +s) * 100 + Number(frac.padEnd(2, '0'));
}

/** Formats hundredths of a second as a 1.2 CMITimespan, capped at 9999 hours. */
export function formatTimespan(hundredths: number): string {
	const cs = Math.min(Math.max(0, Math.round(hundredths)), 9999 * 360000 + 359999);
	const pad = (n: number, width: number) => String(n).padStart(width, '0');
	const h = Math.floor(cs / 360000);
	const min = Math.floor((cs % 360000) / 6000);
	const s = Math.floor((cs % 6000) / 100);
	return `${pad(h, 4)}:${pad(min, 2)}:${pad(s, 2)}.${pad(cs % 100, 2)}`;
}

// Calendar units have no fixed length; an LMS approximates them the same way.
const UNIT_SECONDS = { Y: 31536000, M: 2592000, W: 604800, D: 86400, h: 3600, m: 60, s: 1 };

/** Parses a 2004 ISO 8601 duration (P[nY][nM][nW][nD][T[nH][nM][nS]]) into hundredths. */
export function parseDuration(value: string): number | null {
	const n = '(\\d+(?:\\.\\d+)?)';
	const re = new RegExp(
		`^P(?:${n}Y)?(?:${n}M)?(?:${n}W)?(?:${n}D)?(?:T(?:${n}H)?(?:${n}M)?(?:${n}S)?)?$`
	);
	const m = re.exec(value);
	if (!m || value === 'P' || value.endsWith('T')) return null;
	const units = Object.values(UNIT_SECONDS);
	const seconds = units.reduce((acc, unit, i) => acc + Number(m[i + 1] ?? 0) * unit, 0);
	return Math.round(seconds * 100);
}

/** Formats hundredths of a second as PT#H#M#S (no weeks, ≤ 2 decimals: what Moodle accepts). */
export function formatDuration(hundredths: number): string {
	const cs = Math.max(0, Math.round(hundredths));
	const h = Math.floor(cs / 360000);
	const min = Math.floor((cs % 360000) / 6000);
	const s = (cs % 6000) / 100;
	const parts = `${h ? `${h}H` : ''}${min ? `${min}M` : ''}${s ? `${s}S` : ''}`;
	return `PT${parts || '0S'}`;
}
