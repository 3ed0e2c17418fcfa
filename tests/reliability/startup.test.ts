import { readdirSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { Learner } from '../support/learner';
import { startServer, tempDatabase, type RunningServer } from '../support/server';
import { migrationsBefore } from '../support/test-database';

const migrationFiles = readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length;
let servers: RunningServer[] = [];
async function stopAll() {
	await Promise.all(servers.map((s) => s.stop()));
	servers = [];
}
afterEach(stopAll);

/** Three servers started at the same instant, as a deploy or a restart of a cluster does. */
async function startThree(database: string) {
	servers = await Promise.all([
		startServer(database),
		startServer(database),
		startServer(database)
	]);
	return servers;
}

async function appliedMigrations(database: string) {
	const db = createClient({ url: `file:${database}` });
	try {
		const { rows } = await db.execute('select hash from __drizzle_migrations');
		return rows.map((r) => String(r.hash));
	} finally {
		db.close();
	}
}

describe('several servers starting at once on one database', () => {
	it('all come up on a new database, which each migration reaches exactly once', async () => {
		// Whether two servers race depends on timing: several rounds make a lost race show.
		for (let round = 0; round < 5; round++) {
			const database = tempDatabase();
			await startThree(database);
			const applied = await appliedMigrations(database);
			expect(applied).toHaveLength(migrationFiles);
			expect(new Set(applied).size).toBe(migrationFiles);
			await stopAll();
		}
		const [a, b, c] = await startThree(tempDatabase());

		const learner = new Learner(`start-${Date.now().toString(36)}`);
		expect((await learner.signUp(a.base)).type).toBe('success');
		expect((await learner.get(b.base, '/learn')).status).toBe(200);
		expect((await learner.get(c.base, '/journal')).status).toBe(200);
	});

	it('all come up on a database an older release left, and bring it up to date once, keeping its rows', async () => {
		const database = tempDatabase();
		const older = migrationsBefore('0004_cluster_by_learner');
		const old = await openDatabase({ url: `file:${database}`, migrationsFolder: older.folder });
		await old.$client.batch([
			"insert into users (id, username, password_hash, created_at) values ('u1', 'early-learner', 'x', 1)",
			"insert into lesson_progress (user_id, lesson_id, started_at, last_visited_at, completed_at) values ('u1', 'understanding-silence/why-silence-hurts', 1, 2, 3)",
			"insert into reflections values ('u1', 'understanding-silence/why-silence-hurts', 'how-it-feels', 'written long ago', 1, 9, 9)"
		]);
		old.$client.close();
		older.cleanup();

		const [a, b, c] = await startThree(database);
		const applied = await appliedMigrations(database);
		expect(applied).toHaveLength(migrationFiles);
		expect(new Set(applied).size).toBe(migrationFiles);
		for (const server of [a, b, c]) expect((await fetch(`${server.base}/help`)).status).toBe(200);

		const db = createClient({ url: `file:${database}` });
		const kept = await db.execute("select body from reflections where user_id = 'u1'");
		db.close();
		expect(kept.rows.map((r) => r.body)).toEqual(['written long ago']);
	});
});
