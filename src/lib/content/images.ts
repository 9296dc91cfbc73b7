// Images must be sized for their display and compressed: officers load the course on weak
// networks. A raster image may have at most twice the pixels its block displays (sharp on
// high-density screens, no more), and every image has a byte budget.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

/** Largest file per image; above it the build asks for compression. */
export const IMAGE_MAX_BYTES = { svg: 30 * 1024, raster: 150 * 1024 };

/** Pixel size of a PNG, JPEG or WebP file; undefined when the header is not understood. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const ascii = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
	if (bytes.length > 24 && ascii(1, 3) === 'PNG') {
		return { width: view.getUint32(16), height: view.getUint32(20) };
	}
	if (bytes.length > 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
		if (ascii(12, 4) === 'VP8X') {
			const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
			return { width: u24(24) + 1, height: u24(27) + 1 };
		}
		if (ascii(12, 4) === 'VP8 ') {
			return {
				width: view.getUint16(26, true) & 0x3fff,
				height: view.getUint16(28, true) & 0x3fff
			};
		}
		if (ascii(12, 4) === 'VP8L') {
			const b = view.getUint32(21, true);
			return { width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
		}
	}
	if (bytes[0] === 0xff && bytes[1] === 0xd8) {
		// Walk the JPEG segments to the first start-of-frame marker.
		let at = 2;
		while (at + 9 < bytes.length && bytes[at] === 0xff) {
			const marker = bytes[at + 1]!;
			if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
				return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
			}
			at += 2 + view.getUint16(at + 2);
		}
	}
	return undefined;
}

/** Problems with one image file against the size it is displayed at; [] when it is fine. */
export function checkImage(options: { file: string; width: number; height: number }): string[] {
	const bytes = readFileSync(options.file);
	const svg = extname(options.file) === '.svg';
	const limit = svg ? IMAGE_MAX_BYTES.svg : IMAGE_MAX_BYTES.raster;
	const problems: string[] = [];
	if (bytes.length > limit) {
		problems.push(`${bytes.length} bytes, over the ${limit}-byte budget: compress it`);
	}
	if (!svg) {
		const size = imageSize(bytes);
		if (!size) problems.push('not a PNG, JPEG or WebP file this build can read');
		else if (size.width > 2 * options.width || size.height > 2 * options.height) {
			problems.push(
				`${size.width}×${size.height} pixels for a ${options.width}×${options.height} display: ` +
					`resize it to at most ${2 * options.width}×${2 * options.height}`
			);
		}
	}
	return problems;
}
