import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { buildCatalog } from '$lib/course/catalog';
import { courseFiles, lessonSource } from '$test/course-fixtures';
import { signUp } from '../auth/accounts';
import { resetWithRecoveryCode } from '../auth/recovery';
import { createSession } from '../auth/session';
import { learnerThrottleKeys } from '../auth/throttle-keys';
import type { Database } from '../db/client';
import * as schema from '../db/schema';
import { openTestDatabase } from '$test/test-database';
import { recordAnswer } from '../learning/answers';
import { buildJournal, listReflections } from '../learning/journal';
import { getCourseOverview, recordVisit } from '../learning/progress';
import { saveReflection } from '../learning/reflections';
import { deleteAccount, readRemoved, resetProgress } from './deletion';
import { exportLearnerData } from './export';
import { escapeMarkdown, journalMarkdown } from './markdown';

const catalog = buildCatalog(
	courseFiles({
		'/lessons/01-m/01-first.svx': lessonSource({ title: 'First' }),
		'/lessons/01-m/02-second.svx': lessonSource({ title: 'Second' })
	})
);
const [first] = catalog.lessons;
let db: Database;
let cleanup: () => void;

beforeEach(async () => ({ db, cleanup } = await openTestDatabase()));
afterEach(() => cleanup());

/** A learner with a row in every table the app writes. */
async function seedLearner(name: string) {
	const r = await signUp(db, name, 'steady river 77');
	if (!r.ok) throw new Error(r.message);
	const id = r.user.id;
	await createSession(db, id, new Date(), 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0');
	await recordVisit(db, id, first.id, 1);
	await recordAnswer(db, id, first, 'q1', { correct: true, choice: ['a'] });
	await saveReflection(db, id, first, 'r1', `${name} wrote <b>this</b>`, 0);
	await saveReflection(db, id, first, 'r1', `${name} wrote more`, 1);
	// A failed recovery attempt leaves a throttle counter under the learner's name.
	await resetWithRecoveryCode(db, {
		username: name,
		code: 'wrong-code',
		password: 'new password 1',
		client: '127.0.0.1'
	});
	const now = new Date();
	await db.batch([
		db.insert(schema.dialogueRuns).values({
			userId: id,
			lessonId: first.id,
			exerciseId: 'd1',
			run: 1,
			path: '[]',
			startedAt: now,
			updatedAt: now
		}),
		db
			.insert(schema.tryIts)
			.values({ userId: id, chosenAt: now, lessonId: first.id, itemId: 't1' }),
		db.insert(schema.checkIns).values({
			userId: id,
			week: '2026-11-23',
			heard: 3,
			wayBack: 3,
			steady: 3,
			safe: 5,
			createdAt: now,
			updatedAt: now
		}),
		db.insert(schema.reviewItems).values({
			userId: id,
			lessonId: first.id,
			exerciseId: 'q1',
			step: 0,
			dueAt: now,
			createdAt: now
		})
	]);
	return id;
}

const tables = (Object.values(schema) as unknown[]).filter(
	(t): t is SQLiteTable => t instanceof SQLiteTable
);

async function rowsOf(userId: string, username: string) {
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const { name } = getTableConfig(table);
		const columns = getTableColumns(table) as Record<string, unknown>;
		const where =
			name === 'users'
				? eq(schema.users.id, userId)
				: name === 'throttles'
					? inArray(schema.throttles.key, learnerThrottleKeys(username))
					: 'userId' in columns
						? sql`user_id = ${userId}`
						: undefined;
		if (!where) throw new Error(`table ${name}: the test does not know whose rows these are`);
		const [{ n }] = await db.$reads.select({ n: count() }).from(table).where(where);
		counts[name] = n;
	}
	return counts;
}

describe('deleting an account', () => {
	it('removes every row of the learner in every table, and nobody else’s', async () => {
		const a = await seedLearner('alex');
		const b = await seedLearner('blair');
		const before = await rowsOf(a, 'alex');
		expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);

		const removed = await deleteAccount(db, a, 'alex');
		expect(removed).toMatchObject({
			account: 1,
			sessions: 1,
			reflections: 1,
			reflectionRevisions: 2,
			quizAttempts: 1,
			throttles: 1
		});
		expect(Object.values(await rowsOf(a, 'alex')).every((n) => n === 0)).toBe(true);
		expect(Object.values(await rowsOf(b, 'blair')).every((n) => n > 0)).toBe(true);
	});
});

describe('the goodbye page’s counts', () => {
	it('round-trip through the cookie', async () => {
		const removed = await deleteAccount(db, await seedLearner('gale'), 'gale');
		expect(readRemoved(JSON.stringify(removed))).toEqual(Object.entries(removed));
	});

	it('keep only known names with whole counts from a damaged or forged cookie', () => {
		for (const raw of ['null', '42', '"text"', '[1,2]', '{', '', 'true'])
			expect(readRemoved(raw), raw).toEqual([]);
		expect(
			readRemoved(
				'{"constructor":3,"__proto__":{"reflections":9},"toString":1,"reflections":2,"account":"1","sessions":-1,"tryIts":1.5,"checkIns":1e400}'
			)
		).toEqual([['reflections', 2]]);
	});
});

describe('resetting progress', () => {
	it('keeps reflections and check-ins when asked to; questions waiting for review go with the progress', async () => {
		const a = await seedLearner('casey');
		await resetProgress(db, a, true, true);
		expect((await getCourseOverview(db, catalog, a)).completed).toBe(0);
		expect(await listReflections(db, a)).toHaveLength(1);
		const rows = await rowsOf(a, 'casey');
		expect([rows.quiz_attempts, rows.review_items, rows.check_ins]).toEqual([0, 0, 1]);
	});

	it('removes reflections and their history when asked to', async () => {
		const a = await seedLearner('drew');
		await resetProgress(db, a, false, true);
		const rows = await rowsOf(a, 'drew');
		expect([
			rows.reflections,
			rows.reflection_revisions,
			rows.lesson_progress,
			rows.question_progress
		]).toEqual([0, 0, 0, 0]);
		expect(rows.users).toBe(1);
		expect(rows.check_ins).toBe(1);
	});

	it('removes check-ins when asked to, and only the learner’s own', async () => {
		const a = await seedLearner('devon');
		const b = await seedLearner('dale');
		await resetProgress(db, a, true, false);
		expect((await rowsOf(a, 'devon')).check_ins).toBe(0);
		expect((await rowsOf(a, 'devon')).reflections).toBe(1);
		expect(await rowsOf(b, 'dale')).toMatchObject({ check_ins: 1, review_items: 1 });
	});
});

describe('export', () => {
	it('holds progress, attempts, each reflection with its history, check-ins and review state, and no secret', async () => {
		const a = await seedLearner('emery');
		const data = await exportLearnerData(db, catalog, a);
		expect(data.account.username).toBe('emery');
		expect(data.quizAttempts).toEqual([
			expect.objectContaining({ lesson: 'm/first', question: 'q1', chose: ['a'], correct: true })
		]);
		expect(data.reflections[0]).toMatchObject({ text: 'emery wrote more', revision: 2 });
		expect(data.reflections[0].history.map((h) => h.text)).toEqual([
			'emery wrote <b>this</b>',
			'emery wrote more'
		]);
		expect(data.checkIns).toEqual([
			expect.objectContaining({ weekOf: '2026-11-23', heard: 3, wayBack: 3, steady: 3, safe: 5 })
		]);
		expect(data.review).toEqual([
			expect.objectContaining({
				lesson: 'm/first',
				title: 'First',
				question: 'q1',
				step: 0,
				doneAt: null,
				lastReviewedAt: null
			})
		]);
		const json = JSON.stringify(data);
		expect(json).not.toMatch(/argon2|secret|hash/i);
	});

	it('writes learner text into Markdown as literal text', async () => {
		expect(escapeMarkdown('<script>alert(1)</script> *x* [a](b) ![i](j) &amp;')).toBe(
			'\\<script\\>alert(1)\\</script\\> \\*x\\* \\[a\\](b) \\!\\[i\\](j) \\&amp;'
		);
		const a = await seedLearner('finley');
		await saveReflection(db, a, first, 'r1', '<img src=x onerror=alert(1)>\n# not a heading', 2);
		const md = journalMarkdown('finley', buildJournal(catalog, await listReflections(db, a)));
		expect(md).toContain('> \\<img src=x onerror=alert(1)\\>');
		expect(md).toContain('> \\# not a heading');
		expect(md).not.toMatch(/(^|[^\\])</m);
	});
});
