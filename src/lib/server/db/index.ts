import { resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import { openDatabase, type Database } from './client';

let opening: Promise<Database> | undefined;

/** The app's one database, opened and migrated on first use (hooks.server.ts `init` does it at start). */
export function getDb(): Promise<Database> {
	opening ??= openDatabase({
		url: env.DATABASE_URL || 'file:data/heard.db',
		authToken: env.DATABASE_AUTH_TOKEN || undefined,
		migrationsFolder: resolve(env.MIGRATIONS_DIR || 'drizzle')
	});
	return opening;
}

export type { Database };
