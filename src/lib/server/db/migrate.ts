import type { Client, Transaction } from '@libsql/client';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** drizzle-kit's bookkeeping table: the same rows drizzle's own migrator writes and reads. */
const TABLE = '__drizzle_migrations';
/** How long a server waits for another server's migration to finish before it gives up. */
const LOCK_WAIT_MS = 10 * 60 * 1000;

/**
 * Applies the pending migrations in `folder`, each exactly once however many servers start at
 * the same moment. drizzle's migrator reads what is applied and then applies the rest with no
 * lock between the two, so two servers starting together both apply the same migration and the
 * second fails. Here the read and the writes happen in one write transaction (BEGIN IMMEDIATE on
 * a file, a write transaction on a libSQL server): a second server waits for the first, then
 * finds nothing left to do.
 */
export async function migrate(client: Client, folder: string, { local }: { local: boolean }) {
	const migrations = readMigrationFiles({ migrationsFolder: folder });
	await client.execute(
		`CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`
	);
	// Up to date (every start but the first after a deploy): no write lock taken.
	if ((await pending(client, migrations)).length === 0) return 0;

	// A table rebuild must not cascade or fail on foreign keys half-way; they are checked before commit.
	// (On a file the transaction takes over this connection; a libSQL server keeps them on.)
	if (local) await client.execute('PRAGMA foreign_keys = OFF');
	const tx = await writeTransaction(client);
	try {
		const todo = await pending(tx, migrations);
		for (const migration of todo) {
			for (const statement of migration.sql) if (statement.trim()) await tx.execute(statement);
			await tx.execute({
				sql: `INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`,
				args: [migration.hash, migration.folderMillis]
			});
		}
		const broken = await tx.execute('PRAGMA foreign_key_check');
		if (broken.rows.length)
			throw new Error(
				`Migration left ${broken.rows.length} row(s) breaking a foreign key; nothing was applied.`
			);
		await tx.commit();
		return todo.length;
	} finally {
		tx.close();
	}
}

type Migration = ReturnType<typeof readMigrationFiles>[number];

async function pending(on: Client | Transaction, migrations: Migration[]) {
	const { rows } = await on.execute(
		`SELECT created_at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1`
	);
	const last = rows.length ? Number(rows[0].created_at) : null;
	return migrations.filter((m) => last === null || last < m.folderMillis);
}

/** BEGIN IMMEDIATE waits the busy timeout for the lock; a long migration elsewhere can take longer. */
async function writeTransaction(client: Client) {
	const deadline = Date.now() + LOCK_WAIT_MS;
	for (;;) {
		try {
			return await client.transaction('write');
		} catch (e) {
			if (
				!/SQLITE_BUSY|database is locked/i.test(String((e as { code?: string }).code ?? e)) ||
				Date.now() > deadline
			)
				throw e;
		}
	}
}
