// Two gates for a manifest: the official XSDs (xmllint-wasm, no native libxml2 needed) and the
// package rules a schema cannot express (files exist, references resolve; scorm-rules.md §3.4).
import path from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import type { Standard } from './manifest.ts';
import { messageOf, readSchemaFiles, SCHEMA_FOLDERS } from './schemas.ts';
import { scanElements, type XmlElement } from './xml-scan.ts';

export interface ValidateManifestOptions {
	standard: Standard;
	xml: string;
	/** Folder holding scorm12/ and scorm2004-4th/. */
	schemasDir: string;
}

export interface ManifestValidation {
	valid: boolean;
	errors: string[];
}

// xmllint takes one --schema, and the root CP schema alone rejects the adlcp/imsss extensions
// (its wildcards are strict), so a driver imports every namespace a manifest may use.
// Not imsmd_rootv1p2p1.xsd: libxml2 2.13 (xmllint-wasm) refuses to compile it ("content model is
// not determinist"). The manifests carry no IMS MD metadata, so nothing needs it; a manifest that
// embeds some fails as undeclared rather than passing unchecked.
const DRIVER_IMPORTS: Record<Standard, [namespace: string, file: string][]> = {
	scorm12: [
		['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
		['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd']
	],
	scorm2004: [
		['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
		['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
		['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
		['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
		['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd']
	]
};

const DRIVER_FILE = 'validation-driver.xsd';
const MANIFEST_FILE = 'imsmanifest.xml';

function driverSchema(standard: Standard): string {
	const imports = DRIVER_IMPORTS[standard]
		.map(([ns, file]) => `\t<xs:import namespace="${ns}" schemaLocation="${file}" />`)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-scorm-validation-driver">
${imports}
</xs:schema>
`;
}

/** Adjusts the in-memory copy used for validation only; the shipped files stay byte-for-byte official. */
function forValidation(file: string, text: string): string {
	const toRoot = '../'.repeat(file.split('/').length - 1);
	// ADL's imscp_v1p1.xsd imports xml.xsd by URL and there is no network: point it at the local copy.
	let out = text.replace(
		/schemaLocation(\s*)=(\s*)(["'])http:\/\/www\.w3\.org\/2001\/xml\.xsd\3/g,
		`schemaLocation$1=$2$3${toRoot}xml.xsd$3`
	);
	// The 1.2 ims_xml.xsd declares the xml namespace as default, which libxml2 warns about on every run.
	if (file === 'ims_xml.xsd')
		out = out.replace(/\s+xmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"/, '');
	return out;
}

/** Validates imsmanifest.xml text against the official XSD set of its standard. */
export async function validateManifest({
	standard,
	xml,
	schemasDir
}: ValidateManifestOptions): Promise<ManifestValidation> {
	const decoder = new TextDecoder();
	const schemas = await readSchemaFiles({ standard, schemasDir });
	const preload = schemas.map((file) => ({
		fileName: file.path,
		contents: file.path.endsWith('.xsd')
			? forValidation(file.path, decoder.decode(file.contents))
			: file.contents
	}));
	let result: XMLValidationResult;
	try {
		result = await validateXML({
			xml: [{ fileName: MANIFEST_FILE, contents: xml }],
			schema: [{ fileName: DRIVER_FILE, contents: driverSchema(standard) }],
			preload
		});
	} catch (error) {
		const dir = path.join(schemasDir, SCHEMA_FOLDERS[standard]);
		throw new Error(
			`xmllint could not validate against the ${standard} schemas in ${dir}: ${messageOf(error)}`,
			{ cause: error }
		);
	}
	if (result.valid) return { valid: true, errors: [] };
	const errors = result.rawOutput
		.split('\n')
		.filter((line) => line.trim() !== '' && !/^\s*\^\s*$/.test(line))
		.filter((line) => line !== `${MANIFEST_FILE} fails to validate`);
	return { valid: false, errors: errors.length > 0 ? errors : ['xmllint rejected the manifest'] };
}

export interface CheckPackageOptions {
	xml: string;
	/** Every path in the zip, forward slashes, relative to the zip root. */
	entries: readonly string[];
}

const CP_NAMESPACES = new Set([
	'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
	'http://www.imsglobal.org/xsd/imscp_v1p1'
]);
const SCORM_TYPE_ATTRS = [
	'{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype',
	'{http://www.adlnet.org/xsd/adlcp_v1p3}scormType'
];
const XSI_SCHEMA_LOCATION = '{http://www.w3.org/2001/XMLSchema-instance}schemaLocation';
const XML_BASE = '{http://www.w3.org/XML/1998/namespace}base';
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A package-relative path for an href, or null when it leaves the package or is an absolute URL. */
function hrefToPath(href: string, base: string): string | null {
	const bare = (base + href).replace(/[?#].*$/, '');
	if (URL_SCHEME.test(bare) || bare.startsWith('/')) return null;
	let decoded = bare;
	try {
		decoded = decodeURIComponent(bare);
	} catch {
		// A malformed escape is kept as written, so the "not in the zip" message shows it verbatim.
	}
	const normalized = path.posix.normalize(decoded);
	return normalized.startsWith('../') || normalized === '..' ? null : normalized;
}

/** Checks what XSD validation cannot: every reference in the manifest resolves inside the zip. */
export function checkPackage({ xml, entries }: CheckPackageOptions): string[] {
	let elements: XmlElement[];
	try {
		elements = scanElements(xml);
	} catch (error) {
		return [`${MANIFEST_FILE} is not well-formed: ${messageOf(error)}`];
	}
	const files = new Set(entries.filter((entry) => !entry.endsWith('/')));
	const errors: string[] = [];
	const hint = (wanted: string): string => {
		const near = [...files].find((file) => file.toLowerCase() === wanted.toLowerCase());
		return near === undefined ? '' : ` (did you mean "${near}"? LMS servers are case-sensitive)`;
	};
	const cp = (local: string): XmlElement[] =>
		elements.filter((el) => el.local === local && CP_NAMESPACES.has(el.ns));

	if (!files.has(MANIFEST_FILE)) errors.push(`${MANIFEST_FILE} is not at the zip root`);
	const root = elements[0];
	if (root === undefined || root.local !== 'manifest' || !CP_NAMESPACES.has(root.ns)) {
		errors.push(`the root element is not an IMS content packaging <manifest>`);
	}

	for (const organizations of cp('organizations')) {
		const ids = cp('organization')
			.filter((org) => org.parent === organizations)
			.map((org) => org.attrs.get('identifier'));
		const wanted = organizations.attrs.get('default');
		if (wanted === undefined && ids.length > 0) {
			errors.push(`<organizations> (line ${organizations.line}) has no default attribute`);
		} else if (wanted !== undefined && !ids.includes(wanted)) {
			errors.push(
				`<organizations default="${wanted}"> (line ${organizations.line}) matches no <organization identifier> (found: ${ids.join(', ') || 'none'})`
			);
		}
	}

	const resourceIds = new Set(cp('resource').map((res) => res.attrs.get('identifier')));
	for (const ref of [...cp('item'), ...cp('dependency')]) {
		const wanted = ref.attrs.get('identifierref');
		if (wanted !== undefined && !resourceIds.has(wanted)) {
			const name = `<${ref.local} identifier="${ref.attrs.get('identifier') ?? ''}">`;
			errors.push(`${name} (line ${ref.line}): identifierref "${wanted}" matches no <resource>`);
		}
	}

	for (const resource of cp('resource')) {
		const label = `resource "${resource.attrs.get('identifier') ?? '?'}" (line ${resource.line})`;
		const base =
			(resource.parent?.attrs.get(XML_BASE) ?? '') + (resource.attrs.get(XML_BASE) ?? '');
		const isSco = SCORM_TYPE_ATTRS.some((attr) => resource.attrs.get(attr) === 'sco');
		const listed = cp('file').filter((file) => file.parent === resource);
		const listedPaths = new Set(
			listed.map((file) => hrefToPath(file.attrs.get('href') ?? '', base))
		);
		const href = resource.attrs.get('href');
		if (href === undefined) {
			if (isSco) errors.push(`${label} is a SCO but has no href to launch`);
		} else {
			const target = hrefToPath(href, base);
			if (target === null) {
				if (isSco) errors.push(`${label}: the SCO href "${href}" points outside the package`);
			} else {
				if (!files.has(target))
					errors.push(`${label}: href "${href}" is not in the zip${hint(target)}`);
				if (!listedPaths.has(target)) {
					errors.push(`${label}: href "${href}" is not also listed as a <file>`);
				}
			}
		}
		for (const file of listed) {
			const fileHref = file.attrs.get('href') ?? '';
			const target = hrefToPath(fileHref, base);
			if (target === null) {
				errors.push(
					`${label}: <file href="${fileHref}"> (line ${file.line}) points outside the package`
				);
			} else if (!files.has(target)) {
				errors.push(
					`${label}: <file href="${fileHref}"> (line ${file.line}) is not in the zip${hint(target)}`
				);
			}
		}
	}

	const locations = (root?.attrs.get(XSI_SCHEMA_LOCATION) ?? '')
		.trim()
		.split(/\s+/)
		.filter(Boolean);
	if (locations.length % 2 !== 0) {
		errors.push('xsi:schemaLocation must hold namespace/file pairs but has an odd number of parts');
	}
	for (let i = 1; i < locations.length; i += 2) {
		const location = locations[i] ?? '';
		if (URL_SCHEME.test(location) || location.includes('/')) {
			errors.push(
				`xsi:schemaLocation names "${location}"; the schema must be a file at the zip root`
			);
		} else if (!files.has(location)) {
			errors.push(
				`schema "${location}" named in xsi:schemaLocation is not at the zip root${hint(location)}`
			);
		}
	}
	return errors;
}
