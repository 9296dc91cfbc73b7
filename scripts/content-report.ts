// `npm run content:report [-- --json] [-- --profile <file>]`: what the course holds, for a content owner.
import { join } from 'node:path';
import { loadCourseContent } from '../src/lib/content/load.ts';
import { ContentError } from '../src/lib/content/issues.ts';
import { contentReport, formatContentReport } from '../src/lib/content/report.ts';

const json = process.argv.includes('--json');
const at = process.argv.indexOf('--profile');
const profile = at > 0 ? process.argv[at + 1] : undefined;
try {
	const loaded = loadCourseContent({
		root: join(process.cwd(), 'modules'),
		...(profile ? { profile } : {})
	});
	const report = contentReport(loaded);
	console.log(json ? JSON.stringify(report, null, 2) : formatContentReport(report));
} catch (e) {
	if (!(e instanceof ContentError)) throw e;
	console.log(json ? JSON.stringify({ valid: false, issues: e.issues }, null, 2) : e.message);
	process.exitCode = 1;
}
