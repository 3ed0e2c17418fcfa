import { eq, inArray } from 'drizzle-orm';
import { batchAll, checkpoint, type Database } from '../db/client';
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
import { learnerThrottleKeys } from '../auth/throttle-keys';

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
const REMOVED_KEYS = [...Object.keys(LEARNER_TABLES), 'throttles', 'account'] as (keyof Removed)[];

/**
 * The counts a REMOVED_COOKIE carries, for the goodbye page: known names with whole counts only.
 * The cookie comes back from the browser, so anything else (`null`, a damaged value, a name like
 * `constructor`) is dropped rather than shown or trusted.
 */
export function readRemoved(raw: string): [keyof Removed, number][] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return [];
	}
	if (typeof parsed !== 'object' || parsed === null) return [];
	const counts = parsed as Record<string, unknown>;
	return REMOVED_KEYS.flatMap((key) => {
		const n = Object.hasOwn(counts, key) ? counts[key] : undefined;
		return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
			? [[key, n] as [keyof Removed, number]]
			: [];
	});
}

/**
 * Deletes every row that belongs to the learner, in one transaction; returns what went. The rows
 * are overwritten in the file (secure_delete) and the checkpoint clears the WAL's older copies,
 * so nothing of the learner stays readable on this server's disk (backups are another matter).
 */
export async function deleteAccount(
	db: Database,
	userId: string,
	username: string
): Promise<Removed> {
	const sessionIds = (
		await db.$reads.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))
	).map((s) => s.id);
	const results = (await batchAll(db, [
		...Object.values(LEARNER_TABLES).map((table) =>
			db.delete(table).where(eq(table.userId, userId)).returning({ userId: table.userId })
		),
		db
			.delete(throttles)
			.where(inArray(throttles.key, learnerThrottleKeys(username, sessionIds)))
			.returning({ key: throttles.key }),
		db.delete(users).where(eq(users.id, userId)).returning({ id: users.id })
	])) as unknown[][];
	await checkpoint(db);
	return Object.fromEntries(REMOVED_KEYS.map((name, i) => [name, results[i].length])) as Removed;
}

/**
 * Starts the course afresh: answers, progress, practice conversations and questions waiting for
 * review go. What the learner wrote (reflections with their history, and how the things they
 * tried went) and their check-ins stay unless they say otherwise.
 */
export async function resetProgress(
	db: Database,
	userId: string,
	keepReflections: boolean,
	keepCheckIns: boolean
) {
	const progressTables = [
		quizAttempts,
		questionProgress,
		lessonProgress,
		dialogueRuns,
		reviewItems
	];
	const tables = [
		...progressTables,
		...(keepReflections ? [] : [reflectionRevisions, reflections, tryIts]),
		...(keepCheckIns ? [] : [checkIns])
	];
	await batchAll(
		db,
		tables.map((table) => db.delete(table).where(eq(table.userId, userId)))
	);
}
