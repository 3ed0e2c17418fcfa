import { asc, eq } from 'drizzle-orm';
import type { Catalog } from '$lib/course/catalog';
import type { Dialogue } from '$lib/course/schema';
import type { Database } from '../db/client';
import {
	checkIns,
	dialogueRuns,
	lessonProgress,
	quizAttempts,
	reflectionRevisions,
	reflections,
	reviewItems,
	sessions,
	tryIts,
	users
} from '../db/schema';

/** Everything stored about the learner, for "Download my data". No password hash, no session or recovery secret. */
export async function exportLearnerData(
	db: Database,
	catalog: Catalog,
	userId: string,
	now = new Date()
) {
	const [[account], progress, attempts, current, history, devices, runs, picks, weeks, reviews] =
		await Promise.all([
			db.$reads
				.select({ username: users.username, createdAt: users.createdAt })
				.from(users)
				.where(eq(users.id, userId)),
			db.$reads.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)),
			db.$reads
				.select()
				.from(quizAttempts)
				.where(eq(quizAttempts.userId, userId))
				.orderBy(asc(quizAttempts.id)),
			db.$reads.select().from(reflections).where(eq(reflections.userId, userId)),
			db.$reads
				.select()
				.from(reflectionRevisions)
				.where(eq(reflectionRevisions.userId, userId))
				.orderBy(asc(reflectionRevisions.id)),
			db.$reads
				.select({
					createdAt: sessions.createdAt,
					lastUsedAt: sessions.lastVerifiedAt,
					userAgent: sessions.userAgent
				})
				.from(sessions)
				.where(eq(sessions.userId, userId)),
			db.$reads
				.select()
				.from(dialogueRuns)
				.where(eq(dialogueRuns.userId, userId))
				.orderBy(asc(dialogueRuns.lessonId), asc(dialogueRuns.exerciseId), asc(dialogueRuns.run)),
			db.$reads
				.select()
				.from(tryIts)
				.where(eq(tryIts.userId, userId))
				.orderBy(asc(tryIts.chosenAt)),
			db.$reads
				.select()
				.from(checkIns)
				.where(eq(checkIns.userId, userId))
				.orderBy(asc(checkIns.week)),
			db.$reads.select().from(reviewItems).where(eq(reviewItems.userId, userId))
		]);
	const title = (lessonId: string) => catalog.byId(lessonId)?.title ?? lessonId;
	const dialogueOf = (lessonId: string, exerciseId: string) =>
		catalog
			.byId(lessonId)
			?.exercises.find((e): e is Dialogue => e.kind === 'dialogue' && e.id === exerciseId);
	return {
		exportedAt: now.toISOString(),
		account: { username: account.username, createdAt: account.createdAt.toISOString() },
		devices: devices.map((d) => ({
			signedInAt: d.createdAt.toISOString(),
			lastUsedAt: d.lastUsedAt.toISOString(),
			userAgent: d.userAgent
		})),
		progress: progress.map((p) => ({
			lesson: p.lessonId,
			title: title(p.lessonId),
			startedAt: p.startedAt.toISOString(),
			lastVisitedAt: p.lastVisitedAt.toISOString(),
			completedAt: p.completedAt?.toISOString() ?? null
		})),
		quizAttempts: attempts.map((a) => ({
			lesson: a.lessonId,
			question: a.exerciseId,
			chose: JSON.parse(a.choice) as string[],
			correct: a.correct,
			at: a.createdAt.toISOString()
		})),
		reflections: current.map((r) => ({
			lesson: r.lessonId,
			title: title(r.lessonId),
			exercise: r.exerciseId,
			text: r.body,
			revision: r.revision,
			createdAt: r.createdAt.toISOString(),
			updatedAt: r.updatedAt.toISOString(),
			history: history
				.filter((h) => h.lessonId === r.lessonId && h.exerciseId === r.exerciseId)
				.map((h) => ({ revision: h.revision, text: h.body, savedAt: h.createdAt.toISOString() }))
		})),
		practiceConversations: runs.map((r) => {
			const dialogue = dialogueOf(r.lessonId, r.exerciseId);
			const choices = new Map(
				dialogue?.turns.flatMap((t) => t.choices.map((c) => [c.id, c.say] as const))
			);
			return {
				lesson: r.lessonId,
				title: title(r.lessonId),
				conversation: r.exerciseId,
				conversationTitle: dialogue?.title ?? null,
				run: r.run,
				startedAt: r.startedAt.toISOString(),
				// The words of each choice as the lesson has them now (null if it has since been rewritten).
				said: (JSON.parse(r.path) as string[]).map((choice) => ({
					choice,
					words: choices.get(choice) ?? null
				})),
				ending: r.ending && {
					id: r.ending,
					text: dialogue?.endings.find((e) => e.id === r.ending)?.text ?? null
				},
				endedAt: r.endedAt?.toISOString() ?? null
			};
		}),
		thingsToTry: picks.map((p) => ({
			lesson: p.lessonId,
			title: title(p.lessonId),
			item: p.itemId,
			text: catalog.byId(p.lessonId)?.tryThisWeek.find((t) => t.id === p.itemId)?.text ?? null,
			chosenAt: p.chosenAt.toISOString(),
			howItWent: p.outcome,
			answeredAt: p.answeredAt?.toISOString() ?? null,
			dismissedAt: p.dismissedAt?.toISOString() ?? null
		})),
		/** Answers from 1 (not at all) to 5 (completely), one check-in per week. */
		checkIns: weeks.map((c) => ({
			weekOf: c.week,
			heard: c.heard,
			wayBack: c.wayBack,
			steady: c.steady,
			safe: c.safe,
			firstSavedAt: c.createdAt.toISOString(),
			lastSavedAt: c.updatedAt.toISOString()
		})),
		/** Questions missed on the first try and where each stands in its review (step 0, 1, 2: one, three, seven days). */
		review: reviews.map((r) => ({
			lesson: r.lessonId,
			title: title(r.lessonId),
			question: r.exerciseId,
			step: r.step,
			dueAt: r.doneAt ? null : r.dueAt.toISOString(),
			lastReviewedAt: r.lastReviewedAt?.toISOString() ?? null,
			doneAt: r.doneAt?.toISOString() ?? null,
			missedAt: r.createdAt.toISOString()
		}))
	};
}
