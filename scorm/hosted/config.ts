// Where the hosted runtime finds its settings: two meta elements the packager writes into
// index.html (scorm/package/hosted-bundle.ts), so a web admin can read them in the page itself.

/** The meta element naming the endpoint. */
export const ENDPOINT_META = 'course-endpoint';
/** The meta element naming the course id the endpoint files progress under. */
export const COURSE_META = 'course-id';

/** The endpoint and course id from the page, or null when either is missing. */
export function readConfig(doc: Pick<Document, 'querySelector'>): {
	endpoint: string;
	course: string;
} | null {
	const read = (name: string) =>
		doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() ?? '';
	const endpoint = read(ENDPOINT_META);
	const course = read(COURSE_META);
	return endpoint && course ? { endpoint, course } : null;
}
