import { resolve } from 'node:path';
import { DATABASE_AUTH_TOKEN, DATABASE_URL, MIGRATIONS_DIR } from '$app/env/private';
import { openDatabase, type Database } from './client';

let opening: Promise<Database> | undefined;

/** The app's one database, opened and migrated on first use (hooks.server.ts `init` does it at start). */
export function getDb(): Promise<Database> {
	opening ??= openDatabase({
		url: DATABASE_URL ?? 'file:data/heard.db',
		authToken: DATABASE_AUTH_TOKEN,
		migrationsFolder: resolve(MIGRATIONS_DIR ?? 'drizzle')
	});
	return opening;
}

export type { Database };
