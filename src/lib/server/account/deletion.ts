import { eq, inArray } from 'drizzle-orm';
import { batchAll, type Database } from '../db/client';
import {
	checkIns,
	dialogueRuns,
	lessonProgress,
	questionProgress,
	quizAttempts,
	reflectionRevisions,
	reflections,
	reviewItems,
	sessions,
	throttles,
	tryIts,
	users
} from '../db/schema';
import { usernameThrottleKeys } from '../auth/throttle';

/** Every table that holds a learner's rows, child tables first. A new table must be added here (a test checks). */
const LEARNER_TABLES = {
	reflectionRevisions,
	reflections,
	quizAttempts,
	questionProgress,
	lessonProgress,
	dialogueRuns,
	tryIts,
	checkIns,
	reviewItems,
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


/**
 * Starts the course afresh; reflections (and their history) and check-ins stay unless the learner
 * says otherwise. Questions waiting for review go with the progress they came from.
 */
export async function resetProgress(db: Database, userId: string, keepReflections: boolean, keepCheckIns: boolean) {
	const progressTables = [quizAttempts, questionProgress, lessonProgress, reviewItems];
	const tables = [...progressTables, ...(keepReflections ? [] : [reflectionRevisions, reflections]), ...(keepCheckIns ? [] : [checkIns])];
	await batchAll(db, tables.map((table) => db.delete(table).where(eq(table.userId, userId))));
}
