import { and, eq, sql } from 'drizzle-orm';
import type { Catalog, Lesson } from '$lib/course/catalog';
import type { LessonState } from '$lib/course/view';
import type { Database } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { dialogueRuns, lessonProgress, questionProgress, reflections } from '../db/schema';

export interface CourseOverview {
	/** A locked lesson's `blockedBy` is the lesson before it: finishing that one opens it. */
	states: Map<string, { state: LessonState; blockedBy?: Lesson }>;
	/** The step each visited lesson was last opened at. */
	lastSteps: Map<string, number>;
	continueTo: Lesson | null;
	completed: number;
	total: number;
	/** Lessons completed in the last seven days: a count, never a streak. */
	completedThisWeek: number;
	/** The lesson visited most recently (finished or not), to skip rewriting an unchanged visit. */
	mostRecentVisit: { lessonId: string; step: number | null; at: Date } | null;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const progressOf = preparedQuery((db) =>
	db
		.select({
			lessonId: lessonProgress.lessonId,
			lastVisitedAt: lessonProgress.lastVisitedAt,
			lastStep: lessonProgress.lastStep,
			completedAt: lessonProgress.completedAt
		})
		.from(lessonProgress)
		.where(eq(lessonProgress.userId, sql.placeholder('userId')))
		.prepare()
);

/** One query: where the learner stands in every lesson. */
export async function getCourseOverview(
	db: Database,
	catalog: Catalog,
	userId: string,
	now = new Date()
): Promise<CourseOverview> {
	const rows = await progressOf(db).all({ userId });
	const progress = new Map(rows.map((r) => [r.lessonId, r]));

	const states: CourseOverview['states'] = new Map();
	// Lessons open in order: one is locked while an earlier one is unfinished.
	let unfinishedBefore = false;
	let previous: Lesson | undefined;
	let completed = 0;
	for (const lesson of catalog.lessons) {
		const row = progress.get(lesson.id);
		let state: LessonState;
		if (row?.completedAt) state = 'complete';
		else if (unfinishedBefore && !lesson.open) state = 'locked';
		else state = row ? 'in-progress' : 'available';
		states.set(lesson.id, state === 'locked' ? { state, blockedBy: previous } : { state });
		if (state === 'complete') completed++;
		// Open lessons (safety) never hold anyone back, so they neither lock nor open what follows.
		if (!lesson.open) {
			if (state !== 'complete') unfinishedBefore = true;
			previous = lesson;
		}
	}

	// Continue: the last lesson visited if still unfinished, else the first unfinished one.
	const lastVisited = rows
		.filter((r) => !r.completedAt && states.has(r.lessonId))
		.sort((a, b) => b.lastVisitedAt.getTime() - a.lastVisitedAt.getTime())[0];
	const continueTo =
		(lastVisited &&
			states.get(lastVisited.lessonId)?.state !== 'locked' &&
			catalog.byId(lastVisited.lessonId)) ||
		catalog.lessons.find(
			(l) => states.get(l.id)?.state === 'available' || states.get(l.id)?.state === 'in-progress'
		) ||
		null;

	const completedThisWeek = rows.filter(
		(r) =>
			r.completedAt && states.has(r.lessonId) && now.getTime() - r.completedAt.getTime() < WEEK_MS
	).length;
	const latest = rows.reduce<(typeof rows)[number] | null>(
		(a, r) => (!a || r.lastVisitedAt > a.lastVisitedAt ? r : a),
		null
	);
	const mostRecentVisit = latest && {
		lessonId: latest.lessonId,
		step: latest.lastStep,
		at: latest.lastVisitedAt
	};
	const lastSteps = new Map(
		rows.flatMap((r) => (r.lastStep === null ? [] : [[r.lessonId, r.lastStep] as const]))
	);
	return {
		states,
		lastSteps,
		continueTo,
		completed,
		total: catalog.lessons.length,
		completedThisWeek,
		mostRecentVisit
	};
}

const REVISIT_WRITE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Whether opening step `step` of `lessonId` needs the visit written. Reloading, or the reload after
 * every checked answer, would otherwise write on each view; a change of lesson (which moves
 * "Continue"), of step (where another device resumes) or a long gap is worth a write.
 */
export function visitNeedsWrite(
	overview: CourseOverview,
	lessonId: string,
	step: number | null,
	now = new Date()
) {
	const last = overview.mostRecentVisit;
	return (
		!last ||
		last.lessonId !== lessonId ||
		(step !== null && last.step !== step) ||
		now.getTime() - last.at.getTime() >= REVISIT_WRITE_INTERVAL_MS
	);
}

/** A visit to a lesson; `step` is the step opened, or null for the whole lesson on one page. */
export async function recordVisit(
	db: Database,
	userId: string,
	lessonId: string,
	step: number | null,
	now = new Date()
) {
	const set = step === null ? { lastVisitedAt: now } : { lastVisitedAt: now, lastStep: step };
	await db
		.insert(lessonProgress)
		.values({ userId, lessonId, startedAt: now, ...set })
		.onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.lessonId], set });
}

/** A stored play of a practice conversation (see practice.ts). */
export interface StoredRun {
	exerciseId: string;
	run: number;
	/** The choice ids said, in order. */
	path: string[];
	/** The ending reached, once reached. */
	ending: string | null;
}

export interface LessonWork {
	questions: Map<
		string,
		{
			attempts: number;
			firstTryCorrect: boolean;
			lastChoice: string[];
			lastCorrect: boolean;
			done: boolean;
		}
	>;
	reflections: Map<string, { body: string; revision: number; updatedAt: Date }>;
	/** Every run of each practice conversation, oldest first. */
	dialogues: Map<string, StoredRun[]>;
}

const questionsOf = preparedQuery((db) =>
	db
		.select()
		.from(questionProgress)
		.where(
			and(
				eq(questionProgress.userId, sql.placeholder('userId')),
				eq(questionProgress.lessonId, sql.placeholder('lessonId'))
			)
		)
		.prepare()
);

const reflectionsOf = preparedQuery((db) =>
	db
		.select()
		.from(reflections)
		.where(
			and(
				eq(reflections.userId, sql.placeholder('userId')),
				eq(reflections.lessonId, sql.placeholder('lessonId'))
			)
		)
		.prepare()
);

const runsOf = preparedQuery((db) =>
	db
		.select({
			exerciseId: dialogueRuns.exerciseId,
			run: dialogueRuns.run,
			path: dialogueRuns.path,
			ending: dialogueRuns.ending
		})
		.from(dialogueRuns)
		.where(
			and(
				eq(dialogueRuns.userId, sql.placeholder('userId')),
				eq(dialogueRuns.lessonId, sql.placeholder('lessonId'))
			)
		)
		.orderBy(dialogueRuns.exerciseId, dialogueRuns.run)
		.prepare()
);

/** Every run of every practice conversation in a lesson, by conversation, oldest first. */
export async function lessonRuns(
	db: Database,
	userId: string,
	lessonId: string
): Promise<Map<string, StoredRun[]>> {
	const byExercise = new Map<string, StoredRun[]>();
	for (const row of await runsOf(db).all({ userId, lessonId })) {
		const runs = byExercise.get(row.exerciseId) ?? [];
		runs.push({ ...row, path: JSON.parse(row.path) as string[] });
		byExercise.set(row.exerciseId, runs);
	}
	return byExercise;
}

/**
 * The learner's work in one lesson. A kind of exercise the lesson does not have is not queried:
 * most lessons have no practice conversation, and a step is read on every page a learner opens.
 */
export async function getLessonWork(
	db: Database,
	userId: string,
	lesson: Pick<Lesson, 'id' | 'exercises'>
): Promise<LessonWork> {
	const has = (kinds: string[]) => lesson.exercises.some((e) => kinds.includes(e.kind));
	const lessonId = lesson.id;
	const [qs, rs, dialogues] = await Promise.all([
		has(['single', 'multiple']) ? questionsOf(db).all({ userId, lessonId }) : [],
		has(['reflection']) ? reflectionsOf(db).all({ userId, lessonId }) : [],
		has(['dialogue']) ? lessonRuns(db, userId, lessonId) : new Map<string, StoredRun[]>()
	]);
	return {
		questions: new Map(
			qs.map((q) => [
				q.exerciseId,
				{
					attempts: q.attempts,
					firstTryCorrect: q.firstTryCorrect,
					lastChoice: JSON.parse(q.lastChoice) as string[],
					lastCorrect: q.lastCorrect,
					done: q.doneAt !== null
				}
			])
		),
		reflections: new Map(
			rs.map((r) => [r.exerciseId, { body: r.body, revision: r.revision, updatedAt: r.updatedAt }])
		),
		dialogues
	};
}

/** Any ending counts, in any run: practising is the point, not one "right" path. */
export function practiceFinished(work: LessonWork, exerciseId: string) {
	return Boolean(work.dialogues.get(exerciseId)?.some((run) => run.ending !== null));
}

function isDone(lesson: Lesson, work: LessonWork) {
	return lesson.exercises.every((ex) =>
		ex.kind === 'reflection'
			? Boolean(work.reflections.get(ex.id)?.body.trim())
			: ex.kind === 'dialogue'
				? practiceFinished(work, ex.id)
				: Boolean(work.questions.get(ex.id)?.done)
	);
}

/** Marks the lesson complete once every exercise is done; completion is never taken back. */
export async function completeIfDone(db: Database, userId: string, lesson: Lesson, now: Date) {
	const work = await getLessonWork(db, userId, lesson);
	if (!isDone(lesson, work)) return false;
	await db
		.insert(lessonProgress)
		.values({ userId, lessonId: lesson.id, startedAt: now, lastVisitedAt: now, completedAt: now })
		.onConflictDoUpdate({
			target: [lessonProgress.userId, lessonProgress.lessonId],
			set: { completedAt: sql`coalesce(${lessonProgress.completedAt}, excluded.completed_at)` }
		});
	return true;
}
