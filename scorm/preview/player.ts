// Entry point of the preview LMS page (/player.html): installs the SCORM API for the course
// iframe, wires the inspector and buttons, and exposes window.previewLms for e2e tests.
import { checkValue } from '../runtime/strict.ts';
import type { PreviewConfig, PreviewLms } from './contract.ts';
import { createFaultMenu } from './fault-menu.ts';
import { createInspector } from './inspector.ts';
import { createSession } from './session.ts';
import type { Frame } from './session.ts';

function byId<T extends HTMLElement>(id: string): T {
	const el = document.getElementById(id);
	if (!el) throw new Error(`player page is missing #${id}`);
	return el as T;
}

const config = JSON.parse(byId('preview-config').textContent ?? '{}') as PreviewConfig;
const iframe = byId<HTMLIFrameElement>('course');
const relaunchButton = byId<HTMLButtonElement>('relaunch');
const newAttemptButton = byId<HTMLButtonElement>('new-attempt');
const toggle = byId<HTMLButtonElement>('toggle-inspector');
const inspector = createInspector(document);

let hasCourse = false;
const frame: Frame = {
	get hasCourse() {
		return hasCourse;
	},
	navigate(url) {
		return new Promise((resolve) => {
			// Listen before assigning src: about:blank can fire load synchronously.
			iframe.addEventListener('load', () => resolve(), { once: true });
			hasCourse = url !== 'about:blank';
			iframe.src = url;
		});
	},
	crash() {
		// document.open() erases every listener of the document and its window: the unload that
		// follows runs none of the course's pagehide or visibilitychange handlers, as in a crash.
		try {
			const doc = iframe.contentDocument;
			doc?.open();
			doc?.close();
		} catch {
			// A cross-origin course cannot be reached; the severed API still drops its calls.
		}
	}
};
const menu = createFaultMenu({
	doc: document,
	container: document.querySelector<HTMLElement>('header.bar') ?? document.body,
	onInject: (name) => busy(() => lms.injectFault(name)),
	onClear: () => lms.clearFaults()
});

let scheduled = false;

// Render once per burst of calls: a SCO often makes dozens of calls in one task.
function scheduleRender(): void {
	if (scheduled) return;
	scheduled = true;
	queueMicrotask(() => {
		scheduled = false;
		// Microtasks run after this module finished evaluating, so `lms` is initialised by then.
		render(lms);
	});
}

function render(current: PreviewLms): void {
	inspector.showModel(current.dataModel());
	const failures = current.failures().length;
	const rejected = current.rejected().length;
	inspector.showSummary(
		`${current.calls.length} calls, ${failures} failed, ${rejected} rejected by the strict checker.`,
		failures + rejected > 0
	);
	inspector.showStatus(describe(current));
}

function describe(current: PreviewLms): string {
	const commits = current.commits.length;
	return (
		`Launch ${current.launch}, entry "${current.entry}", ${current.state}, ` +
		`${commits} commit${commits === 1 ? '' : 's'}.`
	);
}

const lms = createSession({
	config,
	checkValue,
	storage: window.sessionStorage,
	host: window,
	frame,
	events: {
		launch({ launch, entry }) {
			inspector.reset(`Launch ${launch}, entry "${entry}": loading the course…`);
			scheduleRender();
		},
		call: (call) => {
			inspector.addCall(call);
			scheduleRender();
		},
		commit: scheduleRender,
		faults: (faults) => menu.show(faults)
	}
});
window.previewLms = lms;
scheduleRender();

async function busy(action: () => Promise<void>): Promise<void> {
	relaunchButton.disabled = true;
	newAttemptButton.disabled = true;
	try {
		await action();
	} finally {
		relaunchButton.disabled = false;
		newAttemptButton.disabled = false;
	}
}

relaunchButton.addEventListener('click', () => void busy(() => lms.relaunch()));
newAttemptButton.addEventListener('click', () => void busy(() => lms.newAttempt()));

toggle.addEventListener('click', () => {
	const panel = byId('inspector');
	const show = panel.hidden;
	panel.hidden = !show;
	document.body.classList.toggle('inspector-hidden', !show);
	toggle.setAttribute('aria-expanded', String(show));
	toggle.textContent = show ? 'Hide inspector' : 'Show inspector';
});
