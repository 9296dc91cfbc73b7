// The one door into modules/: read every file, validate it, cross-check it, compile its text.
// Returns a typed course and its i18next resources, or throws a ContentError listing every issue.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChecklistRef, Course, Module, PocketCard, Resources } from '../course/types.ts';
import { checkRefs, checkUnique } from './checks.ts';
import * as v from 'valibot';
import { IssueList, didYouMean } from './issues.ts';
import { loadHandouts } from './handouts.ts';
import { loadModule, type ImageAsset } from './load-module.ts';
import { displayPath, parseWith, readYaml } from './read.ts';
import {
	courseSchema,
	factsSchema,
	glossarySchema,
	profileSchema,
	sourcesSchema
} from './schema.ts';
import { compileText, type TextReport } from './text.ts';
import { addPseudoLocales, pseudoReader } from './pseudo-course.ts';

export type { ImageAsset };

const MODULE_DIR = /^(\d{2})-([a-z][a-z0-9-]*)$/;

export interface LoadedCourse {
	course: Course;
	resources: Resources;
	/** Each handout's compiled text, by language. */
	handouts: Record<string, Record<string, unknown>>;
	text: TextReport;
	/** Every file read, so the Vite plugin can rebuild when one changes. */
	files: string[];
	/** Image files to copy beside index.html (`to` is relative to it). */
	images: ImageAsset[];
	/** Each module's folder, by module id. */
	moduleDirs: Map<string, string>;
}

/** The agency profile used when none is given. */
export const DEFAULT_PROFILE = 'profiles/default.yaml';

/**
 * Load, validate and compile the whole course under `root` (the modules/ folder) for one agency
 * profile. Every module is checked whatever the profile includes, so content that one track
 * leaves out still fails the build when it is broken.
 */
export function loadCourseContent(options: {
	root: string;
	profile?: string;
	/** Add the test-only pseudo-locales (`en-XA`, `ar-XB`), made from the default language. */
	pseudo?: boolean;
}): LoadedCourse {
	const { root } = options;
	const profileFile = resolve(options.profile ?? DEFAULT_PROFILE);
	const issues = new IssueList();
	const files: string[] = [];
	const images: ImageAsset[] = [];
	const readFile = (file: string) => (files.push(file), readYaml(file, issues));
	let source = 'en';
	const read = options.pseudo ? pseudoReader({ read: readFile, source: () => source }) : readFile;

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
	const glossaryFile = join(root, 'glossary.yaml');
	const glossary = existsSync(glossaryFile)
		? (parseWith({
				schema: glossarySchema,
				data: read(glossaryFile),
				file: glossaryFile,
				issues
			}) ?? [])
		: [];
	const profile = existsSync(profileFile)
		? parseWith({ schema: profileSchema, data: read(profileFile), file: profileFile, issues })
		: (issues.add({
				file: displayPath(profileFile),
				path: '',
				message: 'agency profile file not found',
				fix: `give an existing file, e.g. ${DEFAULT_PROFILE}`
			}),
			undefined);
	issues.throwIfAny();
	if (!settings || !profile) throw new Error('unreachable: settings failed without issues');
	if (options.pseudo) addPseudoLocales({ settings, facts: factsRaw, profile });
	source = settings.defaultLanguage;

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
			images,
			languages: settings.languages
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

	checkRefs({
		refs: glossary.flatMap((g, i) =>
			g.sources.map((id, j) => ({ id, path: `[${i}].sources[${j}]` }))
		),
		known: Object.keys(sources),
		what: 'source',
		where: 'modules/sources.yaml',
		report: issues.for(displayPath(glossaryFile))
	});
	checkUnique({
		ids: glossary.map((g, i) => ({ id: g.id, path: `[${i}].id` })),
		what: 'glossary term',
		report: issues.for(displayPath(glossaryFile))
	});
	checkCourseObjectives({ settings, modules, report: at });
	const build = applyProfile({
		settings,
		profile,
		modules,
		report: issues.for(displayPath(profileFile)),
		courseReport: at
	});
	issues.throwIfAny();

	const facts = Object.fromEntries(
		Object.entries(factsRaw).map(([id, f]) => {
			if (typeof f.value === 'string') return [id, { id, value: f.value, source: f.source }];
			const value = f.value[settings.defaultLanguage];
			if (value === undefined) {
				issues.add({
					file: displayPath(factsFile),
					path: `${id}.value`,
					message: `no value in the default language "${settings.defaultLanguage}"`,
					fix: `add ${settings.defaultLanguage}: ... to the value`
				});
			}
			return [id, { id, value: value ?? '', values: f.value, source: f.source }];
		})
	);
	const all: Course = {
		id: settings.id,
		version: settings.version,
		title: settings.title,
		factsAsOf: settings.factsAsOf,
		translations: Object.fromEntries(
			build.languages.map((l) => [
				l,
				l === settings.defaultLanguage ? 'source' : (settings.translations?.[l] ?? 'draft')
			])
		),
		...build,
		modules,
		glossary,
		handouts: [],
		handoutSources: [],
		sources: withIds(sources),
		facts
	};
	const moduleDirs = new Map(modules.map((m) => [m.id, join(root, byId.get(m.id)!)]));
	const text = compileText({
		course: all,
		root,
		moduleDirs,
		issues,
		read,
		agency: profile.agency,
		cardNumbers: settings.pocketCard?.numbers ?? []
	});
	issues.throwIfAny();
	const course: Course = { ...all, modules: build.modules, objectives: build.objectives };
	const handouts = loadHandouts({ root, read, issues, course });
	course.handouts = handouts.handouts;
	course.handoutSources = handouts.sources;
	const card = pocketCard({ settings, modules: build.modules, facts: course.facts, report: at });
	issues.throwIfAny();
	if (card) course.pocketCard = card;
	else delete course.pocketCard;
	const resources = Object.fromEntries(
		Object.entries(text.resources)
			.filter(([lng]) => course.languages.includes(lng))
			.map(([lng, byNs]) => [
				lng,
				Object.fromEntries(
					Object.entries(byNs).filter(
						([ns]) => !modules.some((m) => m.id === ns) || course.modules.some((m) => m.id === ns)
					)
				)
			])
	);
	return {
		course,
		resources,
		handouts: handouts.text,
		text: text.report,
		files,
		images,
		moduleDirs
	};
}

type Settings = v.InferOutput<typeof courseSchema>;

/** Resolve the pocket card's checklist references among the modules this build includes. */
function pocketCard(options: {
	settings: Settings;
	modules: Module[];
	facts: Course['facts'];
	report: Report;
}): PocketCard | undefined {
	const spec = options.settings.pocketCard;
	if (!spec) return undefined;
	const resolveRef = (ref: string, path: string): ChecklistRef | undefined => {
		const [module, lesson, block] = ref.split('.');
		const found = options.modules
			.find((m) => m.id === module)
			?.lessons.find((l) => l.id === lesson)
			?.blocks.find((b) => b.id === block);
		if (found?.type === 'checklist') {
			return { module: module!, lesson: lesson!, block: block!, items: found.items };
		}
		options.report(
			path,
			`"${ref}" is not a checklist of a module this build includes`,
			'write <module>.<lesson>.<checklist block id> of a module in every track'
		);
		return undefined;
	};
	const indicators = spec.indicators.flatMap((r, i) => {
		const ref = resolveRef(r, `pocketCard.indicators[${i}]`);
		return ref ? [ref] : [];
	});
	const steps = resolveRef(spec.steps, 'pocketCard.steps');
	checkRefs({
		refs: spec.numbers.map((id, i) => ({ id, path: `pocketCard.numbers[${i}]` })),
		known: Object.keys(options.facts),
		what: 'fact',
		where: 'modules/facts.yaml',
		report: options.report
	});
	const numbers = spec.numbers.flatMap((id) => {
		const fact = options.facts[id];
		return fact ? [{ id, value: fact.value }] : [];
	});
	return steps ? { indicators, steps, numbers } : undefined;
}
type Profile = v.InferOutput<typeof profileSchema>;
type Report = (path: string, message: string, fix: string) => void;

/** Course objectives cover module objectives: each of those exactly once, none unknown. */
function checkCourseObjectives(options: { settings: Settings; modules: Module[]; report: Report }) {
	const { settings, modules, report } = options;
	if (!settings.objectives) return;
	const moduleObjectives = modules.flatMap((m) => m.objectives.map((o) => ({ o, m: m.id })));
	checkUnique({
		ids: moduleObjectives.map(({ o, m }) => ({ id: o, path: `${m}: objectives ${o}` })),
		what: 'module objective (ids are unique across the course)',
		report
	});
	const covered = Object.entries(settings.objectives).flatMap(([id, list]) =>
		list.map((o, i) => ({ id: o, path: `objectives.${id}[${i}]` }))
	);
	checkRefs({
		refs: covered,
		known: moduleObjectives.map((x) => x.o),
		what: 'module objective',
		where: "the modules' objectives lists",
		report
	});
	checkUnique({ ids: covered, what: 'covered module objective', report });
	for (const { o, m } of moduleObjectives) {
		if (!covered.some((c) => c.id === o)) {
			report(
				'objectives',
				`module objective "${o}" (module ${m}) is not covered by any course objective`,
				`add ${o} to the list of one course objective`
			);
		}
	}
}

/** What the agency profile decides: track, modules, scenarios, languages, pass mark, attempts. */
function applyProfile(options: {
	settings: Settings;
	profile: Profile;
	modules: Module[];
	report: Report;
	courseReport: Report;
}) {
	const { settings, profile, report } = options;
	const tracks = settings.tracks ?? { all: { without: [] } };
	const track = profile.track ?? Object.keys(tracks)[0]!;
	const without = tracks[track]?.without ?? [];
	if (!tracks[track]) {
		report(
			'track',
			`unknown track "${track}".${didYouMean(track, Object.keys(tracks))}`,
			`use one of ${Object.keys(tracks).join(', ')} (modules/course.yaml tracks)`
		);
	}
	for (const [t, { without: list }] of Object.entries(tracks)) {
		for (const [i, w] of list.entries()) {
			const [m, s] = w.split('.');
			const module = options.modules.find((x) => x.id === m);
			if (!module || (s && !module.scenarios.some((x) => x.id === s))) {
				options.courseReport(
					`tracks.${t}.without[${i}]`,
					`"${w}" names no module or scenario of the course`,
					'write <module> or <module>.<scenario>'
				);
			}
		}
	}
	let modules = options.modules
		.filter((m) => !without.includes(m.id))
		.map((m) => {
			const out = m.scenarios.filter((s) => without.includes(`${m.id}.${s.id}`));
			return {
				...m,
				// The home page shows the module's minutes: not those of a scenario the track leaves out.
				minutes: Math.max(1, m.minutes - out.reduce((n, s) => n + s.minutes, 0)),
				scenarios: m.scenarios.filter((s) => !out.includes(s))
			};
		});
	if (profile.modules) {
		for (const [i, id] of profile.modules.entries()) {
			if (!modules.some((m) => m.id === id)) {
				report(
					`modules[${i}]`,
					`module "${id}" is not in track "${track}"`,
					`use modules of the track: ${modules.map((m) => m.id).join(', ')}`
				);
			}
		}
		modules = modules.filter((m) => profile.modules!.includes(m.id));
	}
	const languages = profile.languages ?? settings.languages;
	for (const [i, lng] of languages.entries()) {
		if (!settings.languages.includes(lng)) {
			report(
				`languages[${i}]`,
				`language "${lng}" is not shipped by the course`,
				`use ${settings.languages.join(', ')}`
			);
		}
	}
	const included = new Set(modules.flatMap((m) => m.objectives));
	const objectives = Object.entries(settings.objectives ?? {})
		.map(([id, covers]) => ({ id, covers: covers.filter((o) => included.has(o)) }))
		.filter((o) => o.covers.length > 0);
	const bank = modules.reduce((n, m) => n + m.assessment.length, 0);
	const assessmentSize = Math.min(profile.assessmentSize ?? settings.assessmentSize ?? 20, bank);
	return {
		track,
		profile: profile.id,
		passMark: profile.passMark ?? settings.passMark,
		maxAttempts: profile.maxAttempts ?? settings.maxAttempts,
		assessmentSize,
		languages,
		defaultLanguage: languages.includes(settings.defaultLanguage)
			? settings.defaultLanguage
			: languages[0]!,
		modules,
		objectives,
		...(profile.hosted ? { hosted: profile.hosted } : {})
	};
}

/** The course model only (settings, modules, sources, facts); used by the packager. */
export function loadCourse(options: { root: string; profile?: string }): Course {
	return loadCourseContent(options).course;
}

function withIds<T>(record: Record<string, T>): Record<string, T & { id: string }> {
	return Object.fromEntries(Object.entries(record).map(([id, value]) => [id, { id, ...value }]));
}
