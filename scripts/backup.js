// `npm run db:backup [-- destination.db]`: a consistent copy of the live embedded database.
// VACUUM INTO reads one snapshot inside a transaction, so learners can keep saving meanwhile.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient } from '@libsql/client';

const source = process.env.DATABASE_URL || 'file:data/heard.db';
if (!source.startsWith('file:')) {
	console.error(
		'db:backup copies an embedded file database. For a libSQL server or Turso, use its own backups.'
	);
	process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const destination = resolve(process.argv[2] ?? `backups/heard-${stamp}.db`);
if (existsSync(destination)) {
	console.error(`${destination} exists already; choose another name.`);
	process.exit(2);
}
mkdirSync(dirname(destination), { recursive: true });

const db = createClient({ url: source, timeout: 10_000 });
await db.execute({ sql: 'VACUUM INTO ?', args: [destination] });
db.close();

const copy = createClient({ url: `file:${destination}` });
const check = String((await copy.execute('PRAGMA integrity_check')).rows[0][0]);
copy.close();
if (check !== 'ok') {
	console.error(`The copy failed its integrity check: ${check}`);
	process.exit(1);
}
console.log(`Backed up ${source} to ${destination}`);
