import { describe, expect, it } from 'vitest';
import { blockRuns } from './depth.ts';
import type { Block } from './types.ts';

const core = (id: string): Block => ({ type: 'text', id });
const more = (id: string): Block => ({ type: 'text', id, depth: 'more' });
const ids = (runs: Block[][]) => runs.map((run) => run.map((b) => b.id));

describe('blockRuns', () => {
	it('puts consecutive optional blocks in one run, between the core runs, in order', () => {
		const blocks = [core('a'), more('b'), more('c'), core('d'), { type: 'question', id: 'q' }];
		expect(ids(blockRuns(blocks as Block[]))).toEqual([['a'], ['b', 'c'], ['d', 'q']]);
	});

	it('keeps every block once, and separate optional stretches apart', () => {
		const blocks = [core('a'), more('b'), core('c'), more('d')];
		const runs = blockRuns(blocks);
		expect(ids(runs)).toEqual([['a'], ['b'], ['c'], ['d']]);
		expect(runs.flat()).toEqual(blocks);
		expect(blockRuns([])).toEqual([]);
	});
});
