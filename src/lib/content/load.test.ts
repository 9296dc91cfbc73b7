import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadCourseContent } from './load.ts';
import { issuesOf } from './test-support.ts';
import type { ContentError } from './issues.ts';

const GOOD = join(import.meta.dirname, 'fixtures', 'good');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of the good fixture with one file changed by `edit`. */
function broken(file: string, edit: (doc: Doc) => void | Doc): string {
	const dir = mkdtempSync(join(tmpdir(), 'content-'));
	dirs.push(dir);
	cpSync(GOOD, dir, { recursive: true });
	const path = join(dir, file);
	const doc = parse(readFileSync(path, 'utf8')) as Doc;
	writeFileSync(path, stringify(edit(doc) ?? doc));
	return dir;
}

const M = '01-basics/module.yaml';
const L = '01-basics/locales/en.yaml';
const S = '01-basics/scenarios/stop.yaml';

// Each bad fixture: the file it breaks, how, and the file, key path and words the error must carry.
const cases: {
	name: string;
	file: string;
	edit: (d: Doc) => void | Doc;
	at: string;
	path: string;
	says: RegExp;
}[] = [
	{
		name: 'unknown block type',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[0].type = 'txet'),
		at: M,
		path: 'lessons[0].blocks[0].type',
		says: /unknown block type "txet".*Did you mean "text"/
	},
	{
		name: 'duplicate block id',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[1].id = 'intro'),
		at: M,
		path: 'lessons[0].blocks[1].id',
		says: /duplicate block id "intro"/
	},
	{
		name: 'duplicate lesson id',
		file: M,
		edit: (d) => void d.lessons.push({ ...d.lessons[0], blocks: [{ type: 'text', id: 'x' }] }),
		at: M,
		path: 'lessons[1].id',
		says: /duplicate lesson id "first"/
	},
	{
		name: 'dangling source reference',
		file: M,
		edit: (d) => void (d.lessons[0].sources = ['src_c']),
		at: M,
		path: 'lessons[0].sources[0]',
		says: /unknown source "src_c"/
	},
	{
		name: 'question block without a question',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[5].id = 'q_two'),
		at: M,
		path: 'lessons[0].blocks[5].id',
		says: /unknown question "q_two"/
	},
	{
		name: 'question without a correct answer',
		file: M,
		edit: (d) => void (d.questions[0].options[0].correct = false),
		at: M,
		path: 'questions[0].options',
		says: /has no correct answer/
	},
	{
		name: 'single question with two correct answers',
		file: M,
		edit: (d) => void (d.questions[0].options[1].correct = true),
		at: M,
		path: 'questions[0].options',
		says: /2 correct options/
	},
	{
		name: 'question objective that does not exist',
		file: M,
		edit: (d) => void (d.questions[0].objective = 'knw'),
		at: M,
		path: 'questions[0].objective',
		says: /unknown objective "knw".*Did you mean "know"/
	},
	{
		name: 'invalid id characters',
		file: M,
		edit: (d) => void (d.lessons[0].id = 'First-Lesson'),
		at: M,
		path: 'lessons[0].id',
		says: /not a valid id/
	},
	{
		name: 'unknown key in a block',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[0].colour = 'red'),
		at: M,
		path: 'lessons[0].blocks[0].colour',
		says: /unknown key/
	},
	{
		name: 'a depth value other than more',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[1].depth = 'deep'),
		at: M,
		path: 'lessons[0].blocks[1].depth',
		says: /write depth: more/
	},
	{
		name: 'a knowledge check marked as optional depth',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[5].depth = 'more'),
		at: M,
		path: 'lessons[0].blocks[5].depth',
		says: /knowledge check is always core/
	},
	{
		name: 'a lesson that opens with optional depth',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[0].depth = 'more'),
		at: M,
		path: 'lessons[0].blocks[0].depth',
		says: /lesson "first" opens with optional depth/
	},
	{
		name: 'image file missing',
		file: M,
		edit: (d) => void (d.lessons[0].blocks[2].src = 'images/nope.svg'),
		at: M,
		path: 'lessons[0].blocks[2].src',
		says: /does not exist/
	},
	{
		name: 'image without alt text',
		file: L,
		edit: (d) => void delete d.lessons.first.pic.alt,
		at: L,
		path: 'lessons.first.pic.alt',
		says: /missing text in shipped language "en"/
	},
	{
		name: 'missing text key in a shipped language',
		file: L,
		edit: (d) => void delete d.questions.q_one.explanation,
		at: L,
		path: 'questions.q_one.explanation',
		says: /missing text/
	},
	{
		name: 'text key the structure does not use',
		file: L,
		edit: (d) => void (d.lessons.first.signs.items.three = 'Three'),
		at: L,
		path: 'lessons.first.signs.items.three',
		says: /not used by the structure/
	},
	{
		name: 'HTML in content text',
		file: L,
		edit: (d) => void (d.lessons.first.intro.body = 'Hi <script>alert(1)</script>'),
		at: L,
		path: 'lessons.first.intro.body',
		says: /could be read as HTML/
	},
	{
		name: 'unknown fact placeholder',
		file: L,
		edit: (d) => void (d.lessons.first.intro.body = 'Call {{fact:hotlne}}.'),
		at: L,
		path: 'lessons.first.intro.body',
		says: /unknown placeholder/
	},
	{
		name: 'scenario target that does not exist',
		file: S,
		edit: (d) => void (d.scenes[0].choices[0].goto = 's3'),
		at: S,
		path: 'scenes[0].choices[0].goto',
		says: /goes to "s3", which is neither a scene nor an ending/
	},
	{
		name: 'scenario start that does not exist',
		file: S,
		edit: (d) => void (d.start = 'begin'),
		at: S,
		path: 'start',
		says: /start scene "begin" does not exist/
	},
	{
		name: 'scenario loop',
		file: S,
		edit: (d) => void (d.scenes[1].choices[1].goto = 's1'),
		at: S,
		path: 'scenes',
		says: /loops back to "s1"/
	},
	{
		name: 'unreachable ending',
		file: S,
		edit: (d) => void d.endings.push({ id: 'end_lost', outcome: 'poor' }),
		at: S,
		path: 'endings',
		says: /"end_lost" cannot be reached/
	},
	{
		name: 'duplicate choice id',
		file: S,
		edit: (d) => void (d.scenes[1].choices[0].id = 'good'),
		at: S,
		path: 'scenes[1].choices[0].id',
		says: /duplicate choice id "good"/
	},
	{
		name: 'unknown ending outcome',
		file: S,
		edit: (d) => void (d.endings[0].outcome = 'great'),
		at: S,
		path: 'endings[0].outcome',
		says: /Invalid/
	},
	{
		name: 'module listed but missing',
		file: 'course.yaml',
		edit: (d) => void (d.modules = ['basic']),
		at: 'course.yaml',
		path: 'modules[0]',
		says: /no module folder for "basic".*Did you mean "basics"/
	},
	{
		name: 'pass mark as a percentage',
		file: 'course.yaml',
		edit: (d) => void (d.passMark = 80),
		at: 'course.yaml',
		path: 'passMark',
		says: /at most 1/
	},
	{
		name: 'default language not shipped',
		file: 'course.yaml',
		edit: (d) => void (d.defaultLanguage = 'es'),
		at: 'course.yaml',
		path: 'defaultLanguage',
		says: /"es" is not in languages/
	},
	{
		name: 'fact without a known source',
		file: 'facts.yaml',
		edit: (d) => void (d.hotline.source = 'src_z'),
		at: 'facts.yaml',
		path: 'hotline.source',
		says: /unknown source "src_z"/
	},
	{
		name: 'a sorting item in a category that does not exist',
		file: M,
		edit: (d) => void (d.assessment[2].items[0].category = 'green'),
		at: M,
		path: 'assessment[2].items[0].category',
		says: /unknown category "green"/
	},
	{
		name: 'an ordering with too few items',
		file: M,
		edit: (d) => void (d.assessment[1].items = ['first', 'second']),
		at: M,
		path: 'assessment[1].items',
		says: /at least 3 items/
	},
	{
		name: 'a true/false item without its answer',
		file: M,
		edit: (d) => void delete d.assessment[0].answer,
		at: M,
		path: 'assessment[0].answer',
		says: /missing key "answer"/
	},
	{
		name: 'an objective with fewer than 3 assessment items',
		file: M,
		edit: (d) => void d.assessment.pop(),
		at: M,
		path: 'objectives[0]',
		says: /objective "know" has 2 assessment item\(s\); it needs at least 3/
	},
	{
		name: 'an unknown question kind',
		file: M,
		edit: (d) => void (d.assessment[0].kind = 'essay'),
		at: M,
		path: 'assessment[0].kind',
		says: /kind must be one of single, multiple, truefalse, order, match/
	},
	{
		name: 'an assessment item id used by a knowledge check',
		file: M,
		edit: (d) => void (d.assessment[0].id = 'q_one'),
		at: M,
		path: 'assessment[0].id',
		says: /duplicate question id "q_one"/
	},
	{
		name: 'a case item without its case text',
		file: L,
		edit: (d) => void delete d.assessment.a_match.case,
		at: L,
		path: 'assessment.a_match.case',
		says: /missing text/
	},
	{
		name: 'an unknown agency placeholder',
		file: L,
		edit: (d) => void (d.lessons.first.note.body = 'Call {{agency:chief}}.'),
		at: L,
		path: 'lessons.first.note.body',
		says: /unknown placeholder \{\{agency:chief\}\}/
	},
	{
		name: 'a module objective no course objective covers',
		file: 'course.yaml',
		edit: (d) => void (d.objectives = { basics_all: ['nope'] }),
		at: 'course.yaml',
		path: 'objectives.basics_all[0]',
		says: /unknown module objective "nope"/
	},
	{
		name: 'a track leaving out a scenario that does not exist',
		file: 'course.yaml',
		edit: (d) => void (d.tracks.short.without = ['basics.stopp']),
		at: 'course.yaml',
		path: 'tracks.short.without[0]',
		says: /names no module or scenario/
	},
	{
		name: 'a glossary term without its definition',
		file: 'locales/en.yaml',
		edit: (d) => void delete d.glossary.term_a.definition,
		at: 'locales/en.yaml',
		path: 'glossary.term_a.definition',
		says: /missing text/
	},
	{
		name: 'a per-language fact without the default language',
		file: 'facts.yaml',
		edit: (d) => void (d.hotline.value = { es: 'uno-ocho-ocho-ocho' }),
		at: 'facts.yaml',
		path: 'hotline.value',
		says: /no value in the default language "en"/
	}
];

describe('bad content fails with file, key path and fix', () => {
	it.each(cases)('$name', ({ file, edit, at, path, says }) => {
		const issues = issuesOf(broken(file, edit));
		const match = issues.find(
			(i) => i.file.endsWith(at) && i.path === path && says.test(i.message)
		);
		expect(match, JSON.stringify(issues, null, 1)).toBeDefined();
		expect(match!.fix.length).toBeGreaterThan(5);
	});

	it('reports a YAML syntax error with its line', () => {
		const dir = broken(M, (d) => d);
		writeFileSync(join(dir, M), 'minutes: 10\nobjectives: [know\n');
		const issues = issuesOf(dir);
		expect(issues[0]!.file).toMatch(/module\.yaml$/);
		expect(issues[0]!.message).toMatch(/YAML syntax error/);
		expect(issues[0]!.path).toMatch(/line \d+/);
	});

	it('reports a syntax error in a text file without burying it under every key as missing', () => {
		const dir = broken(L, (d) => d);
		writeFileSync(join(dir, L), 'title: Basics\ndescription: Ends with: a colon\n');
		const issues = issuesOf(dir);
		expect(issues.length).toBeLessThanOrEqual(2);
		expect(issues.every((i) => /YAML syntax error/.test(i.message))).toBe(true);
	});

	it('a missing language file names every missing key', () => {
		const dir = broken('course.yaml', (d) => {
			d.languages = ['en', 'es'];
			d.title.es = 'Curso';
		});
		const issues = issuesOf(dir);
		expect(
			issues.some((i) => i.file.endsWith('01-basics/locales/es.yaml') && i.path === 'title')
		).toBe(true);
	});
});

describe('good content', () => {
	it('loads, compiles markup and cites the sources of the facts it uses', () => {
		const { course, resources } = loadCourseContent({ root: GOOD });
		expect(course.modules.map((m) => m.id)).toEqual(['basics']);
		expect(course.modules[0]!.lessons[0]!.sources).toEqual(['src_a', 'src_b']);
		const body = (resources.en!.basics!.lessons as Doc).first.intro.body;
		expect(body[0]).toEqual(['A ', 'bold', ' start. Call 1-888-373-7888.']);
		expect(body[1]).toEqual({ ul: [['one'], ['two']] });
		// `depth: more` marks optional depth; a block without it is core.
		const blocks = course.modules[0]!.lessons[0]!.blocks;
		expect(blocks.filter((b) => b.depth).map((b) => b.id)).toEqual(['myths']);
	});

	it('reads every question kind into one shape, with the answer key', () => {
		const { course } = loadCourseContent({ root: GOOD });
		const [tf, order, match] = course.modules[0]!.assessment;
		expect(tf).toMatchObject({
			kind: 'truefalse',
			options: [
				{ id: 't', correct: false },
				{ id: 'f', correct: true }
			]
		});
		expect(order).toMatchObject({ kind: 'order', items: ['first', 'second', 'third'] });
		expect(match).toMatchObject({
			kind: 'match',
			case: true,
			items: ['apple', 'sky', 'cherry'],
			categories: ['red', 'blue'],
			key: ['red', 'blue', 'red']
		});
	});

	it('puts the agency profile into the text, and the glossary in its own namespace', () => {
		const profile = join(mkdtempSync(join(tmpdir(), 'profile-')), 'p.yaml');
		dirs.push(dirname(profile));
		writeFileSync(
			profile,
			stringify({
				id: 'test_pd',
				agency: {
					name: 'Test PD',
					taskForce: 'TF',
					victimSpecialist: 'VS',
					supervisorProtocol: 'Sgt. Smith.'
				},
				track: 'short',
				passMark: 0.9
			})
		);
		const { course, resources } = loadCourseContent({ root: GOOD, profile });
		expect(course).toMatchObject({
			profile: 'test_pd',
			track: 'short',
			passMark: 0.9,
			assessmentSize: 3
		});
		expect(course.modules[0]!.scenarios).toEqual([]);
		expect(course.objectives).toEqual([{ id: 'basics_all', covers: ['know'] }]);
		expect((resources.en!.basics!.lessons as Doc).first.note.body).toEqual([['Tell Sgt. Smith.']]);
		expect(resources.en!.course!.agency).toMatchObject({ name: 'Test PD' });
		expect((resources.en!.glossary as Doc).term_a.definition).toEqual([
			['A ', 'term', ', call 1-888-373-7888.']
		]);
	});

	it('refuses a profile with an unknown track or markup in its text', () => {
		const dir = mkdtempSync(join(tmpdir(), 'profile-'));
		dirs.push(dir);
		const profile = join(dir, 'p.yaml');
		writeFileSync(
			profile,
			stringify({
				id: 'bad',
				agency: {
					name: '<b>PD</b>',
					taskForce: 'TF',
					victimSpecialist: 'VS',
					supervisorProtocol: 'S'
				},
				track: 'night'
			})
		);
		let issues: ContentError['issues'] = [];
		try {
			loadCourseContent({ root: GOOD, profile });
		} catch (e) {
			issues = (e as ContentError).issues;
		}
		expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
			expect.stringMatching(/^agency\.name: .*plain text only/)
		]);
	});
});

describe('the shipped content', () => {
	it('validates, with no text missing in any shipped language', () => {
		const { course, text } = loadCourseContent({ root: join(process.cwd(), 'modules') });
		expect(course.modules.length).toBeGreaterThan(0);
		for (const language of course.languages) expect(text.missing[language]).toEqual([]);
	});
});
