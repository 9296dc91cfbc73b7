// What a module needs only on its own screens (lesson blocks, the sources each part cites, the
// source records) leaves the start-up download: the build moves it into the module's text file and
// the course puts it back when that file loads. Start-up keeps what progress, scoring and the saved
// state need (ids, answers, scenario graphs).
import type { Block, Course, Source } from './types.ts';

export interface ModuleLayout {
	lessons: Record<string, { blocks: Block[]; sources: string[] }>;
	questions: Record<string, string[]>;
	assessment: Record<string, string[]>;
	scenarios: Record<string, { sources: string[]; choices: Record<string, string[]> }>;
	/** The records of every source the module cites. */
	sources: Record<string, Source>;
}

/** What the Resources screen needs and start-up does not. */
export interface LibraryLayout {
	sources: Record<string, Source>;
	facts: Course['facts'];
	glossary: Course['glossary'];
	objectives: Course['objectives'];
	handouts: Course['handouts'];
	handoutSources: Course['handoutSources'];
	pocketCard?: Course['pocketCard'];
}

/** The layouts split off: one per module, and the library (every source record, glossary...). */
export type Layouts = Record<string, Partial<ModuleLayout & LibraryLayout>>;

/** Split a course into its start-up part and the layouts (the course given is not changed). */
export function splitLayout(
	course: Course,
	options: { library: string }
): { startup: Course; layouts: Layouts } {
	const startup = structuredClone(course);
	const { sources, facts, glossary, objectives, handouts, handoutSources, pocketCard } = course;
	const library = { sources, facts, glossary, objectives, handouts, handoutSources };
	const layouts: Layouts = { [options.library]: pocketCard ? { ...library, pocketCard } : library };
	delete startup.pocketCard;
	startup.sources = {};
	startup.facts = {};
	startup.glossary = [];
	startup.handouts = [];
	startup.handoutSources = [];
	// The home screen lists the course objectives; which module objectives each covers can wait.
	startup.objectives = objectives.map((o) => ({ id: o.id, covers: [] }));
	for (const m of startup.modules) {
		const cited = new Set<string>();
		const cite = (ids: string[]) => (ids.forEach((id) => cited.add(id)), ids);
		const layout: ModuleLayout = {
			lessons: Object.fromEntries(
				m.lessons.map((l) => [l.id, { blocks: l.blocks, sources: cite(l.sources) }])
			),
			questions: Object.fromEntries(m.questions.map((q) => [q.id, cite(q.sources)])),
			assessment: Object.fromEntries(m.assessment.map((q) => [q.id, cite(q.sources)])),
			scenarios: Object.fromEntries(
				m.scenarios.map((s) => [
					s.id,
					{
						sources: cite(s.sources),
						choices: Object.fromEntries(
							s.scenes.flatMap((sc) => sc.choices.map((c) => [c.id, cite(c.sources)]))
						)
					}
				])
			),
			sources: {}
		};
		layout.sources = Object.fromEntries([...cited].map((id) => [id, course.sources[id]!]));
		layouts[m.id] = layout;
		for (const l of m.lessons) [l.blocks, l.sources] = [[], []];
		for (const q of [...m.questions, ...m.assessment]) q.sources = [];
		for (const s of m.scenarios) {
			s.sources = [];
			for (const sc of s.scenes) for (const c of sc.choices) c.sources = [];
		}
	}
	return { startup, layouts };
}

/** Put a loaded layout back into the course (idempotent). */
export function applyLayout(
	course: Course,
	ns: string,
	layout: Partial<ModuleLayout & LibraryLayout>
): void {
	Object.assign(course.sources, layout.sources ?? {});
	Object.assign(course.facts, layout.facts ?? {});
	if (layout.glossary) course.glossary = layout.glossary;
	if (layout.objectives) course.objectives = layout.objectives;
	if (layout.handouts) course.handouts = layout.handouts;
	if (layout.handoutSources) course.handoutSources = layout.handoutSources;
	if (layout.pocketCard) course.pocketCard = layout.pocketCard;
	const m = course.modules.find((x) => x.id === ns);
	if (!m) return;
	for (const l of m.lessons) {
		const found = layout.lessons?.[l.id];
		if (found) [l.blocks, l.sources] = [found.blocks, found.sources];
	}
	for (const q of m.questions) q.sources = layout.questions?.[q.id] ?? q.sources;
	for (const q of m.assessment) q.sources = layout.assessment?.[q.id] ?? q.sources;
	for (const s of m.scenarios) {
		const found = layout.scenarios?.[s.id];
		if (!found) continue;
		s.sources = found.sources;
		for (const sc of s.scenes) for (const c of sc.choices) c.sources = found.choices[c.id] ?? [];
	}
}
