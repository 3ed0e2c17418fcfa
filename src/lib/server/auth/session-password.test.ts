import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { openTestDatabase } from '$test/test-database';
import { authenticate, changePassword, checkSessionPassword, signIn, signUp } from './accounts';
import { createSession, validateSessionToken, type SessionUser } from './session';
import { LIMITS } from './throttle';

let db: Database;
let cleanup: () => void;
let user: SessionUser;
let session: { token: string; session: { id: string } };
beforeEach(async () => {
	({ db, cleanup } = await openTestDatabase());
	const r = await signUp(db, 'morgan', 'right password');
	if (!r.ok) throw new Error(r.message);
	user = r.user;
	session = await createSession(db, user.id);
});
afterEach(() => cleanup());

const check = (password: string) => checkSessionPassword(db, user, session.session.id, password);

describe('password checks inside a session (new recovery code, password change, deletion)', () => {
	it(`end the session at its ${LIMITS.passwordPerSession.limit}th wrong password, with a 429 that says so`, async () => {
		for (let i = 1; i < LIMITS.passwordPerSession.limit; i++) {
			expect(await check(`guess ${i}`)).toEqual({
				ok: false,
				status: 400,
				message: 'That password is not right.',
				signedOut: false
			});
		}
		expect(await check('last guess')).toEqual({
			ok: false,
			status: 429,
			message: expect.stringMatching(/^Too many wrong passwords\. .*signed out/),
			signedOut: true
		});
		expect(await validateSessionToken(db, session.token)).toBeNull();
		// The learner's other sessions and password are untouched.
		expect(await authenticate(db, 'morgan', 'right password')).not.toBeNull();
	});

	it('let no more guesses through in parallel than one by one', async () => {
		const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => check(`guess ${i}`)));
		expect(guesses.filter((g) => !g.ok && g.status === 400)).toHaveLength(
			LIMITS.passwordPerSession.limit - 1
		);
		expect(await check('right password')).toMatchObject({ ok: false, status: 429 });
		expect(await validateSessionToken(db, session.token)).toBeNull();
	});

	it('count against the same per-username limit as sign-in, both ways', async () => {
		const other = await createSession(db, user.id);
		const inOther = (password: string) =>
			checkSessionPassword(db, user, other.session.id, password);
		for (let i = 0; i < 4; i++) await check(`guess ${i}`);
		for (let i = 0; i < 2; i++) await inOther(`guess ${i}`);
		for (let i = 0; i < LIMITS.loginPerUsername.limit - 6; i++)
			expect(await signIn(db, 'morgan', `guess ${i}`, `10.0.0.${i}`)).toMatchObject({
				status: 400
			});
		// Ten wrong tries in all: neither sign-in nor a session may try again, even with the right password.
		expect(await signIn(db, 'morgan', 'right password', '10.0.1.1')).toMatchObject({
			ok: false,
			status: 429
		});
		expect(await inOther('right password')).toEqual({
			ok: false,
			status: 429,
			message: expect.stringMatching(/^Too many tries\. Please wait \d+ minutes?/),
			signedOut: false
		});
		// A session refused for the name's sake is not signed out: an outsider guessing at sign-in cannot do that.
		expect(await validateSessionToken(db, other.token)).not.toBeNull();
	});

	it('start counting afresh after the right password', async () => {
		for (let round = 0; round < 3; round++) {
			for (let i = 1; i < LIMITS.passwordPerSession.limit; i++)
				expect(await check(`guess ${i}`)).toMatchObject({ status: 400 });
			expect(await check('right password')).toEqual({ ok: true });
		}
		expect(await validateSessionToken(db, session.token)).not.toBeNull();
	});

	it('apply to a password change, which a typo in the new password does not count against', async () => {
		for (let i = 0; i < 10; i++)
			expect(
				await changePassword(db, user, session.session.id, 'right password', 'short')
			).toMatchObject({ field: 'password', status: 400 });
		for (let i = 1; i < LIMITS.passwordPerSession.limit; i++) {
			expect(
				await changePassword(db, user, session.session.id, `guess ${i}`, 'a new password')
			).toMatchObject({ field: 'current', status: 400 });
		}
		expect(
			await changePassword(db, user, session.session.id, 'last guess', 'a new password')
		).toMatchObject({ field: 'current', status: 429, signedOut: true });
		expect(await authenticate(db, 'morgan', 'a new password')).toBeNull();
	});
});
