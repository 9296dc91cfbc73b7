// Compile each language's text into i18next resources: every key the structure needs must be
// there, nothing else may be, and rich text becomes data, never HTML.
import { join } from 'node:path';
import type { Course, Resources } from '../course/types.ts';
import { didYouMean, type IssueList } from './issues.ts';
import { compilePlain, compileRich, factInLanguage } from './markup.ts';
import { displayPath } from './read.ts';
import { keysForLanguage, pluralBases, pluralCategories, pluralForm } from './plurals.ts';
import { flattenText, moduleTextKeys, setPath, type TextKey } from './text-keys.ts';

/** Namespace of the course-level text (description, objectives, interface labels, agency). */
export const COURSE_NS = 'course';
/** Namespace of the glossary (loaded with the Resources page, not at start-up). */
export const GLOSSARY_NS = 'glossary';

/** Agency text from the profile: one string, or one per language. */
export type AgencyText = Record<string, string | Record<string, string>>;

export interface TextReport {
	/** language → missing keys as `namespace:key`. */
	missing: Record<string, string[]>;
	/** language → number of keys present. */
	keys: Record<string, number>;
}

/** Compile the text of every shipped language; problems go to `issues`. */
export function compileText(options: {
	course: Course;
	root: string;
	/** Module id → its folder. */
	moduleDirs: Map<string, string>;
	issues: IssueList;
	read: (file: string) => unknown;
	agency: AgencyText;
	/** Facts the pocket card lists: each needs a label (`card.numbers.<id>`). */
	cardNumbers: string[];
}): { resources: Resources; report: TextReport } {
	const { course, root, issues } = options;
	const resources: Resources = {};
	const report: TextReport = { missing: {}, keys: {} };
	const courseKeys = courseTextKeys({
		root,
		course,
		read: options.read,
		cardNumbers: options.cardNumbers
	});
	for (const lng of course.languages) {
		resources[lng] = {};
		const agency = agencyFor({ agency: options.agency, lng, issues });
		const factValues = factsFor({ course, lng, issues });
		report.missing[lng] = [];
		report.keys[lng] = 0;
		const namespaces: { ns: string; file: string; keys: TextKey[]; facts: boolean }[] = [
			{
				ns: COURSE_NS,
				file: join(root, 'locales', `${lng}.yaml`),
				keys: withPlurals(courseKeys, lng),
				facts: false
			},
			...course.modules.map((m) => ({
				ns: m.id,
				file: join(options.moduleDirs.get(m.id)!, 'locales', `${lng}.yaml`),
				keys: moduleTextKeys(m),
				facts: true
			}))
		];
		for (const { ns, file, keys, facts } of namespaces) {
			const compiled: Record<string, unknown> = {};
			const raw = options.read(file);
			// A file that does not parse has its syntax error reported; listing every key of it as
			// missing would only bury that error.
			if (
				raw === undefined &&
				issues.items.some((i) => i.file === displayPath(file) && /YAML syntax/.test(i.message))
			)
				continue;
			const text = flattenText(raw ?? {});
			const at = issues.for(displayPath(file));
			const known = new Set(keys.map((k) => k.key));
			const plurals = pluralBases(known);
			for (const { key, rich, optional } of keys) {
				const value = text.get(key);
				if (value === undefined || value === null || value === '') {
					if (optional) continue;
					report.missing[lng]!.push(`${ns}:${key}`);
					const form = pluralForm(key, plurals);
					at(
						key,
						form
							? `missing plural form "${form.category}" of ${form.base} in shipped language "${lng}" (${lng} has the forms ${pluralCategories(lng).join(', ')})`
							: `missing text in shipped language "${lng}"`,
						`add ${key} to ${displayPath(file)}`
					);
					continue;
				}
				if (typeof value !== 'string') {
					at(key, `expected text, found ${typeof value}`, 'write the text as a string');
					continue;
				}
				report.keys[lng]!++;
				const result = rich
					? compileRich(value, factValues, { agency })
					: compilePlain(value, factValues, {
							interpolation: ns === COURSE_NS && key.startsWith('ui.'),
							agency
						});
				for (const e of result.errors) at(key, e.message, e.fix);
				setPath(compiled, key, result.value);
				if (facts) citeFacts({ course, ns, key, facts: result.facts });
			}
			for (const key of text.keys()) {
				if (known.has(key)) continue;
				const form = pluralForm(key, plurals);
				if (form) {
					const forms = pluralCategories(lng);
					at(
						key,
						`plural form "${form.category}" is not one of the forms of "${lng}" (${forms.join(', ')})`,
						`remove it; ${lng} writes ${forms.map((c) => `${form.base}_${c}`).join(', ')}`
					);
				} else {
					at(
						key,
						`text key is not used by the structure.${didYouMean(key, known)}`,
						'remove it, or add the block, item or question it belongs to'
					);
				}
			}
			if (ns === COURSE_NS) {
				resources[lng]![GLOSSARY_NS] = (compiled.glossary as Record<string, unknown>) ?? {};
				delete compiled.glossary;
				compiled.agency = agency;
			}
			resources[lng]![ns] = compiled;
		}
	}
	return { resources, report };
}

/** The keys with each plural base's forms replaced by the language's own plural categories. */
function withPlurals(keys: TextKey[], lng: string): TextKey[] {
	const byKey = new Map(keys.map((k) => [k.key, k]));
	return keysForLanguage(
		keys.map((k) => k.key),
		lng
	).map(({ key, from }) => ({ ...byKey.get(from)!, key }));
}

/**
 * Course-level keys: the description, each course objective, each glossary term, plus every ui.*
 * label the default language defines.
 */
function courseTextKeys(options: {
	root: string;
	course: Course;
	read: (file: string) => unknown;
	cardNumbers: string[];
}): TextKey[] {
	const { course } = options;
	const file = join(options.root, 'locales', `${course.defaultLanguage}.yaml`);
	const uiKeys = [...flattenText(options.read(file) ?? {}).keys()].filter((k) =>
		k.startsWith('ui.')
	);
	return [
		{ key: 'description', rich: false },
		...course.objectives.map((o) => ({ key: `objectives.${o.id}`, rich: false })),
		...options.cardNumbers.map((id) => ({
			key: `card.numbers.${id}`,
			rich: false
		})),
		...course.glossary.flatMap((g) => [
			{ key: `glossary.${g.id}.term`, rich: false },
			{ key: `glossary.${g.id}.definition`, rich: true }
		]),
		...uiKeys.map((key) => ({ key, rich: false }))
	];
}

/** The facts with their values in one language; a per-language value must have that language. */
function factsFor(options: { course: Course; lng: string; issues: IssueList }): Course['facts'] {
	return Object.fromEntries(
		Object.entries(options.course.facts).map(([id, fact]) => {
			const value = fact.values ? fact.values[options.lng] : fact.value;
			if (value === undefined) {
				options.issues.add({
					file: 'modules/facts.yaml',
					path: `${id}.value`,
					message: `no value in shipped language "${options.lng}"`,
					fix: `add ${options.lng}: ... to the value, or write one value for every language`
				});
			}
			return [id, { ...fact, value: factInLanguage(value ?? fact.value, options.lng) }];
		})
	);
}

/** The profile's agency text in one language; a per-language value must have that language. */
function agencyFor(options: {
	agency: AgencyText;
	lng: string;
	issues: IssueList;
}): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.agency)) {
		const text = typeof value === 'string' ? value : value[options.lng];
		if (text === undefined) {
			options.issues.add({
				file: 'agency profile',
				path: `agency.${key}`,
				message: `no text in shipped language "${options.lng}"`,
				fix: `add ${options.lng}: ... to agency.${key}, or write one text for all languages`
			});
			continue;
		}
		out[key] = text;
	}
	return out;
}

/** A fact's source joins the Sources panel of the lesson (or scenario, or question) that states it. */
function citeFacts(options: { course: Course; ns: string; key: string; facts: string[] }) {
	if (!options.facts.length) return;
	const module = options.course.modules.find((m) => m.id === options.ns);
	const [kind, id] = options.key.split('.');
	const target =
		kind === 'lessons'
			? module?.lessons.find((l) => l.id === id)
			: kind === 'questions'
				? module?.questions.find((q) => q.id === id)
				: kind === 'assessment'
					? module?.assessment.find((q) => q.id === id)
					: kind === 'scenarios'
						? module?.scenarios.find((s) => s.id === id)
						: undefined;
	for (const f of options.facts) {
		const source = options.course.facts[f]!.source;
		if (target && !target.sources.includes(source)) target.sources.push(source);
	}
}
