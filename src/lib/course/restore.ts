// Which saved copy of a learner's progress to resume from: the LMS's, or the copy the course kept
// in this browser. The LMS is the record and wins unless the local copy is readable and newer on
// both counts (more changes and a later time), so progress made on another computer, which the
// LMS has and this browser does not, is never overwritten by an older local copy.
import { decodeState, type DecodeResult } from './codec.ts';
import type { Course } from './types.ts';

/** The chosen state and where it came from. */
export interface Restored {
	decoded: DecodeResult;
	source: 'lms' | 'local';
	/** How the LMS's own copy read ('ok', 'empty' or 'foreign'), whichever was chosen. */
	lmsStatus: DecodeResult['status'];
}

/** Decode the LMS's suspend data and the local copy (if any) and pick the one to resume from. */
export function chooseSaved(options: {
	lms: string;
	local?: string;
	course: Course;
	fallbackLanguage: string;
}): Restored {
	const { course, fallbackLanguage } = options;
	const lms = decodeState({ data: options.lms, course, fallbackLanguage });
	const fromLms: Restored = { decoded: lms, source: 'lms', lmsStatus: lms.status };
	if (!options.local) return fromLms;
	const local = decodeState({ data: options.local, course, fallbackLanguage });
	if (local.status !== 'ok') return fromLms;
	// Missing or unreadable (truncated, mangled, another course's) LMS data: the local copy is all
	// there is. The tracker offers one only when the LMS continues the same attempt.
	if (lms.status !== 'ok') return { decoded: local, source: 'local', lmsStatus: lms.status };
	const newer =
		local.stamp.revision > lms.stamp.revision && local.stamp.savedAt >= lms.stamp.savedAt;
	return newer ? { decoded: local, source: 'local', lmsStatus: lms.status } : fromLms;
}
