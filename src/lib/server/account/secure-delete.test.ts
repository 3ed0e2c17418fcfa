import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '$lib/course/catalog';
import { courseFiles, lessonSource } from '$test/course-fixtures';
import { openTestDatabase } from '$test/test-database';
import { signUp } from '../auth/accounts';
import { createSession } from '../auth/session';
import type { Database } from '../db/client';
import { saveReflection } from '../learning/reflections';
import { deleteAccount } from './deletion';

const catalog = buildCatalog(
	courseFiles({ '/lessons/01-m/01-first.svx': lessonSource({ title: 'First' }) })
);
const [lesson] = catalog.lessons;
let db: Database;
let path: string;
let cleanup: () => void;
beforeEach(async () => ({ db, path, cleanup } = await openTestDatabase()));
afterEach(() => cleanup());

/** A learner whose username, user agent and every reflection version carry `mark`. */
async function learner(mark: string) {
	const r = await signUp(db, `${mark}-name`, 'steady river 77');
	if (!r.ok) throw new Error(r.message);
	await createSession(db, r.user.id, new Date(), `Mozilla/5.0 ${mark}-agent`);
	await saveReflection(db, r.user.id, lesson, 'r1', `${mark}-first-text `.repeat(20), 0);
	await saveReflection(db, r.user.id, lesson, 'r1', `${mark}-second-text `.repeat(20), 1);
	return r.user;
}

/** What is on disk: the database file and its WAL, as raw bytes. */
function onDisk(): string {
	return [path, `${path}-wal`]
		.map((file) => (existsSync(file) ? readFileSync(file).toString('latin1') : ''))
		.join('');
}

describe('deleting an account', () => {
	it('leaves none of the learner’s text, username or user agent in the database file or its WAL', async () => {
		const gone = await learner('zqgone');
		await learner('zqkept');
		// Some of it already checkpointed into the main file, some still only in the WAL.
		await db.$client.execute('PRAGMA wal_checkpoint(PASSIVE)');
		await saveReflection(db, gone.id, lesson, 'r1', `zqgone-third-text `.repeat(20), 2);
		const before = onDisk();
		for (const part of ['zqgone-name', 'zqgone-agent', 'zqgone-first-text', 'zqgone-third-text'])
			expect(before.includes(part), `${part} written`).toBe(true);

		await deleteAccount(db, gone.id, gone.username);

		const disk = onDisk();
		for (const part of [
			'zqgone-name',
			'zqgone-agent',
			'zqgone-first-text',
			'zqgone-second-text',
			'zqgone-third-text'
		]) {
			expect(disk.includes(part), `${part} is still on disk`).toBe(false);
		}
		// The other learner is all there.
		for (const part of ['zqkept-name', 'zqkept-agent', 'zqkept-second-text'])
			expect(disk.includes(part), `${part} kept`).toBe(true);
	});
});
