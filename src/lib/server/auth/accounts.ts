import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { generateRecoveryCode, hashPassword, hashRecoveryCode, passwordProblem, verifyPassword } from './password';
import { invalidateUserSessions, randomToken, type SessionUser } from './session';
import { checkThrottles, clearThrottle, LIMITS, throttleKeys } from './throttle';

export const USERNAME_PATTERN = /^[a-z0-9_-]{3,32}$/;

export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
	return USERNAME_PATTERN.test(normalizeUsername(username)) ? null : 'Username must be 3–32 characters: letters a–z, digits, _ or -.';
}

export type SignUpResult =
	| { ok: true; user: SessionUser; recoveryCode: string }
	| { ok: false; field: 'username' | 'password'; message: string };

const TAKEN = { ok: false, field: 'username', message: 'That username is taken. Try another.' } as const;

export async function signUp(db: Database, username: string, password: string, now = new Date()): Promise<SignUpResult> {
	const nameProblem = usernameProblem(username);
	if (nameProblem) return { ok: false, field: 'username', message: nameProblem };
	const pwProblem = passwordProblem(password);
	if (pwProblem) return { ok: false, field: 'password', message: pwProblem };

	const name = normalizeUsername(username);
	const taken = await db.$reads.select({ id: users.id }).from(users).where(eq(users.username, name)).limit(1);
	if (taken.length) return TAKEN;

	const user = { id: randomToken(), username: name, discreet: false };
	const recoveryCode = generateRecoveryCode();
	const [passwordHash, recoveryCodeHash] = await Promise.all([hashPassword(password), hashRecoveryCode(recoveryCode)]);
	const inserted = await db
		.insert(users)
		.values({ id: user.id, username: user.username, passwordHash, recoveryCodeHash, createdAt: now })
		.onConflictDoNothing()
		.returning({ id: users.id });
	// Two sign-ups for one name can both pass the check above; the unique index decides.
	if (!inserted.length) return TAKEN;
	return { ok: true, user, recoveryCode };
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throwaway hash: an unknown name costs the same time as a known one. */
export async function verifyNothing(password: string) {
	dummyHash ??= hashPassword(randomToken());
	await verifyPassword(await dummyHash, password);
}

/** Returns the user when the password matches; the same work is done for unknown names, so timing does not reveal which names exist. */
export async function authenticate(db: Database, username: string, password: string) {
	const [row] = await db.$reads
		.select({ id: users.id, username: users.username, discreet: users.discreet, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.username, normalizeUsername(username)))
		.limit(1);
	if (!row) {
		await verifyNothing(password);
		return null;
	}
	if (!(await verifyPassword(row.passwordHash, password))) return null;
	return { id: row.id, username: row.username, discreet: row.discreet };
}

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; status: 400 | 429; message: string };

/**
 * Sign-in with its limits. Every attempt counts before the password is checked, so parallel
 * guesses cannot slip past the limit; a success clears the username's count.
 */
export async function signIn(db: Database, username: string, password: string, client: string): Promise<SignInResult> {
	const name = normalizeUsername(username);
	const refused = await checkThrottles(db, [
		[throttleKeys.loginByUsername(name), LIMITS.loginPerUsername],
		[throttleKeys.loginByClient(client), LIMITS.loginPerClient]
	]);
	if (refused) return { ok: false, status: 429, message: refused };
	const user = await authenticate(db, name, password);
	// One message for both cases, so the form does not reveal which usernames exist.
	if (!user) return { ok: false, status: 400, message: 'Wrong username or password.' };
	await clearThrottle(db, throttleKeys.loginByUsername(name));
	return { ok: true, user };
}

/** Sign-up with a per-address limit, so one machine cannot mass-create accounts. */
export async function signUpLimited(db: Database, username: string, password: string, client: string) {
	const refused = await checkThrottles(db, [[throttleKeys.signupByClient(client), LIMITS.signupPerClient]]);
	if (refused) return { ok: false as const, status: 429 as const, field: 'form' as const, message: refused };
	const result = await signUp(db, username, password);
	return result.ok ? result : { ...result, status: 400 as const };
}

/** Re-checks the signed-in learner's password before a sensitive change. */
export async function checkPassword(db: Database, userId: string, password: string): Promise<boolean> {
	const [row] = await db.$reads.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
	return Boolean(row) && (await verifyPassword(row.passwordHash, password));
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'current' | 'password'; message: string };

/** Changes the password and ends every other session, so a device someone else holds is signed out. */
export async function changePassword(db: Database, userId: string, current: string, next: string, keepSessionId: string): Promise<ChangePasswordResult> {
	if (!(await checkPassword(db, userId, current))) return { ok: false, field: 'current', message: 'Your current password is not right.' };
	const problem = passwordProblem(next);
	if (problem) return { ok: false, field: 'password', message: problem };
	await db.update(users).set({ passwordHash: await hashPassword(next) }).where(eq(users.id, userId));
	await invalidateUserSessions(db, userId, keepSessionId);
	return { ok: true };
}
