import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './client';
import * as schema from './schema';
import { sessions, users } from './schema';
import { openTestDatabase } from '$test/test-database';

let db: Database;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await openTestDatabase()));
afterEach(() => cleanup());

const addUser = (id: string, discreet = false) =>
	db.insert(users).values({
		id,
		username: id,
		passwordHash: 'x',
		createdAt: new Date(1_700_000_000_000),
		discreet
	});

describe('the read connection', () => {
	it('has the same settings as the writing one', async () => {
		const setting = async (name: string) =>
			Number((await db.$reads.values(sql.raw(`select * from pragma_${name}`)))[0][0]);
		expect({
			cache_size: await setting('cache_size'),
			busy_timeout: await setting('busy_timeout'),
			foreign_keys: await setting('foreign_keys')
		}).toEqual({
			cache_size: -32768,
			busy_timeout: 5000,
			foreign_keys: 1
		});
	});

	it('is a connection of its own, and reports SQL errors as rejections', async () => {
		// A TEMP table lives on one connection only: it tells which connection ran a statement.
		await db.$client.execute('create temp table marker (x)');
		expect(await failure(db.$reads.values(sql`select x from marker`))).toMatch(/no such table/);
		expect(await failure(db.$reads.values(sql`select nope from users`))).toMatch(/no such column/);
	});
});

/** What a failed query reports underneath drizzle's "Failed query" wrapper. */
const failure = (query: PromiseLike<unknown>) =>
	Promise.resolve(query).then(
		() => 'no failure',
		(e: Error) => String((e.cause as Error | undefined)?.message ?? e.message)
	);

describe('the read side ($reads)', () => {
	const lookup = (on: Database['$reads']) =>
		on
			.select({
				id: users.id,
				discreet: users.discreet,
				createdAt: users.createdAt,
				secretHash: sessions.secretHash,
				lastVerifiedAt: sessions.lastVerifiedAt
			})
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId));

	it('maps rows exactly as the writing side does: dates, booleans and blobs', async () => {
		await addUser('ada', true);
		await db.insert(sessions).values({
			id: 's1',
			userId: 'ada',
			secretHash: Buffer.from([0, 1, 254, 255]),
			createdAt: new Date(5),
			lastVerifiedAt: new Date(9_007_199_254_740)
		});
		const [read] = await lookup(db.$reads);
		expect(read).toEqual({
			id: 'ada',
			discreet: true,
			createdAt: new Date(1_700_000_000_000),
			secretHash: Buffer.from([0, 1, 254, 255]),
			lastVerifiedAt: new Date(9_007_199_254_740)
		});
		// The writing side: drizzle's own driver over the client, as the app used before reads moved.
		expect(await lookup(drizzle(db.$client, { schema }) as unknown as Database['$reads'])).toEqual([
			read
		]);
		expect(await lookup(db.$reads).get()).toEqual(read);
	});

	it('sees each committed write at once', async () => {
		const count = db.$reads.select({ id: users.id }).from(users).prepare();
		expect(await count.all()).toEqual([]);
		await addUser('ada');
		expect(await count.all()).toEqual([{ id: 'ada' }]);
		await db.delete(users);
		expect(await count.all()).toEqual([]);
	});

	it('refuses every write, so none can bypass the writing connection', async () => {
		const row = { id: 'x', username: 'x', passwordHash: 'x', createdAt: new Date() };
		expect(await failure(db.$reads.insert(users).values(row))).toMatch(/only reads/);
		expect(await failure(db.$reads.insert(users).values(row).returning())).toMatch(/only reads/);
		expect(await failure(db.$reads.delete(users).returning())).toMatch(/only reads/);
		expect(await db.$reads.select().from(users)).toEqual([]);
	});

	it('fails rather than round an integer beyond what a number holds', async () => {
		await addUser('ada');
		await db.$client.execute("update users set created_at = 9007199254740993 where id = 'ada'");
		expect(await failure(db.$reads.select({ at: users.createdAt }).from(users))).toMatch(
			/safely represented/
		);
	});
});
