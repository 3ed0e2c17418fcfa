import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client, type TransactionMode } from '@libsql/client';
import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from './migrate';
import { openReadDatabase, type ReadDatabase } from './reads';
import * as schema from './schema';

export type { ReadDatabase };

/**
 * The app's database. Writes (insert, update, delete, batch) go through @libsql/client; every read
 * goes through `$reads`, so the writer offers no `select` and no relational `query`.
 */
export type Database = Omit<
	LibSQLDatabase<typeof schema>,
	'select' | 'selectDistinct' | 'query' | '$count' | 'all' | 'get' | 'values'
> & {
	$client: Client;
	/**
	 * The same database for SELECTs. On a local file its queries run on kept statements and drizzle
	 * maps their rows straight from arrays (see reads.ts); on a libSQL server it is the client.
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
	const path = url.startsWith('file://')
		? fileURLToPath(url)
		: url.slice('file:'.length).split('?')[0];
	return path && !path.startsWith(':memory:') ? path : null;
}

/**
 * Per-connection settings. synchronous=NORMAL: in WAL mode a commit is durable against a crashed
 * or killed process (only a power cut can lose the last commits), at a fraction of FULL's fsync
 * cost per save. foreign_keys=ON: a deleted learner takes their rows along. cache_size 32 MiB
 * (default 2 MiB): keeps the indexes' upper levels in memory once the file holds many learners.
 * secure_delete=ON: deleted rows (a reflection, a whole account) are overwritten with zeros, not
 * left readable in free space of the file (a checkpoint then clears them from the WAL too).
 */
const CONNECTION_PRAGMAS = [
	'PRAGMA foreign_keys = ON',
	'PRAGMA cache_size = -32768',
	'PRAGMA synchronous = NORMAL',
	'PRAGMA secure_delete = ON'
];

async function applyPragmas(client: Client, local: boolean) {
	for (const pragma of local ? CONNECTION_PRAGMAS : CONNECTION_PRAGMAS.slice(0, 1))
		await client.execute(pragma);
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
	const path = localPath(config.url);
	if (path) mkdirSync(dirname(resolve(path)), { recursive: true });
	const local = config.url.startsWith('file:');
	const client = createClient({
		url: config.url,
		authToken: config.authToken,
		timeout: BUSY_TIMEOUT_MS
	});
	// WAL lets readers and one writer work at once; it is stored in the file, so set once.
	if (local) await client.execute('PRAGMA journal_mode = WAL');
	await applyPragmas(client, local);
	// A local client hands its connection to each interactive transaction and opens a fresh one
	// afterwards, which would start without these pragmas: give the fresh one them at once.
	const transaction = client.transaction.bind(client);
	client.transaction = async (mode?: TransactionMode) => {
		const tx = await transaction(mode);
		await applyPragmas(client, local);
		return tx;
	};
	if (config.migrationsFolder) await migrate(client, config.migrationsFolder, { local });

	const writer = drizzle(client, { schema });
	const read = path ? openReadDatabase(path, CONNECTION_PRAGMAS, BUSY_TIMEOUT_MS) : null;
	if (read) {
		const close = client.close.bind(client);
		client.close = () => {
			read.close();
			close();
		};
	}
	return Object.assign(writer, {
		$reads: read?.reads ?? (writer as unknown as ReadDatabase)
	}) as Database;
}

/**
 * Copies every committed page into the database file and empties the WAL, so the old versions of
 * pages it held (deleted text among them) are gone from disk as well. Waits for readers up to
 * the busy timeout; on a libSQL server, which keeps its own files, it does nothing.
 */
export async function checkpoint(db: Database) {
	if (db.$client.protocol === 'file') await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
}

/** `db.batch` for a list built at run time (drizzle types it for literal tuples only). */
export function batchAll(db: Database, items: BatchItem<'sqlite'>[]) {
	if (items.length === 0) return Promise.resolve([]);
	return db.batch(items as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}
