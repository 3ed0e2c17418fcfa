import { and, eq } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { normalizeUsername } from './username';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { checkThrottles, clearThrottle, throttleKeys, type ThrottleRule } from './throttle';

/** A few tries an hour: a 100-bit code cannot be guessed at that rate. */
export const RECOVERY_PER_USERNAME: ThrottleRule = { limit: 5, windowMs: 60 * 60 * 1000 };
export const RECOVERY_PER_CLIENT: ThrottleRule = { limit: 20, windowMs: 60 * 60 * 1000 };

/** 100 random bits as four groups of five, e.g. `k3f9x-2mq7a-…`: easy to copy, hard to guess. */
export function generateRecoveryCode(): string {
	const raw = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(13))).slice(0, 20);
	return raw.match(/.{5}/g)!.join('-');
}

/** Accepts the code as typed: any case, with or without dashes and spaces. */
export function normalizeRecoveryCode(input: string): string {
	const compact = input.toLowerCase().replace(/[^a-z0-9]/g, '');
	return compact.match(/.{1,5}/g)?.join('-') ?? '';
}

export function hashRecoveryCode(code: string): Promise<string> {
	return hashPassword(normalizeRecoveryCode(code));
}

/** Replaces the learner's recovery code; the new one is returned to be shown once. */
export async function replaceRecoveryCode(db: Database, userId: string): Promise<string> {
	const code = generateRecoveryCode();
	await db.update(users).set({ recoveryCodeHash: await hashRecoveryCode(code) }).where(eq(users.id, userId));
	return code;
}

export type RecoveryResult =
	| { ok: true; userId: string; newCode: string }
	| { ok: false; field: 'form' | 'password'; message: string; status: 400 | 429 };

const INVALID = { ok: false, field: 'form', status: 400, message: 'That username and recovery code do not match.' } as const;

/** Sets a new password with the recovery code, which is then used up and replaced. */
export async function resetWithRecoveryCode(
	db: Database,
	input: { username: string; code: string; password: string; client: string },
	now = new Date()
): Promise<RecoveryResult> {
	const problem = passwordProblem(input.password);
	if (problem) return { ok: false, field: 'password', status: 400, message: problem };
	const username = normalizeUsername(input.username);
	const refused = await checkThrottles(
		db,
		[
			[throttleKeys.recoveryByUsername(username), RECOVERY_PER_USERNAME],
			[throttleKeys.recoveryByClient(input.client), RECOVERY_PER_CLIENT]
		],
		now
	);
	if (refused) return { ok: false, field: 'form', status: 429, message: refused };

	const [user] = await db.select({ id: users.id, hash: users.recoveryCodeHash }).from(users).where(eq(users.username, username));
	if (!user?.hash || !(await verifyPassword(user.hash, normalizeRecoveryCode(input.code)))) return INVALID;

	const newCode = generateRecoveryCode();
	// Conditional on the old hash: of two resets racing with one code, only one wins.
	const updated = await db
		.update(users)
		.set({ passwordHash: await hashPassword(input.password), recoveryCodeHash: await hashRecoveryCode(newCode) })
		.where(and(eq(users.id, user.id), eq(users.recoveryCodeHash, user.hash)))
		.returning({ id: users.id });
	if (!updated.length) return INVALID;
	await invalidateUserSessions(db, user.id);
	await clearThrottle(db, throttleKeys.recoveryByUsername(username));
	return { ok: true, userId: user.id, newCode };
}
