import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Catalog } from '$lib/course/catalog';
import { batchAll, type Database } from './db/client';
import {
	lessonProgress,
	questionProgress,
	quizAttempts,
	reflectionRevisions,
	reflections,
	sessions,
	throttles,
	users
} from './db/schema';
import { usernameThrottleKeys } from './auth/throttle';

/** Every table that holds a learner's rows, child tables first. A new table must be added here (a test checks). */
const LEARNER_TABLES = {
	reflectionRevisions,
	reflections,
	quizAttempts,
	questionProgress,
	lessonProgress,
	sessions
} as const;

/** Carries the counts of a deletion to the page that reports it. */
export const REMOVED_COOKIE = 'heard_removed';

export type Removed = Record<keyof typeof LEARNER_TABLES | 'account' | 'throttles', number>;

/** Deletes every row that belongs to the learner, in one transaction; returns what went. */
export async function deleteAccount(db: Database, userId: string, username: string): Promise<Removed> {
	const results = (await batchAll(db, [
		...Object.values(LEARNER_TABLES).map((table) => db.delete(table).where(eq(table.userId, userId)).returning({ userId: table.userId })),
		db.delete(throttles).where(inArray(throttles.key, usernameThrottleKeys(username))).returning({ key: throttles.key }),
		db.delete(users).where(eq(users.id, userId)).returning({ id: users.id })
	])) as unknown[][];
	const names = [...Object.keys(LEARNER_TABLES), 'throttles', 'account'] as (keyof Removed)[];
	return Object.fromEntries(names.map((name, i) => [name, results[i].length])) as Removed;
}


/** Starts the course afresh; reflections (and their history) stay unless the learner says otherwise. */
export async function resetProgress(db: Database, userId: string, keepReflections: boolean) {
	const progressTables = [quizAttempts, questionProgress, lessonProgress];
	const tables = keepReflections ? progressTables : [...progressTables, reflectionRevisions, reflections];
	await batchAll(db, tables.map((table) => db.delete(table).where(eq(table.userId, userId))));
}

export interface JournalEntry {
	lessonId: string;
	exerciseId: string;
	body: string;
	revision: number;
	createdAt: Date;
	updatedAt: Date;
}

export async function listReflections(db: Database, userId: string): Promise<JournalEntry[]> {
	return db
		.select({
			lessonId: reflections.lessonId,
			exerciseId: reflections.exerciseId,
			body: reflections.body,
			revision: reflections.revision,
			createdAt: reflections.createdAt,
			updatedAt: reflections.updatedAt
		})
		.from(reflections)
		.where(eq(reflections.userId, userId))
		.orderBy(desc(reflections.updatedAt));
}

/** Everything stored about the learner, for "Download my data". No password hash, no session or recovery secret. */
export async function exportLearnerData(db: Database, catalog: Catalog, userId: string, now = new Date()) {
	const [[account], progress, attempts, current, history, devices] = await Promise.all([
		db.select({ username: users.username, createdAt: users.createdAt }).from(users).where(eq(users.id, userId)),
		db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)),
		db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).orderBy(asc(quizAttempts.id)),
		db.select().from(reflections).where(eq(reflections.userId, userId)),
		db.select().from(reflectionRevisions).where(eq(reflectionRevisions.userId, userId)).orderBy(asc(reflectionRevisions.id)),
		db.select({ createdAt: sessions.createdAt, lastUsedAt: sessions.lastVerifiedAt, userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.userId, userId))
	]);
	const title = (lessonId: string) => catalog.lessons.find((l) => l.id === lessonId)?.title ?? lessonId;
	return {
		exportedAt: now.toISOString(),
		account: { username: account.username, createdAt: account.createdAt.toISOString() },
		devices: devices.map((d) => ({ signedInAt: d.createdAt.toISOString(), lastUsedAt: d.lastUsedAt.toISOString(), userAgent: d.userAgent })),
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
		}))
	};
}
