import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { lessonHref, type Catalog } from '$lib/course/catalog';
import type { Question } from '$lib/course/schema';
import type { ReviewItemView } from '$lib/review';
import type { Database } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { questionProgress, quizAttempts, reviewItems } from '../db/schema';
import { gradeAnswer } from './answers';
import { questionState } from './lesson-view';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days until a missed question comes back, by step: one, then three, then seven. */
export const REVIEW_INTERVAL_DAYS = [1, 3, 7] as const;
const LAST_STEP = REVIEW_INTERVAL_DAYS.length - 1;
/** A question answered this long ago or less still shows its feedback on /review (the page after a plain form post). */
const JUST_REVIEWED_MS = 30 * 60 * 1000;

const after = (now: Date, step: number) =>
	new Date(now.getTime() + REVIEW_INTERVAL_DAYS[step] * DAY_MS);

/**
 * The statement that puts a question up for review if its first try was wrong, for `recordAnswer`'s
 * batch: it reads the summary row written just before it, so only the first try decides, and a
 * question already scheduled (or reviewed for good) is left as it is.
 */
export function reviewIfMissedFirstTry(
	db: Database,
	userId: string,
	lessonId: string,
	exerciseId: string,
	now: Date
) {
	return db
		.insert(reviewItems)
		.select(
			sql`select ${questionProgress.userId}, ${questionProgress.lessonId}, ${questionProgress.exerciseId}, 0, ${after(now, 0).getTime()}, null, null, ${now.getTime()}
				from ${questionProgress}
				where ${and(
					eq(questionProgress.userId, userId),
					eq(questionProgress.lessonId, lessonId),
					eq(questionProgress.exerciseId, exerciseId),
					eq(questionProgress.firstTryCorrect, false)
				)}`
		)
		.onConflictDoNothing();
}

/** The schedule: right moves a question to the next interval (done after the last); wrong starts it again at one day. */
export function nextReview(
	step: number,
	correct: boolean,
	now: Date
): { step: number; dueAt: Date; doneAt: Date | null } {
	if (!correct) return { step: 0, dueAt: after(now, 0), doneAt: null };
	if (step >= LAST_STEP) return { step: LAST_STEP, dueAt: now, doneAt: now };
	return { step: step + 1, dueAt: after(now, step + 1), doneAt: null };
}

const dueOf = preparedQuery((db) =>
	db
		.select({ lessonId: reviewItems.lessonId, exerciseId: reviewItems.exerciseId })
		.from(reviewItems)
		.where(
			and(
				eq(reviewItems.userId, sql.placeholder('userId')),
				isNull(reviewItems.doneAt),
				lte(reviewItems.dueAt, sql.placeholder('now'))
			)
		)
		.prepare()
);

function questionOf(catalog: Catalog, lessonId: string, exerciseId: string): Question | undefined {
	return catalog
		.byId(lessonId)
		?.exercises.find(
			(e): e is Question => (e.kind === 'single' || e.kind === 'multiple') && e.id === exerciseId
		);
}

/** One indexed query: how many questions are due now (questions no longer in the course are not counted). */
export async function dueReviewCount(
	db: Database,
	catalog: Catalog,
	userId: string,
	now: Date
): Promise<number> {
	const rows = await dueOf(db).all({ userId, now: now.getTime() });
	return rows.filter((r) => questionOf(catalog, r.lessonId, r.exerciseId)).length;
}

const itemsOf = preparedQuery((db) =>
	db
		.select()
		.from(reviewItems)
		.where(eq(reviewItems.userId, sql.placeholder('userId')))
		.prepare()
);

const attemptsSince = preparedQuery((db) =>
	db
		.select({
			lessonId: quizAttempts.lessonId,
			exerciseId: quizAttempts.exerciseId,
			choice: quizAttempts.choice,
			correct: quizAttempts.correct,
			at: quizAttempts.createdAt
		})
		.from(quizAttempts)
		.where(
			and(
				eq(quizAttempts.userId, sql.placeholder('userId')),
				gte(quizAttempts.createdAt, sql.placeholder('since'))
			)
		)
		.prepare()
);

const days = (n: number) => (n <= 1 ? 'tomorrow' : `in ${n} days`);

function comesBack(step: number, done: boolean): string | null {
	return done ? null : days(REVIEW_INTERVAL_DAYS[step]);
}

/** When a later review is, in words the learner's own clock cannot contradict: "within a day", "in 3 days". */
export function inDays(at: Date, now: Date): string {
	const n = Math.ceil((at.getTime() - now.getTime()) / DAY_MS);
	return n <= 1 ? 'within a day' : days(n);
}

/**
 * What /review shows: every question due now, and those answered in the last half hour with
 * their feedback (so the page after a plain form post shows the result, as a lesson does).
 */
export async function loadReview(db: Database, catalog: Catalog, userId: string, now: Date) {
	const since = now.getTime() - JUST_REVIEWED_MS;
	const [items, attempts] = await Promise.all([
		itemsOf(db).all({ userId }),
		attemptsSince(db).all({ userId, since })
	]);
	const views: (ReviewItemView & { order: number })[] = [];
	let nextDue: Date | null = null;
	for (const item of items) {
		const lesson = catalog.byId(item.lessonId);
		const question = questionOf(catalog, item.lessonId, item.exerciseId);
		if (!lesson || !question) continue;
		const due = !item.doneAt && item.dueAt <= now;
		const reviewedJustNow = item.lastReviewedAt !== null && item.lastReviewedAt.getTime() >= since;
		// The answer given at the review itself, not a later one in the lesson.
		const attempt = reviewedJustNow
			? attempts.find(
					(a) =>
						a.lessonId === item.lessonId &&
						a.exerciseId === item.exerciseId &&
						a.at.getTime() === item.lastReviewedAt!.getTime()
				)
			: undefined;
		if (!due && !item.doneAt && (!nextDue || item.dueAt < nextDue)) nextDue = item.dueAt;
		if (!due && !attempt) continue;
		const answered =
			!due && attempt
				? {
						choice: JSON.parse(attempt.choice) as string[],
						correct: attempt.correct,
						done: attempt.correct,
						attempts: 1
					}
				: null;
		views.push({
			order: lesson.index * 1000 + lesson.exercises.indexOf(question),
			lessonId: lesson.id,
			exerciseId: question.id,
			lessonTitle: lesson.title,
			lessonHref: lessonHref(lesson),
			question: {
				kind: question.kind,
				id: question.id,
				question: question.question,
				options: question.options.map((o) => ({ id: o.id, text: o.text })),
				...questionState(userId, lesson.id, question, answered)
			},
			comesBack: answered ? comesBack(item.step, item.doneAt !== null) : null
		});
	}
	// In course order, so questions from one lesson sit together and an answered one stays in place.
	views.sort((a, b) => a.order - b.order);
	return { items: views.map(({ order: _, ...view }) => view), nextDue };
}

export type ReviewAnswer =
	{ ok: true; correct: boolean } | { ok: false; status: 400 | 404; message: string };

/**
 * Grades a review and moves the question along its schedule. Refused, changing nothing: an unknown
 * question, one that is not due (or reviewed for good), and an answer that is not one of its options.
 * The answer is kept with the learner's other attempts, as history.
 */
export async function answerReview(
	db: Database,
	catalog: Catalog,
	userId: string,
	answer: { lessonId: string; exerciseId: string; chosen: string[] },
	now: Date
): Promise<ReviewAnswer> {
	const question = questionOf(catalog, answer.lessonId, answer.exerciseId);
	if (!question) return { ok: false, status: 404, message: 'There is no such question to review.' };
	const key = and(
		eq(reviewItems.userId, userId),
		eq(reviewItems.lessonId, answer.lessonId),
		eq(reviewItems.exerciseId, answer.exerciseId)
	);
	const [item] = await db.$reads.select().from(reviewItems).where(key);
	const notDue: ReviewAnswer = {
		ok: false,
		status: 400,
		message: 'This question is not due for review now. Nothing was saved.'
	};
	if (!item || item.doneAt || item.dueAt > now) return notDue;
	const grade = gradeAnswer(question, answer.chosen);
	if (!grade.ok) return { ok: false, status: 400, message: grade.message };

	const next = nextReview(item.step, grade.correct, now);
	// Only if nobody reviewed it since it was read (a second tab, a double submit).
	const moved = await db
		.update(reviewItems)
		.set({ ...next, lastReviewedAt: now })
		.where(
			and(
				key,
				eq(reviewItems.step, item.step),
				eq(reviewItems.dueAt, item.dueAt),
				isNull(reviewItems.doneAt)
			)
		)
		.returning({ step: reviewItems.step });
	if (moved.length === 0) return notDue;
	await db.insert(quizAttempts).values({
		userId,
		lessonId: answer.lessonId,
		exerciseId: answer.exerciseId,
		choice: JSON.stringify(grade.choice),
		correct: grade.correct,
		createdAt: now
	});
	return { ok: true, correct: grade.correct };
}
