// Server-rendered HTML of the preview LMS: the bundle list, the player shell and the 404 page.
import { mountPath } from './bundles.ts';
import type { Bundle } from './bundles.ts';
import type { PreviewConfig, Standard } from './contract.ts';

/** Display names of the standards. */
export const STANDARD_NAMES: Record<Standard, string> = {
	scorm12: 'SCORM 1.2',
	scorm2004: 'SCORM 2004'
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);
}

function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

// data: favicon: the browser would otherwise request /favicon.ico and log a 404.
function shell(title: string, body: string, head = ''): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview.css">
${head}</head>
<body>
${body}
</body>
</html>
`;
}

/** Player URL for a bundle. */
export function playerUrl(bundle: Pick<Bundle, 'name'>): string {
	return `/player.html?bundle=${encodeURIComponent(bundle.name)}`;
}

/** The home page: every zip in distDir with a Launch link. */
export function homePage(all: Bundle[], distDir: string): string {
	// cmi5 packages need an LRS, not a SCORM API: they are listed apart, with how to run them.
	const bundles = all.filter((b) => b.files.has('imsmanifest.xml'));
	const others = all.filter((b) => !b.files.has('imsmanifest.xml') && b.files.has('cmi5.xml'));
	const cmi5 = others.length
		? `<p>cmi5 packages (${others.map((b) => `<span class="mono">${escapeHtml(b.name)}</span>`).join(', ')})
run against a stand-in cmi5 LMS and LRS: <code>npm run preview:cmi5</code>.</p>`
		: '';
	const rows = bundles
		.map(
			(b) => `<tr>
<th scope="row" class="mono">${escapeHtml(b.name)}</th>
<td>${escapeHtml(b.manifest.title)}</td>
<td>${STANDARD_NAMES[b.manifest.standard]}</td>
<td>${formatSize(b.size)}</td>
<td>${escapeHtml(new Date(b.mtimeMs).toLocaleString('en-GB'))}</td>
<td><a href="${escapeHtml(playerUrl(b))}" aria-label="Launch ${escapeHtml(b.name)}">Launch</a></td>
</tr>`
		)
		.join('\n');
	const table = bundles.length
		? `<table class="bundles">
<caption>SCORM packages in <span class="mono">${escapeHtml(distDir)}</span></caption>
<thead><tr><th scope="col">Bundle</th><th scope="col">Title</th><th scope="col">Standard</th>
<th scope="col">Size</th><th scope="col">Modified</th><th scope="col">Action</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
		: `<p>No SCORM zips in <span class="mono">${escapeHtml(distDir)}</span>.
Run <code>npm run package</code>, then reload this page.</p>`;
	return shell(
		'Preview LMS',
		`<header class="bar"><h1>Preview LMS</h1></header>
<main class="home">
${table}
${cmi5}
</main>`
	);
}

/** The player shell; player.ts fills in the inspector and loads the course. */
export function playerPage(config: PreviewConfig): string {
	// Escape '<' so a value containing '</script>' cannot end the JSON block.
	const json = JSON.stringify(config).replace(/</g, '\\u003c');
	const standard = STANDARD_NAMES[config.standard];
	const missingChecker = config.strictChecker
		? ''
		: `<p class="warning">scorm/runtime/strict.ts was not found when the player was built, so
values are not checked against strict LMS rules. Restart the preview once it exists.</p>`;
	const calls = ['#', 'Function', 'Element', 'Value', 'Result', 'Verdict'];
	return shell(
		`${config.bundle} (${standard}) · Preview LMS`,
		`<header class="bar">
<div class="bar-title">
<h1 class="mono">${escapeHtml(config.bundle)}</h1>
<p><span class="standard">${standard}</span> · ${escapeHtml(config.title)} ·
<a href="/">All bundles</a></p>
</div>
<div class="bar-actions">
<button type="button" id="relaunch">Relaunch (resume)</button>
<button type="button" id="new-attempt">New attempt</button>
<button type="button" id="toggle-inspector" aria-controls="inspector" aria-expanded="true">Hide inspector</button>
</div>
</header>
<div class="layout">
<main class="course"><iframe id="course" title="Course"></iframe></main>
<aside id="inspector" class="inspector" aria-labelledby="inspector-title">
<h2 id="inspector-title">Inspector</h2>
<p id="status" role="status">Starting…</p>
${missingChecker}
<section aria-labelledby="calls-title">
<h3 id="calls-title">API calls</h3>
<p id="call-summary"></p>
<div class="scroll" id="calls-scroll" tabindex="0">
<table id="calls">
<caption class="sr-only">Calls the course made on the LMS API, oldest first</caption>
<thead><tr>${calls.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
<tbody id="calls-body"></tbody>
</table>
</div>
</section>
<section aria-labelledby="model-title">
<h3 id="model-title">Data model</h3>
<div class="scroll" tabindex="0">
<table id="model">
<caption class="sr-only">Live flattened CMI data model</caption>
<thead><tr><th scope="col">Element</th><th scope="col">Value</th></tr></thead>
<tbody id="model-body"></tbody>
</table>
</div>
</section>
</aside>
</div>`,
		`<script type="application/json" id="preview-config">${json}</script>
<script type="module" src="/player.js"></script>
`
	);
}

/** Plain 404 page. */
export function notFoundPage(what: string): string {
	return shell(
		'Not found · Preview LMS',
		`<main class="home"><h1>Not found</h1><p>${escapeHtml(what)}</p><p><a href="/">All bundles</a></p></main>`
	);
}

/** Builds the player config for a bundle (mounted under `mountPrefix`, the default if omitted). */
export function playerConfig(
	bundle: Bundle,
	strictChecker: boolean,
	mountPrefix?: string
): PreviewConfig {
	// A resource href may carry a query string (launch parameters): keep it unencoded.
	const [path = '', query] = bundle.manifest.launchPath.split(/\?(.*)/s);
	const encoded = path.split('/').map(encodeURIComponent).join('/');
	const launchUrl =
		mountPath(bundle, mountPrefix) + encoded + (query === undefined ? '' : `?${query}`);
	return { ...bundle.manifest, bundle: bundle.name, launchUrl, strictChecker };
}
