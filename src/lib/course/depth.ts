// Core and optional depth within a lesson: consecutive "Go deeper" blocks share one disclosure.
import type { Block } from './types.ts';

/** The blocks in order, cut into runs of core blocks and runs of optional depth (`depth: more`). */
export function blockRuns(blocks: Block[]): Block[][] {
	const runs: Block[][] = [];
	for (const block of blocks) {
		const run = runs.at(-1);
		if (run && !run[0]!.depth === !block.depth) run.push(block);
		else runs.push([block]);
	}
	return runs;
}
