import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client';
import { throttles } from '../db/schema';
import { openTestDatabase } from '$test/test-database';
import { signIn, signUp, verifyNothing } from './accounts';
import { limitHashing } from './password';
import { resetWithRecoveryCode } from './recovery';
import { checkThrottles, deleteExpiredThrottles, LIMITS } from './throttle';
import { throttleKey } from './throttle-keys';

let db: Database;
let path: string;
let cleanup: () => void;
beforeEach(async () => ({ db, path, cleanup } = await openTestDatabase()));
afterEach(() => cleanup());

const MINUTE = 60_000;
const t0 = new Date('2026-03-01T12:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
const keys = async () =>
	(await db.$reads.select({ key: throttles.key }).from(throttles)).map((r) => r.key).sort();

/** The main file's size with every committed page in it and the WAL emptied. */
async function fileSize() {
	await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	return statSync(path).size;
}

describe('throttle counters', () => {
	it('are keyed by a hash of a bounded size: no username or address in the clear', async () => {
		await signIn(db, 'Harper', 'wrong password', '198.51.100.23');
		await resetWithRecoveryCode(db, {
			username: 'harper',
			code: 'aaaaa-aaaaa',
			password: 'a new password',
			client: '198.51.100.23'
		});
		const stored = await keys();
		expect(stored).toHaveLength(4);
		for (const key of stored) {
			expect(key).not.toMatch(/harper|198\.51/i);
			expect(key.length).toBeLessThan(80);
		}
		expect(stored).toContain(throttleKey('loginPerUsername', 'harper'));
	});

	it('are deleted once their window has passed, each kind by its own window', async () => {
		await checkThrottles(
			db,
			[
				['loginPerUsername', 'robin'],
				['recoveryPerClient', '192.0.2.1'],
				['passwordPerSession', 'session-1']
			],
			t0
		);
		// A key as older releases wrote it, with the name in the clear.
		await db.insert(throttles).values({ key: 'login:user:robin', count: 3, windowStartedAt: t0 });
		await deleteExpiredThrottles(db, at(LIMITS.loginPerUsername.windowMs / MINUTE));
		expect(await keys()).toEqual(
			[
				throttleKey('passwordPerSession', 'session-1'),
				throttleKey('recoveryPerClient', '192.0.2.1'),
				'login:user:robin'
			].sort()
		);
		await deleteExpiredThrottles(db, at(24 * 60));
		expect(await keys()).toEqual([]);
	});

	it('expired ones are swept by later attempts too, not only at start', async () => {
		await checkThrottles(db, [['loginPerClient', '192.0.2.1']], t0);
		await checkThrottles(db, [['loginPerClient', '192.0.2.2']], at(5));
		expect(await keys()).toHaveLength(2);
		await checkThrottles(db, [['loginPerClient', '192.0.2.3']], at(19));
		expect(await keys()).toEqual(
			[
				throttleKey('loginPerClient', '192.0.2.2'),
				throttleKey('loginPerClient', '192.0.2.3')
			].sort()
		);
	});
});

describe('names that cannot be usernames', () => {
	it('many sign-ins and recoveries with huge names grow the database by almost nothing', async () => {
		const before = await fileSize();
		for (let i = 0; i < 10; i++) {
			const huge = `${i}-`.padEnd(400 * 1024, 'x');
			expect(await signIn(db, huge, 'some password', '203.0.113.5')).toMatchObject({
				ok: false,
				status: 400
			});
			expect(
				await resetWithRecoveryCode(db, {
					username: huge,
					code: 'aaaaa-aaaaa',
					password: 'a new password',
					client: '203.0.113.5'
				})
			).toMatchObject({
				ok: false,
				status: 400
			});
		}
		// 8 MB of names were sent; two counters for the address may take a page.
		expect((await fileSize()) - before).toBeLessThanOrEqual(8192);
		expect(await keys()).toEqual(
			[
				throttleKey('loginPerClient', '203.0.113.5'),
				throttleKey('recoveryPerClient', '203.0.113.5')
			].sort()
		);
	}, 60_000);

	it('are refused with the same message as a wrong password', async () => {
		await signUp(db, 'quinn', 'right password');
		const wrong = await signIn(db, 'quinn', 'wrong password', 'a');
		expect(await signIn(db, 'quinn with spaces', 'right password', 'a')).toEqual(wrong);
		expect(await signIn(db, 'q'.repeat(33), 'right password', 'a')).toEqual(wrong);
	});
});

/** Takes every Argon2 slot until `release`, so the next hash or verification has to queue. */
function holdHashing() {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	const held = Array.from({ length: limitHashing.concurrency }, () => limitHashing(() => gate));
	return async () => {
		release();
		await Promise.all(held);
	};
}

describe('timing', () => {
	it('an unknown or impossible name waits for the same Argon2 work as a known one, at recovery and sign-in', async () => {
		await signUp(db, 'known', 'right password');
		await verifyNothing('the throwaway hash exists from here on');
		const attempts = {
			'recovery, known name': () =>
				resetWithRecoveryCode(db, {
					username: 'known',
					code: 'aaaaa-aaaaa',
					password: 'a new password',
					client: 'c'
				}),
			'recovery, unknown name': () =>
				resetWithRecoveryCode(db, {
					username: 'nobody-here',
					code: 'aaaaa-aaaaa',
					password: 'a new password',
					client: 'c'
				}),
			'recovery, impossible name': () =>
				resetWithRecoveryCode(db, {
					username: 'no such name!',
					code: 'aaaaa-aaaaa',
					password: 'a new password',
					client: 'c'
				}),
			'sign-in, unknown name': () => signIn(db, 'nobody-here', 'some password', 'c'),
			'sign-in, impossible name': () => signIn(db, 'x'.repeat(5000), 'some password', 'c')
		};
		for (const [what, attempt] of Object.entries(attempts)) {
			const release = holdHashing();
			const result = attempt();
			try {
				// Exactly one Argon2 verification queues behind the held slots: the same as a wrong password.
				await vi.waitFor(() => expect(limitHashing.pendingCount, what).toBe(1), { timeout: 2000 });
			} finally {
				await release();
			}
			expect(await result, what).toMatchObject({ ok: false, status: 400 });
		}
	});
});
