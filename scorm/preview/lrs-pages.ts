// The stand-in cmi5 LMS's pages: the cmi5 zips with a Launch link, and the page a returnURL leads
// to once the AU has terminated, with what the LRS received and the rules it broke.
import type { Bundle } from './bundles.ts';
import type { RegistrationReport } from './lrs.ts';
import { verbName } from './lrs-rules.ts';
import { escapeHtml } from './pages.ts';

/** What the LMS reads from cmi5.xml to launch the (first) AU. */
export interface CourseStructureInfo {
	title: string;
	auId: string;
	url: string;
	moveOn: string;
	masteryScore: string | null;
}

function attribute(tag: string, name: string): string | null {
	return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** The first AU of a bundle's cmi5.xml; null when the zip has none (a SCORM zip). */
export function readCourseStructure(bundle: Pick<Bundle, 'files'>): CourseStructureInfo | null {
	const bytes = bundle.files.get('cmi5.xml');
	if (!bytes) return null;
	const xml = new TextDecoder().decode(bytes);
	const au = /<au\b[^>]*>([\s\S]*?)<\/au>/.exec(xml);
	const tag = au?.[0].slice(0, au[0].indexOf('>') + 1) ?? '';
	const auId = attribute(tag, 'id');
	const url = /<url>([^<]*)<\/url>/.exec(au?.[1] ?? '')?.[1]?.trim();
	if (!auId || !url) return null;
	const unescape = (text: string): string =>
		text.replace(
			/&(amp|lt|gt|quot|apos);/g,
			(_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? ''
		);
	return {
		title: unescape(/<langstring[^>]*>([^<]*)</.exec(xml)?.[1] ?? ''),
		auId: unescape(auId),
		url,
		moveOn: attribute(tag, 'moveOn') ?? 'NotApplicable',
		masteryScore: attribute(tag, 'masteryScore')
	};
}

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="icon" href="data:,"></head>
<body>
${body}
</body>
</html>
`;
}

/** The home page: each cmi5 zip with a Launch link (a new registration each time). */
export function lmsHome(bundles: Bundle[]): string {
	const rows = bundles
		.map((bundle) => ({ bundle, structure: readCourseStructure(bundle) }))
		.filter((x) => x.structure)
		.map(
			({ bundle, structure }) =>
				`<li>${escapeHtml(structure!.title)} (<code>${escapeHtml(bundle.name)}</code>):
<a href="/lms/launch?bundle=${encodeURIComponent(bundle.name)}">Launch</a></li>`
		);
	return page(
		'Stand-in cmi5 LMS',
		`<h1>Stand-in cmi5 LMS</h1>
${rows.length ? `<ul>${rows.join('\n')}</ul>` : '<p>No cmi5 zips: run <code>npm run package</code>.</p>'}`
	);
}

/** Where returnURL leads: the registration's sessions, statements and violations. */
export function lmsReturned(report: RegistrationReport): string {
	const sessions = report.sessions
		.map(
			(s) =>
				`<li>Session <code>${escapeHtml(s.id)}</code> (${s.launchMode}${s.terminated ? ', terminated' : ''}):
${escapeHtml(s.statements.map(verbName).join(', '))}</li>`
		)
		.join('\n');
	const violations = report.violations.length
		? `<ul>${report.violations.map((v) => `<li>${escapeHtml(v)}</li>`).join('\n')}</ul>`
		: '<p>None.</p>';
	return page(
		'Back in the LMS',
		`<h1>Back in the LMS</h1>
<p>Registration <code>${escapeHtml(report.registration)}</code>.
<a href="/lms/registrations/${encodeURIComponent(report.registration)}">All statements (JSON)</a></p>
<h2>Sessions</h2>
<ul>${sessions}</ul>
<h2>Rule violations</h2>
${violations}`
	);
}
