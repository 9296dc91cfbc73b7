// Which text keys a module needs in every shipped language, derived from its structure, so the
// structure is written once and each language file only holds words.
import type { Module } from '../course/types.ts';

export interface TextKey {
	/** Dotted key inside the module's namespace. */
	key: string;
	rich: boolean;
	optional?: boolean;
}

/** Every key a module's locale file must (or may) hold. */
export function moduleTextKeys(module: Module): TextKey[] {
	const keys: TextKey[] = [];
	const plain = (key: string, optional = false) => keys.push({ key, rich: false, optional });
	const rich = (key: string) => keys.push({ key, rich: true });

	plain('title');
	plain('description');
	for (const o of module.objectives) plain(`objectives.${o}`);
	for (const lesson of module.lessons) {
		const l = `lessons.${lesson.id}`;
		plain(`${l}.title`);
		for (const b of lesson.blocks) {
			const k = `${l}.${b.id}`;
			if (b.type === 'text') rich(`${k}.body`);
			if (b.type === 'callout') {
				plain(`${k}.title`);
				rich(`${k}.body`);
			}
			if (b.type === 'image') {
				if (!b.decorative) plain(`${k}.alt`);
				plain(`${k}.caption`, true);
			}
			if (b.type === 'video' || b.type === 'audio') {
				plain(`${k}.title`);
				rich(`${k}.transcript`);
			}
			if (b.type === 'checklist') {
				plain(`${k}.title`);
				for (const i of b.items) plain(`${k}.items.${i}`);
			}
			if (b.type === 'reveal') {
				plain(`${k}.title`);
				for (const i of b.items) {
					plain(`${k}.items.${i}.prompt`);
					rich(`${k}.items.${i}.detail`);
				}
			}
		}
	}
	for (const [list, q] of [
		...module.questions.map((q) => ['questions', q] as const),
		...module.assessment.map((q) => ['assessment', q] as const)
	]) {
		const k = `${list}.${q.id}`;
		plain(`${k}.prompt`);
		if (q.case) rich(`${k}.case`);
		if (q.kind === 'single' || q.kind === 'multiple') {
			for (const o of q.options) plain(`${k}.options.${o.id}`);
		}
		for (const i of q.items) plain(`${k}.items.${i}`);
		for (const c of q.categories) plain(`${k}.categories.${c}`);
		rich(`${k}.explanation`);
	}
	for (const s of module.scenarios) {
		const k = `scenarios.${s.id}`;
		plain(`${k}.title`);
		rich(`${k}.intro`);
		for (const scene of s.scenes) {
			rich(`${k}.scenes.${scene.id}.body`);
			for (const c of scene.choices) {
				const ck = `${k}.scenes.${scene.id}.choices.${c.id}`;
				plain(`${ck}.label`);
				rich(`${ck}.consequence`);
				rich(`${ck}.rationale`);
			}
		}
		for (const e of s.endings) {
			plain(`${k}.endings.${e.id}.title`);
			rich(`${k}.endings.${e.id}.body`);
		}
	}
	return keys;
}

/** Flatten nested YAML text into dotted keys → leaf values. */
export function flattenText(value: unknown, prefix = '', out = new Map<string, unknown>()) {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value)) flattenText(v, prefix ? `${prefix}.${k}` : k, out);
	} else {
		out.set(prefix, value);
	}
	return out;
}

/** Set a dotted key in a nested object. */
export function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
	const parts = key.split('.');
	let node = target;
	for (const p of parts.slice(0, -1)) {
		node[p] ??= {};
		node = node[p] as Record<string, unknown>;
	}
	node[parts.at(-1)!] = value;
}
