import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { sessions, users } from './schema';
import { openTestDatabase } from './testing';

let db: Database;
let path: string;
let cleanup: () => void;
beforeEach(async () => ({ db, path, cleanup } = await openTestDatabase()));
afterEach(() => cleanup());

const addUser = (id: string, discreet = false) =>
	db.insert(users).values({ id, username: id, passwordHash: 'x', createdAt: new Date(1_700_000_000_000), discreet });

describe('SELECTs served from kept statements', () => {
	it('return rows shaped as @libsql/client shapes them', async () => {
		await addUser('ada');
		const sql = "select id, username as id, discreet, x'00ff' as blob, 9007199254740991 as big from users where id = ?";
		const plain = createClient({ url: `file:${path}` });
		const [expected, actual] = [(await plain.execute({ sql, args: ['ada'] })).rows[0], (await db.$client.execute({ sql, args: ['ada'] })).rows[0]];
		plain.close();
		// Same positions, same named (enumerable) columns — the first of a repeated name wins.
		expect(Array.from(actual)).toEqual(Array.from(expected));
		expect(Object.keys(actual)).toEqual(Object.keys(expected));
		expect({ ...actual }).toEqual({ ...expected });
		expect(actual.length).toBe(5);
		expect(actual.blob).toBeInstanceOf(ArrayBuffer);
		expect(new Uint8Array(actual.blob as ArrayBuffer)).toEqual(new Uint8Array([0, 255]));
	});

	it('see every committed write at once, from the app and from another connection', async () => {
		const find = (id: string) => db.select().from(users).where(eq(users.id, id));
		expect(await find('ada')).toEqual([]);
		await addUser('ada');
		expect((await find('ada'))[0]).toMatchObject({ id: 'ada', discreet: false, createdAt: new Date(1_700_000_000_000) });
		await db.update(users).set({ discreet: true }).where(eq(users.id, 'ada'));
		expect((await find('ada'))[0].discreet).toBe(true);

		const other = createClient({ url: `file:${path}` });
		await other.execute("update users set username = 'ada2' where id = 'ada'");
		other.close();
		expect((await find('ada'))[0].username).toBe('ada2');
	});

	it('bind named and positional arguments, booleans and dates as @libsql/client does', async () => {
		await addUser('ada', true);
		const named = await db.$client.execute({ sql: 'select id from users where discreet = :on and created_at = $at', args: { on: true, $at: new Date(1_700_000_000_000) } });
		expect(named.rows.map((r) => r.id)).toEqual(['ada']);
		const positional = await db.$client.execute({ sql: 'select count(*) as n from users where discreet = ?', args: [false] });
		expect(positional.rows[0].n).toBe(0);
	});

	it('run on a connection with the same settings as the writing one', async () => {
		const setting = async (name: string) => Number(Object.values((await db.$client.execute(`select * from pragma_${name}`)).rows[0])[0]);
		expect({ cache_size: await setting('cache_size'), busy_timeout: await setting('busy_timeout'), foreign_keys: await setting('foreign_keys') }).toEqual({
			cache_size: -32768,
			busy_timeout: 5000,
			foreign_keys: 1
		});
	});

	it('leave writes with RETURNING to the writing connection, and report SQL errors as rejections', async () => {
		const [row] = await addUser('ada').returning({ id: users.id });
		expect(row).toEqual({ id: 'ada' });
		await expect(db.$client.execute('select nope from users')).rejects.toThrow(/no such column/);
		// A TEMP table lives on one connection only: it tells which connection ran a statement.
		await db.$client.execute('create temp table marker (x)');
		const returned = await db.$client.execute('insert into marker values (1) returning x');
		expect(returned.rows.map((r) => r.x)).toEqual([1]);
		await expect(db.$client.execute('select x from marker')).rejects.toThrow(/no such table/);
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
			.select({ id: users.id, discreet: users.discreet, createdAt: users.createdAt, secretHash: sessions.secretHash, lastVerifiedAt: sessions.lastVerifiedAt })
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId));

	it('maps rows exactly as the writing side does: dates, booleans and blobs', async () => {
		await addUser('ada', true);
		await db.insert(sessions).values({ id: 's1', userId: 'ada', secretHash: Buffer.from([0, 1, 254, 255]), createdAt: new Date(5), lastVerifiedAt: new Date(9_007_199_254_740) });
		const [read] = await lookup(db.$reads);
		expect(read).toEqual({ id: 'ada', discreet: true, createdAt: new Date(1_700_000_000_000), secretHash: Buffer.from([0, 1, 254, 255]), lastVerifiedAt: new Date(9_007_199_254_740) });
		expect(await lookup(db)).toEqual([read]);
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
		expect(await db.select().from(users)).toEqual([]);
	});

	it('fails rather than round an integer beyond what a number holds', async () => {
		await addUser('ada');
		await db.$client.execute("update users set created_at = 9007199254740993 where id = 'ada'");
		expect(await failure(db.$reads.select({ at: users.createdAt }).from(users))).toMatch(/safely represented/);
	});
});
