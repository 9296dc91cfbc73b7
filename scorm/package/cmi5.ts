// cmi5.xml, the course structure of a cmi5 package (scorm-rules.md §5): one AU that launches
// index.html, its moveOn and masteryScore from the course settings, validated against the cmi5
// CourseStructure.xsd like the SCORM manifests are against theirs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { escapeXml, LAUNCH_FILE, toDecimal } from './manifest.ts';
import { messageOf } from './schemas.ts';
import { scanElements, type XmlElement } from './xml-scan.ts';

/** The course structure file at the zip root. */
export const CMI5_FILE = 'cmi5.xml';

/** Namespace of the cmi5 course structure (also the XSD's target namespace). */
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** Where the schema lives under the schemas dir (../shared/scorm-schemas). */
export const CMI5_SCHEMA = 'cmi5/CourseStructure.xsd';

/**
 * Base of the publisher IRIs. `.invalid` (RFC 2606) can never be anyone's domain, so the ids claim
 * no one else's; a publisher with its own domain changes this one line (docs/decisions.md).
 */
export const COURSE_IRI_BASE = 'https://example.invalid/courses/';

/** How the LMS decides the AU is done (cmi5 §13.1.4). */
export type MoveOn = 'Completed' | 'Passed' | 'CompletedAndPassed' | 'CompletedOrPassed';

/** The course settings the course structure needs. */
export interface Cmi5Course {
	id: string;
	/** Per language; at least the default language. */
	title: Record<string, string>;
	/** Per language; the title stands in where a language has none. */
	description: Record<string, string>;
	/** Fraction 0..1 of the score needed to pass. */
	passMark: number;
}

/** The publisher's course IRI: from the course id only, so it stays the same across versions. */
export function courseIri(options: { id: string }): string {
	return `${COURSE_IRI_BASE}${encodeURIComponent(options.id)}`;
}

/** The publisher's AU IRI (the LMS reports it in every statement's grouping). */
export function auIri(options: { id: string }): string {
	return `${courseIri(options)}/au`;
}

/** Completion needs every lesson and scenario, success needs the pass mark: both count. */
export function moveOnFor(options: { passMark: number }): MoveOn {
	// With no pass mark there is nothing to judge: completion alone moves the learner on.
	return options.passMark > 0 ? 'CompletedAndPassed' : 'Completed';
}

function langstrings(texts: Record<string, string>, indent: string): string {
	return Object.entries(texts)
		.map(
			([lang, text]) =>
				`${indent}<langstring lang="${escapeXml(lang)}">${escapeXml(text)}</langstring>`
		)
		.join('\n');
}

/** Builds cmi5.xml for one AU that launches index.html. */
export function buildCourseStructure(options: { course: Cmi5Course }): string {
	const { course } = options;
	if (!Number.isFinite(course.passMark) || course.passMark < 0 || course.passMark > 1) {
		throw new Error(`course.passMark must be a fraction between 0 and 1, got ${course.passMark}`);
	}
	if (Object.keys(course.title).length === 0) throw new Error('course.title has no language');
	const description = { ...course.title, ...course.description };
	const text = (tag: string, texts: Record<string, string>, indent: string): string =>
		`${indent}<${tag}>\n${langstrings(texts, `${indent}\t`)}\n${indent}</${tag}>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
	<course id="${escapeXml(courseIri(course))}">
${text('title', course.title, '\t\t')}
${text('description', description, '\t\t')}
	</course>
	<au id="${escapeXml(auIri(course))}" moveOn="${moveOnFor(course)}" masteryScore="${toDecimal(course.passMark, 4)}" launchMethod="AnyWindow">
${text('title', course.title, '\t\t')}
${text('description', description, '\t\t')}
		<url>${LAUNCH_FILE}</url>
	</au>
</courseStructure>
`;
}

/** Validates cmi5.xml text against CourseStructure.xsd; errors are xmllint's messages. */
export async function validateCourseStructure(options: {
	xml: string;
	/** Folder holding cmi5/CourseStructure.xsd. */
	schemasDir: string;
}): Promise<{ valid: boolean; errors: string[] }> {
	const schemaFile = path.join(options.schemasDir, CMI5_SCHEMA);
	let result: XMLValidationResult;
	try {
		const schema = await readFile(schemaFile, 'utf8');
		result = await validateXML({
			xml: [{ fileName: CMI5_FILE, contents: options.xml }],
			schema: [{ fileName: 'CourseStructure.xsd', contents: schema }]
		});
	} catch (error) {
		throw new Error(`xmllint could not validate against ${schemaFile}: ${messageOf(error)}`, {
			cause: error
		});
	}
	if (result.valid) return { valid: true, errors: [] };
	const errors = result.rawOutput
		.split('\n')
		.filter((line) => line.trim() !== '' && !/^\s*\^\s*$/.test(line))
		.filter((line) => line !== `${CMI5_FILE} fails to validate`);
	return { valid: false, errors: errors.length > 0 ? errors : ['xmllint rejected cmi5.xml'] };
}

/** Checks what the schema cannot: the root element, and every AU url is a file in the zip. */
export function checkCourseStructure(options: {
	xml: string;
	entries: readonly string[];
}): string[] {
	let elements: XmlElement[];
	try {
		elements = scanElements(options.xml);
	} catch (error) {
		return [`${CMI5_FILE} is not well-formed: ${messageOf(error)}`];
	}
	const errors: string[] = [];
	const files = new Set(options.entries);
	if (!files.has(CMI5_FILE)) errors.push(`${CMI5_FILE} is not at the zip root`);
	const root = elements[0];
	if (root?.local !== 'courseStructure' || root.ns !== CMI5_NAMESPACE) {
		errors.push(`the root element is not a cmi5 <courseStructure> in ${CMI5_NAMESPACE}`);
	}
	const aus = elements.filter((el) => el.local === 'au' && el.ns === CMI5_NAMESPACE);
	if (aus.length === 0) errors.push(`${CMI5_FILE} has no <au>`);
	// scanElements keeps no text, so the url values are read by position, one per AU.
	const urls = [...options.xml.matchAll(/<url>([^<]*)<\/url>/g)].map((m) => m[1]!.trim());
	for (const url of urls) {
		const bare = url.replace(/[?#].*$/, '');
		if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(bare)) continue; // an AU hosted elsewhere
		if (!files.has(decodeURIComponent(bare))) errors.push(`AU url "${url}" is not in the zip`);
	}
	return errors;
}
