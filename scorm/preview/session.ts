// The preview LMS's attempt bookkeeping: which seed each launch gets, what the "LMS" stored
// (sessionStorage, so reloading the player resumes), the faults in force, and the
// window.previewLms test contract.
import { entryKey, firstSeed, nextSeed } from './attempt.ts';
import type {
	ApiCall,
	CommitRecord,
	FaultName,
	FlatCmi,
	LaunchState,
	PreviewConfig,
	PreviewLms
} from './contract.ts';
import { faultySuspendData, injectionFor } from './faults.ts';
import { API_GLOBAL, startLaunch } from './lms-api.ts';
import type { CheckValue, Launch } from './lms-api.ts';

/** The course frame, abstracted so the session can be tested without a browser. */
export interface Frame {
	/** Navigates to `url` and resolves on its load event ('about:blank' unloads the course). */
	navigate(url: string): Promise<void>;
	/** True once a course page has been loaded into the frame. */
	readonly hasCourse: boolean;
	/**
	 * Stops the course page dead, as a browser crash does: its listeners are erased, so no pagehide
	 * or visibilitychange handler runs when it is then unloaded.
	 */
	crash(): void;
}

/** Notifications for the inspector. */
export interface SessionEvents {
	launch(info: { launch: number; entry: string; seed: FlatCmi }): void;
	call(call: ApiCall): void;
	commit(commit: CommitRecord): void;
	/** The faults in force changed. */
	faults(faults: readonly FaultName[]): void;
}

/** What the "LMS" has stored for a bundle: the seed of the last launch and its last commit. */
export interface StoredRecord {
	v: 1;
	launch: number;
	seed: FlatCmi;
	committed: FlatCmi | null;
}

export interface SessionOptions {
	config: PreviewConfig;
	checkValue: CheckValue;
	/** sessionStorage in the page; null disables persistence. */
	storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
	/** Where the API global goes (the player window). */
	host: object;
	frame: Frame;
	events?: Partial<SessionEvents>;
}

/** Storage key of a bundle's record. */
export function storageKey(bundle: string): string {
	return `preview-lms:${bundle}`;
}

/** Creates the session and starts the first launch (resuming from storage when it holds a record). */
export function createSession(options: SessionOptions): PreviewLms {
	const { config, frame, storage, events = {} } = options;
	const key = storageKey(config.bundle);
	let record: StoredRecord;
	let launch: Launch;
	let calls: ApiCall[] = [];
	let commits: CommitRecord[] = [];
	let loaded: Promise<void> = Promise.resolve();
	let busy: Promise<void> | null = null;
	const active = new Set<FaultName>();
	const faultsChanged = () => events.faults?.([...active]);
	/** Whether a next-launch fault was in force; it is used up either way. */
	const take = (fault: FaultName): boolean => active.delete(fault) && (faultsChanged(), true);

	const save = () => {
		try {
			storage?.setItem(key, JSON.stringify(record));
		} catch {
			// Quota or privacy mode: the preview still works, it just cannot resume after a reload.
		}
	};

	const load = (): StoredRecord | null => {
		try {
			const parsed = JSON.parse(storage?.getItem(key) ?? 'null') as StoredRecord | null;
			return parsed?.v === 1 && typeof parsed.seed === 'object' ? parsed : null;
		} catch {
			return null;
		}
	};

	const begin = (previous: StoredRecord | null) => {
		const seed = !previous
			? firstSeed(config)
			: previous.committed
				? nextSeed(config, previous.seed, previous.committed)
				: previous.seed;
		const number = previous ? previous.launch + 1 : 1;
		const entry = entryKey(config.standard);
		for (const fault of DATA_FAULTS) {
			if (!take(fault)) continue;
			const stored = seed['cmi.suspend_data'] ?? '';
			seed['cmi.suspend_data'] = faultySuspendData({ fault, standard: config.standard, stored });
			seed[entry] = 'resume';
		}
		const own: StoredRecord = { v: 1, launch: number, seed, committed: null };
		record = own;
		save();
		const ownCalls: ApiCall[] = (calls = []);
		const ownCommits: CommitRecord[] = (commits = []);
		launch = startLaunch({
			standard: config.standard,
			seed,
			launch: number,
			checkValue: options.checkValue,
			onCall(call) {
				ownCalls.push(call);
				// A straggler from an unloaded launch must not show up in the next launch's log.
				if (record === own) events.call?.(call);
			},
			onCommit(data, terminate) {
				const commit = { sequence: ownCommits.length + 1, terminate, data };
				ownCommits.push(commit);
				// Nor overwrite the next launch's record (same number after New attempt, hence identity).
				if (record !== own) return;
				own.committed = data;
				save();
				events.commit?.(commit);
			},
			intercept: ({ role, element }) =>
				injectionFor({ active, standard: config.standard, role, element }),
			onCrash() {
				take('crash');
				frame.crash();
				void restart(false);
			}
		});
		if (take('no-api')) Reflect.deleteProperty(options.host, API_GLOBAL[config.standard]);
		else Reflect.set(options.host, API_GLOBAL[config.standard], launch.api);
		events.launch?.({ launch: number, entry: seed[entry] ?? '', seed });
		loaded = frame.navigate(config.launchUrl);
		return loaded;
	};

	const restart = (fresh: boolean, extra?: FlatCmi): Promise<void> => {
		// Serialise clicks: a second relaunch while one is unloading would seed from stale data.
		busy ??= (async () => {
			// Unloading first lets the course's pagehide handler finish and commit on the old instance.
			if (frame.hasCourse) await frame.navigate('about:blank');
			if (fresh) storage?.removeItem(key);
			if (extra) {
				const exit = config.standard === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit';
				record.committed = { ...(record.committed ?? record.seed), ...extra, [exit]: 'suspend' };
			}
			await begin(fresh ? null : record);
		})().finally(() => {
			busy = null;
		});
		return busy;
	};

	void begin(load());

	return {
		standard: config.standard,
		bundle: config.bundle,
		get state(): LaunchState {
			return launch.state;
		},
		get launch() {
			return record.launch;
		},
		get entry() {
			return record.seed[entryKey(config.standard)] ?? '';
		},
		get calls() {
			return calls;
		},
		get commits() {
			return commits;
		},
		dataModel: () => launch.dataModel(),
		failures: () => calls.filter((c) => c.error !== '0' && !c.benign),
		rejected: () => calls.filter((c) => c.strictReason !== null),
		relaunch: () => restart(false),
		newAttempt: () => restart(true),
		resumeWith: (data) => restart(false, data),
		whenLoaded: () => loaded,
		get faults() {
			return [...active];
		},
		injectFault(name) {
			if (name === 'close-window') {
				// The window closes: what the course does while unloading never reaches the LMS.
				launch.sever(name);
				return restart(false);
			}
			active.add(name);
			faultsChanged();
			return Promise.resolve();
		},
		clearFaults() {
			active.clear();
			faultsChanged();
		}
	};
}

const DATA_FAULTS: readonly FaultName[] = [
	'corrupt-suspend-data',
	'oversized-suspend-data',
	'foreign-suspend-data'
];
