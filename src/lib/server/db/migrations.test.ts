import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrationsBefore } from '$test/test-database';
import { openDatabase } from './client';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

it('clustering the learner tables by learner keeps every row, and saving still records history', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'heard-test-'));
	const before = migrationsBefore('0004_cluster_by_learner');
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }), before.cleanup);
	const url = `file:${join(dir, 'old.db')}`;
	const old = await openDatabase({ url, migrationsFolder: before.folder });
	await old.$client.batch([
		"insert into users (id, username, password_hash, created_at) values ('u1', 'ada', 'x', 1)",
		"insert into lesson_progress (user_id, lesson_id, started_at, last_visited_at, completed_at) values ('u1', 'm/a', 1, 2, 3), ('u1', 'm/b', 4, 5, null)",
		"insert into question_progress values ('u1', 'm/a', 'q1', 2, 0, '[\"x\"]', 1, 7, 8)",
		"insert into reflections values ('u1', 'm/a', 'r1', 'what I wrote', 1, 9, 9)"
	]);
	const tables = ['lesson_progress', 'question_progress', 'reflections', 'reflection_revisions'];
	// The columns each table had then: later migrations may add some.
	const columns = Object.fromEntries(
		await Promise.all(
			tables.map(async (t) => [
				t,
				(await old.$client.execute(`select name from pragma_table_info('${t}')`)).rows.map((r) =>
					String(r.name)
				)
			])
		)
	);
	const dump = async (db: typeof old) =>
		Object.fromEntries(
			await Promise.all(
				tables.map(async (t) => [
					t,
					(
						await db.$client.execute(`select ${columns[t].join(', ')} from ${t} order by 1, 2, 3`)
					).rows.map((r) => ({ ...r }))
				])
			)
		);
	const rows = await dump(old);
	old.$client.close();

	const db = await openDatabase({ url, migrationsFolder: resolve('drizzle') });
	expect(await dump(db)).toEqual(rows);
	const clustered = await db.$client.execute(
		"select name from sqlite_master where type = 'table' and sql like '%WITHOUT ROWID%' order by name"
	);
	expect(clustered.rows.map((r) => r.name)).toEqual([
		'check_ins',
		'dialogue_runs',
		'lesson_progress',
		'question_progress',
		'reflections',
		'review_items',
		'try_its'
	]);

	await db.$client.execute(
		"update reflections set body = 'edited', revision = 2 where user_id = 'u1'"
	);
	const history = await db.$client.execute(
		"select revision, body from reflection_revisions where user_id = 'u1' order by revision"
	);
	expect(history.rows.map((r) => [r.revision, r.body])).toEqual([
		[1, 'what I wrote'],
		[2, 'edited']
	]);
	await db.$client.execute("delete from users where id = 'u1'");
	expect((await db.$client.execute('select count(*) as n from lesson_progress')).rows[0].n).toBe(0);
	db.$client.close();
});
