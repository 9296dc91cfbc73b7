import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImage, imageSize } from './images.ts';

/** The first bytes of a PNG of the given size (signature + IHDR), enough for the size check. */
function png(width: number, height: number): Uint8Array {
	const b = new Uint8Array(33);
	b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
	const v = new DataView(b.buffer);
	v.setUint32(16, width);
	v.setUint32(20, height);
	return b;
}

/** A JPEG start with an APP0 segment, then a baseline start-of-frame. */
function jpeg(width: number, height: number): Uint8Array {
	const b = new Uint8Array(40);
	b.set([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
	b.set([0xff, 0xc0, 0, 17, 8], 20);
	const v = new DataView(b.buffer);
	v.setUint16(25, height);
	v.setUint16(27, width);
	return b;
}

function file(name: string, bytes: Uint8Array): string {
	const path = join(mkdtempSync(join(tmpdir(), 'img-')), name);
	writeFileSync(path, bytes);
	return path;
}

describe('image checks', () => {
	it('reads PNG and JPEG sizes', () => {
		expect(imageSize(png(1280, 480))).toEqual({ width: 1280, height: 480 });
		expect(imageSize(jpeg(800, 600))).toEqual({ width: 800, height: 600 });
		expect(imageSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
	});

	it('accepts a raster image up to twice its display size', () => {
		expect(checkImage({ file: file('ok.png', png(1280, 480)), width: 640, height: 240 })).toEqual(
			[]
		);
	});

	it('refuses a raster image far larger than its display, saying what size to use', () => {
		const problems = checkImage({
			file: file('big.jpg', jpeg(4000, 3000)),
			width: 640,
			height: 480
		});
		expect(problems).toEqual([expect.stringContaining('resize it to at most 1280×960')]);
	});

	it('refuses an image over its byte budget', () => {
		const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(10_000)}</svg>`;
		const problems = checkImage({
			file: file('heavy.svg', new TextEncoder().encode(svg)),
			width: 10,
			height: 10
		});
		expect(problems).toEqual([expect.stringContaining('compress it')]);
	});
});
