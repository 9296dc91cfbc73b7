// The accessibility tree as Chromium gives it to screen readers (CDP Accessibility.getFullAXTree),
// and the checks every screen must pass in it; axe for the rules it knows.
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Locator, Page } from '@playwright/test';

/** One node of the accessibility tree that assistive technology sees (ignored nodes left out). */
export interface AxNode {
	role: string;
	name: string;
	/** The accessible description (aria-describedby), read after the name. */
	description: string;
	/** Properties by name: level, checked, expanded, disabled, live, ... */
	props: Record<string, unknown>;
}

interface CdpAxNode {
	nodeId: string;
	ignored: boolean;
	role?: { value: string };
	name?: { value: string };
	description?: { value: string };
	properties?: { name: string; value: { value: unknown } }[];
	childIds?: string[];
}

/** The accessibility tree of the page (or of the course frame inside it), in document order. */
export async function axTree(page: Page, frame?: Frame): Promise<AxNode[]> {
	const cdp = await page.context().newCDPSession(page);
	try {
		let frameId: string | undefined;
		if (frame) {
			type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
			const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: Tree };
			// CDP gives the address without its fragment (the course's hash route).
			const url = frame.url().split('#')[0];
			const find = (t: Tree): Tree | undefined =>
				t.frame.url === url ? t : t.childFrames?.map(find).find(Boolean);
			frameId = find(frameTree)?.frame.id;
			if (!frameId) throw new Error(`No frame at ${frame.url()}`);
		}
		const { nodes } = (await cdp.send(
			'Accessibility.getFullAXTree',
			frameId ? { frameId } : {}
		)) as {
			nodes: CdpAxNode[];
		};
		const byId = new Map(nodes.map((n) => [n.nodeId, n]));
		const out: AxNode[] = [];
		const visit = (n: CdpAxNode) => {
			if (!n.ignored) {
				out.push({
					role: n.role?.value ?? '',
					name: (n.name?.value ?? '').trim(),
					description: (n.description?.value ?? '').trim(),
					props: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value]))
				});
			}
			for (const id of n.childIds ?? []) {
				const child = byId.get(id);
				if (child) visit(child);
			}
		};
		visit(nodes[0]!);
		return out;
	} finally {
		await cdp.detach();
	}
}

/** Roles a learner operates: each needs an accessible name. */
const CONTROLS = new Set([
	'button',
	'link',
	'checkbox',
	'radio',
	'combobox',
	'listbox',
	'textbox',
	'searchbox',
	'spinbutton',
	'slider',
	'switch',
	'tab',
	'menuitem',
	'DisclosureTriangle',
	'progressbar'
]);

/**
 * What a screen reader user needs on every screen: one banner, main and contentinfo landmark (and
 * the lesson navigation where the screen has Previous / Next), exactly one h1, headings that go
 * down one level at a time, a name on every control and every image. Returns what is wrong.
 */
export function auditTree(nodes: AxNode[], options: { navLabel?: string } = {}): string[] {
	const problems: string[] = [];
	for (const role of ['banner', 'main', 'contentinfo']) {
		const count = nodes.filter((n) => n.role === role).length;
		if (count !== 1) problems.push(`${count} ${role} landmarks (want 1)`);
	}
	if (
		options.navLabel &&
		!nodes.some((n) => n.role === 'navigation' && n.name === options.navLabel)
	)
		problems.push(`no navigation landmark named "${options.navLabel}"`);
	const headings = nodes
		.filter((n) => n.role === 'heading')
		.map((n) => ({ level: Number(n.props.level), name: n.name }));
	const h1 = headings.filter((h) => h.level === 1).length;
	if (h1 !== 1) problems.push(`${h1} h1 headings (want 1)`);
	let previous = 0;
	for (const h of headings) {
		if (previous === 0 && h.level !== 1) problems.push(`first heading is h${h.level}: "${h.name}"`);
		else if (h.level > previous + 1)
			problems.push(`h${h.level} "${h.name}" follows h${previous} (a level skipped)`);
		previous = h.level;
	}
	for (const n of nodes) {
		if (CONTROLS.has(n.role) && !n.name) problems.push(`${n.role} without a name`);
		if ((n.role === 'image' || n.role === 'img') && !n.name) problems.push('image without a name');
	}
	return problems;
}

/** axe (WCAG 2.0/2.1 A and AA, best practice): the violations, one line each. */
export async function axeViolations(page: Page, frame?: Frame): Promise<string[]> {
	const builder = new AxeBuilder({ page }).withTags([
		'wcag2a',
		'wcag2aa',
		'wcag21a',
		'wcag21aa',
		'best-practice'
	]);
	if (frame) builder.include('iframe[title="Course"]');
	const result = await builder.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

/** The accessibility node of one element (role, name, states), as a screen reader gets it. */
export async function axOf(page: Page, locator: Locator): Promise<AxNode> {
	await locator.evaluate((el) => el.setAttribute('data-ax-probe', ''));
	const cdp = await page.context().newCDPSession(page);
	try {
		// The whole DOM, frames included, to find the marked element wherever it is.
		type DomNode = {
			backendNodeId: number;
			attributes?: string[];
			children?: DomNode[];
			contentDocument?: DomNode;
		};
		const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
			root: DomNode;
		};
		const find = (n: DomNode): DomNode | undefined =>
			n.attributes?.includes('data-ax-probe')
				? n
				: [...(n.children ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]
						.map(find)
						.find(Boolean);
		const target = find(root);
		if (!target) throw new Error('The element is not in the document');
		const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
			backendNodeId: target.backendNodeId,
			fetchRelatives: false
		})) as { nodes: CdpAxNode[] };
		const node = nodes[0]!;
		return {
			role: node.ignored ? 'ignored' : (node.role?.value ?? ''),
			name: (node.name?.value ?? '').trim(),
			description: (node.description?.value ?? '').trim(),
			props: Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value.value]))
		};
	} finally {
		await cdp.detach();
		await locator.evaluate((el) => el.removeAttribute('data-ax-probe'));
	}
}
