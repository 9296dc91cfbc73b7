// SCORM time formats, shared by the trackers and the strict checks (scorm-rules.md §2.5).
import type { Standard } from './tracker.ts';

// CMITimespan hours have at most four digits.
const maxScorm12Centiseconds = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

/** Formats a session length: 1.2 CMITimespan HH[HH]:MM:SS[.SS], 2004 duration PT{h}H{m}M{s}S. */
export function formatSessionTime(options: { standard: Standard; ms: number }): string {
	const { standard, ms } = options;
	// Round once, in centiseconds, so 59.999 s becomes 1 minute rather than "60.00" seconds.
	let centiseconds = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
	if (standard === 'scorm12') centiseconds = Math.min(centiseconds, maxScorm12Centiseconds);
	const hours = Math.floor(centiseconds / 360000);
	const minutes = Math.floor((centiseconds % 360000) / 6000);
	const wholeSeconds = Math.floor((centiseconds % 6000) / 100);
	const fraction = formatFraction(centiseconds % 100);
	if (standard === 'scorm2004') return `PT${hours}H${minutes}M${wholeSeconds}${fraction}S`;
	return `${pad2(hours)}:${pad2(minutes)}:${pad2(wholeSeconds)}${fraction}`;
}

/** Formats a 2004 timestamp in UTC with 2 fractional digits, as ADL and Moodle both accept. */
export function formatTimestamp(options: { date: Date }): string {
	const iso = options.date.toISOString(); // YYYY-MM-DDThh:mm:ss.sssZ
	return `${iso.slice(0, 22)}Z`;
}

/** Formats a 1.2 CMITime: the learner's local time of day, HH:MM:SS. */
export function formatTimeOfDay(options: { date: Date }): string {
	const d = options.date;
	return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

function formatFraction(centiseconds: number): string {
	if (centiseconds === 0) return '';
	return `.${pad2(centiseconds)}`.replace(/0$/, '');
}

function pad2(value: number): string {
	return String(value).padStart(2, '0');
}
