// `npm run a11y:report`: check docs/accessibility/conformance.yaml and write docs/accessibility.html
// (shipped in every package as accessibility.html). Fails with every problem it finds.
import { writeFileSync } from 'node:fs';
import { OUTPUT, loadConformance, renderConformance } from './conformance/report.ts';

const { report, problems } = loadConformance();
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
writeFileSync(OUTPUT, renderConformance(report));
const by = (s: string) => report.criteria.filter((c) => c.status === s).length;
console.log(
	`${OUTPUT}: ${report.criteria.length} criteria (supports ${by('supports')}, partially supports ${by('partially supports')}, not applicable ${by('not applicable')})`
);
