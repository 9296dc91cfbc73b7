// Medians with their range, checked against targets, and the printed table.

/** A figure's samples summarised. */
export interface Summary {
	median: number;
	min: number;
	max: number;
	n: number;
}

/** One row of the bench table. */
export interface Figure {
	label: string;
	unit: 'ms' | 'bytes' | 'count' | 'chars' | 'ratio';
	samples: number[];
	summary: Summary;
	/** The median must be at most this; absent when the figure has no target. */
	target?: number;
	/** What the target is, in words, when it is not "≤ target" on this figure alone. */
	note?: string;
	/** Median ≤ target; null without a target or without samples. */
	met: boolean | null;
}

/** Median (mean of the middle two for an even count), min and max; NaN when there are none. */
export function summarize(samples: number[]): Summary {
	const sorted = [...samples].sort((a, b) => a - b);
	const n = sorted.length;
	const mid = Math.floor(n / 2);
	const median = n === 0 ? NaN : n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	return { median, min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN, n };
}

/** A figure from its samples and optional target. */
export function figure(options: {
	label: string;
	unit: Figure['unit'];
	samples: number[];
	target?: number;
	note?: string;
}): Figure {
	const summary = summarize(options.samples);
	const met =
		options.target === undefined || summary.n === 0 ? null : summary.median <= options.target;
	return { ...options, summary, met };
}

/** A value in its unit, for the table. */
export function format(value: number, unit: Figure['unit']): string {
	if (Number.isNaN(value)) return '–';
	switch (unit) {
		case 'ms':
			return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
		case 'bytes':
			return value >= 1024 * 1024
				? `${(value / 1024 / 1024).toFixed(2)} MB`
				: `${(value / 1024).toFixed(1)} KB`;
		case 'ratio':
			return `${value.toFixed(2)}×`;
		default:
			return String(Math.round(value));
	}
}

/** The table: figure, median, min–max, samples, target, verdict. */
export function table(figures: Figure[]): string {
	const rows = figures.map((f) => {
		const { median, min, max, n } = f.summary;
		const range = n > 1 ? `${format(min, f.unit)} – ${format(max, f.unit)}` : '';
		const target = f.note ?? (f.target === undefined ? '' : `≤ ${format(f.target, f.unit)}`);
		const verdict = f.met === null ? '' : f.met ? 'met' : 'MISSED';
		return [f.label, format(median, f.unit), range, String(n), target, verdict];
	});
	const head = ['figure', 'median', 'min – max', 'n', 'target', ''];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
