// `npm run content:minutes`: write the estimated core minutes (seat-time.ts) into each module.yaml
// (module and lessons) and scenario file, where the home page shows them. A module is measured in
// the track that keeps all of its scenarios, as seat-time.test.ts checks.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourseContent } from '../src/lib/content/load.ts';
import { seatTime } from '../src/lib/content/seat-time.ts';

const root = join(process.cwd(), 'modules');
const minutes = (n: number) => Math.max(1, Math.round(n));
const done = new Set<string>();
let changed = 0;

/** Replace the `minutes:` line that follows `anchor` (or the first one when anchor is null). */
function setMinutes(file: string, anchor: RegExp | null, value: number) {
	const lines = readFileSync(file, 'utf8').split('\n');
	let at = anchor ? lines.findIndex((l) => anchor.test(l)) : 0;
	if (at < 0) throw new Error(`${file}: no line matching ${anchor}`);
	while (at < lines.length && !/^\s*minutes: \d+\s*$/.test(lines[at]!)) at++;
	if (at === lines.length) throw new Error(`${file}: no minutes after ${anchor}`);
	const line = lines[at]!.replace(/\d+/, String(value));
	if (line !== lines[at]) {
		lines[at] = line;
		writeFileSync(file, lines.join('\n'));
		changed++;
	}
}

for (const profile of ['default.yaml', 'campus.yaml']) {
	const loaded = loadCourseContent({ root, profile: join(process.cwd(), 'profiles', profile) });
	const time = seatTime(loaded);
	for (const m of loaded.course.modules) {
		if (done.has(m.id)) continue;
		const folder = readdirSync(root).find((d) => d.replace(/^\d+-/, '') === m.id);
		if (!folder) throw new Error(`no folder for module ${m.id} in ${root}`);
		const dir = join(root, folder);
		const file = join(dir, 'module.yaml');
		done.add(m.id);
		setMinutes(file, null, minutes(time.modules[m.id]!.core));
		for (const l of m.lessons)
			setMinutes(
				file,
				new RegExp(`^  - id: ${l.id}\\s*$`),
				minutes(time.modules[m.id]!.lessons[l.id]!.core)
			);
		for (const s of m.scenarios)
			setMinutes(
				join(dir, 'scenarios', `${s.id}.yaml`),
				null,
				minutes(time.modules[m.id]!.scenarios[s.id]!)
			);
	}
}
console.log(`${changed} minutes updated`);
