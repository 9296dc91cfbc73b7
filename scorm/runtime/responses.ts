// Interaction responses in the SCORM 2004 (and xAPI) text formats, shared by the 2004 tracker and
// the cmi5 statements.
import type { InteractionRecord } from './tracker.ts';

/**
 * A 2004 response: ids joined by [,] (choice, sequencing), `true` or `false` (true-false), or
 * source[.]target pairs joined by [,] (matching).
 */
export function responseText2004(
	interaction: Pick<InteractionRecord, 'type'>,
	values: string[]
): string {
	if (interaction.type === 'true-false') return values[0] === 't' ? 'true' : 'false';
	if (interaction.type === 'matching') return values.map((p) => p.replace('.', '[.]')).join('[,]');
	return values.join('[,]');
}
