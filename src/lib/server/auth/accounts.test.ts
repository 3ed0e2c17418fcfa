import { availableParallelism } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { openTestDatabase } from '$test/test-database';
import { authenticate, signUp, usernameProblem } from './accounts';
import { hashPassword, limitHashing, passwordProblem } from './password';

describe('password rules', () => {
	it('needs 8 to 256 characters, counted as characters not bytes', () => {
		expect(passwordProblem('1234567')).toMatch(/at least 8/);
		expect(passwordProblem('k3v9-p2q')).toBeNull();
		expect(passwordProblem('ü'.repeat(8))).toBeNull();
		expect(passwordProblem('🙂'.repeat(8))).toBeNull();
		expect(passwordProblem('🙂'.repeat(7))).toMatch(/at least 8/);
		expect(passwordProblem('x'.repeat(256))).toBeNull();
		expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
	});

	it('refuses the most common passwords, whatever their case', () => {
		for (const common of ['password', 'Password1', 'iloveyou', 'qwertyuiop', '12345678']) {
			expect(passwordProblem(common), common).toMatch(/one of the most common/);
		}
		expect(passwordProblem('quiet evening walk 42')).toBeNull();
	});
});

describe('username rules', () => {
	it('allows 3–32 of a-z 0-9 _ - in any case', () => {
		expect(usernameProblem('ab')).not.toBeNull();
		expect(usernameProblem('abc')).toBeNull();
		expect(usernameProblem('Sam_Lee-2')).toBeNull();
		expect(usernameProblem('x'.repeat(32))).toBeNull();
		expect(usernameProblem('x'.repeat(33))).not.toBeNull();
		expect(usernameProblem('sam lee')).not.toBeNull();
		expect(usernameProblem('séverine')).not.toBeNull();
	});
});

describe('sign-up and sign-in', () => {
	let db: Database;
	let cleanup: () => void;
	beforeEach(async () => {
		({ db, cleanup } = await openTestDatabase());
		expect(await signUp(db, 'Robin', 'a long pässword')).toMatchObject({
			ok: true,
			user: { username: 'robin' }
		});
	});
	afterEach(() => cleanup());

	it('stores an Argon2id hash with the chosen parameters, never the password', async () => {
		const [row] = await db.$reads.select().from(users);
		expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row.passwordHash).not.toContain('pässword');
	});

	it('treats usernames case-insensitively', async () => {
		expect(await signUp(db, 'ROBIN', 'another password')).toMatchObject({
			ok: false,
			field: 'username'
		});
		expect(await authenticate(db, 'rObIn', 'a long pässword')).toMatchObject({ username: 'robin' });
	});

	it('refuses a wrong password and an unknown name alike', async () => {
		expect(await authenticate(db, 'robin', 'a long password')).toBeNull();
		expect(await authenticate(db, 'nobody', 'a long pässword')).toBeNull();
	});

	it('matches the same password typed in another Unicode form', async () => {
		// "ä" as one code point at sign-up, as "a" + combining diaeresis here.
		expect(await authenticate(db, 'robin', 'a long pa\u0308ssword')).not.toBeNull();
	});

	it('changes nothing on bad input', async () => {
		expect(await signUp(db, 'x', 'long enough')).toMatchObject({ ok: false, field: 'username' });
		expect(await signUp(db, 'valid-name', 'short')).toMatchObject({ ok: false, field: 'password' });
		expect(await db.$reads.select().from(users)).toHaveLength(1);
	});
});

describe('password hashing', () => {
	it('runs exactly one hash per core; the rest wait their turn', async () => {
		// More hashes than cores, whatever the machine: some must wait.
		const cores = availableParallelism();
		const burst = cores + 3;
		const hashes = Array.from({ length: burst }, (_, i) => hashPassword(`burst password ${i}`));
		await new Promise((r) => setImmediate(r));
		expect(limitHashing.activeCount).toBe(cores);
		expect(limitHashing.pendingCount).toBe(3);
		await Promise.all(hashes);
		expect(limitHashing.activeCount + limitHashing.pendingCount).toBe(0);
	});
});
