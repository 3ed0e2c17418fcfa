import {
	LOGIN_LIMIT_PER_CLIENT,
	LOGIN_LIMIT_PER_USERNAME,
	PASSWORD_LIMIT_PER_SESSION,
	RECOVERY_LIMIT_PER_CLIENT,
	RECOVERY_LIMIT_PER_USERNAME,
	SIGNUP_LIMIT_PER_CLIENT
} from '$app/env/private';
import { and, eq, like, lte, sql } from 'drizzle-orm';
import { batchAll, type Database } from '../db/client';
import { throttles } from '../db/schema';
import { throttleKey, type ThrottleKind } from './throttle-keys';

export interface ThrottleRule {
	limit: number;
	windowMs: number;
}

const MINUTE = 60_000;

/**
 * Every limit on guessing, in one place, each count settable by an environment variable of the
 * same name (src/env.ts; the end-to-end suite signs up many learners from one address). Per
 * username: slows guessing one learner's password or recovery code to a crawl. Per client address:
 * stops one machine trying many usernames, yet leaves room for a household or office behind one.
 */
export const LIMITS = {
	loginPerUsername: { limit: LOGIN_LIMIT_PER_USERNAME ?? 10, windowMs: 15 * MINUTE },
	loginPerClient: { limit: LOGIN_LIMIT_PER_CLIENT ?? 100, windowMs: 15 * MINUTE },
	signupPerClient: { limit: SIGNUP_LIMIT_PER_CLIENT ?? 20, windowMs: 60 * MINUTE },
	/** A few tries an hour: a 100-bit code cannot be guessed at that rate. */
	recoveryPerUsername: { limit: RECOVERY_LIMIT_PER_USERNAME ?? 5, windowMs: 60 * MINUTE },
	recoveryPerClient: { limit: RECOVERY_LIMIT_PER_CLIENT ?? 20, windowMs: 60 * MINUTE },
	/**
	 * Wrong passwords one signed-in session may give (changing the password, a new recovery code,
	 * deleting the account) before it is signed out: someone holding an unlocked device gets a
	 * few guesses, not a few a quarter of an hour for as long as the session lives.
	 */
	passwordPerSession: { limit: PASSWORD_LIMIT_PER_SESSION ?? 5, windowMs: 24 * 60 * MINUTE }
} satisfies Record<ThrottleKind, ThrottleRule>;

/** A counter: what it counts, and whose (a username, a client address, a session id). */
export type Counter = [kind: ThrottleKind, value: string];

/**
 * Counts one attempt in a fixed window, atomically in the database (so every app server shares
 * the count). Returns whether this attempt is within the limit.
 */
export async function hitThrottle(db: Database, [kind, value]: Counter, now = new Date()) {
	const rule = LIMITS[kind];
	const stale = now.getTime() - rule.windowMs;
	const [row] = await db
		.insert(throttles)
		.values({ key: throttleKey(kind, value), count: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: throttles.key,
			set: {
				count: sql`case when ${throttles.windowStartedAt} <= ${stale} then 1 else ${throttles.count} + 1 end`,
				windowStartedAt: sql`case when ${throttles.windowStartedAt} <= ${stale} then excluded.window_started_at else ${throttles.windowStartedAt} end`
			}
		})
		.returning({ count: throttles.count, windowStartedAt: throttles.windowStartedAt });
	const retryAfterMs = row.windowStartedAt.getTime() + rule.windowMs - now.getTime();
	return { allowed: row.count <= rule.limit, count: row.count, retryAfterMs };
}

export async function clearThrottle(db: Database, [kind, value]: Counter) {
	await db.delete(throttles).where(eq(throttles.key, throttleKey(kind, value)));
}

export function minutesToWait(ms: number) {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function tooManyTries(retryAfterMs: number) {
	return `Too many tries. Please wait ${minutesToWait(retryAfterMs)} and try again.`;
}

/** Counts the attempt against every counter; returns a message for the learner if any limit is passed. */
export async function checkThrottles(
	db: Database,
	counters: Counter[],
	now = new Date()
): Promise<string | null> {
	await sweepNowAndThen(db, now);
	for (const counter of counters) {
		const { allowed, retryAfterMs } = await hitThrottle(db, counter, now);
		if (!allowed) return tooManyTries(retryAfterMs);
	}
	return null;
}

const lastSweep = new WeakMap<Database, number>();
/** Expired counters go at start (hooks.server.ts) and then at most this often, on the next attempt. */
const SWEEP_INTERVAL_MS = 10 * MINUTE;
const LONGEST_WINDOW_MS = Math.max(...Object.values(LIMITS).map((rule) => rule.windowMs));

/**
 * Deletes counters whose window has passed: a counter is only ever read within its window, and
 * attempts with ever-new names or addresses would otherwise pile up for good. Keys of a kind not
 * listed (those of older releases held the raw name) go once the longest window has passed.
 */
export async function deleteExpiredThrottles(db: Database, now = new Date()) {
	lastSweep.set(db, now.getTime());
	const before = (ms: number) => lte(throttles.windowStartedAt, new Date(now.getTime() - ms));
	await batchAll(db, [
		...Object.entries(LIMITS).map(([kind, rule]) =>
			db.delete(throttles).where(and(like(throttles.key, `${kind}:%`), before(rule.windowMs)))
		),
		db.delete(throttles).where(before(LONGEST_WINDOW_MS))
	]);
}

async function sweepNowAndThen(db: Database, now: Date) {
	const last = lastSweep.get(db);
	if (last === undefined || now.getTime() - last >= SWEEP_INTERVAL_MS)
		await deleteExpiredThrottles(db, now);
}
