import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import {
	generateRecoveryCode,
	hashPassword,
	hashRecoveryCode,
	passwordProblem,
	verifyPassword
} from './password';
import {
	invalidateSession,
	invalidateUserSessions,
	randomToken,
	type SessionUser
} from './session';
import { checkThrottles, clearThrottle, hitThrottle, LIMITS, type Counter } from './throttle';

export const USERNAME_PATTERN = /^[a-z0-9_-]{3,32}$/;

export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
	return USERNAME_PATTERN.test(normalizeUsername(username))
		? null
		: 'Username must be 3–32 characters: letters a–z, digits, _ or -.';
}

export type SignUpResult =
	| { ok: true; user: SessionUser; recoveryCode: string }
	| { ok: false; field: 'username' | 'password'; message: string };

const TAKEN = {
	ok: false,
	field: 'username',
	message: 'That username is taken. Try another.'
} as const;

export async function signUp(
	db: Database,
	username: string,
	password: string,
	now = new Date()
): Promise<SignUpResult> {
	const nameProblem = usernameProblem(username);
	if (nameProblem) return { ok: false, field: 'username', message: nameProblem };
	const pwProblem = passwordProblem(password);
	if (pwProblem) return { ok: false, field: 'password', message: pwProblem };

	const name = normalizeUsername(username);
	const taken = await db.$reads
		.select({ id: users.id })
		.from(users)
		.where(eq(users.username, name))
		.limit(1);
	if (taken.length) return TAKEN;

	const user = { id: randomToken(), username: name, discreet: false };
	const recoveryCode = generateRecoveryCode();
	const [passwordHash, recoveryCodeHash] = await Promise.all([
		hashPassword(password),
		hashRecoveryCode(recoveryCode)
	]);
	const inserted = await db
		.insert(users)
		.values({
			id: user.id,
			username: user.username,
			passwordHash,
			recoveryCodeHash,
			createdAt: now
		})
		.onConflictDoNothing()
		.returning({ id: users.id });
	// Two sign-ups for one name can both pass the check above; the unique index decides.
	if (!inserted.length) return TAKEN;
	return { ok: true, user, recoveryCode };
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throwaway hash: an unknown name costs the same time as a known one. Finds nobody. */
export async function verifyNothing(password: string): Promise<null> {
	dummyHash ??= hashPassword(randomToken());
	await verifyPassword(await dummyHash, password);
	return null;
}

/** Returns the user when the password matches; the same work is done for unknown names, so timing does not reveal which names exist. */
export async function authenticate(db: Database, username: string, password: string) {
	const [row] = await db.$reads
		.select({
			id: users.id,
			username: users.username,
			discreet: users.discreet,
			passwordHash: users.passwordHash
		})
		.from(users)
		.where(eq(users.username, normalizeUsername(username)))
		.limit(1);
	if (!row) return verifyNothing(password);
	if (!(await verifyPassword(row.passwordHash, password))) return null;
	return { id: row.id, username: row.username, discreet: row.discreet };
}

export type SignInResult =
	{ ok: true; user: SessionUser } | { ok: false; status: 400 | 429; message: string };

/**
 * Sign-in with its limits. Every attempt counts before the password is checked, so parallel
 * guesses cannot slip past the limit; a success clears the username's count. A name that cannot
 * be a username is refused before anything about it is stored, after the same Argon2 work as a
 * wrong password (so timing tells nothing); the address still counts, so that work stays limited.
 */
export async function signIn(
	db: Database,
	username: string,
	password: string,
	client: string,
	now = new Date()
): Promise<SignInResult> {
	const name = normalizeUsername(username);
	const possible = USERNAME_PATTERN.test(name);
	const counters: Counter[] = possible
		? [
				['loginPerUsername', name],
				['loginPerClient', client]
			]
		: [['loginPerClient', client]];
	const refused = await checkThrottles(db, counters, now);
	if (refused) return { ok: false, status: 429, message: refused };
	const user = possible ? await authenticate(db, name, password) : await verifyNothing(password);
	// One message for both cases, so the form does not reveal which usernames exist.
	if (!user) return { ok: false, status: 400, message: 'Wrong username or password.' };
	await clearThrottle(db, ['loginPerUsername', name]);
	return { ok: true, user };
}

/** Sign-up with a per-address limit, so one machine cannot mass-create accounts. */
export async function signUpLimited(
	db: Database,
	username: string,
	password: string,
	client: string
) {
	const refused = await checkThrottles(db, [['signupPerClient', client]]);
	if (refused)
		return { ok: false as const, status: 429 as const, field: 'form' as const, message: refused };
	const result = await signUp(db, username, password);
	return result.ok ? result : { ...result, status: 400 as const };
}

export type PasswordCheck =
	{ ok: true } | { ok: false; status: 400 | 429; message: string; signedOut: boolean };

const SIGNED_OUT =
	'Too many wrong passwords. To keep your account safe, this device is now signed out: sign in again to continue.';

/**
 * Re-checks the signed-in learner's password before a sensitive change. Someone holding an
 * unlocked device must not guess at full speed: each try counts against the username's sign-in
 * limit (shared with sign-in) and then the session's own, before the password is checked. The
 * session's last allowed wrong password ends the session. A right one clears both counts.
 */
export async function checkSessionPassword(
	db: Database,
	user: SessionUser,
	sessionId: string,
	password: string,
	wrong = 'That password is not right.',
	now = new Date()
): Promise<PasswordCheck> {
	const byName: Counter = ['loginPerUsername', user.username];
	const bySession: Counter = ['passwordPerSession', sessionId];
	const refused = await checkThrottles(db, [byName], now);
	if (refused) return { ok: false, status: 429, message: refused, signedOut: false };
	// Past the limit only when tries ran in parallel: end the session without checking.
	const tries = await hitThrottle(db, bySession, now);
	if (!tries.allowed) return endSession(db, sessionId);

	const [row] = await db.$reads
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, user.id));
	if (row && (await verifyPassword(row.passwordHash, password))) {
		await Promise.all([clearThrottle(db, byName), clearThrottle(db, bySession)]);
		return { ok: true };
	}
	if (tries.count >= LIMITS.passwordPerSession.limit) return endSession(db, sessionId);
	return { ok: false, status: 400, message: wrong, signedOut: false };
}

async function endSession(db: Database, sessionId: string) {
	await invalidateSession(db, sessionId);
	return { ok: false, status: 429, message: SIGNED_OUT, signedOut: true } as const;
}

export type ChangePasswordResult =
	| { ok: true }
	| {
			ok: false;
			status: 400 | 429;
			field: 'current' | 'password';
			message: string;
			signedOut: boolean;
	  };

/**
 * Changes the password and ends every other session, so a device someone else holds is signed
 * out. The new password is checked first: a typo in it costs no try.
 */
export async function changePassword(
	db: Database,
	user: SessionUser,
	sessionId: string,
	current: string,
	next: string
): Promise<ChangePasswordResult> {
	const problem = passwordProblem(next);
	if (problem)
		return { ok: false, status: 400, field: 'password', message: problem, signedOut: false };
	const check = await checkSessionPassword(
		db,
		user,
		sessionId,
		current,
		'Your current password is not right.'
	);
	if (!check.ok) return { ...check, field: 'current' };
	await db
		.update(users)
		.set({ passwordHash: await hashPassword(next) })
		.where(eq(users.id, user.id));
	await invalidateUserSessions(db, user.id, sessionId);
	return { ok: true };
}
