// The fault menu of the player page: a labelled select with every fault (faults.ts), Inject and
// Clear buttons, and a status line naming the faults in force. Built here rather than in the
// server's page so the server stays untouched by it.
import type { FaultName } from './contract.ts';
import { FAULTS, isFaultName, type FaultKind } from './faults.ts';

const GROUPS: Record<FaultKind, string> = {
	api: 'LMS API, until cleared',
	'next-launch': 'On the next launch',
	action: 'Now'
};

/** Handle on the menu: shows the faults in force. */
export interface FaultMenu {
	show(faults: readonly FaultName[]): void;
}

/** Adds the fault menu to `container`; the callbacks do the work. */
export function createFaultMenu(options: {
	doc: Document;
	container: HTMLElement;
	onInject(name: FaultName): Promise<void>;
	onClear(): void;
}): FaultMenu {
	const { doc, container } = options;
	const form = doc.createElement('form');
	form.className = 'fault-menu';
	const label = doc.createElement('label');
	label.htmlFor = 'fault';
	label.textContent = 'Inject a fault';
	const select = doc.createElement('select');
	select.id = 'fault';
	for (const kind of Object.keys(GROUPS) as FaultKind[]) {
		const group = doc.createElement('optgroup');
		group.label = GROUPS[kind];
		for (const fault of FAULTS.filter((f) => f.kind === kind)) {
			group.append(new Option(fault.label, fault.name));
		}
		select.append(group);
	}
	const inject = doc.createElement('button');
	inject.type = 'submit';
	inject.textContent = 'Inject';
	const clear = doc.createElement('button');
	clear.type = 'button';
	clear.textContent = 'Clear faults';
	const status = doc.createElement('p');
	status.id = 'fault-status';
	status.setAttribute('role', 'status');
	form.append(label, select, inject, clear, status);
	container.append(form);

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (!isFaultName(select.value)) return;
		inject.disabled = true;
		void options.onInject(select.value).finally(() => (inject.disabled = false));
	});
	clear.addEventListener('click', () => options.onClear());

	const menu: FaultMenu = {
		show(faults) {
			const names = faults.map((name) => FAULTS.find((f) => f.name === name)?.label ?? name);
			status.textContent = names.length ? `Faults in force: ${names.join('; ')}.` : 'No faults.';
		}
	};
	menu.show([]);
	return menu;
}
