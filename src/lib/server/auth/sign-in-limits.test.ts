import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { openTestDatabase } from '$test/test-database';
import { signIn, signUpLimited } from './accounts';
import { LIMITS } from './throttle';

let db: Database;
let cleanup: () => void;
beforeEach(async () => {
	({ db, cleanup } = await openTestDatabase());
	await signUpLimited(db, 'harper', 'right password', 'setup');
});
afterEach(() => cleanup());

describe('sign-in limits', () => {
	it('refuses a username after too many tries, even with the right password, from any address', async () => {
		for (let i = 0; i < LIMITS.loginPerUsername.limit; i++) {
			expect(await signIn(db, 'harper', 'wrong', `10.0.0.${i}`)).toMatchObject({ status: 400 });
		}
		const refused = await signIn(db, 'HARPER', 'right password', '10.0.1.1');
		expect(refused).toMatchObject({
			ok: false,
			status: 429,
			message: expect.stringMatching(/Too many tries\. Please wait \d+ minutes? and try again\./)
		});
	});

	it('clears the username count after a success', async () => {
		for (let i = 0; i < LIMITS.loginPerUsername.limit - 1; i++)
			await signIn(db, 'harper', 'wrong', 'a');
		expect(await signIn(db, 'harper', 'right password', 'a')).toMatchObject({ ok: true });
		for (let i = 0; i < LIMITS.loginPerUsername.limit - 1; i++)
			await signIn(db, 'harper', 'wrong', 'a');
		expect(await signIn(db, 'harper', 'right password', 'a')).toMatchObject({ ok: true });
	});

	it('refuses one address trying many usernames, but not other addresses', async () => {
		for (let i = 0; i < LIMITS.loginPerClient.limit; i++)
			await signIn(db, `nobody${i}`, 'wrong', '198.51.100.1');
		expect(await signIn(db, 'harper', 'right password', '198.51.100.1')).toMatchObject({
			status: 429
		});
		expect(await signIn(db, 'harper', 'right password', '198.51.100.2')).toMatchObject({
			ok: true
		});
	}, 60_000);
});

describe('sign-up limits', () => {
	it('refuses one address creating too many accounts', async () => {
		for (let i = 0; i < LIMITS.signupPerClient.limit; i++) {
			expect(await signUpLimited(db, `user${i}`, 'steady river 77', '192.0.2.9')).toMatchObject({
				ok: true
			});
		}
		expect(await signUpLimited(db, 'one-more', 'steady river 77', '192.0.2.9')).toMatchObject({
			ok: false,
			status: 429
		});
		expect(await signUpLimited(db, 'one-more', 'steady river 77', '192.0.2.10')).toMatchObject({
			ok: true
		});
	}, 60_000);
});
