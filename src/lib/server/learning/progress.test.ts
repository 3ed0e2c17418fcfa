import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '$lib/course/catalog';
import { courseFiles, lessonSource } from '$test/course-fixtures';
import type { Database } from '../db/client';
import { quizAttempts, reflectionRevisions } from '../db/schema';
import { openLearnerDatabase } from '$test/test-database';
import { recordAnswer } from './answers';
import { getCourseOverview, getLessonWork, recordVisit, visitNeedsWrite } from './progress';
import { saveReflection } from './reflections';

let db: Database;
let cleanup: () => void;
let userId: string;
const catalog: Catalog = buildCatalog(
	courseFiles({
		'/lessons/01-m/01-first.svx': lessonSource({ title: 'First' }),
		'/lessons/01-m/02-second.svx': lessonSource({ title: 'Second' }),
		'/lessons/02-n/01-third.svx': lessonSource({ title: 'Third' }),
		'/lessons/02-n/02-safety.svx': lessonSource({ title: 'Safety', open: true })
	})
);
const [first, second, third, safety] = catalog.lessons;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

beforeEach(async () => ({ db, userId, cleanup } = await openLearnerDatabase()));
afterEach(() => cleanup());

async function states() {
	const o = await getCourseOverview(db, catalog, userId);
	return Object.fromEntries([...o.states].map(([id, s]) => [id, s.state]));
}

async function finish(lesson = first, minute = 1) {
	await recordAnswer(db, userId, lesson, 'q1', { correct: true, choice: ['a'] }, at(minute));
	return saveReflection(db, userId, lesson, 'r1', 'My thoughts', 0, at(minute));
}

describe('progress', () => {
	it('opens the first lesson and open lessons; locks the rest until earlier ones are complete', async () => {
		expect(await states()).toEqual({
			'm/first': 'available',
			'm/second': 'locked',
			'n/third': 'locked',
			'n/safety': 'available'
		});
		const o = await getCourseOverview(db, catalog, userId);
		// What opens a locked lesson is the lesson before it.
		expect(o.states.get(second.id)?.blockedBy?.title).toBe('First');
		expect(o.states.get(third.id)?.blockedBy?.title).toBe('Second');
	});

	it('completes a lesson only when every exercise is done, then unlocks the next', async () => {
		await recordVisit(db, userId, first.id, null, at(0));
		await recordAnswer(db, userId, first, 'q1', { correct: false, choice: ['b'] }, at(1));
		expect((await states())['m/first']).toBe('in-progress');
		await recordAnswer(db, userId, first, 'q1', { correct: true, choice: ['a'] }, at(2));
		expect((await states())['m/first']).toBe('in-progress');
		const saved = await saveReflection(db, userId, first, 'r1', 'text', 0, at(3));
		expect(saved).toEqual({ ok: true, revision: 1, complete: true });
		expect(await states()).toMatchObject({
			'm/first': 'complete',
			'm/second': 'available',
			'n/third': 'locked'
		});
	});

	it('does not count a blank reflection as done', async () => {
		await recordAnswer(db, userId, first, 'q1', { correct: true, choice: ['a'] }, at(1));
		expect(await saveReflection(db, userId, first, 'r1', '   \n ', 0, at(2))).toMatchObject({
			complete: false
		});
	});

	it('keeps every attempt and the first-try result; a later wrong answer does not undo a done question', async () => {
		await recordAnswer(db, userId, first, 'q1', { correct: false, choice: ['b'] }, at(1));
		await recordAnswer(db, userId, first, 'q1', { correct: true, choice: ['a'] }, at(2));
		await recordAnswer(db, userId, first, 'q1', { correct: false, choice: ['b'] }, at(3));
		const work = await getLessonWork(db, userId, first);
		expect(work.questions.get('q1')).toEqual({
			attempts: 3,
			firstTryCorrect: false,
			lastChoice: ['b'],
			lastCorrect: false,
			done: true
		});
		expect(await db.$reads.select().from(quizAttempts)).toHaveLength(3);
	});

	it('counts reflection revisions and keeps every version', async () => {
		await saveReflection(db, userId, first, 'r1', 'one', 0, at(1));
		expect(await saveReflection(db, userId, first, 'r1', 'two', 1, at(2))).toMatchObject({
			ok: true,
			revision: 2
		});
		expect((await getLessonWork(db, userId, first)).reflections.get('r1')).toMatchObject({
			body: 'two',
			revision: 2
		});
		const history = await db.$reads
			.select()
			.from(reflectionRevisions)
			.orderBy(reflectionRevisions.revision);
		expect(history.map((h) => [h.revision, h.body])).toEqual([
			[1, 'one'],
			[2, 'two']
		]);
	});

	it('does not apply a save from a stale revision, and returns the newer text instead', async () => {
		await saveReflection(db, userId, first, 'r1', 'from the phone', 0, at(1));
		// The laptop started from revision 0 too, before the phone's save.
		expect(await saveReflection(db, userId, first, 'r1', 'from the laptop', 0, at(2))).toEqual({
			ok: false,
			theirs: { body: 'from the phone', revision: 1 }
		});
		await saveReflection(db, userId, first, 'r1', 'phone again', 1, at(3));
		expect(await saveReflection(db, userId, first, 'r1', 'laptop again', 1, at(4))).toMatchObject({
			ok: false,
			theirs: { revision: 2 }
		});
		expect((await getLessonWork(db, userId, first)).reflections.get('r1')?.body).toBe(
			'phone again'
		);
		// Choosing "keep mine" saves on top of the version the learner has now seen.
		expect(await saveReflection(db, userId, first, 'r1', 'laptop again', 2, at(5))).toMatchObject({
			ok: true,
			revision: 3
		});
	});

	it('treats the same text saved from two devices as no conflict', async () => {
		await saveReflection(db, userId, first, 'r1', 'same', 0, at(1));
		expect(await saveReflection(db, userId, first, 'r1', 'same', 0, at(2))).toMatchObject({
			ok: true,
			revision: 1
		});
	});

	it('stays complete after the learner clears a reflection', async () => {
		await finish();
		await saveReflection(db, userId, first, 'r1', '', 1, at(5));
		expect((await states())['m/first']).toBe('complete');
	});

	it('a completed open lesson does not unlock lessons that follow earlier unfinished ones', async () => {
		await finish(safety);
		expect(await states()).toMatchObject({
			'n/safety': 'complete',
			'm/second': 'locked',
			'n/third': 'locked'
		});
	});
});

describe('continue', () => {
	it('points at the first lesson for a newcomer', async () => {
		expect((await getCourseOverview(db, catalog, userId)).continueTo?.id).toBe(first.id);
	});

	it('points at the last visited unfinished lesson, else the first unfinished one', async () => {
		await finish(first, 1);
		await recordVisit(db, userId, first.id, null, at(2));
		expect((await getCourseOverview(db, catalog, userId)).continueTo?.id).toBe(second.id);
		await recordVisit(db, userId, safety.id, null, at(3));
		expect((await getCourseOverview(db, catalog, userId)).continueTo?.id).toBe(safety.id);
		await recordVisit(db, userId, second.id, null, at(4));
		expect((await getCourseOverview(db, catalog, userId)).continueTo?.id).toBe(second.id);
	});

	it('is empty once everything is complete', async () => {
		for (const [i, lesson] of catalog.lessons.entries()) await finish(lesson, i);
		const o = await getCourseOverview(db, catalog, userId);
		expect(o.continueTo).toBeNull();
		expect(o.completed).toBe(4);
	});
});

describe('visits', () => {
	it('are written when the lesson or the step changes or after a long gap, not on every reload', async () => {
		const overview = (minute: number) => getCourseOverview(db, catalog, userId, at(minute));
		expect(visitNeedsWrite(await overview(0), first.id, 1, at(0))).toBe(true);
		await recordVisit(db, userId, first.id, 1, at(0));
		expect(visitNeedsWrite(await overview(1), first.id, 1, at(1))).toBe(false);
		expect(visitNeedsWrite(await overview(1), first.id, null, at(1))).toBe(false);
		expect(visitNeedsWrite(await overview(1), first.id, 2, at(1))).toBe(true);
		expect(visitNeedsWrite(await overview(1), safety.id, 1, at(1))).toBe(true);
		expect(visitNeedsWrite(await overview(11), first.id, 1, at(11))).toBe(true);
	});

	it('remember the step last opened, which the whole-lesson page leaves as it was', async () => {
		await recordVisit(db, userId, first.id, 3, at(0));
		await recordVisit(db, userId, first.id, null, at(1));
		expect((await getCourseOverview(db, catalog, userId)).lastSteps.get(first.id)).toBe(3);
		await recordVisit(db, userId, first.id, 4, at(2));
		expect((await getCourseOverview(db, catalog, userId)).lastSteps.get(first.id)).toBe(4);
	});
});
