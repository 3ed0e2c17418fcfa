import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { learnerThrottleKeys } from '../../src/lib/server/auth/throttle-keys';

/** The database file the e2e server uses (playwright.config.ts makes the folder), for checks a page cannot show. */
export function e2eDatabase() {
	const dir = process.env.HEARD_E2E_DB_DIR;
	if (!dir)
		throw new Error('HEARD_E2E_DB_DIR is not set: run the tests through playwright.config.ts');
	return createClient({ url: `file:${join(dir, 'heard.db')}`, timeout: 5000 });
}

/** Every row that belongs to the learner, table by table: every table with a user_id column, plus users and the throttle counters of their name and sessions. */
export async function learnerRows(username: string) {
	const db = e2eDatabase();
	try {
		const user = await db.execute({
			sql: 'select id from users where username = ?',
			args: [username]
		});
		const userId = (user.rows[0]?.id as string | undefined) ?? '';
		const sessions = await db.execute({
			sql: 'select id from sessions where user_id = ?',
			args: [userId]
		});
		const throttleKeys = learnerThrottleKeys(
			username,
			sessions.rows.map((r) => String(r.id))
		);
		const tables = await db.execute(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
		);
		const rows: Record<string, Record<string, unknown>[]> = {};
		for (const { name } of tables.rows) {
			const columns = await db.execute(`pragma table_info(${String(name)})`);
			const has = (c: string) => columns.rows.some((r) => r.name === c);
			const query = has('user_id')
				? {
						sql: `select * from ${String(name)} where user_id = ? order by 1, 2, 3`,
						args: [userId]
					}
				: name === 'users'
					? { sql: 'select * from users where username = ?', args: [username] }
					: name === 'throttles'
						? {
								sql: `select * from throttles where key in (${throttleKeys.map(() => '?').join(', ')}) order by key`,
								args: throttleKeys
							}
						: null;
			if (!query)
				throw new Error(`table ${String(name)}: the test does not know whose rows these are`);
			// Blobs (session hashes) as hex, so rows compare as plain values.
			rows[String(name)] = (await db.execute(query)).rows.map((r) =>
				Object.fromEntries(
					Object.entries(r).map(([k, v]) => [
						k,
						v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v
					])
				)
			);
		}
		return rows;
	} finally {
		db.close();
	}
}

/** How many rows belong to the learner, table by table (see learnerRows). */
export async function learnerRowCounts(username: string) {
	return Object.fromEntries(
		Object.entries(await learnerRows(username)).map(([table, rows]) => [table, rows.length])
	);
}

/** Marks every listed lesson complete for the learner, so any lesson can be opened without working through the rest. */
export async function completeLessonsInDatabase(username: string, lessonIds: string[]) {
	const db = e2eDatabase();
	try {
		const { rows } = await db.execute({
			sql: 'select id from users where username = ?',
			args: [username]
		});
		const now = Date.now();
		await db.batch(
			lessonIds.map((lessonId) => ({
				sql: 'insert into lesson_progress (user_id, lesson_id, started_at, last_visited_at, completed_at) values (?, ?, ?, ?, ?)',
				args: [rows[0].id, lessonId, now, now, now]
			})),
			'write'
		);
	} finally {
		db.close();
	}
}

/**
 * Moves the learner's picks of "Try it this week" back in time by `ms`. The follow-up waits a day
 * after the pick, and the server reads its own clock: writing `chosen_at` (the time the pick was
 * made) is how a test gets to "a day later" without waiting a day or giving the app a test clock.
 */
export async function backdateTryIts(username: string, ms: number) {
	const db = e2eDatabase();
	try {
		await db.execute({
			sql: 'update try_its set chosen_at = chosen_at - ? where user_id = (select id from users where username = ?)',
			args: [ms, username]
		});
	} finally {
		db.close();
	}
}

/** The learner's runs of practice conversations, oldest first: what a page cannot show (earlier runs). */
export async function practiceRuns(username: string) {
	const db = e2eDatabase();
	try {
		const { rows } = await db.execute({
			sql: 'select exercise_id, run, path, ending from dialogue_runs where user_id = (select id from users where username = ?) order by exercise_id, run',
			args: [username]
		});
		return rows.map((r) => ({
			exercise: String(r.exercise_id),
			run: Number(r.run),
			path: JSON.parse(String(r.path)) as string[],
			ending: r.ending === null ? null : String(r.ending)
		}));
	} finally {
		db.close();
	}
}

async function userIdOf(db: ReturnType<typeof e2eDatabase>, username: string): Promise<string> {
	const { rows } = await db.execute({
		sql: 'select id from users where username = ?',
		args: [username]
	});
	if (!rows[0]) throw new Error(`no learner ${username}`);
	return String(rows[0].id);
}

/**
 * The server has no fake clock, so a test moves time by moving the learner's rows instead: every
 * question waiting for review becomes due now, as if its one, three or seven days had passed.
 */
export async function makeReviewsDue(username: string) {
	const db = e2eDatabase();
	try {
		await db.execute({
			sql: 'update review_items set due_at = ? where user_id = ? and done_at is null',
			args: [Date.now() - 1000, await userIdOf(db, username)]
		});
	} finally {
		db.close();
	}
}

/** Moves the learner's check-ins `weeks` weeks into the past (their week and their times), as if saved then. */
export async function ageCheckIns(username: string, weeks: number) {
	const db = e2eDatabase();
	try {
		const userId = await userIdOf(db, username);
		// Oldest first, so no row moves onto a week another still holds.
		const { rows } = await db.execute({
			sql: 'select week from check_ins where user_id = ? order by week',
			args: [userId]
		});
		const ms = weeks * 7 * 86_400_000;
		await db.batch(
			rows.map((r) => ({
				sql: `update check_ins set week = date(week, '-${weeks * 7} days'), created_at = created_at - ?, updated_at = updated_at - ? where user_id = ? and week = ?`,
				args: [ms, ms, userId, r.week]
			})),
			'write'
		);
	} finally {
		db.close();
	}
}

/** A year of weekly check-ins ending last week, with answers that drift the way real ones might. */
export async function seedYearOfCheckIns(username: string, weeks = 52) {
	const db = e2eDatabase();
	try {
		const userId = await userIdOf(db, username);
		const now = Date.now();
		const today = new Date(now);
		const monday =
			Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) -
			((today.getUTCDay() + 6) % 7) * 86_400_000;
		const clamp = (n: number) => Math.max(1, Math.min(5, Math.round(n)));
		await db.batch(
			Array.from({ length: weeks }, (_, i) => {
				const at = monday - (weeks - i) * 7 * 86_400_000;
				const t = i / weeks;
				const answers = [
					clamp(2 + 2.5 * t + Math.sin(i / 2)),
					clamp(1.5 + 2 * t + Math.cos(i / 3)),
					clamp(3 + Math.sin(i / 4)),
					clamp(4 + 0.8 * Math.sin(i / 5))
				];
				return {
					sql: 'insert into check_ins (user_id, week, heard, way_back, steady, safe, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
					args: [
						userId,
						new Date(at).toISOString().slice(0, 10),
						...answers,
						at + 3_600_000,
						at + 3_600_000
					]
				};
			}),
			'write'
		);
	} finally {
		db.close();
	}
}
