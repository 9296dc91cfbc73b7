import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLink, NETWORK_EVENT, PROBE_CAP_MS, probeDelay } from './link.ts';

/** A window that records what the link tells scorm-again and lets a test fire browser events. */
function fakeWindow() {
	const told: boolean[] = [];
	const listeners = new Map<string, Array<() => void>>();
	return {
		told,
		fire: (type: string) => listeners.get(type)?.forEach((l) => l()),
		win: {
			addEventListener(type: string, listener: () => void) {
				listeners.set(type, [...(listeners.get(type) ?? []), listener]);
			},
			dispatchEvent(event: Event) {
				expect(event.type).toBe(NETWORK_EVENT);
				told.push((event as CustomEvent<{ online: boolean }>).detail.online);
				return true;
			}
		}
	};
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('probeDelay', () => {
	it('doubles from 1 s to a 15 s cap, ±20 %', () => {
		const mid = () => 0.5;
		expect([1, 2, 3, 4, 5, 6].map((attempt) => probeDelay({ attempt, random: mid }))).toEqual([
			1000, 2000, 4000, 8000, 15000, 15000
		]);
		expect(probeDelay({ attempt: 1, random: () => 0 })).toBe(800);
		expect(probeDelay({ attempt: 9, random: () => 0.999999 })).toBe(Math.round(PROBE_CAP_MS * 1.2));
	});
});

describe('createLink', () => {
	it('tells scorm-again offline, probes with back-off, and online once the endpoint answers', async () => {
		const { win, told } = fakeWindow();
		const answers = [false, false, true];
		const probe = vi.fn(async () => answers.shift() ?? true);
		const link = createLink({ win, probe, random: () => 0.5 });
		expect(link.up).toBe(true);

		link.down();
		expect(link.up).toBe(false);
		expect(told).toEqual([false]);
		await vi.advanceTimersByTimeAsync(999);
		expect(probe).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(probe).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(2000);
		expect(probe).toHaveBeenCalledTimes(2);
		expect(link.up).toBe(false);
		await vi.advanceTimersByTimeAsync(4000);
		expect(probe).toHaveBeenCalledTimes(3);
		expect(link.up).toBe(true);
		expect(told).toEqual([false, true]);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(probe).toHaveBeenCalledTimes(3);
	});

	it('an answered commit while down turns it up at once and stops probing', async () => {
		const { win, told } = fakeWindow();
		const probe = vi.fn(async () => false);
		const link = createLink({ win, probe, random: () => 0.5 });
		link.down();
		link.answered();
		expect(link.up).toBe(true);
		expect(told).toEqual([false, true]);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(probe).not.toHaveBeenCalled();
	});

	it('repeats offline on each failure (scorm-again follows the browser by itself) and plans one probe', async () => {
		const { win, told } = fakeWindow();
		const probe = vi.fn(async () => false);
		const link = createLink({ win, probe, random: () => 0.5 });
		link.down();
		link.down();
		expect(told).toEqual([false, false]);
		await vi.advanceTimersByTimeAsync(1000);
		expect(probe).toHaveBeenCalledTimes(1);
	});

	it("the browser's offline event is down; its online event probes at once and keeps scorm-again queueing until an answer", async () => {
		const { win, told, fire } = fakeWindow();
		const answers = [false, true];
		const probe = vi.fn(async () => answers.shift() ?? true);
		const link = createLink({ win, probe, random: () => 0.5 });
		fire('offline');
		expect(link.up).toBe(false);
		fire('online');
		expect(told).toEqual([false, false]);
		await vi.advanceTimersByTimeAsync(0);
		expect(probe).toHaveBeenCalledTimes(1);
		expect(link.up).toBe(false);
		fire('online');
		await vi.advanceTimersByTimeAsync(0);
		expect(link.up).toBe(true);
		expect(told.at(-1)).toBe(true);
	});

	it('a probe that throws counts as no answer', async () => {
		const { win } = fakeWindow();
		const probe = vi.fn(async () => {
			throw new TypeError('Failed to fetch');
		});
		const link = createLink({ win, probe, random: () => 0.5 });
		link.down();
		await vi.advanceTimersByTimeAsync(3000);
		expect(probe).toHaveBeenCalledTimes(2);
		expect(link.up).toBe(false);
	});
});
