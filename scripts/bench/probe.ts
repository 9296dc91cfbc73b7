// The in-page probe: injected into every frame, it arms itself only in the frame served under the
// bench's mount prefix (the course or the floor page, not the LMS player around it) and records
// times on the frame's own clock (performance.now), driven by DOM mutations and input events.
// It is a string, not a function: tsx names nested functions with a helper the page lacks.

/** Texts the probe looks for, taken from the content so it follows the course's wording. */
export interface ProbeConfig {
	/** URL path prefix of the package under test; frames elsewhere are left alone. */
	prefix: string;
	/** Label of the module card's link (`ui.home.start`). */
	start: string;
	/** Label of the lesson's Next button (`ui.nav.next`). */
	next: string;
	/** Label of a scenario's choice group (`ui.scenario.whatDoYouDo`). */
	choices: string;
	/** Id of the consequence heading ("What happens") the scenario player shows after a choice. */
	consequenceId: string;
}

/** What the probe reports once the first screen's h1 is painted. */
export interface HomeSignal {
	/** performance.now() of the first task after the frame that painted the h1. */
	h1At: number;
	h1Text: string;
	/** Centre of the Start link in top-page CSS pixels, when it is on screen. */
	point: { x: number; y: number } | null;
}

/** One trusted click the probe saw. */
export interface ClickRecord {
	kind: 'start' | 'next' | 'choice' | 'other';
	/** The click event's timeStamp: when the browser received the input that completed it. */
	stamp: number;
	/** timeStamp of the gesture's pointerdown, when there was one. */
	pressed: number | null;
	/** performance.now() when the click reached the page (capture phase) and after its handlers. */
	dispatched: number;
	handled: number | null;
}

/** A measured transition: from a click's input time to the resulting screen painted. */
export interface Transition {
	kind: 'start' | 'next' | 'choice';
	from: string;
	to: string;
	ms: number;
}

/** The page global the probe writes to (read with frame.evaluate). */
export interface BenchGlobal {
	home: Promise<HomeSignal>;
	clicks: ClickRecord[];
	transitions: Transition[];
	/** Resolves once every transition in flight has been painted. */
	settled(): Promise<void>;
	/** Resolves once more than `count` transitions have been recorded. */
	recorded(count: number): Promise<void>;
	/** Resolves when the click with this index has run its handlers. */
	handled(index: number): Promise<ClickRecord>;
	/** Two idle periods in a row: nothing left queued on the main thread. */
	idle(): Promise<void>;
}

/** Name of the binding the probe calls with its HomeSignal (see page.exposeBinding). */
export const SIGNAL_BINDING = '__benchSignal';

/** The probe's source, for page.addInitScript. */
export function probeScript(config: ProbeConfig): string {
	return `(() => {
	const cfg = ${JSON.stringify(config)};
	if (!location.pathname.startsWith(cfg.prefix)) return;
	const inFlight = new Set();
	const track = (p) => { inFlight.add(p); p.finally(() => inFlight.delete(p)); return p; };
	// On screen = the first task after the animation frame that rendered the change.
	const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve(performance.now());
		channel.port2.postMessage(null);
	}));
	const text = (el) => (el ? el.textContent : '').replace(/\\s+/g, ' ').trim();
	const shown = (el) => !!el && el.getClientRects().length > 0;
	const heading = () => document.querySelector('main h1') || document.querySelector('h1');
	const visibleH1 = () => { const el = heading(); return shown(el) && text(el) ? el : null; };
	// Resolves with test()'s first truthy value, checked on every DOM mutation (no polling).
	const when = (test) => new Promise((resolve) => {
		const first = test();
		if (first) return resolve(first);
		const observer = new MutationObserver(() => {
			const found = test();
			if (found) { observer.disconnect(); resolve(found); }
		});
		observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
	});
	const bench = { clicks: [], transitions: [] };
	bench.home = when(visibleH1).then(async (el) => {
		const h1At = await painted();
		const link = [...document.querySelectorAll('a')].find((a) => text(a).startsWith(cfg.start) && shown(a));
		let point = null;
		if (link) {
			const r = link.getBoundingClientRect();
			const host = window.frameElement;
			const f = host ? host.getBoundingClientRect() : { left: 0, top: 0 };
			const bx = host ? host.clientLeft : 0;
			const by = host ? host.clientTop : 0;
			const inView = r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
			if (inView) point = { x: f.left + bx + r.left + r.width / 2, y: f.top + by + r.top + r.height / 2 };
		}
		const signal = { h1At, h1Text: text(el), point };
		if (typeof window.${SIGNAL_BINDING} === 'function') window.${SIGNAL_BINDING}(signal);
		return signal;
	});

	const kindOf = (target) => {
		const el = target instanceof Element ? target : null;
		const button = el && el.closest('button, a');
		if (!button) return 'other';
		const group = button.closest('[role="group"]');
		const label = group && document.getElementById(group.getAttribute('aria-labelledby') || '');
		if (group && text(label) === cfg.choices) return 'choice';
		if (button.tagName === 'BUTTON' && text(button) === cfg.next) return 'next';
		if (button.tagName === 'A' && text(button).startsWith(cfg.start)) return 'start';
		return 'other';
	};
	let down = null;
	const waiters = [];
	const recordWaiters = [];
	const record_ = (transition) => {
		bench.transitions.push(transition);
		for (const w of recordWaiters.splice(0)) w();
	};
	bench.recorded = (count) => new Promise((resolve) => {
		const check = () => (bench.transitions.length > count ? resolve() : recordWaiters.push(check));
		check();
	});
	addEventListener('pointerdown', (e) => { if (e.isTrusted) down = e.timeStamp; }, true);
	addEventListener('click', (e) => {
		if (!e.isTrusted) return;
		const record = { kind: kindOf(e.target), stamp: e.timeStamp, pressed: down, dispatched: performance.now(), handled: null };
		down = null;
		bench.clicks.push(record);
		// Handlers that stop propagation never reach the bubble listener: close the record after them.
		setTimeout(() => { if (record.handled === null) finish(record); }, 0);
		const from = text(heading());
		if (record.kind === 'start' || record.kind === 'next') {
			track(when(() => { const el = visibleH1(); return el && text(el) !== from ? el : null; })
				.then(async (el) => {
					const at = await painted();
					record_({ kind: record.kind, from, to: text(el), ms: at - record.stamp });
				}));
		} else if (record.kind === 'choice') {
			track(when(() => { const el = document.getElementById(cfg.consequenceId); return shown(el) ? el : null; })
				.then(async (el) => {
					const at = await painted();
					record_({ kind: 'choice', from, to: text(el), ms: at - record.stamp });
				}));
		}
	}, true);
	const finish = (record) => {
		record.handled = performance.now();
		for (const w of waiters.splice(0)) w();
	};
	addEventListener('click', (e) => {
		const record = bench.clicks[bench.clicks.length - 1];
		if (e.isTrusted && record && record.handled === null) finish(record);
	});
	bench.handled = (index) => new Promise((resolve) => {
		const check = () => {
			const record = bench.clicks[index];
			if (record && record.handled !== null) resolve(record); else waiters.push(check);
		};
		check();
	});
	bench.settled = async () => { while (inFlight.size) await Promise.all([...inFlight]); };
	const idleOnce = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 }));
	bench.idle = async () => { await idleOnce(); await idleOnce(); };
	window.__bench = bench;
})();`;
}
