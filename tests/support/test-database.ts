import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signUp } from '../../src/lib/server/auth/accounts';
import { openDatabase, type Database } from '../../src/lib/server/db/client';

/** A real, migrated libSQL file in a fresh temp folder; `cleanup` closes and removes it. */
export async function openTestDatabase(): Promise<{
	db: Database;
	path: string;
	cleanup: () => void;
}> {
	const dir = mkdtempSync(join(tmpdir(), 'heard-test-'));
	const path = join(dir, 'test.db');
	const db = await openDatabase({ url: `file:${path}`, migrationsFolder: resolve('drizzle') });
	return {
		db,
		path,
		cleanup: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A copy of the migrations folder that stops before migration `tag` (its file name without .sql),
 * to build a database as an older release left it.
 */
export function migrationsBefore(tag: string): { folder: string; cleanup: () => void } {
	const folder = mkdtempSync(join(tmpdir(), 'heard-migrations-'));
	cpSync(resolve('drizzle'), folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
	const at = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
	if (at <= 0) throw new Error(`no migration ${tag} after the first`);
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalPath, JSON.stringify(journal));
	return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A test database with one signed-up learner in it: most tests of learner data start here. */
export async function openLearnerDatabase(): Promise<{
	db: Database;
	userId: string;
	cleanup: () => void;
}> {
	const { db, cleanup } = await openTestDatabase();
	const r = await signUp(db, 'learner', 'steady river 77');
	if (!r.ok) throw new Error(r.message);
	return { db, userId: r.user.id, cleanup };
}
