import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog, type Lesson } from '$lib/course/catalog';
import type { Dialogue } from '$lib/course/schema';
import { courseFiles, lessonSource, sampleExercises } from '$test/course-fixtures';
import { openLearnerDatabase } from '$test/test-database';
import { exportLearnerData } from '../account/export';
import { resetProgress } from '../account/deletion';
import type { Database } from '../db/client';
import { dialogueRuns } from '../db/schema';
import { recordAnswer } from './answers';
import { exerciseStates } from './lesson-view';
import {
	currentRun,
	practiceState,
	restart,
	restartAction,
	say,
	sayAction,
	walk
} from './practice';
import { getCourseOverview, getLessonWork } from './progress';
import { saveReflection } from './reflections';

const choice = (id: string, to: { next?: string; end?: string }) => ({
	id,
	say: `Say ${id}`,
	reply: `Reply ${id}`,
	coach: `Coach ${id}`,
	...to
});
/** t1 → (a) t2 → (c) calm; t1 → (b) closed; t2 → (d) back to t1: a loop with a way out. */
const talk = {
	id: 'talk',
	kind: 'dialogue',
	title: 'an opening',
	scene: 'Sunday evening.',
	start: 't1',
	turns: [
		{
			id: 't1',
			partner: 'Hm?',
			choices: [choice('a', { next: 't2' }), choice('b', { end: 'closed' })]
		},
		{ id: 't2', choices: [choice('c', { end: 'calm' }), choice('d', { next: 't1' })] }
	],
	endings: [
		{ id: 'calm', outcome: 'softened', text: 'They came closer.' },
		{ id: 'closed', outcome: 'closed', text: 'Step away kindly and try later.' }
	]
};

const catalog = buildCatalog(
	courseFiles({
		'/lessons/01-m/01-practice.svx': lessonSource({
			title: 'Practice',
			exercises: [...sampleExercises, talk]
		})
	})
);
const lesson: Lesson = catalog.lessons[0];
const dialogue = lesson.exercises.find((e): e is Dialogue => e.kind === 'dialogue')!;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

let db: Database;
let cleanup: () => void;
let userId: string;

beforeEach(async () => ({ db, userId, cleanup } = await openLearnerDatabase()));
afterEach(() => cleanup());

const rows = () => db.$reads.select().from(dialogueRuns).orderBy(dialogueRuns.run);
const runs = async () => (await getLessonWork(db, userId, lesson)).dialogues.get('talk') ?? [];
const state = async () => practiceState(dialogue, await runs());
const complete = async () =>
	(await getCourseOverview(db, catalog, userId)).states.get(lesson.id)!.state === 'complete';
const plainPost = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
};
const enhanced = new Request('http://localhost/x', {
	method: 'POST',
	headers: { 'x-sveltekit-action': 'true' }
});
const plain = new Request('http://localhost/x', { method: 'POST' });

describe('walking a conversation', () => {
	it('follows choices to the next turn or an ending, through loops, and gives up on a path that no longer fits', () => {
		expect(walk(dialogue, [])).toMatchObject({ steps: [], turn: { id: 't1' }, ending: null });
		expect(walk(dialogue, ['a', 'd', 'a'])).toMatchObject({ turn: { id: 't2' }, ending: null });
		expect(walk(dialogue, ['a', 'c'])).toMatchObject({ turn: null, ending: { id: 'calm' } });
		expect(walk(dialogue, ['c'])).toBeNull();
		expect(walk(dialogue, ['b', 'a'])).toBeNull();
	});

	it('plays a path the lesson has since rewritten as a fresh run, keeping the old one', () => {
		const current = currentRun(dialogue, [
			{ exerciseId: 'talk', run: 3, path: ['a', 'gone'], ending: null }
		]);
		expect(current).toMatchObject({ run: 4, path: [], stored: false });
	});
});

describe('playing a conversation', () => {
	it('starts at the partner’s opening with nothing said', async () => {
		expect(await state()).toEqual({ run: 1, steps: [], turn: 't1', ending: null, finished: false });
	});

	it('stores the path, moves to the next turn, and reaches an ending', async () => {
		expect(
			await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'a' }, at(1))
		).toEqual({ ok: true, run: 1, step: 1, ended: false, complete: false });
		expect(await state()).toEqual({
			run: 1,
			steps: [{ turn: 't1', choice: 'a', reply: 'Reply a', coach: 'Coach a' }],
			turn: 't2',
			ending: null,
			finished: false
		});
		expect(
			await say(db, userId, lesson, 'talk', { run: 1, turn: 't2', choice: 'c' }, at(2))
		).toMatchObject({ ok: true, step: 2, ended: true });
		expect(await state()).toMatchObject({
			turn: null,
			ending: { text: 'They came closer.' },
			finished: true
		});
		expect(await rows()).toEqual([
			expect.objectContaining({
				run: 1,
				path: '["a","c"]',
				ending: 'calm',
				endedAt: at(2),
				startedAt: at(1),
				updatedAt: at(2)
			})
		]);
	});

	it('gives the page replies and coaching only for choices made, and an ending only once reached', async () => {
		const secret = (json: string) =>
			['Reply', 'Coach', 'They came closer', 'Step away kindly'].filter((s) => json.includes(s));
		const view = async () =>
			JSON.stringify(
				(await exerciseStates(lesson, await getLessonWork(db, userId, lesson), userId)).talk
			);
		expect(secret(await view())).toEqual([]);
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'a' }, at(1));
		const afterOne = await view();
		expect(afterOne).toContain('Reply a');
		expect(afterOne).toContain('Coach a');
		expect(afterOne).not.toMatch(/Reply [bcd]|Coach [bcd]|came closer|Step away/);
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't2', choice: 'c' }, at(2));
		expect(await view()).toContain('They came closer.');
		expect(await view()).not.toContain('Step away kindly');
	});

	it('starts a new run on “Try a different way”, keeping every earlier run', async () => {
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'b' }, at(1));
		expect(await restart(db, userId, lesson, 'talk', 1, at(2))).toMatchObject({
			ok: true,
			run: 2,
			step: 0
		});
		expect(await state()).toEqual({ run: 2, steps: [], turn: 't1', ending: null, finished: true });
		await say(db, userId, lesson, 'talk', { run: 2, turn: 't1', choice: 'a' }, at(3));
		expect((await rows()).map((r) => [r.run, r.path, r.ending])).toEqual([
			[1, '["b"]', 'closed'],
			[2, '["a"]', null]
		]);
	});

	it('plays a rewritten path’s conversation again as the next run', async () => {
		await db.insert(dialogueRuns).values({
			userId,
			lessonId: lesson.id,
			exerciseId: 'talk',
			run: 1,
			path: '["gone"]',
			startedAt: at(0),
			updatedAt: at(0)
		});
		expect(await state()).toMatchObject({ run: 2, steps: [], turn: 't1' });
		expect(
			await say(db, userId, lesson, 'talk', { run: 2, turn: 't1', choice: 'a' }, at(1))
		).toMatchObject({ ok: true, run: 2 });
		expect((await rows()).map((r) => r.path)).toEqual(['["gone"]', '["a"]']);
	});
});

describe('refusing bad input, changing nothing', () => {
	async function refused(attempt: () => Promise<unknown>, status: number, message: RegExp) {
		const before = await rows();
		const result = await attempt();
		expect(result).toMatchObject({ ok: false, status });
		expect((result as { message: string }).message).toMatch(message);
		expect(await rows()).toEqual(before);
	}
	const sayIt = (
		sent: { run?: number; turn: string; choice: string | null },
		exerciseId = 'talk'
	) => say(db, userId, lesson, exerciseId, { run: 1, ...sent }, at(9));

	it('an unknown conversation, or an exercise that is not one', async () => {
		await refused(
			() => sayIt({ turn: 't1', choice: 'a' }, 'nope'),
			404,
			/no such practice conversation/
		);
		await refused(
			() => sayIt({ turn: 't1', choice: 'a' }, 'q1'),
			404,
			/no such practice conversation/
		);
		await refused(
			() => restart(db, userId, lesson, 'nope', 1),
			404,
			/no such practice conversation/
		);
	});

	it('a choice not offered at this turn, or no choice', async () => {
		await refused(
			() => sayIt({ turn: 't1', choice: 'c' }),
			400,
			/not one of the things you can say at this turn/
		);
		await refused(
			() => sayIt({ turn: 't1', choice: 'zzz' }),
			400,
			/not one of the things you can say/
		);
		await refused(() => sayIt({ turn: 't1', choice: null }), 400, /Choose what to say first/);
	});

	it('a turn not reached, a turn that does not exist, and a page left behind by another device', async () => {
		await refused(() => sayIt({ turn: 't2', choice: 'c' }), 409, /not at that turn/);
		await refused(() => sayIt({ turn: 'nowhere', choice: 'c' }), 400, /no such turn/);
		await sayIt({ turn: 't1', choice: 'a' });
		// A second device still showing t1 sends its choice: refused, not applied to t2.
		await refused(() => sayIt({ turn: 't1', choice: 'a' }), 409, /not at that turn/);
	});

	it('a finished conversation, a run started again elsewhere, and a run not started', async () => {
		await sayIt({ turn: 't1', choice: 'b' });
		await refused(() => sayIt({ turn: 't1', choice: 'a' }), 409, /finished.*Try a different way/);
		await refused(() => sayIt({ run: 2, turn: 't1', choice: 'a' }), 409, /has not started/);
		await restart(db, userId, lesson, 'talk', 1, at(10));
		await refused(() => sayIt({ run: 1, turn: 't1', choice: 'a' }), 409, /started again/);
		await refused(() => restart(db, userId, lesson, 'talk', 1, at(11)), 409, /started again/);
	});

	it('starting again before an ending', async () => {
		await refused(() => restart(db, userId, lesson, 'talk', 1), 409, /play it to an ending first/);
		await sayIt({ turn: 't1', choice: 'a' });
		await refused(() => restart(db, userId, lesson, 'talk', 1), 409, /play it to an ending first/);
	});

	it('two devices answering the same turn at once: one step is stored, the other refused', async () => {
		// The first step inserts the run, later ones update it: both writes are guarded.
		const first = await Promise.all([
			sayIt({ turn: 't1', choice: 'a' }),
			sayIt({ turn: 't1', choice: 'a' })
		]);
		expect(first.map((r) => r.ok).sort()).toEqual([false, true]);
		const next = await Promise.all([
			sayIt({ turn: 't2', choice: 'd' }),
			sayIt({ turn: 't2', choice: 'd' })
		]);
		expect(next.map((r) => r.ok).sort()).toEqual([false, true]);
		expect(next.find((r) => !r.ok)).toMatchObject({
			status: 409,
			message: expect.stringMatching(/moved on on another device/)
		});
		expect((await rows()).map((r) => r.path)).toEqual(['["a","d"]']);
	});
});

describe('the lesson’s completion', () => {
	const finishTheRest = async (minute: number) => {
		await recordAnswer(db, userId, lesson, 'q1', { correct: true, choice: ['a'] }, at(minute));
		await saveReflection(db, userId, lesson, 'r1', 'My notes', 0, at(minute));
	};

	it('waits for an ending: questions and reflection alone do not complete it', async () => {
		await finishTheRest(1);
		expect(await complete()).toBe(false);
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'a' }, at(2));
		expect(await complete()).toBe(false);
		expect(
			await say(db, userId, lesson, 'talk', { run: 1, turn: 't2', choice: 'c' }, at(3))
		).toMatchObject({ ended: true, complete: true });
		expect(await complete()).toBe(true);
	});

	it('counts an ending reached in any run, and a closed ending as much as a soft one', async () => {
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'b' }, at(1));
		await restart(db, userId, lesson, 'talk', 1, at(2));
		await say(db, userId, lesson, 'talk', { run: 2, turn: 't1', choice: 'a' }, at(3));
		await finishTheRest(4);
		expect(await complete()).toBe(true);
	});

	it('stays complete after starting again', async () => {
		await finishTheRest(1);
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'b' }, at(2));
		await restart(db, userId, lesson, 'talk', 1, at(3));
		expect(await complete()).toBe(true);
	});
});

describe('the say and restart forms', () => {
	it('redirect a plain post to the step just taken, and answer use:enhance with the result', async () => {
		let thrown: unknown;
		try {
			await sayAction(
				db,
				userId,
				lesson,
				plainPost({ exercise: 'talk', run: '1', turn: 't1', choice: 'a' }),
				plain,
				'/learn/m/practice'
			);
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown) && thrown.location).toBe('/learn/m/practice#talk-step-1');
		expect(
			await sayAction(
				db,
				userId,
				lesson,
				plainPost({ exercise: 'talk', run: '1', turn: 't2', choice: 'c' }),
				enhanced,
				'/x'
			)
		).toEqual({
			exercise: 'talk',
			run: 1,
			step: 2,
			ended: true,
			complete: false
		});
		expect(
			await restartAction(
				db,
				userId,
				lesson,
				plainPost({ exercise: 'talk', run: '1' }),
				enhanced,
				'/x'
			)
		).toMatchObject({ run: 2, step: 0 });
	});

	it('refuse a form missing its run or turn, and say which conversation a refusal is about', async () => {
		for (const fields of [
			{ exercise: 'talk', turn: 't1', choice: 'a' },
			{ exercise: 'talk', run: 'x', turn: 't1' },
			{ exercise: 'talk', run: '1' }
		] as Record<string, string>[]) {
			const result = await sayAction(db, userId, lesson, plainPost(fields), enhanced, '/x');
			expect(isActionFailure(result) && result.status).toBe(400);
		}
		const missing = await restartAction(
			db,
			userId,
			lesson,
			plainPost({ exercise: 'talk' }),
			enhanced,
			'/x'
		);
		expect(isActionFailure(missing) && missing.status).toBe(400);
		const wrongChoice = await sayAction(
			db,
			userId,
			lesson,
			plainPost({ exercise: 'talk', run: '1', turn: 't1', choice: 'c' }),
			plain,
			'/x'
		);
		expect(isActionFailure(wrongChoice) && wrongChoice.data).toEqual({
			exercise: 'talk',
			message: 'That is not one of the things you can say at this turn.'
		});
		// An unknown conversation has no section of its own: the message goes to the top of the page.
		const unknown = await sayAction(
			db,
			userId,
			lesson,
			plainPost({ exercise: 'nope', run: '1', turn: 't1', choice: 'a' }),
			plain,
			'/x'
		);
		expect(isActionFailure(unknown) && unknown.data).toMatchObject({ exercise: null });
		expect(await rows()).toEqual([]);
	});
});

describe('the learner’s data', () => {
	it('the export holds every run with the words said and the ending reached', async () => {
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'a' }, at(1));
		await say(db, userId, lesson, 'talk', { run: 1, turn: 't2', choice: 'c' }, at(2));
		await restart(db, userId, lesson, 'talk', 1, at(3));
		await say(db, userId, lesson, 'talk', { run: 2, turn: 't1', choice: 'b' }, at(4));
		const data = await exportLearnerData(db, catalog, userId);
		expect(data.practiceConversations).toEqual([
			{
				lesson: lesson.id,
				title: 'Practice',
				conversation: 'talk',
				conversationTitle: 'an opening',
				run: 1,
				startedAt: at(1).toISOString(),
				said: [
					{ choice: 'a', words: 'Say a' },
					{ choice: 'c', words: 'Say c' }
				],
				ending: { id: 'calm', text: 'They came closer.' },
				endedAt: at(2).toISOString()
			},
			expect.objectContaining({
				run: 2,
				said: [{ choice: 'b', words: 'Say b' }],
				ending: { id: 'closed', text: 'Step away kindly and try later.' }
			})
		]);
	});

	it('starting the course again clears every run, whatever happens to reflections', async () => {
		for (const keep of [true, false]) {
			await say(db, userId, lesson, 'talk', { run: 1, turn: 't1', choice: 'b' }, at(1));
			await resetProgress(db, userId, keep, true);
			expect(await rows()).toEqual([]);
			expect(await state()).toMatchObject({ run: 1, steps: [], finished: false });
		}
	});
});
