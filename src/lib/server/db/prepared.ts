import type { Database } from './client';

/**
 * A query built once per database and reused: drizzle's query building costs more than running
 * a small indexed query, so the queries behind every page are built with placeholders up front.
 */
export function preparedQuery<T>(build: (db: Database) => T): (db: Database) => T {
	const built = new WeakMap<Database, T>();
	return (db) => {
		let query = built.get(db);
		if (!query) {
			query = build(db);
			built.set(db, query);
		}
		return query;
	};
}
