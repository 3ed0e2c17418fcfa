import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Database } from '../../src/lib/server/db/client';

/** A real, migrated libSQL file in a fresh temp folder; `cleanup` closes and removes it. */
export async function openTestDatabase(): Promise<{ db: Database; path: string; cleanup: () => void }> {
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
