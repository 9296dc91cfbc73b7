// `npm run size`: what a learner downloads before the first screen is usable (gzip), and the
// worst-case saved state. The course is one inline index.html, so the first screen needs exactly
// that file. Budgets from the issue: ≤ 90 KB gzip, suspend_data ≤ 4096, lesson_location ≤ 255.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeState } from '../src/lib/course/codec.ts';
import { worstCaseState } from '../src/lib/course/budget.ts';
import { loadCourse } from '../src/lib/content/load.ts';

const BUDGET = { startupGzip: 90 * 1024, suspendData: 4096, location: 255 };
const index = join('build', 'index.html');
if (!existsSync(index)) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
const html = readFileSync(index);
const gzip = gzipSync(html, { level: 9 }).length;
const worst = worstCaseState(loadCourse({ root: 'modules' }));
const suspend = encodeState(worst).length;
const rows: [string, number, number, string][] = [
	['startup download (build/index.html, gzip -9)', gzip, BUDGET.startupGzip, 'bytes'],
	['worst-case suspend_data', suspend, BUDGET.suspendData, 'characters'],
	['longest lesson_location', worst.location.length, BUDGET.location, 'characters']
];
let over = false;
for (const [what, value, budget, unit] of rows) {
	const ok = value <= budget;
	over ||= !ok;
	console.log(
		`${ok ? 'ok  ' : 'OVER'} ${what}: ${value} ${unit} (budget ${budget}, ${Math.round((value / budget) * 100)}%)`
	);
}
console.log(`     (raw index.html: ${html.length} bytes)`);
process.exitCode = over ? 1 : 0;
