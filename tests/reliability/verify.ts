import { createClient } from '@libsql/client';

export interface Ack {
	username: string;
	exercise: string;
	revision: number;
	body: string;
}

/** Checks, straight from the database file, that every acknowledged save is stored byte for byte. */
export async function missingAcks(databasePath: string, acks: Ack[]) {
	const db = createClient({ url: `file:${databasePath}`, timeout: 5000 });
	try {
		const rows = await db.execute(
			`select u.username, r.exercise_id, r.revision, r.body from reflection_revisions r join users u on u.id = r.user_id`
		);
		const stored = new Set(
			rows.rows.map((r) => JSON.stringify([r.username, r.exercise_id, Number(r.revision), r.body]))
		);
		return acks.filter(
			(a) => !stored.has(JSON.stringify([a.username, a.exercise, a.revision, a.body]))
		);
	} finally {
		db.close();
	}
}

export async function integrityCheck(databasePath: string): Promise<string> {
	const db = createClient({ url: `file:${databasePath}` });
	try {
		return String((await db.execute('PRAGMA integrity_check')).rows[0][0]);
	} finally {
		db.close();
	}
}

/** Text that exercises the whole of Unicode and the characters forms mangle most easily. */
export function sampleText(learner: number, n: number) {
	return `Learner ${learner}, save ${n}: "quotes" & <angles> \\ back\\slash, tab\there,\nnew line, émoji 🙂, 中文, ${'x'.repeat(n % 50)}`;
}
