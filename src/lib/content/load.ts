// The one door into modules/: read every file, validate it, cross-check it, compile its text.
// Returns a typed course and its i18next resources, or throws a ContentError listing every issue.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as v from 'valibot';
import type { Block, Course, Module, Question, Resources, Scenario } from '../course/types.ts';
import { checkQuestions, checkRefs, checkScenarioGraph, checkUnique } from './checks.ts';
import { IssueList, didYouMean } from './issues.ts';
import { displayPath, parseWith, readYaml } from './read.ts';
import {
	BLOCK_TYPES,
	blockSchemas,
	courseSchema,
	factsSchema,
	moduleSchema,
	questionSchema,
	scenarioSchema,
	sourcesSchema
} from './schema.ts';
import { compileText, type TextReport } from './text.ts';
import { moduleAssetFile } from '../i18n/text-files.ts';

const MODULE_DIR = /^(\d{2})-([a-z][a-z0-9-]*)$/;

export interface LoadedCourse {
	course: Course;
	resources: Resources;
	text: TextReport;
	/** Every file read, so the Vite plugin can rebuild when one changes. */
	files: string[];
	/** Image files to copy beside index.html (`to` is relative to it). */
	images: ImageAsset[];
}

export interface ImageAsset {
	from: string;
	to: string;
}

/** Load, validate and compile the whole course under `root` (the modules/ folder). */
export function loadCourseContent(options: { root: string }): LoadedCourse {
	const { root } = options;
	const issues = new IssueList();
	const files: string[] = [];
	const images: ImageAsset[] = [];
	const read = (file: string) => (files.push(file), readYaml(file, issues));

	const settingsFile = join(root, 'course.yaml');
	const settings = parseWith({
		schema: courseSchema,
		data: read(settingsFile),
		file: settingsFile,
		issues
	});
	const sourcesFile = join(root, 'sources.yaml');
	const sources =
		parseWith({ schema: sourcesSchema, data: read(sourcesFile), file: sourcesFile, issues }) ?? {};
	const factsFile = join(root, 'facts.yaml');
	const factsRaw =
		parseWith({ schema: factsSchema, data: read(factsFile), file: factsFile, issues }) ?? {};
	issues.throwIfAny();
	if (!settings) throw new Error('unreachable: settings failed without issues');

	const at = issues.for(displayPath(settingsFile));
	if (!settings.languages.includes(settings.defaultLanguage)) {
		at(
			'defaultLanguage',
			`"${settings.defaultLanguage}" is not in languages`,
			'add it to languages or pick one listed'
		);
	}
	for (const lng of settings.languages) {
		if (!settings.title[lng])
			at(`title.${lng}`, `no course title in shipped language "${lng}"`, `add title.${lng}`);
	}
	checkRefs({
		refs: Object.entries(factsRaw).map(([id, f]) => ({ id: f.source, path: `${id}.source` })),
		known: Object.keys(sources),
		what: 'source',
		where: 'modules/sources.yaml',
		report: issues.for(displayPath(factsFile))
	});

	const folders = existsSync(root) ? readdirSync(root).filter((d) => MODULE_DIR.test(d)) : [];
	const byId = new Map(folders.map((d) => [MODULE_DIR.exec(d)![2]!.replaceAll('-', '_'), d]));
	checkUnique({
		ids: folders.map((d) => ({ id: d.slice(0, 2), path: d })),
		what: 'module order prefix',
		report: issues.for(displayPath(root))
	});
	const modules: Module[] = [];
	settings.modules.forEach((id, i) => {
		const dir = byId.get(id);
		if (!dir) {
			at(
				`modules[${i}]`,
				`no module folder for "${id}".${didYouMean(id, byId.keys())}`,
				'create modules/NN-<id>/ or fix the id'
			);
			return;
		}
		const module = loadModule({
			dir: join(root, dir),
			id,
			order: Number(dir.slice(0, 2)),
			read,
			issues,
			sources,
			images
		});
		if (module) modules.push(module);
	});
	modules.sort((a, b) => a.order - b.order);
	checkUnique({
		ids: modules.flatMap((m) =>
			m.questions.map((q) => ({ id: q.id, path: `${m.id}: questions ${q.id}` }))
		),
		what: 'question (ids are unique across the course)',
		report: issues.for(displayPath(root))
	});
	issues.throwIfAny();

	const facts = Object.fromEntries(Object.entries(factsRaw).map(([id, f]) => [id, { id, ...f }]));
	const course: Course = { ...settings, modules, sources: withIds(sources), facts };
	const moduleDirs = new Map(modules.map((m) => [m.id, join(root, byId.get(m.id)!)]));
	const text = compileText({ course, root, moduleDirs, issues, read });
	issues.throwIfAny();
	return { course, resources: text.resources, text: text.report, files, images };
}

/** The course model only (settings, modules, sources, facts); used by the packager. */
export function loadCourse(options: { root: string }): Course {
	return loadCourseContent(options).course;
}

function withIds<T>(record: Record<string, T>): Record<string, T & { id: string }> {
	return Object.fromEntries(Object.entries(record).map(([id, value]) => [id, { id, ...value }]));
}

function loadModule(options: {
	dir: string;
	id: string;
	order: number;
	read: (file: string) => unknown;
	issues: IssueList;
	sources: Record<string, unknown>;
	images: ImageAsset[];
}): Module | undefined {
	const { dir, issues } = options;
	const file = join(dir, 'module.yaml');
	const raw = parseWith({ schema: moduleSchema, data: options.read(file), file, issues });
	if (!raw) return undefined;
	const report = issues.for(displayPath(file));
	const questions = raw.questions.flatMap((q, i) => {
		const parsed = parseWith({
			schema: questionSchema,
			data: q,
			file,
			path: `questions[${i}]`,
			issues
		});
		return parsed ? [parsed as Question] : [];
	});
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
				images: options.images
			});
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
		ids: questions.map((q, i) => ({ id: q.id, path: `questions[${i}].id` })),
		what: 'question',
		report
	});
	checkQuestions(module, report);
	questions.forEach((q, i) => {
		checkRefs({
			refs: [{ id: q.objective, path: `questions[${i}].objective` }],
			known: raw.objectives,
			what: 'objective',
			where: 'this module’s objectives list',
			report
		});
		checkRefs({
			refs: q.sources.map((id, j) => ({ id, path: `questions[${i}].sources[${j}]` })),
			known: sourceIds,
			what: 'source',
			where: 'modules/sources.yaml',
			report
		});
	});
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
		// Served beside index.html and fetched only when the lesson shows it.
		const src = moduleAssetFile(options.moduleId, basename(parsed.src));
		options.images.push({ from: image, to: src });
		return { ...parsed, decorative: parsed.decorative ?? false, src };
	}
	return parsed;
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
