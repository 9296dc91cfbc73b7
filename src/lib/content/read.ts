// Reading YAML files and running a schema over them, turning every failure into a ContentIssue.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import type { IssueList } from './issues.ts';

/** Paths in messages are relative to the repository so a content owner can open them. */
export function displayPath(file: string): string {
	return relative(process.cwd(), file) || file;
}

/** Parse a YAML file; syntax errors become issues with the line and column. */
export function readYaml(file: string, issues: IssueList): unknown {
	const shown = displayPath(file);
	if (!existsSync(file)) {
		issues.add({
			file: shown,
			path: '',
			message: 'file is missing',
			fix: 'create it (see docs/content-format.md)'
		});
		return undefined;
	}
	const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
	for (const e of doc.errors) {
		const where = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
		issues.add({
			file: shown,
			path: where,
			message: `YAML syntax error: ${e.message.split('\n')[0]}`,
			fix: 'check indentation and quote text that contains ": " or starts with a special character'
		});
	}
	return doc.errors.length ? undefined : doc.toJS();
}

/** Format a valibot issue path as `lessons[2].blocks[0].type`. */
export function issuePath(path: v.BaseIssue<unknown>['path'], prefix = ''): string {
	let out = prefix;
	for (const item of path ?? []) {
		const key = item.key as string | number;
		out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : String(key);
	}
	return out;
}

/** Validate `data` against `schema`; returns the typed value or undefined after recording issues. */
export function parseWith<S extends v.GenericSchema>(options: {
	schema: S;
	data: unknown;
	file: string;
	path?: string;
	issues: IssueList;
}): v.InferOutput<S> | undefined {
	const result = v.safeParse(options.schema, options.data);
	if (result.success) return result.output;
	for (const issue of result.issues) {
		options.issues.add({
			file: displayPath(options.file),
			path: issuePath(issue.path, options.path ?? ''),
			message: describe(issue),
			fix: fixFor(issue)
		});
	}
	return undefined;
}

function describe(issue: v.BaseIssue<unknown>): string {
	if (issue.type === 'strict_object' && issue.input === undefined) {
		return `missing key ${JSON.stringify(issue.path?.at(-1)?.key)}`;
	}
	if (
		issue.type === 'strict_object' ||
		(issue.type === 'object' && issue.expected?.startsWith('never'))
	) {
		return `unknown key ${issue.input === undefined ? '' : JSON.stringify(issue.path?.at(-1)?.key)}`;
	}
	if (issue.input === undefined && issue.kind === 'schema') return `missing (${issue.expected})`;
	return issue.message;
}

function fixFor(issue: v.BaseIssue<unknown>): string {
	if (issue.input === undefined && (issue.kind === 'schema' || issue.type === 'strict_object'))
		return 'add this key (see docs/content-format.md)';
	if (issue.type === 'strict_object')
		return 'remove the key or check its spelling (see docs/content-format.md)';
	if (issue.input === undefined && issue.kind === 'schema')
		return 'add this key (see docs/content-format.md)';
	if (issue.type === 'picklist') return `use one of ${issue.expected}`;
	return 'correct the value (see docs/content-format.md)';
}
