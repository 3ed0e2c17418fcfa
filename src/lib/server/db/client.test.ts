import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { openTestDatabase } from '$test/test-database';

let db: Database;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await openTestDatabase()));
afterEach(() => cleanup());

async function settings(run: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) {
	const one = async (pragma: string) => Object.values((await run(`PRAGMA ${pragma}`)).rows[0])[0];
	return {
		journal_mode: await one('journal_mode'),
		foreign_keys: Number(await one('foreign_keys')),
		synchronous: Number(await one('synchronous')),
		busy_timeout: Number(await one('busy_timeout')),
		cache_size: Number(await one('cache_size')),
		secure_delete: Number(await one('secure_delete'))
	};
}

// synchronous: 1 is NORMAL; a negative cache_size is in KiB.
const INTENDED = {
	journal_mode: 'wal',
	foreign_keys: 1,
	synchronous: 1,
	busy_timeout: 5000,
	cache_size: -32768,
	secure_delete: 1
};

describe('database connections', () => {
	it('start with the intended settings', async () => {
		expect(await settings((sql) => db.$client.execute(sql))).toEqual(INTENDED);
	});

	it('keep them inside and after an interactive transaction, and after a batch', async () => {
		const tx = await db.$client.transaction('write');
		expect(await settings((sql) => tx.execute(sql))).toEqual(INTENDED);
		await tx.commit();
		expect(await settings((sql) => db.$client.execute(sql))).toEqual(INTENDED);
		await db.$client.batch(['select 1', 'select 2'], 'write');
		expect(await settings((sql) => db.$client.execute(sql))).toEqual(INTENDED);
	});

	it('enforce foreign keys after a transaction', async () => {
		const tx = await db.$client.transaction('write');
		await tx.rollback();
		await expect(
			db.$client.execute({
				sql: 'insert into sessions (id, user_id, secret_hash, created_at, last_verified_at) values (?, ?, ?, 0, 0)',
				args: ['s', 'nobody', new Uint8Array(32)]
			})
		).rejects.toThrow(/FOREIGN KEY/);
	});
});
