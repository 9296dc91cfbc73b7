import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MAX_RETRIES, RETRY_CAP_MS, createRetrier, retryDelay } from './backoff.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('retryDelay', () => {
	test('doubles from two seconds up to a minute', () => {
		const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) =>
			retryDelay({ attempt, random: () => 0.5 })
		);
		expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
	});

	test('spreads each wait by ±20 %', () => {
		expect(retryDelay({ attempt: 1, random: () => 0 })).toBe(1600);
		expect(retryDelay({ attempt: 1, random: () => 0.999999 })).toBe(2400);
		expect(retryDelay({ attempt: 9, random: () => 0.999999 })).toBe(RETRY_CAP_MS * 1.2);
	});
});

describe('createRetrier', () => {
	test('runs a bounded chain, one retry at a time, and starts afresh after reset', () => {
		const runs: number[] = [];
		const retrier = createRetrier({
			run: () => (runs.push(Date.now()), retrier.schedule()),
			random: () => 0.5
		});
		const start = Date.now();
		retrier.schedule();
		retrier.schedule(); // already planned: no second timer
		vi.advanceTimersByTime(10 * 60_000);
		expect(runs.map((t) => t - start)).toEqual([
			2000, 6000, 14000, 30000, 62000, 122000, 182000, 242000
		]);
		expect(runs).toHaveLength(MAX_RETRIES);
		retrier.reset();
		retrier.schedule();
		vi.advanceTimersByTime(2000);
		expect(runs).toHaveLength(MAX_RETRIES + 1);
	});

	test('cancel stops a planned retry', () => {
		const run = vi.fn();
		const retrier = createRetrier({ run, random: () => 0.5 });
		retrier.schedule();
		retrier.cancel();
		vi.advanceTimersByTime(60_000);
		expect(run).not.toHaveBeenCalled();
	});
});
