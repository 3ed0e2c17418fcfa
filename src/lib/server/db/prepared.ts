import type { Database, ReadDatabase } from './client';

/**
 * A read built once per database and reused: drizzle's query building costs more than running a
 * small indexed query, so the reads behind every page are built with placeholders up front, on
 * the database's read side (`$reads`).
 */
export function preparedQuery<T>(build: (reads: ReadDatabase) => T): (db: Database) => T {
	const built = new WeakMap<Database, T>();
	return (db) => {
		let query = built.get(db);
		if (!query) {
			query = build(db.$reads);
			built.set(db, query);
		}
		return query;
	};
}
