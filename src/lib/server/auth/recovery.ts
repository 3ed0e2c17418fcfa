import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { normalizeUsername, USERNAME_PATTERN, verifyNothing } from './accounts';
import {
	generateRecoveryCode,
	hashPassword,
	hashRecoveryCode,
	normalizeRecoveryCode,
	passwordProblem,
	verifyPassword
} from './password';
import { invalidateUserSessions, type SessionUser } from './session';
import { checkThrottles, clearThrottle, type Counter } from './throttle';

/** Replaces the learner's recovery code; the new one is returned to be shown once. */
export async function replaceRecoveryCode(db: Database, userId: string): Promise<string> {
	const code = generateRecoveryCode();
	await db
		.update(users)
		.set({ recoveryCodeHash: await hashRecoveryCode(code) })
		.where(eq(users.id, userId));
	return code;
}

export type RecoveryResult =
	| { ok: true; user: SessionUser; newCode: string }
	| { ok: false; field: 'form' | 'password'; message: string; status: 400 | 429 };

const INVALID = {
	ok: false,
	field: 'form',
	status: 400,
	message: 'That username and recovery code do not match.'
} as const;

/**
 * Sets a new password with the recovery code, which is then used up and replaced. As at sign-in,
 * a name that cannot exist is refused before anything about it is stored, and an unknown name
 * costs the same Argon2 work as a known one: timing does not tell which names exist.
 */
export async function resetWithRecoveryCode(
	db: Database,
	input: { username: string; code: string; password: string; client: string },
	now = new Date()
): Promise<RecoveryResult> {
	const problem = passwordProblem(input.password);
	if (problem) return { ok: false, field: 'password', status: 400, message: problem };
	const username = normalizeUsername(input.username);
	const possible = USERNAME_PATTERN.test(username);
	const counters: Counter[] = possible
		? [
				['recoveryPerUsername', username],
				['recoveryPerClient', input.client]
			]
		: [['recoveryPerClient', input.client]];
	const refused = await checkThrottles(db, counters, now);
	if (refused) return { ok: false, field: 'form', status: 429, message: refused };

	const code = normalizeRecoveryCode(input.code);
	const [user] = possible
		? await db.$reads
				.select({ id: users.id, hash: users.recoveryCodeHash, discreet: users.discreet })
				.from(users)
				.where(eq(users.username, username))
		: [];
	if (!user?.hash) {
		await verifyNothing(code);
		return INVALID;
	}
	if (!(await verifyPassword(user.hash, code))) return INVALID;

	const newCode = generateRecoveryCode();
	// Conditional on the old hash: of two resets racing with one code, only one wins.
	const updated = await db
		.update(users)
		.set({
			passwordHash: await hashPassword(input.password),
			recoveryCodeHash: await hashRecoveryCode(newCode)
		})
		.where(and(eq(users.id, user.id), eq(users.recoveryCodeHash, user.hash)))
		.returning({ id: users.id });
	if (!updated.length) return INVALID;
	await invalidateUserSessions(db, user.id);
	await clearThrottle(db, ['recoveryPerUsername', username]);
	return { ok: true, user: { id: user.id, username, discreet: user.discreet }, newCode };
}
