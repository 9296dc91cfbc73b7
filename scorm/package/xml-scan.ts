// A small namespace-aware scanner for manifests. The XSD pass (xmllint) already proved the XML
// well-formed and valid; the semantic checks only need elements, attributes and nesting, and the
// project has no DOM parser on the Node side.

export interface XmlElement {
	/** Namespace URI ('' when none). */
	ns: string;
	local: string;
	/** Unprefixed attributes by name; prefixed ones as `{namespace}local`. */
	attrs: Map<string, string>;
	parent: XmlElement | null;
	line: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
	return text.replace(ENTITY, (_match, hex?: string, dec?: string, name?: string) => {
		if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
		if (dec !== undefined) return String.fromCodePoint(parseInt(dec, 10));
		return NAMED[name ?? ''] ?? '';
	});
}

/** Blanks out comments, CDATA, PIs and the doctype, keeping newlines so line numbers stay right. */
function blankNonElements(xml: string): string {
	return xml.replace(
		/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g,
		(m) => m.replace(/[^\n]/g, ' ')
	);
}

function splitName(name: string): [prefix: string, local: string] {
	const colon = name.indexOf(':');
	return colon === -1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

interface Scope {
	element: XmlElement;
	name: string;
	namespaces: Map<string, string>;
}

/** Returns every element in document order, or throws if the tags do not nest. */
export function scanElements(xml: string): XmlElement[] {
	const text = blankNonElements(xml);
	const elements: XmlElement[] = [];
	const stack: Scope[] = [];
	let line = 1;
	let lastIndex = 0;
	for (const match of text.matchAll(TAG)) {
		const [, closing, name = '', rawAttrs = '', selfClosing] = match;
		line += countNewlines(text, lastIndex, match.index);
		lastIndex = match.index;
		if (closing) {
			const open = stack.pop();
			if (open?.name !== name) {
				throw new Error(`line ${line}: </${name}> does not close <${open?.name ?? 'nothing'}>`);
			}
			continue;
		}
		const outer = stack.at(-1);
		const namespaces = new Map(outer?.namespaces ?? [['xml', XML_NS]]);
		const raw: [string, string][] = [];
		for (const [, attrName = '', double, single] of rawAttrs.matchAll(ATTR)) {
			const value = decodeEntities(double ?? single ?? '');
			if (attrName === 'xmlns') namespaces.set('', value);
			else if (attrName.startsWith('xmlns:')) namespaces.set(attrName.slice(6), value);
			else raw.push([attrName, value]);
		}
		const attrs = new Map<string, string>();
		for (const [attrName, value] of raw) {
			const [prefix, local] = splitName(attrName);
			// Unprefixed attributes have no namespace, whatever the default namespace is.
			attrs.set(prefix === '' ? local : `{${namespaces.get(prefix) ?? prefix}}${local}`, value);
		}
		const [prefix, local] = splitName(name);
		const element: XmlElement = {
			ns: namespaces.get(prefix) ?? '',
			local,
			attrs,
			parent: outer?.element ?? null,
			line
		};
		elements.push(element);
		if (!selfClosing) stack.push({ element, name, namespaces });
	}
	if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
	return elements;
}

function countNewlines(text: string, from: number, to: number): number {
	let count = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
	return count;
}
