// Where runes meet the domain: the learner's state, the tracker, and the milestones that save.
// Components call these methods; every rule they apply lives in src/lib/course.
import type {
	InteractionRecord,
	SaveStatus,
	Tracker,
	TrackerKind,
	TrackingReport
} from '$scorm/tracker';
import { NO_STAMP, encodeState, type SaveStamp } from '$lib/course/codec';
import {
	courseStatus,
	emptyState,
	moduleProgress,
	isValidAnswer,
	normalizeAnswer,
	untouchedAnswer,
	type AssessmentProgress,
	type LearnerState,
	type ModuleProgress
} from '$lib/course/progress';
import {
	answerItem,
	assessmentAvailability,
	findItem,
	startAttempt,
	submitAttempt
} from '$lib/course/assessment';
import { chooseSaved } from '$lib/course/restore';
import type { Course } from '$lib/course/types';
import { scenarioResult } from '$lib/scenario/score';
import { decisionInteraction, moduleObjectives, questionInteraction } from './tracking';

/** The bookmark for the home screen: some LMSs refuse an empty location. */
const HOME = 'home';

export class CourseSession {
	readonly course: Course;
	readonly tracker: Tracker;
	state: LearnerState = $state(emptyState({ language: 'en' }));
	saveStatus: SaveStatus = $state({ saved: true, message: '' });
	kind: TrackerKind = $state('memory');
	learnerName = $state('');
	resumed = $state(false);
	/** Progress is also kept in this browser while the LMS is in use. */
	keptLocally = $state(false);
	/**
	 * How the saved progress was restored, when the learner should know: 'local' (from this browser,
	 * the LMS's copy being older or unreadable), 'foreign' (unreadable: fresh start), 'dropped'.
	 */
	restoreNote: '' | 'local' | 'foreign' | 'dropped' = $state('');
	exited = $state(false);
	status = $derived.by(() => courseStatus(this.course, this.state));
	/** The course title in the learner's language. */
	title = $derived.by(
		() => this.course.title[this.state.language] ?? this.course.title[this.course.defaultLanguage]
	);

	// The saved-state stamp: a change count and time, so two copies can be told apart (restore.ts).
	private stamp: SaveStamp = NO_STAMP;
	// The state as last stamped, without its stamp: a new revision only when it changes.
	private stampedBody = '';

	constructor(options: { course: Course; tracker: Tracker }) {
		this.course = options.course;
		this.tracker = options.tracker;
		this.tracker.onStatus((s) => (this.saveStatus = s));
	}

	/** Initialize the tracker and restore saved progress; returns the LMS language preference. */
	start(options: { fallbackLanguage: string }): { lmsLanguage: string } {
		const launch = this.tracker.start();
		this.kind = launch.kind;
		this.learnerName = launch.learnerName;
		this.keptLocally = !!launch.keptLocally;
		const restored = chooseSaved({
			lms: launch.suspendData,
			local: launch.localCopy?.suspendData,
			course: this.course,
			fallbackLanguage: options.fallbackLanguage
		});
		const { decoded, source } = restored;
		this.state = decoded.state;
		this.stamp = decoded.stamp;
		this.stampedBody = encodeState({ state: decoded.state, course: this.course });
		this.resumed = decoded.status === 'ok';
		if (source === 'local') this.restoreNote = 'local';
		else if (decoded.status === 'foreign') this.restoreNote = 'foreign';
		else if (decoded.dropped.length) this.restoreNote = 'dropped';
		const location = source === 'local' ? launch.localCopy!.location : launch.location;
		if (!this.state.location && location && location !== HOME) this.state.location = location;
		return { lmsLanguage: launch.language };
	}

	/** Progress of one module (a fresh record when not started). */
	progress(moduleId: string): ModuleProgress {
		return moduleProgress(this.state, moduleId);
	}

	/** Record a knowledge-check answer; answers are final for the attempt. */
	answer(options: {
		moduleId: string;
		questionId: string;
		selected: string[];
		/** From the question shown to the answer submitted. */
		latencyMs: number;
		/** The question as the learner read it (the LMS shows it to coordinators in 2004). */
		description: string;
	}) {
		const module = this.module(options.moduleId);
		const question = module?.questions.find((q) => q.id === options.questionId);
		if (!module || !question || this.progress(module.id).answers[question.id]) return;
		this.record({ interaction: questionInteraction({ module, question, ...options }) });
		this.update(options.moduleId, (p) => {
			if (!p.answers[options.questionId])
				p.answers[options.questionId] = normalizeAnswer(question, options.selected);
		});
	}

	finishLesson(options: { moduleId: string; lessonId: string }) {
		this.update(options.moduleId, (p) => {
			if (!p.lessonsDone.includes(options.lessonId)) p.lessonsDone.push(options.lessonId);
		});
	}

	/** Report one scenario decision to the LMS (the path itself is saved by setScenarioPath). */
	recordDecision(options: {
		moduleId: string;
		scenarioId: string;
		sceneId: string;
		choiceId: string;
		latencyMs: number;
		description: string;
	}) {
		const module = this.module(options.moduleId);
		const scene = module?.scenarios
			.find((s) => s.id === options.scenarioId)
			?.scenes.find((s) => s.id === options.sceneId);
		if (!module || !scene) return;
		this.record({ interaction: decisionInteraction({ module, scene, ...options }) });
	}

	/** Store the scenario path the machine has taken so far. */
	setScenarioPath(options: {
		moduleId: string;
		scenarioId: string;
		path: string[];
		/** The consequence of the last choice is on screen. */
		showing?: boolean;
	}) {
		const scenario = this.module(options.moduleId)?.scenarios.find(
			(s) => s.id === options.scenarioId
		);
		this.update(options.moduleId, (p) => {
			p.scenarios[options.scenarioId] = [...options.path];
			const showing = (p.showing ?? []).filter((id) => id !== options.scenarioId);
			p.showing = options.showing ? [...showing, options.scenarioId] : showing;
			const ended = scenario && scenarioResult({ scenario, path: options.path }).ending;
			if (ended && !p.scenariosDone.includes(options.scenarioId)) {
				p.scenariosDone.push(options.scenarioId);
			}
		});
	}

	/** Start an attempt of the final assessment (a fresh draw), when one may start. */
	startAssessment(random?: () => number) {
		if (assessmentAvailability(this.course, this.state) !== 'ready') return;
		const state = $state.snapshot(this.state) as LearnerState;
		this.state.assessment = startAttempt({ course: this.course, state, random });
		this.sync(true);
	}

	/** Keep an assessment answer as it is given (no feedback until submitted). */
	answerAssessment(options: { itemId: string; answer: string[] }) {
		const attempt = this.state.assessment;
		if (!attempt) return;
		const current = $state.snapshot(attempt) as AssessmentProgress;
		this.state.assessment = answerItem({ course: this.course, attempt: current, ...options });
		this.sync(false);
	}

	/** Submit the attempt: score it, report every item to the LMS, and commit. */
	submitAssessment(options: { latencyMs: number; describe: (itemId: string) => string }) {
		const attempt = this.state.assessment;
		if (!attempt || attempt.submitted) return;
		const current = $state.snapshot(attempt) as AssessmentProgress;
		for (const itemId of current.items) {
			const item = findItem(this.course, itemId);
			const selected = item && (current.answers[itemId] ?? untouchedAnswer(item.question));
			// The page lets a learner submit only with every item answered; never report a blank.
			if (!item || !selected || !isValidAnswer(item.question, selected)) continue;
			this.record({
				interaction: questionInteraction({
					...item,
					selected,
					latencyMs: options.latencyMs / Math.max(current.items.length, 1),
					description: options.describe(itemId)
				})
			});
		}
		this.state.assessment = submitAttempt({ course: this.course, attempt: current });
		this.sync(true);
	}

	/** Clear a module's answers for another knowledge-check attempt. */
	retryChecks(options: { moduleId: string }) {
		this.update(options.moduleId, (p) => {
			p.answers = {};
			p.attempt += 1;
		});
	}

	/** The learner moved to another screen: bookmark it without a commit. */
	visit(location: string) {
		if (this.state.location === location) return;
		this.state.location = location;
		this.sync(false);
	}

	setLanguage(language: string) {
		this.state.language = language;
		this.sync(true);
	}

	/** The Exit control: save, finish the session with the LMS, and show the goodbye screen. */
	exit() {
		this.sync(true);
		this.flush();
		this.tracker.finish();
		this.exited = true;
	}

	private module(moduleId: string) {
		return this.course.modules.find((m) => m.id === moduleId);
	}

	/** Journal an interaction; the milestone commit follows with the state update. */
	private record(options: { interaction: InteractionRecord }) {
		if (this.exited) return;
		this.pending.interactions.push(options.interaction);
		this.schedule();
	}

	private update(moduleId: string, change: (p: ModuleProgress) => void) {
		const p = $state.snapshot(this.progress(moduleId)) as ModuleProgress;
		change(p);
		this.state.modules[moduleId] = p;
		this.sync(true);
	}

	/**
	 * Queue the whole state for the tracker; `commit` marks a milestone. The LMS calls run after
	 * the screen has painted: some LMS APIs are slow and synchronous, and the learner should see
	 * the answer's feedback or the next scene first. Page hide, visibility loss and Exit flush.
	 */
	sync(commit: boolean) {
		if (this.exited) return;
		this.pending.commit ||= commit;
		this.pending.report = true;
		this.schedule();
	}

	/** Send what is queued to the tracker now. */
	flush() {
		if (this.exited || !this.pending.scheduled) return;
		const { interactions, report, commit } = this.pending;
		this.pending = { scheduled: false, report: false, commit: false, interactions: [] };
		for (const interaction of interactions) this.tracker.record({ interaction, commit: false });
		if (report) this.tracker.report({ report: this.trackingReport(), commit });
		else if (commit) this.tracker.commit();
	}

	private pending = {
		scheduled: false,
		report: false,
		commit: false,
		interactions: [] as InteractionRecord[]
	};

	private schedule() {
		if (this.pending.scheduled) return;
		this.pending.scheduled = true;
		const flush = () => this.flush();
		// When the browser is idle after painting; the timeout covers a busy or hidden page.
		if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 250 });
		setTimeout(flush, 300);
	}

	private trackingReport(): TrackingReport {
		const status = courseStatus(this.course, this.state);
		const state = $state.snapshot(this.state) as LearnerState;
		const body = encodeState({ state, course: this.course });
		if (body !== this.stampedBody) {
			this.stampedBody = body;
			this.stamp = { revision: this.stamp.revision + 1, savedAt: Date.now() };
		}
		return {
			location: (this.state.location || HOME).slice(0, 255),
			suspendData: encodeState({ state, course: this.course, stamp: this.stamp }),
			completion: status.completion,
			success: status.success,
			// The score is final only once every check is answered. A partial score would also make
			// a 2004 LMS judge success early (satisfiedByMeasure in the manifest).
			score: status.success === 'unknown' ? undefined : { scaled: status.score ?? 0 },
			objectives: moduleObjectives(this.course, this.state)
		};
	}
}
