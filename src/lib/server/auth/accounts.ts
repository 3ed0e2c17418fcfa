import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { randomToken } from './random';
import { generateRecoveryCode, hashRecoveryCode } from './recovery';
import { invalidateUserSessions } from './session';
import { normalizeUsername, usernameProblem } from './username';

export { normalizeUsername, usernameProblem } from './username';

export type SignUpResult =
	| { ok: true; user: { id: string; username: string }; recoveryCode: string }
	| { ok: false; field: 'username' | 'password'; message: string };

export async function signUp(db: Database, username: string, password: string, now = new Date()): Promise<SignUpResult> {
	const nameProblem = usernameProblem(username);
	if (nameProblem) return { ok: false, field: 'username', message: nameProblem };
	const pwProblem = passwordProblem(password);
	if (pwProblem) return { ok: false, field: 'password', message: pwProblem };

	const name = normalizeUsername(username);
	const taken = await db.select({ id: users.id }).from(users).where(eq(users.username, name)).limit(1);
	if (taken.length) return { ok: false, field: 'username', message: 'That username is taken. Try another.' };

	const user = { id: randomToken(), username: name };
	const recoveryCode = generateRecoveryCode();
	const [passwordHash, recoveryCodeHash] = await Promise.all([hashPassword(password), hashRecoveryCode(recoveryCode)]);
	const inserted = await db
		.insert(users)
		.values({ ...user, passwordHash, recoveryCodeHash, createdAt: now })
		.onConflictDoNothing()
		.returning({ id: users.id });
	// Two sign-ups for one name can both pass the check above; the unique index decides.
	if (!inserted.length) return { ok: false, field: 'username', message: 'That username is taken. Try another.' };
	return { ok: true, user, recoveryCode };
}

let dummyHash: Promise<string> | undefined;

/** Returns the user when the password matches; the same work is done for unknown names, so timing does not reveal which names exist. */
export async function authenticate(db: Database, username: string, password: string) {
	const rows = await db
		.select({ id: users.id, username: users.username, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.username, normalizeUsername(username)))
		.limit(1);
	const row = rows[0];
	if (!row) {
		dummyHash ??= hashPassword(randomToken());
		await verifyPassword(await dummyHash, password);
		return null;
	}
	if (!(await verifyPassword(row.passwordHash, password))) return null;
	return { id: row.id, username: row.username };
}

/** Re-checks the signed-in learner's password before a sensitive change. */
export async function checkPassword(db: Database, userId: string, password: string): Promise<boolean> {
	const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
	return Boolean(row) && (await verifyPassword(row.passwordHash, password));
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'current' | 'password'; message: string };

/** Changes the password and ends every other session, so a device someone else holds is signed out. */
export async function changePassword(
	db: Database,
	userId: string,
	current: string,
	next: string,
	keepSessionId: string
): Promise<ChangePasswordResult> {
	if (!(await checkPassword(db, userId, current))) return { ok: false, field: 'current', message: 'Your current password is not right.' };
	const problem = passwordProblem(next);
	if (problem) return { ok: false, field: 'password', message: problem };
	await db.update(users).set({ passwordHash: await hashPassword(next) }).where(eq(users.id, userId));
	await invalidateUserSessions(db, userId, keepSessionId);
	return { ok: true };
}
