import Sqlite from 'libsql';
import type { Client, InArgs, InStatement, InValue, ResultSet, Row } from '@libsql/client';

type Statement = Sqlite.Statement;

/** Distinct SELECT shapes the app sends are a few dozen; the cap only guards against a runaway. */
const MAX_CACHED = 500;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A second connection to a local file that serves SELECTs from statements prepared once and kept.
 *
 * @libsql/client prepares every statement anew on each `execute` (about 100 µs for a one-row
 * lookup here, against about 15 µs for a kept statement), and a page makes several queries. In WAL
 * mode this connection sees every committed write, and as each statement runs synchronously on one
 * thread it never waits on the app's own writes. It only reads: writes, batches and transactions
 * stay on the client's connection, so what they guarantee is unchanged.
 */
export interface KeptReader {
	/** A SELECT's rows as arrays of values: integers as numbers, blobs as Buffers. */
	rows(sql: string, args: InArgs): unknown[][];
	/** For the client's shape, which needs column names. */
	kept(sql: string): Kept;
	close(): void;
}

const isSelect = (sql: string) => /^\s*select\s/i.test(sql);

export function openKeptReader(path: string, pragmas: string[], timeoutMs: number): KeptReader {
	const connection = new Sqlite(path, { timeout: timeoutMs });
	for (const pragma of pragmas) connection.exec(pragma);
	const statements = new Map<string, Kept>();

	const kept = (sql: string) => {
		let found = statements.get(sql);
		if (!found) {
			// Only plain SELECTs: an INSERT … RETURNING also "returns data" but is a write.
			if (!isSelect(sql)) throw new Error('The kept-statement connection only reads; writes go to the client.');
			if (statements.size >= MAX_CACHED) statements.clear();
			const statement = connection.prepare(sql);
			statement.raw(true);
			statement.safeIntegers(true);
			const columns = statement.columns() as { name: string; type?: string | null }[];
			found = { statement, columns: columns.map((c) => c.name), columnTypes: columns.map((c) => c.type ?? ''), Row: rowClass(columns.map((c) => c.name)) };
			statements.set(sql, found);
		}
		return found;
	};

	return {
		kept,
		rows: (sql, args) => (kept(sql).statement.all(bindable(args)) as unknown[][]).map((row) => row.map(safeNumber)),
		close() {
			statements.clear();
			connection.close();
		}
	};
}

/** The client, with its plain SELECTs served by `reader` in the shape the client gives them. */
export function withCachedReads(client: Client, reader: KeptReader): Client {
	const execute = client.execute.bind(client);
	const close = client.close.bind(client);
	return Object.assign(client, {
		execute(statementOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
			const { sql, args: values = [] } = typeof statementOrSql === 'string' ? { sql: statementOrSql, args } : statementOrSql;
			if (!isSelect(sql)) return typeof statementOrSql === 'string' ? execute(statementOrSql, args) : execute(statementOrSql);
			try {
				const kept = reader.kept(sql);
				return Promise.resolve(resultSet(kept, kept.statement.all(bindable(values)) as unknown[][]));
			} catch (e) {
				return Promise.reject(e);
			}
		},
		close() {
			reader.close();
			close();
		}
	});
}

function bindable(args: InArgs): unknown {
	const value = (v: InValue) => (typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.valueOf() : v instanceof ArrayBuffer ? Buffer.from(v) : v);
	if (Array.isArray(args)) return args.map(value);
	return Object.fromEntries(Object.entries(args).map(([k, v]) => [k.replace(/^[@$:]/, ''), value(v)]));
}

export interface Kept {
	statement: Statement;
	columns: string[];
	columnTypes: string[];
	Row: new (values: InValue[]) => Row;
}

/**
 * Rows shaped as @libsql/client shapes them — readable by position and by column name, with only
 * the names enumerable — built by one class per statement rather than a defineProperty per value.
 */
function rowClass(columns: string[]): Kept['Row'] {
	const names = columns.map((name, i) => (columns.indexOf(name) === i ? name : null));
	class KeptRow {
		// Private: spread and Object.keys (drizzle's row mapping) see only the column names.
		#values: InValue[];
		constructor(values: InValue[]) {
			this.#values = values;
			const named = this as unknown as Record<string, InValue>;
			names.forEach((name, i) => {
				if (name !== null) named[name] = values[i];
			});
		}
		static at(row: KeptRow, i: number) {
			return row.#values[i];
		}
	}
	Object.defineProperty(KeptRow.prototype, 'length', { value: columns.length });
	columns.forEach((_, i) => {
		Object.defineProperty(KeptRow.prototype, i, {
			get(this: KeptRow) {
				return KeptRow.at(this, i);
			}
		});
	});
	return KeptRow as unknown as Kept['Row'];
}

/** The same shape @libsql/client returns. */
function resultSet({ columns, columnTypes, Row }: Kept, raw: unknown[][]): ResultSet {
	const rows = raw.map((values) => new Row(values.map(fromSql)));
	return {
		columns,
		columnTypes,
		rows,
		rowsAffected: 0,
		lastInsertRowid: undefined,
		toJSON: () => ({ columns, rows: rows.map((r) => Array.from(r as ArrayLike<unknown>)) })
	};
}

/** Integers read as BigInt (so none is silently rounded) become numbers, or the read fails. */
function safeNumber(value: unknown): unknown {
	if (typeof value !== 'bigint') return value;
	if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
	return Number(value);
}

function fromSql(value: unknown): InValue {
	if (value instanceof Buffer) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
	return safeNumber(value) as InValue;
}
