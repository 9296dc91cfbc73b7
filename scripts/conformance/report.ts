// The accessibility conformance report: docs/accessibility/conformance.yaml (one entry per WCAG
// 2.1 A/AA success criterion: status, how it is met, the tests that check it or the reason none
// can) → docs/accessibility.html, shipped in every package as accessibility.html.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WCAG21_AA } from './criteria.ts';

export const STATUSES = ['supports', 'partially supports', 'does not support', 'not applicable'];
export const SOURCE = join('docs', 'accessibility', 'conformance.yaml');
export const OUTPUT = join('docs', 'accessibility.html');

export interface Entry {
	id: string;
	name: string;
	level: 'A' | 'AA';
	status: string;
	how: string;
	/** `tests/<file> › <words of a test title>`, each found in that file. */
	tests: string[];
	reason?: string;
}

export interface Conformance {
	product: string;
	version: string;
	date: string;
	scope: string;
	method: string;
	criteria: Entry[];
}

/** Read and check the report's source; every problem is listed with the criterion it is in. */
export function loadConformance(root = '.'): { report: Conformance; problems: string[] } {
	const raw = parse(readFileSync(join(root, SOURCE), 'utf8')) as Record<string, unknown>;
	const problems: string[] = [];
	const given = (raw.criteria ?? {}) as Record<string, Record<string, unknown>>;
	for (const id of Object.keys(given)) {
		if (!WCAG21_AA.some((c) => c.id === id)) {
			problems.push(`${SOURCE}: criteria.${id}: not a WCAG 2.1 A or AA success criterion`);
		}
	}
	const criteria = WCAG21_AA.map((c): Entry => {
		const at = `${SOURCE}: criteria.${c.id} (${c.name})`;
		const e = given[c.id];
		if (!e) {
			problems.push(`${at}: missing; every A and AA criterion needs an entry`);
			return { ...c, status: '', how: '', tests: [] };
		}
		const status = String(e.status ?? '');
		if (!STATUSES.includes(status)) {
			problems.push(`${at}.status: "${status}" is not one of ${STATUSES.join(', ')}`);
		}
		const how = String(e.how ?? '').trim();
		if (!how) problems.push(`${at}.how: say how the criterion is met (or why it does not apply)`);
		const tests = Array.isArray(e.tests) ? e.tests.map(String) : [];
		const reason = typeof e.reason === 'string' ? e.reason.trim() : undefined;
		if (!tests.length && !reason) {
			problems.push(`${at}: name the tests that check it, or give the reason none can`);
		}
		for (const ref of tests) {
			const m = /^(tests\/[\w./-]+|src\/[\w./-]+|scripts\/[\w./-]+) › (.+)$/.exec(ref);
			if (!m) {
				problems.push(`${at}.tests: "${ref}" is not "<test file> › <words of the test title>"`);
				continue;
			}
			const file = join(root, m[1]!);
			if (!existsSync(file)) problems.push(`${at}.tests: ${m[1]} does not exist`);
			else if (!readFileSync(file, 'utf8').includes(m[2]!)) {
				problems.push(`${at}.tests: no test in ${m[1]} says "${m[2]}"`);
			}
		}
		return { ...c, status, how, tests, ...(reason ? { reason } : {}) };
	});
	const report: Conformance = {
		product: String(raw.product ?? ''),
		version: String(raw.version ?? ''),
		date: String(raw.date ?? ''),
		scope: String(raw.scope ?? ''),
		method: String(raw.method ?? ''),
		criteria
	};
	return { report, problems };
}

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The report as one self-contained, accessible HTML page (no script, no outside request). */
export function renderConformance(report: Conformance): string {
	const count = (s: string) => report.criteria.filter((c) => c.status === s).length;
	const rows = report.criteria
		.map(
			(c) => `<tr>
<th scope="row" id="sc-${c.id.replaceAll('.', '-')}">${c.id} ${escape(c.name)}</th>
<td>${c.level}</td>
<td>${escape(c.status)}</td>
<td>${escape(c.how)}</td>
<td>${
				c.tests.length
					? `<ul>${c.tests.map((t) => `<li><code>${escape(t)}</code></li>`).join('')}</ul>`
					: ''
			}${c.reason ? `<p>${escape(c.reason)}</p>` : ''}</td>
</tr>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accessibility conformance report · ${escape(report.product)}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; max-inline-size: 72rem; padding: 1rem; }
table { border-collapse: collapse; inline-size: 100%; }
th, td { border: 1px solid #565c65; padding: 0.5rem; text-align: start; vertical-align: top; }
thead th { background: #e6e6e6; }
code { overflow-wrap: anywhere; font-size: 0.9em; }
ul { margin: 0; padding-inline-start: 1.2rem; }
@media (max-width: 40rem) { table, thead, tbody, tr, th, td { display: block; } thead { display: none; } td { border-block-start: 0; } }
@media (forced-colors: active) { th, td { border-color: CanvasText; } }
</style>
</head>
<body>
<main>
<h1>Accessibility conformance report</h1>
<p>${escape(report.product)}, version ${escape(report.version)}. Report date: ${escape(report.date)}.</p>
<p>Standard: Web Content Accessibility Guidelines (WCAG) 2.1, levels A and AA (Section 508).</p>
<h2>Scope</h2>
<p>${escape(report.scope)}</p>
<h2>How it was evaluated</h2>
<p>${escape(report.method)}</p>
<h2>Summary</h2>
<ul>
${STATUSES.map((s) => `<li>${escape(s)}: ${count(s)}</li>`).join('\n')}
</ul>
<h2>Success criteria</h2>
<table>
<caption>WCAG 2.1 A and AA success criteria: status, how each is met, and the test that checks it or the reason none can</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Level</th><th scope="col">Status</th><th scope="col">How it is met</th><th scope="col">Checked by</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`;
}
