// `npm run content:minutes`: write the estimated core minutes (seat-time.ts) into each module.yaml
// (module and lessons) and scenario file, where the home page shows them. A module is measured in
// the track that keeps all of its scenarios, as seat-time.test.ts checks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourseContent } from '../src/lib/content/load.ts';
import { seatTime } from '../src/lib/content/seat-time.ts';

const root = join(process.cwd(), 'modules');
const minutes = (n: number) => Math.max(1, Math.round(n));
const done = new Set<string>();
let changed = 0;

/**
 * Set the `minutes:` lines of one file: each anchor (a line pattern, or null for the file's start)
 * gets the first `minutes:` line at or after it. The file is written once, if anything changed.
 */
function setMinutes(file: string, values: [anchor: RegExp | null, value: number][]) {
	const lines = readFileSync(file, 'utf8').split('\n');
	let edits = 0;
	for (const [anchor, value] of values) {
		let at = anchor ? lines.findIndex((l) => anchor.test(l)) : 0;
		if (at < 0) throw new Error(`${file}: no line matching ${anchor}`);
		while (at < lines.length && !/^\s*minutes: \d+\s*$/.test(lines[at]!)) at++;
		if (at === lines.length) throw new Error(`${file}: no minutes after ${anchor}`);
		const line = lines[at]!.replace(/\d+/, String(value));
		if (line !== lines[at]) {
			lines[at] = line;
			edits++;
		}
	}
	if (edits) writeFileSync(file, lines.join('\n'));
	changed += edits;
}

for (const profile of ['default.yaml', 'campus.yaml']) {
	const loaded = loadCourseContent({ root, profile: join(process.cwd(), 'profiles', profile) });
	const time = seatTime(loaded);
	for (const m of loaded.course.modules) {
		if (done.has(m.id)) continue;
		done.add(m.id);
		const dir = loaded.moduleDirs.get(m.id)!;
		const t = time.modules[m.id]!;
		setMinutes(join(dir, 'module.yaml'), [
			[null, minutes(t.core)],
			...m.lessons.map((l): [RegExp, number] => [
				new RegExp(`^  - id: ${l.id}\\s*$`),
				minutes(t.lessons[l.id]!.core)
			])
		]);
		for (const s of m.scenarios)
			setMinutes(join(dir, 'scenarios', `${s.id}.yaml`), [[null, minutes(t.scenarios[s.id]!)]]);
	}
}
console.log(`${changed} minutes updated`);
