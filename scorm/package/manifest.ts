// imsmanifest.xml for a single-SCO course, SCORM 1.2 or SCORM 2004 4th Edition (scorm-rules.md §3).

export type Standard = 'scorm12' | 'scorm2004';

export const STANDARDS: readonly Standard[] = ['scorm12', 'scorm2004'];

/** The course settings a manifest needs. */
export interface ManifestCourse {
	id: string;
	version: string;
	title: string;
	/** Fraction 0..1 of the score needed to pass. */
	passMark: number;
}

export interface BuildManifestOptions {
	standard: Standard;
	course: ManifestCourse;
	/** Zip paths of the course files (forward slashes), including index.html. */
	files: readonly string[];
}

/** The page the LMS launches; the SvelteKit build always has it at the root. */
export const LAUNCH_FILE = 'index.html';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Escapes text for use in XML element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Turns any string into an ASCII xs:ID (NCName); LMSs store progress by these, so keep them stable. */
export function toXmlId(text: string): string {
	// ASCII only: some LMS importers choke on non-ASCII identifiers even though NCName allows them.
	const cleaned = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (cleaned === '') return 'course';
	return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** Percent-encodes a zip path for an href (anyURI), keeping the folder separators. */
export function toHref(zipPath: string): string {
	return zipPath.split('/').map(encodeURIComponent).join('/');
}

/** Formats a number as a plain xs:decimal (no exponent), trimming trailing zeros. */
export function toDecimal(value: number, digits: number): string {
	const fixed = value.toFixed(digits);
	return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function ids(course: ManifestCourse): Record<'manifest' | 'org' | 'item' | 'resource', string> {
	const base = toXmlId(course.id);
	return {
		manifest: base,
		org: `${base}-org`,
		item: `${base}-item`,
		resource: `${base}-sco`
	};
}

function fileList(files: readonly string[], indent: string): string {
	const unique = [...new Set(files)].sort();
	return unique.map((file) => `${indent}<file href="${escapeXml(toHref(file))}" />`).join('\n');
}

function checkOptions({ course, files }: BuildManifestOptions): void {
	if (!Number.isFinite(course.passMark) || course.passMark < 0 || course.passMark > 1) {
		throw new Error(`course.passMark must be a fraction between 0 and 1, got ${course.passMark}`);
	}
	if (!files.includes(LAUNCH_FILE)) {
		throw new Error(`files must include ${LAUNCH_FILE} (the page the LMS launches)`);
	}
	const bad = files.find((file) => file === '' || file.startsWith('/') || file.includes('\\'));
	if (bad !== undefined) {
		throw new Error(`files must be relative zip paths with forward slashes, got "${bad}"`);
	}
}

function scorm12({ course, files }: BuildManifestOptions): string {
	const id = ids(course);
	const title = escapeXml(course.title);
	// Some 1.2 LMSs parse masteryscore as a number 0..100; keep it free of float noise (0.57 * 100).
	const mastery = toDecimal(course.passMark * 100, 2);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id.manifest}" version="${escapeXml(course.version)}"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:xsi="${XSI}"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>
	<organizations default="${id.org}">
		<organization identifier="${id.org}">
			<title>${title}</title>
			<item identifier="${id.item}" identifierref="${id.resource}" isvisible="true">
				<title>${title}</title>
				<adlcp:masteryscore>${mastery}</adlcp:masteryscore>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id.resource}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${fileList(files, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

function scorm2004({ course, files }: BuildManifestOptions): string {
	const id = ids(course);
	const title = escapeXml(course.title);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id.manifest}" version="${escapeXml(course.version)}"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:xsi="${XSI}"
	xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
	</metadata>
	<organizations default="${id.org}">
		<organization identifier="${id.org}">
			<title>${title}</title>
			<item identifier="${id.item}" identifierref="${id.resource}">
				<title>${title}</title>
				<imsss:sequencing>
					<imsss:objectives>
						<!-- The LMS exposes minNormalizedMeasure to the SCO as cmi.scaled_passing_score. -->
						<imsss:primaryObjective objectiveID="${id.manifest}-passed" satisfiedByMeasure="true">
							<imsss:minNormalizedMeasure>${toDecimal(course.passMark, 4)}</imsss:minNormalizedMeasure>
						</imsss:primaryObjective>
					</imsss:objectives>
					<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true" />
				</imsss:sequencing>
			</item>
			<imsss:sequencing>
				<imsss:controlMode choice="true" flow="true" />
			</imsss:sequencing>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id.resource}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${fileList(files, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

/** Builds imsmanifest.xml for one SCO that launches index.html and lists every course file. */
export function buildManifest(options: BuildManifestOptions): string {
	checkOptions(options);
	return options.standard === 'scorm12' ? scorm12(options) : scorm2004(options);
}
