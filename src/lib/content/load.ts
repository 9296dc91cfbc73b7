// The one door into modules/: read every file, validate it, cross-check it, compile its text.
// Returns a typed course and its i18next resources, or throws a ContentError listing every issue.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Course, Module, Resources } from '../course/types.ts';
import { checkRefs, checkUnique } from './checks.ts';
import { IssueList, didYouMean } from './issues.ts';
import { loadModule, type ImageAsset } from './load-module.ts';
import { displayPath, parseWith, readYaml } from './read.ts';
import { courseSchema, factsSchema, sourcesSchema } from './schema.ts';
import { compileText, type TextReport } from './text.ts';

export type { ImageAsset };

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
