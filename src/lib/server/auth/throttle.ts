import {
	LOGIN_LIMIT_PER_CLIENT,
	LOGIN_LIMIT_PER_USERNAME,
	RECOVERY_LIMIT_PER_CLIENT,
	RECOVERY_LIMIT_PER_USERNAME,
	SIGNUP_LIMIT_PER_CLIENT
} from '$app/env/private';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { throttles } from '../db/schema';

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
	recoveryPerClient: { limit: RECOVERY_LIMIT_PER_CLIENT ?? 20, windowMs: 60 * MINUTE }
} satisfies Record<string, ThrottleRule>;

export const throttleKeys = {
	loginByUsername: (username: string) => `login:user:${username}`,
	loginByClient: (client: string) => `login:client:${client}`,
	signupByClient: (client: string) => `signup:client:${client}`,
	recoveryByUsername: (username: string) => `recovery:user:${username}`,
	recoveryByClient: (client: string) => `recovery:client:${client}`
};

/** Counters kept under a learner's name: deleted with the account. */
export function usernameThrottleKeys(username: string) {
	return [throttleKeys.loginByUsername(username), throttleKeys.recoveryByUsername(username)];
}

/**
 * Counts one attempt against `key` in a fixed window, atomically in the database (so every
 * app server shares the count). Returns whether this attempt is within the limit.
 */
export async function hitThrottle(db: Database, key: string, rule: ThrottleRule, now = new Date()) {
	const stale = now.getTime() - rule.windowMs;
	const [row] = await db
		.insert(throttles)
		.values({ key, count: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: throttles.key,
			set: {
				count: sql`case when ${throttles.windowStartedAt} <= ${stale} then 1 else ${throttles.count} + 1 end`,
				windowStartedAt: sql`case when ${throttles.windowStartedAt} <= ${stale} then excluded.window_started_at else ${throttles.windowStartedAt} end`
			}
		})
		.returning({ count: throttles.count, windowStartedAt: throttles.windowStartedAt });
	const retryAfterMs = row.windowStartedAt.getTime() + rule.windowMs - now.getTime();
	return { allowed: row.count <= rule.limit, retryAfterMs };
}

export async function clearThrottle(db: Database, key: string) {
	await db.delete(throttles).where(eq(throttles.key, key));
}

export function minutesToWait(ms: number) {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Counts the attempt against every rule; returns a message for the learner if any limit is passed. */
export async function checkThrottles(db: Database, rules: [string, ThrottleRule][], now = new Date()): Promise<string | null> {
	for (const [key, rule] of rules) {
		const { allowed, retryAfterMs } = await hitThrottle(db, key, rule, now);
		if (!allowed) return `Too many tries. Please wait ${minutesToWait(retryAfterMs)} and try again.`;
	}
	return null;
}
