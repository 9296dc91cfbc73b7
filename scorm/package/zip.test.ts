// @vitest-environment node
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readLocalHeaders } from './fixtures/course-build.ts';
import { createZip, fixedMtime } from './zip.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
// DOS date for 1980-01-02: year offset 0, month 1 (<< 5), day 2.
const DOS_1980_01_02 = (1 << 5) | 2;
const originalTz = process.env.TZ;

afterEach(() => {
	process.env.TZ = originalTz;
});

function sample(order: 'forward' | 'backward'): Map<string, Uint8Array> {
	const entries: [string, Uint8Array][] = [
		['index.html', encode('<!doctype html><title>x</title>')],
		['_app/version.json', encode('{"version":"1"}')],
		['images/b.svg', encode('<svg />'.repeat(50))],
		['images/a.svg', encode('<svg/>')],
		['Z.txt', encode('upper case sorts first')]
	];
	return new Map(order === 'forward' ? entries : entries.reverse());
}

describe('createZip', () => {
	it('stores entries sorted by code unit, whatever the input order', () => {
		const zip = createZip({ files: sample('backward') });
		expect(readLocalHeaders(zip).map((h) => h.name)).toEqual([
			'Z.txt',
			'_app/version.json',
			'images/a.svg',
			'images/b.svg',
			'index.html'
		]);
		expect(createZip({ files: sample('forward') })).toEqual(zip);
	});

	it('round-trips the contents', () => {
		const unzipped = unzipSync(createZip({ files: sample('forward') }));
		expect(new TextDecoder().decode(unzipped['images/b.svg'])).toBe('<svg />'.repeat(50));
		expect(Object.keys(unzipped)).toHaveLength(5);
	});

	it('gives byte-identical output across time zones', () => {
		process.env.TZ = 'UTC';
		const utc = createZip({ files: sample('forward') });
		// Proves the TZ switch takes effect in this process, so the comparison below means something.
		const hourUtc = new Date(0).getHours();
		process.env.TZ = 'America/New_York';
		expect(new Date(0).getHours()).not.toBe(hourUtc);
		const newYork = createZip({ files: sample('forward') });
		process.env.TZ = 'Asia/Tokyo';
		const tokyo = createZip({ files: sample('forward') });
		expect(newYork).toEqual(utc);
		expect(tokyo).toEqual(utc);
	});

	it('stamps every entry 1980-01-02 00:00 local (DOS time fields)', () => {
		for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
			process.env.TZ = tz;
			for (const header of readLocalHeaders(createZip({ files: sample('forward') }))) {
				expect(header).toMatchObject({ dosTime: 0, dosDate: DOS_1980_01_02 });
			}
			const mtime = fixedMtime();
			expect([mtime.getFullYear(), mtime.getMonth(), mtime.getDate(), mtime.getHours()]).toEqual([
				1980, 0, 2, 0
			]);
		}
	});

	it('rejects entry names that are not clean relative paths', () => {
		for (const name of ['/abs.html', 'a\\b.html', '../up.html', 'a//b', 'dir/', './x']) {
			expect(() => createZip({ files: new Map([[name, encode('x')]]) })).toThrow(
				/Invalid zip entry/
			);
		}
	});
});
