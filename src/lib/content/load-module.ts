// One module folder: module.yaml with its lessons, blocks and questions, and its scenarios,
// each validated and cross-checked. Called by load.ts for every module the course includes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as v from 'valibot';
import type { Block, Module, Question, Scenario } from '../course/types.ts';
import { moduleAssetFile } from '../i18n/text-files.ts';
import { checkBank, checkQuestions, checkRefs, checkScenarioGraph, checkUnique } from './checks.ts';
import { checkImage } from './images.ts';
import { didYouMean, type IssueList } from './issues.ts';
import { displayPath, parseWith } from './read.ts';
import {
	BLOCK_TYPES,
	blockSchemas,
	moduleSchema,
	questionHead,
	questionSchemas,
	scenarioSchema
} from './schema.ts';

/** An image file to copy beside index.html (`to` is relative to it). */
export interface ImageAsset {
	from: string;
	to: string;
}

/** Load and check one module folder; issues go to `issues`, undefined when its file is unusable. */
export function loadModule(options: {
	dir: string;
	id: string;
	order: number;
	read: (file: string) => unknown;
	issues: IssueList;
	sources: Record<string, unknown>;
	images: ImageAsset[];
	/** Shipped languages: audio and video need captions in each. */
	languages: string[];
}): Module | undefined {
	const { dir, issues } = options;
	const file = join(dir, 'module.yaml');
	const raw = parseWith({ schema: moduleSchema, data: options.read(file), file, issues });
	if (!raw) return undefined;
	const report = issues.for(displayPath(file));
	const questions = parseQuestions({ list: raw.questions, key: 'questions', file, issues });
	const assessment = parseQuestions({ list: raw.assessment, key: 'assessment', file, issues });
	const lessons = raw.lessons.map((lesson, li) => ({
		...lesson,
		blocks: lesson.blocks.flatMap((b, bi) => {
			const block = parseBlock({
				block: b,
				path: `lessons[${li}].blocks[${bi}]`,
				file,
				dir,
				issues,
				moduleId: options.id,
				images: options.images,
				languages: options.languages
			});
			if (bi === 0 && block?.depth) {
				report(
					`lessons[${li}].blocks[0].depth`,
					`lesson "${lesson.id}" opens with optional depth`,
					'a lesson opens with its core teaching: remove depth from its first block'
				);
			}
			return block ? [block] : [];
		})
	}));
	const scenarios = loadScenarios({ dir, read: options.read, issues });
	const module: Module = {
		id: options.id,
		order: options.order,
		...raw,
		lessons,
		questions,
		assessment,
		scenarios
	};

	const sourceIds = Object.keys(options.sources);
	checkUnique({
		ids: lessons.map((l, i) => ({ id: l.id, path: `lessons[${i}].id` })),
		what: 'lesson',
		report
	});
	lessons.forEach((l, li) => {
		checkUnique({
			ids: l.blocks.map((b, bi) => ({ id: b.id, path: `lessons[${li}].blocks[${bi}].id` })),
			what: 'block',
			report
		});
		checkRefs({
			refs: l.sources.map((id, i) => ({ id, path: `lessons[${li}].sources[${i}]` })),
			known: sourceIds,
			what: 'source',
			where: 'modules/sources.yaml',
			report
		});
	});
	checkUnique({
		ids: [...questions, ...assessment].map((q) => ({
			id: q.id,
			path: `${questions.includes(q) ? 'questions' : 'assessment'}[${(questions.includes(q) ? questions : assessment).indexOf(q)}].id`
		})),
		what: 'question',
		report
	});
	for (const [key, list] of [
		['questions', questions],
		['assessment', assessment]
	] as const) {
		checkQuestions({ questions: list, key, report });
		list.forEach((q, i) => {
			checkRefs({
				refs: [{ id: q.objective, path: `${key}[${i}].objective` }],
				known: raw.objectives,
				what: 'objective',
				where: 'this module’s objectives list',
				report
			});
			checkRefs({
				refs: q.sources.map((id, j) => ({ id, path: `${key}[${i}].sources[${j}]` })),
				known: sourceIds,
				what: 'source',
				where: 'modules/sources.yaml',
				report
			});
		});
	}
	checkBank({ objectives: raw.objectives, assessment, report });
	const placed = lessons.flatMap((l, li) =>
		l.blocks.flatMap((b, bi) =>
			b.type === 'question' ? [{ id: b.id, path: `lessons[${li}].blocks[${bi}].id` }] : []
		)
	);
	checkRefs({
		refs: placed,
		known: questions.map((q) => q.id),
		what: 'question',
		where: 'this module’s questions list',
		report
	});
	checkUnique({
		ids: placed,
		what: 'placed question (a question appears in one lesson only)',
		report
	});
	for (const [i, q] of questions.entries()) {
		if (!placed.some((p) => p.id === q.id)) {
			report(
				`questions[${i}]`,
				`question "${q.id}" is not placed in any lesson`,
				`add { type: question, id: ${q.id} } to a lesson's blocks`
			);
		}
	}
	for (const s of scenarios) {
		const sReport = issues.for(displayPath(join(dir, 'scenarios', `${s.id}.yaml`)));
		checkRefs({
			refs: [{ id: s.objective, path: 'objective' }],
			known: raw.objectives,
			what: 'objective',
			where: `the module's objectives (${displayPath(file)})`,
			report: sReport
		});
		const refs = [
			...s.sources.map((id, i) => ({ id, path: `sources[${i}]` })),
			...s.scenes.flatMap((sc, i) =>
				sc.choices.flatMap((c, j) =>
					c.sources.map((id, k) => ({ id, path: `scenes[${i}].choices[${j}].sources[${k}]` }))
				)
			)
		];
		checkRefs({
			refs,
			known: sourceIds,
			what: 'source',
			where: 'modules/sources.yaml',
			report: sReport
		});
		checkScenarioGraph(s, sReport);
	}
	return module;
}

function parseBlock(options: {
	block: { type: string };
	path: string;
	file: string;
	dir: string;
	issues: IssueList;
	moduleId: string;
	images: ImageAsset[];
	languages: string[];
}): Block | undefined {
	const { block, path, file, issues } = options;
	const type = block.type as (typeof BLOCK_TYPES)[number];
	if (!BLOCK_TYPES.includes(type)) {
		issues.add({
			file: displayPath(file),
			path: `${path}.type`,
			message: `unknown block type "${block.type}".${didYouMean(block.type, BLOCK_TYPES)}`,
			fix: `use one of ${BLOCK_TYPES.join(', ')}`
		});
		return undefined;
	}
	const parsed = parseWith({
		schema: blockSchemas[type] as v.GenericSchema,
		data: block,
		file,
		path,
		issues
	}) as Block | undefined;
	if (parsed?.type === 'image') {
		const image = join(options.dir, parsed.src);
		if (!existsSync(image)) {
			issues.add({
				file: displayPath(file),
				path: `${path}.src`,
				message: `image file ${displayPath(image)} does not exist`,
				fix: `put the image in ${displayPath(join(options.dir, 'images'))}/ or fix src`
			});
			return undefined;
		}
		for (const problem of checkImage({ file: image, width: parsed.width, height: parsed.height })) {
			issues.add({
				file: displayPath(file),
				path: `${path}.src`,
				message: `image ${displayPath(image)}: ${problem}`,
				fix: 'size images for their display (at most twice width × height) and compress them'
			});
		}
		return { ...parsed, decorative: parsed.decorative ?? false, src: serveAsset(options, image) };
	}
	if (parsed?.type === 'video' || parsed?.type === 'audio') return media({ ...options, parsed });
	return parsed;
}

/** A module file served beside index.html (fetched only when its lesson shows it); its address. */
function serveAsset(options: { moduleId: string; images: ImageAsset[] }, from: string): string {
	const to = moduleAssetFile(options.moduleId, basename(from));
	options.images.push({ from, to });
	return to;
}

/** Audio or video: the file, and captions (WebVTT) in every shipped language, served with it. */
function media(options: {
	parsed: Extract<Block, { type: 'video' | 'audio' }>;
	path: string;
	file: string;
	dir: string;
	issues: IssueList;
	moduleId: string;
	images: ImageAsset[];
	languages: string[];
}): Block | undefined {
	const { parsed, path, issues } = options;
	const at = (key: string, message: string, fix: string) =>
		issues.add({ file: displayPath(options.file), path: `${path}.${key}`, message, fix });
	let ok = true;
	const src = join(options.dir, parsed.src);
	if (!existsSync(src)) {
		at(
			'src',
			`${parsed.type} file ${displayPath(src)} does not exist`,
			'put it in media/ or fix src'
		);
		ok = false;
	}
	for (const language of options.languages.filter((l) => !(l in parsed.captions))) {
		at(
			`captions.${language}`,
			`no captions in shipped language "${language}": audio and video need captions in every language`,
			`add ${language}: media/<name>.${language}.vtt (WebVTT)`
		);
		ok = false;
	}
	const captions: Record<string, string> = {};
	for (const [language, file] of Object.entries(parsed.captions)) {
		const vtt = join(options.dir, file);
		if (!existsSync(vtt)) {
			at(
				`captions.${language}`,
				`caption file ${displayPath(vtt)} does not exist`,
				'add it or fix the path'
			);
			ok = false;
		} else if (!/^(\uFEFF)?WEBVTT(\s|$)/.test(readFileSync(vtt, 'utf8'))) {
			at(
				`captions.${language}`,
				`caption file ${displayPath(vtt)} is not WebVTT (it must start with "WEBVTT")`,
				'export the captions as WebVTT (.vtt)'
			);
			ok = false;
		} else captions[language] = serveAsset(options, vtt);
	}
	if (!ok) return undefined;
	return { ...parsed, src: serveAsset(options, src), captions };
}

function loadScenarios(options: {
	dir: string;
	read: (file: string) => unknown;
	issues: IssueList;
}): Scenario[] {
	const dir = join(options.dir, 'scenarios');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.flatMap((f) => {
			const file = join(dir, f);
			const parsed = parseWith({
				schema: scenarioSchema,
				data: options.read(file),
				file,
				issues: options.issues
			});
			if (parsed && parsed.id !== basename(f, '.yaml')) {
				options.issues.add({
					file: displayPath(file),
					path: 'id',
					message: `scenario id "${parsed.id}" does not match its file name`,
					fix: `rename the file to ${parsed.id}.yaml or change the id`
				});
			}
			return parsed ? [parsed as Scenario] : [];
		});
}

/** Parse a list of questions (knowledge checks or assessment items) into the one Question shape. */
function parseQuestions(options: {
	list: unknown[];
	key: 'questions' | 'assessment';
	file: string;
	issues: IssueList;
}): Question[] {
	const { list, key, file, issues } = options;
	return list.flatMap((data, i): Question[] => {
		const path = `${key}[${i}]`;
		const head = parseWith({ schema: questionHead, data, file, path, issues });
		if (!head) return [];
		const q = parseWith({
			schema: questionSchemas[head.kind] as v.GenericSchema,
			data,
			file,
			path,
			issues
		}) as v.InferOutput<(typeof questionSchemas)[keyof typeof questionSchemas]> | undefined;
		if (!q) return [];
		const base: Question = {
			id: q.id,
			objective: q.objective,
			kind: q.kind,
			case: q.case ?? false,
			sources: q.sources,
			options: [],
			items: [],
			categories: [],
			key: []
		};
		if (q.kind === 'single' || q.kind === 'multiple') return [{ ...base, options: q.options }];
		if (q.kind === 'truefalse') {
			const options = [
				{ id: 't', correct: q.answer },
				{ id: 'f', correct: !q.answer }
			];
			return [{ ...base, options }];
		}
		if (q.kind === 'order') return [{ ...base, items: q.items }];
		return [
			{
				...base,
				items: q.items.map((it) => it.id),
				categories: q.categories,
				key: q.items.map((it) => it.category)
			}
		];
	});
}
