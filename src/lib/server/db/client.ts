import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client, type TransactionMode } from '@libsql/client';
import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { drizzle as drizzleOverRows } from 'drizzle-orm/sqlite-proxy';
import { openKeptReader, withCachedReads, type KeptReader } from './cached-reads';
import * as schema from './schema';

/** Reads only: what the queries behind every page are built on (see `$reads`). */
export type ReadDatabase = BaseSQLiteDatabase<'async', unknown, typeof schema>;

export type Database = LibSQLDatabase<typeof schema> & {
	$client: Client;
	/**
	 * The same database for SELECTs alone. On a local file its queries run on kept statements and
	 * drizzle maps their rows straight from arrays, which costs less than half of what building
	 * @libsql/client's row objects and mapping those does; elsewhere it is the database itself.
	 */
	$reads: ReadDatabase;
};

export interface DatabaseConfig {
	url: string;
	authToken?: string;
	/** Folder of drizzle-kit migrations to apply before first use. */
	migrationsFolder?: string;
}

/** Milliseconds a writer waits for the file lock before failing: longer than any write we make. */
const BUSY_TIMEOUT_MS = 5000;

/** The file a `file:` URL names, or null for a remote or in-memory database. */
function localPath(url: string): string | null {
	if (!url.startsWith('file:')) return null;
	const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length).split('?')[0];
	return path && !path.startsWith(':memory:') ? path : null;
}

/**
 * Per-connection settings. synchronous=NORMAL: in WAL mode a commit is durable against a crashed
 * or killed process (only a power cut can lose the last commits), at a fraction of FULL's fsync
 * cost per save. foreign_keys=ON: a deleted learner takes their rows along. cache_size 32 MiB
 * (default 2 MiB): keeps the indexes' upper levels in memory once the file holds many learners.
 */
const CONNECTION_PRAGMAS = ['PRAGMA foreign_keys = ON', 'PRAGMA cache_size = -32768', 'PRAGMA synchronous = NORMAL'];

async function applyPragmas(client: Client, local: boolean) {
	for (const pragma of local ? CONNECTION_PRAGMAS : CONNECTION_PRAGMAS.slice(0, 1)) await client.execute(pragma);
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
	const path = localPath(config.url);
	if (path) mkdirSync(dirname(resolve(path)), { recursive: true });
	const local = config.url.startsWith('file:');
	const opened = createClient({ url: config.url, authToken: config.authToken, timeout: BUSY_TIMEOUT_MS });
	// WAL lets readers and one writer work at once; it is stored in the file, so set once.
	if (local) await opened.execute('PRAGMA journal_mode = WAL');
	await applyPragmas(opened, local);
	const reader = path ? openKeptReader(path, CONNECTION_PRAGMAS, BUSY_TIMEOUT_MS) : null;
	const client = reader ? withCachedReads(opened, reader) : opened;
	// A local client hands its connection to each interactive transaction and opens a fresh one
	// afterwards, which would start without these pragmas: give the fresh one them at once.
	const transaction = client.transaction.bind(client);
	client.transaction = async (mode?: TransactionMode) => {
		const tx = await transaction(mode);
		await applyPragmas(client, local);
		return tx;
	};
	const writer = drizzle(client, { schema });
	const db = Object.assign(writer, { $reads: reader ? readDatabase(reader) : writer });
	if (config.migrationsFolder) await migrate(db, { migrationsFolder: config.migrationsFolder });
	return db;
}

/**
 * drizzle's driver for rows given as arrays, over the kept statements. Writes are refused there,
 * by the one check that also keeps them off the client's read path: only a SELECT is prepared.
 */
function readDatabase(reader: KeptReader): ReadDatabase {
	return drizzleOverRows(
		async (sql, params, method) => {
			const rows = reader.rows(sql, params);
			return { rows: method === 'get' ? rows[0] : rows };
		},
		{ schema }
	);
}

/** `db.batch` for a list built at run time (drizzle types it for literal tuples only). */
export function batchAll(db: Database, items: BatchItem<'sqlite'>[]) {
	if (items.length === 0) return Promise.resolve([]);
	return db.batch(items as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}
