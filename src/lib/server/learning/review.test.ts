import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '$lib/course/catalog';
import { courseFiles, lessonSource } from '$test/course-fixtures';
import { signUp } from '../auth/accounts';
import type { Database } from '../db/client';
import { quizAttempts, reviewItems } from '../db/schema';
import { openLearnerDatabase } from '$test/test-database';
import { recordAnswer } from './answers';
import { answerReview, dueReviewCount, loadReview, nextReview } from './review';

let db: Database;
let cleanup: () => void;
let userId: string;

const multiple = {
	id: 'q2',
	kind: 'multiple',
	question: 'Which two?',
	options: [
		{ id: 'x', text: 'X', correct: true, feedback: 'X helps.' },
		{ id: 'y', text: 'Y', feedback: 'Y does not.' },
		{ id: 'z', text: 'Z', correct: true, feedback: 'Z helps too.' }
	],
	explanation: 'X and Z.'
};
const catalog: Catalog = buildCatalog(
	courseFiles({
		'/lessons/01-m/01-first.svx': lessonSource({ title: 'First' }),
		'/lessons/01-m/02-second.svx': lessonSource({
			title: 'Second',
			exercises: [...(JSON.parse(lessonSource().split('---')[1]).exercises as unknown[]), multiple]
		})
	})
);
const [first, second] = catalog.lessons;

const DAY = 86_400_000;
const start = Date.UTC(2026, 2, 2, 9);
/** A fake clock: `day(1.5)` is a day and a half after the first answer. */
const day = (n: number) => new Date(start + n * DAY);

beforeEach(async () => ({ db, userId, cleanup } = await openLearnerDatabase()));
afterEach(() => cleanup());

const wrong = { correct: false, choice: ['b'] };
const right = { correct: true, choice: ['a'] };
const item = async (lesson = first, exerciseId = 'q1') =>
	(await db.$reads.select().from(reviewItems)).find(
		(r) => r.lessonId === lesson.id && r.exerciseId === exerciseId
	);
const review = (choice: string[], now: Date, lesson = first, exerciseId = 'q1') =>
	answerReview(db, catalog, userId, { lessonId: lesson.id, exerciseId, chosen: choice }, now);

describe('the schedule', () => {
	it('moves right answers through one, three and seven days, then done; a wrong one goes back to one day', () => {
		const now = day(0);
		expect(nextReview(0, true, now)).toEqual({
			step: 1,
			dueAt: new Date(now.getTime() + 3 * DAY),
			doneAt: null
		});
		expect(nextReview(1, true, now)).toEqual({
			step: 2,
			dueAt: new Date(now.getTime() + 7 * DAY),
			doneAt: null
		});
		expect(nextReview(2, true, now)).toMatchObject({ doneAt: now });
		for (const step of [0, 1, 2])
			expect(nextReview(step, false, now)).toEqual({
				step: 0,
				dueAt: new Date(now.getTime() + DAY),
				doneAt: null
			});
	});
});

describe('what comes back for review', () => {
	it('a question missed on its first try, one day later', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		await recordAnswer(db, userId, first, 'q1', right, day(0));
		expect(await item()).toMatchObject({
			step: 0,
			dueAt: day(1),
			doneAt: null,
			lastReviewedAt: null,
			createdAt: day(0)
		});
		expect(await dueReviewCount(db, catalog, userId, day(0.99))).toBe(0);
		expect(await dueReviewCount(db, catalog, userId, day(1))).toBe(1);
	});

	it('not a question right on its first try, even if missed later', async () => {
		await recordAnswer(db, userId, first, 'q1', right, day(0));
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		expect(await item()).toBeUndefined();
	});

	it('once only, however often the question is missed again', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		await recordAnswer(db, userId, first, 'q1', wrong, day(0.5));
		expect(await db.$reads.select().from(reviewItems)).toHaveLength(1);
		expect((await item())?.dueAt).toEqual(day(1));
	});
});

describe('reviewing', () => {
	it('right at one, three and seven days: then it is done', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		expect(await review(['a'], day(1))).toEqual({ ok: true, correct: true });
		expect(await item()).toMatchObject({ step: 1, dueAt: day(4), lastReviewedAt: day(1) });
		expect(await dueReviewCount(db, catalog, userId, day(3.9))).toBe(0);
		expect(await review(['a'], day(4))).toMatchObject({ ok: true });
		expect(await item()).toMatchObject({ step: 2, dueAt: day(11) });
		expect(await review(['a'], day(11))).toMatchObject({ ok: true });
		expect((await item())?.doneAt).toEqual(day(11));
		expect(await dueReviewCount(db, catalog, userId, day(100))).toBe(0);
		expect((await loadReview(db, catalog, userId, day(100))).items).toEqual([]);
		expect(await review(['a'], day(100))).toMatchObject({ ok: false, status: 400 });
	});

	it('wrong brings it back one day later, from any step', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		await review(['a'], day(1));
		await review(['a'], day(4));
		expect(await review(['b'], day(11))).toEqual({ ok: true, correct: false });
		expect(await item()).toMatchObject({ step: 0, dueAt: day(12), doneAt: null });
		await review(['a'], day(12));
		expect(await item()).toMatchObject({ step: 1, dueAt: day(15) });
	});

	it('keeps each review answer with the learner’s attempts', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		await review(['b'], day(1));
		const attempts = await db.$reads.select().from(quizAttempts);
		expect(attempts.map((a) => [a.choice, a.correct, a.createdAt])).toEqual([
			['["b"]', false, day(0)],
			['["b"]', false, day(1)]
		]);
	});

	it('refuses a question that is not due, unknown, or answered with no or unknown options, and changes nothing', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		const before = await item();
		expect(await review(['a'], day(0.5))).toEqual({
			ok: false,
			status: 400,
			message: 'This question is not due for review now. Nothing was saved.'
		});
		expect(await review(['a'], day(2), second, 'q1')).toMatchObject({ ok: false, status: 400 }); // never missed: nothing to review
		expect(await review(['a'], day(2), first, 'nope')).toEqual({
			ok: false,
			status: 404,
			message: 'There is no such question to review.'
		});
		expect(await review(['a'], day(2), first, 'r1')).toMatchObject({ ok: false, status: 404 }); // a reflection
		expect(
			await answerReview(
				db,
				catalog,
				userId,
				{ lessonId: 'm/gone', exerciseId: 'q1', chosen: ['a'] },
				day(2)
			)
		).toMatchObject({ ok: false, status: 404 });
		expect(await review([], day(2))).toEqual({
			ok: false,
			status: 400,
			message: 'Choose an answer first.'
		});
		expect(await review(['zzz'], day(2))).toMatchObject({ ok: false, status: 400 });
		expect(await item()).toEqual(before);
		expect(await db.$reads.select().from(quizAttempts)).toHaveLength(1);
	});

	it('refuses a second answer to the same review (a double submit)', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		expect(await review(['a'], day(1))).toMatchObject({ ok: true });
		expect(await review(['b'], day(1))).toMatchObject({ ok: false, status: 400 });
		expect(await item()).toMatchObject({ step: 1 });
	});

	it('is one learner’s own', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		const other = await signUp(db, 'other', 'steady river 77');
		if (!other.ok) throw new Error(other.message);
		expect(
			await answerReview(
				db,
				catalog,
				other.user.id,
				{ lessonId: first.id, exerciseId: 'q1', chosen: ['a'] },
				day(2)
			)
		).toMatchObject({ ok: false });
		expect(await dueReviewCount(db, catalog, other.user.id, day(2))).toBe(0);
	});
});

describe('the review page', () => {
	it('shows due questions with their lesson’s words, and no feedback before an answer', async () => {
		await recordAnswer(db, userId, second, 'q2', { correct: false, choice: ['x'] }, day(0));
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		const { items } = await loadReview(db, catalog, userId, day(1));
		expect(items.map((i) => [i.lessonTitle, i.exerciseId, i.question.result])).toEqual([
			['First', 'q1', null],
			['Second', 'q2', null]
		]);
		expect(items[1].question).toMatchObject({
			kind: 'multiple',
			question: 'Which two?',
			options: [
				{ id: 'x', text: 'X' },
				{ id: 'y', text: 'Y' },
				{ id: 'z', text: 'Z' }
			]
		});
		// In this learner's own order, the same as in the lesson.
		expect([...items[1].question.order].sort()).toEqual(['x', 'y', 'z']);
		expect(JSON.stringify(items)).not.toMatch(/helps|does not|X and Z|correct/);
	});

	it('after an answer, feedback only for the options chosen; the explanation once right', async () => {
		await recordAnswer(db, userId, second, 'q2', { correct: false, choice: ['x'] }, day(0));
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		await review(['x', 'y'], day(1), second, 'q2');
		await review(['a'], day(1.01));
		const { items } = await loadReview(db, catalog, userId, day(1.02));
		expect(items.map((i) => ({ ...i.question.result, comesBack: i.comesBack }))).toEqual([
			{
				correct: true,
				choice: ['a'],
				feedback: [{ optionId: 'a', text: 'Yes, A.', right: true }],
				rightCount: 1,
				explanation: 'A because.',
				done: true,
				attempts: 1,
				comesBack: 'in 3 days'
			},
			{
				correct: false,
				choice: ['x', 'y'],
				feedback: [
					{ optionId: 'x', text: 'X helps.', right: true },
					{ optionId: 'y', text: 'Y does not.', right: false }
				],
				rightCount: 2,
				explanation: '',
				done: false,
				attempts: 1,
				comesBack: 'tomorrow'
			}
		]);
		// A later visit shows only what is due again.
		expect((await loadReview(db, catalog, userId, day(1.5))).items).toEqual([]);
		expect(
			(await loadReview(db, catalog, userId, day(2.02))).items.map((i) => i.exerciseId)
		).toEqual(['q2']);
	});

	it('leaves out questions no longer in the course', async () => {
		await recordAnswer(db, userId, first, 'q1', wrong, day(0));
		await db.insert(reviewItems).values({
			userId,
			lessonId: 'm/gone',
			exerciseId: 'q9',
			step: 0,
			dueAt: day(1),
			createdAt: day(0)
		});
		expect(await dueReviewCount(db, catalog, userId, day(2))).toBe(1);
		expect((await loadReview(db, catalog, userId, day(2))).items).toHaveLength(1);
	});
});
