import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { openTestDatabase } from '$test/test-database';
import { authenticate, changePassword, signUp } from './accounts';
import { normalizeRecoveryCode } from './password';
import { replaceRecoveryCode, resetWithRecoveryCode } from './recovery';
import { LIMITS } from './throttle';
import { createSession, validateSessionToken } from './session';

let db: Database;
let cleanup: () => void;
let userId: string;
let code: string;
const client = '203.0.113.7';

beforeEach(async () => {
	({ db, cleanup } = await openTestDatabase());
	const r = await signUp(db, 'gale', 'first password');
	if (!r.ok) throw new Error(r.message);
	({ recoveryCode: code } = r);
	userId = r.user.id;
});
afterEach(() => cleanup());

describe('recovery codes', () => {
	it('are shown once at sign-up and stored only as an Argon2id hash', async () => {
		expect(code).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
		const [row] = await db.$reads.select().from(users).where(eq(users.id, userId));
		expect(row.recoveryCodeHash).toMatch(/^\$argon2id\$/);
		expect(JSON.stringify(row)).not.toContain(code.replaceAll('-', ''));
	});

	it('accept the code in any case and spacing', () => {
		expect(normalizeRecoveryCode(` ${code.toUpperCase().replaceAll('-', ' ')} `)).toBe(code);
	});

	it('reset the password once, end every session, and are replaced by a new code', async () => {
		const { token } = await createSession(db, userId);
		const reset = await resetWithRecoveryCode(db, {
			username: 'GALE',
			code,
			password: 'second password',
			client
		});
		expect(reset).toMatchObject({
			ok: true,
			user: { id: userId, username: 'gale', discreet: false }
		});
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await authenticate(db, 'gale', 'second password')).not.toBeNull();
		expect(await authenticate(db, 'gale', 'first password')).toBeNull();

		const again = await resetWithRecoveryCode(db, {
			username: 'gale',
			code,
			password: 'third password',
			client
		});
		expect(again).toMatchObject({ ok: false, status: 400 });
		if (!reset.ok) throw new Error('unreachable');
		expect(
			await resetWithRecoveryCode(db, {
				username: 'gale',
				code: reset.newCode,
				password: 'third password',
				client
			})
		).toMatchObject({ ok: true });
	});

	it('are throttled per username, and a throttled right code changes nothing', async () => {
		for (let i = 0; i < LIMITS.recoveryPerUsername.limit; i++) {
			expect(
				await resetWithRecoveryCode(db, {
					username: 'gale',
					code: 'aaaaa-aaaaa-aaaaa-aaaaa',
					password: 'x password',
					client
				})
			).toMatchObject({ status: 400 });
		}
		const blocked = await resetWithRecoveryCode(db, {
			username: 'gale',
			code,
			password: 'x password',
			client: 'elsewhere'
		});
		expect(blocked).toMatchObject({
			ok: false,
			status: 429,
			message: expect.stringMatching(/wait \d+ minutes?/)
		});
		expect(await authenticate(db, 'gale', 'first password')).not.toBeNull();
		// After the window the right code works again.
		const later = new Date(Date.now() + LIMITS.recoveryPerUsername.windowMs + 1000);
		expect(
			await resetWithRecoveryCode(
				db,
				{ username: 'gale', code, password: 'x password', client },
				later
			)
		).toMatchObject({ ok: true });
	});

	it('can be regenerated, which retires the old one', async () => {
		const fresh = await replaceRecoveryCode(db, userId);
		expect(
			await resetWithRecoveryCode(db, { username: 'gale', code, password: 'x password', client })
		).toMatchObject({ ok: false });
		expect(
			await resetWithRecoveryCode(db, {
				username: 'gale',
				code: fresh,
				password: 'x password',
				client
			})
		).toMatchObject({ ok: true });
	});
});

describe('changing the password', () => {
	it('needs the current password and ends every other session', async () => {
		const here = await createSession(db, userId);
		const there = await createSession(db, userId);
		const gale = { id: userId, username: 'gale', discreet: false };
		expect(await changePassword(db, gale, here.session.id, 'wrong', 'new password!')).toMatchObject(
			{ ok: false, field: 'current' }
		);
		expect(
			await changePassword(db, gale, here.session.id, 'first password', 'short')
		).toMatchObject({ ok: false, field: 'password' });
		expect(
			await changePassword(db, gale, here.session.id, 'first password', 'new password!')
		).toEqual({ ok: true });
		expect(await validateSessionToken(db, here.token)).not.toBeNull();
		expect(await validateSessionToken(db, there.token)).toBeNull();
		expect(await authenticate(db, 'gale', 'new password!')).not.toBeNull();
	});
});
