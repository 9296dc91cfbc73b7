// The media rule: audio and video ship with captions in every shipped language and a transcript,
// or the build fails with the file, key path and fix.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadCourseContent } from './load.ts';
import { issuesOf } from './test-support.ts';

const GOOD = join(import.meta.dirname, 'fixtures', 'good');
const M = '01-basics/module.yaml';
const L = '01-basics/locales/en.yaml';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The good fixture plus one video block, its files and its text; `change` breaks one part. */
function withVideo(change: (c: { block: Doc; text: Doc; dir: string }) => void = () => {}) {
	const dir = mkdtempSync(join(tmpdir(), 'media-'));
	dirs.push(dir);
	cpSync(GOOD, dir, { recursive: true });
	mkdirSync(join(dir, '01-basics', 'media'));
	writeFileSync(join(dir, '01-basics', 'media', 'clip.mp4'), 'not really a video');
	writeFileSync(
		join(dir, '01-basics', 'media', 'clip.en.vtt'),
		'WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n'
	);
	const module = parse(readFileSync(join(dir, M), 'utf8')) as Doc;
	const locale = parse(readFileSync(join(dir, L), 'utf8')) as Doc;
	const block: Doc = {
		type: 'video',
		id: 'clip',
		src: 'media/clip.mp4',
		width: 640,
		height: 360,
		captions: { en: 'media/clip.en.vtt' }
	};
	const text: Doc = { title: 'A traffic stop', transcript: 'The officer says hello.' };
	change({ block, text, dir });
	module.lessons[0].blocks.splice(1, 0, block);
	locale.lessons.first.clip = text;
	writeFileSync(join(dir, M), stringify(module));
	writeFileSync(join(dir, L), stringify(locale));
	return dir;
}

describe('audio and video', () => {
	it('load with their captions and transcript, served beside index.html', () => {
		const { course, images } = loadCourseContent({ root: withVideo() });
		const block = course.modules[0]!.lessons[0]!.blocks[1]!;
		expect(block).toMatchObject({
			type: 'video',
			src: 'content/basics/clip.mp4',
			captions: { en: 'content/basics/clip.en.vtt' }
		});
		expect(images.map((i) => i.to)).toEqual(
			expect.arrayContaining(['content/basics/clip.mp4', 'content/basics/clip.en.vtt'])
		);
	});

	const cases: {
		name: string;
		change: Parameters<typeof withVideo>[0];
		at: string;
		path: string;
		says: RegExp;
	}[] = [
		{
			name: 'no captions at all',
			change: ({ block }) => void delete block.captions,
			at: M,
			path: 'lessons[0].blocks[1].captions',
			says: /captions/
		},
		{
			name: 'no captions in a shipped language',
			change: ({ block }) => void (block.captions = { es: 'media/clip.en.vtt' }),
			at: M,
			path: 'lessons[0].blocks[1].captions.en',
			says: /no captions in shipped language "en"/
		},
		{
			name: 'a caption file that does not exist',
			change: ({ block }) => void (block.captions = { en: 'media/nope.vtt' }),
			at: M,
			path: 'lessons[0].blocks[1].captions.en',
			says: /does not exist/
		},
		{
			name: 'a caption file that is not WebVTT',
			change: ({ dir }) =>
				writeFileSync(
					join(dir, '01-basics', 'media', 'clip.en.vtt'),
					'1\n00:00:00,000 --> 00:00:02,000\nHi\n'
				),
			at: M,
			path: 'lessons[0].blocks[1].captions.en',
			says: /not WebVTT/
		},
		{
			name: 'a media file that does not exist',
			change: ({ block }) => void (block.src = 'media/gone.mp4'),
			at: M,
			path: 'lessons[0].blocks[1].src',
			says: /does not exist/
		},
		{
			name: 'no transcript',
			change: ({ text }) => void delete text.transcript,
			at: L,
			path: 'lessons.first.clip.transcript',
			says: /missing text in shipped language "en"/
		}
	];
	for (const c of cases) {
		it(`are refused with ${c.name}`, () => {
			const issues = issuesOf(withVideo(c.change));
			expect(issues).toContainEqual(
				expect.objectContaining({
					file: expect.stringContaining(c.at),
					path: c.path,
					message: expect.stringMatching(c.says)
				})
			);
		});
	}

	it('audio needs them too', () => {
		const issues = issuesOf(
			withVideo(({ block }) => {
				block.type = 'audio';
				block.src = 'media/clip.mp3';
				delete block.width;
				delete block.height;
				block.captions = {};
			})
		);
		expect(issues).toContainEqual(
			expect.objectContaining({
				path: 'lessons[0].blocks[1].src',
				message: expect.stringMatching(/audio file .* does not exist/)
			})
		);
		expect(issues).toContainEqual(
			expect.objectContaining({ path: 'lessons[0].blocks[1].captions.en' })
		);
	});
});
