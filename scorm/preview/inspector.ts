// DOM side of the inspector panel: the API call log and the live data model table.
// The markup itself comes from pages.ts; this only fills the table bodies and status lines.
import type { ApiCall, FlatCmi } from './contract.ts';

const MAX_SHOWN = 240;

/** Text a strict-LMS rejection is marked with (the e2e tests and people look for it). */
export function strictText(reason: string): string {
	return `rejected by a strict LMS: ${reason}`;
}

/** The verdict shown next to a call, and the row class that colours it. */
export function verdict(call: ApiCall): { className: string; text: string } {
	const notes: string[] = [];
	let className = '';
	if (call.error !== '0') {
		className = call.benign ? 'benign' : 'failed';
		const error = `error ${call.error}${call.errorText ? `: ${call.errorText}` : ''}`;
		notes.push(call.benign ? `${error} (expected probe)` : error);
	}
	if (call.fault) {
		className = 'injected';
		notes.push(`injected fault: ${call.fault}`);
	}
	if (call.strictReason !== null) {
		className = 'rejected';
		notes.push(strictText(call.strictReason));
	}
	return { className, text: notes.join('; ') };
}

function shorten(value: string): string {
	return value.length > MAX_SHOWN
		? `${value.slice(0, MAX_SHOWN)}… (${value.length} characters)`
		: value;
}

function cell(doc: Document, tag: 'td' | 'th', text: string, className = ''): HTMLElement {
	const el = doc.createElement(tag);
	el.textContent = text;
	if (className) el.className = className;
	if (tag === 'th') el.setAttribute('scope', 'row');
	return el;
}

function required<T extends HTMLElement>(doc: Document, id: string): T {
	const el = doc.getElementById(id);
	if (!el) throw new Error(`player page is missing #${id}`);
	return el as T;
}

/** Handle on the inspector panel of a player page. */
export interface Inspector {
	reset(text: string): void;
	addCall(call: ApiCall): void;
	showModel(model: FlatCmi): void;
	showSummary(text: string, bad: boolean): void;
	showStatus(text: string): void;
}

/** Binds to the inspector markup in `doc`. */
export function createInspector(doc: Document): Inspector {
	const callRows = required<HTMLTableSectionElement>(doc, 'calls-body');
	const modelRows = required<HTMLTableSectionElement>(doc, 'model-body');
	const summary = required<HTMLElement>(doc, 'call-summary');
	const status = required<HTMLElement>(doc, 'status');
	const log = required<HTMLElement>(doc, 'calls-scroll');
	let previous: FlatCmi = {};
	let count = 0;

	return {
		reset(text) {
			callRows.replaceChildren();
			count = 0;
			previous = {};
			status.textContent = text;
		},
		addCall(call) {
			count += 1;
			const row = doc.createElement('tr');
			const { className, text } = verdict(call);
			if (className) row.className = className;
			const result = call.error === '0' ? call.result : `${call.result} (${call.error})`;
			row.append(
				cell(doc, 'td', String(count)),
				cell(doc, 'td', call.fn, 'mono nowrap'),
				cell(doc, 'td', call.element, 'mono'),
				cell(doc, 'td', shorten(call.value), 'mono'),
				cell(doc, 'td', shorten(result), 'mono'),
				cell(doc, 'td', text)
			);
			// Follow the log only when the reader is already at the bottom.
			const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 8;
			callRows.append(row);
			if (atBottom) log.scrollTop = log.scrollHeight;
		},
		showModel(model) {
			const rows = Object.entries(model).map(([key, value]) => {
				const row = doc.createElement('tr');
				if (key in previous && previous[key] !== value) row.className = 'changed';
				row.append(cell(doc, 'th', key, 'mono'), cell(doc, 'td', shorten(value), 'mono'));
				return row;
			});
			modelRows.replaceChildren(...rows);
			previous = model;
		},
		showSummary(text, bad) {
			summary.textContent = text;
			summary.classList.toggle('bad', bad);
		},
		showStatus(text) {
			status.textContent = text;
		}
	};
}
