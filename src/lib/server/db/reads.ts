import Sqlite from 'libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { drizzle as drizzleOverRows } from 'drizzle-orm/sqlite-proxy';
import * as schema from './schema';

/** Reads only: what every query of the app is built on (`db.$reads`). */
export type ReadDatabase = BaseSQLiteDatabase<'async', unknown, typeof schema>;

/** Distinct SELECT shapes the app sends are a few dozen; the cap only guards against a runaway. */
const MAX_KEPT = 500;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const isSelect = (sql: string) => /^\s*select\s/i.test(sql);

/**
 * The read side of a local database file: a second connection whose SELECTs run on statements
 * prepared once and kept, under drizzle's driver for rows given as arrays.
 *
 * @libsql/client prepares every statement anew on each `execute` (about 100 µs for a one-row
 * lookup here, against about 15 µs for a kept statement) and builds row objects that drizzle then
 * maps again. In WAL mode this connection sees every committed write, and as each statement runs
 * synchronously on one thread it never waits on the app's own writes. Writes are refused: only a
 * SELECT is ever prepared here, so every write goes through the client and what its transactions
 * and batches guarantee is unchanged.
 */
export function openReadDatabase(
	path: string,
	pragmas: string[],
	timeoutMs: number
): { reads: ReadDatabase; close: () => void } {
	const connection = new Sqlite(path, { timeout: timeoutMs });
	for (const pragma of pragmas) connection.exec(pragma);
	const statements = new Map<string, Sqlite.Statement>();

	const kept = (sql: string) => {
		let statement = statements.get(sql);
		if (!statement) {
			// Only plain SELECTs: an INSERT … RETURNING also "returns data" but is a write.
			if (!isSelect(sql)) throw new Error('The read side only reads; writes go to the client.');
			if (statements.size >= MAX_KEPT) statements.clear();
			statement = connection.prepare(sql);
			statement.raw(true);
			statement.safeIntegers(true);
			statements.set(sql, statement);
		}
		return statement;
	};

	const reads = drizzleOverRows(
		async (sql, params, method) => {
			const rows = (kept(sql).all(params.map(bindable)) as unknown[][]).map((row) =>
				row.map(safeNumber)
			);
			return { rows: method === 'get' ? rows[0] : rows };
		},
		{ schema }
	);
	return {
		reads,
		close() {
			statements.clear();
			connection.close();
		}
	};
}

/** Values as drizzle hands them to a driver, in the types the libsql binding accepts. */
function bindable(value: unknown): unknown {
	if (typeof value === 'boolean') return Number(value);
	if (value instanceof Date) return value.valueOf();
	if (value instanceof ArrayBuffer) return Buffer.from(value);
	return value;
}

/** Integers read as BigInt (so none is silently rounded) become numbers, or the read fails. */
function safeNumber(value: unknown): unknown {
	if (typeof value !== 'bigint') return value;
	if (value < MIN_SAFE || value > MAX_SAFE)
		throw new RangeError(
			'Received integer which cannot be safely represented as a JavaScript number'
		);
	return Number(value);
}
