import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '$lib/course/catalog';
import { TRY_IT_OUTCOME_MAX } from '$lib/course/view';
import { courseFiles, lessonSource } from '$test/course-fixtures';
import { openLearnerDatabase } from '$test/test-database';
import { exportLearnerData } from '../account/export';
import { resetProgress } from '../account/deletion';
import { journalMarkdown, planMarkdown } from '../account/markdown';
import type { Database } from '../db/client';
import { tryIts } from '../db/schema';
import { recordAnswer } from './answers';
import { buildJournal, buildPlan } from './journal';
import { saveReflection } from './reflections';
import {
	answerTryIt,
	chooseTryIt,
	dismissTryIt,
	dueFollowUp,
	followUpAction,
	listTried,
	openPick,
	tryItAction
} from './try-it';

const things = [
	{ id: 'one-invitation', text: 'Make one invitation with two times.' },
	{ id: 'open-offer', text: 'Offer a walk with no strings.' }
];
const catalog = buildCatalog(
	courseFiles({
		'/lessons/01-m/01-strategy.svx': lessonSource({ title: 'Strategy', tryThisWeek: things }),
		'/lessons/01-m/02-plain.svx': lessonSource({ title: 'Plain' })
	})
);
const [strategy, plainLesson] = catalog.lessons;
const DAY = 24 * 60 * 60 * 1000;
const start = new Date(Date.UTC(2026, 0, 5, 9, 0));
const later = (ms: number) => new Date(start.getTime() + ms);

let db: Database;
let cleanup: () => void;
let userId: string;

beforeEach(async () => ({ db, userId, cleanup } = await openLearnerDatabase()));
afterEach(() => cleanup());

const rows = () => db.$reads.select().from(tryIts).orderBy(tryIts.chosenAt);
async function finish(lesson = strategy) {
	await recordAnswer(db, userId, lesson, 'q1', { correct: true, choice: ['a'] }, start);
	await saveReflection(db, userId, lesson, 'r1', 'Notes', 0, start);
}
async function refused(attempt: () => Promise<unknown>, status: number, message: RegExp) {
	const before = await rows();
	const result = await attempt();
	expect(result).toMatchObject({ ok: false, status, message: expect.stringMatching(message) });
	expect(await rows()).toEqual(before);
}
const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};
const plain = () => new Request('http://localhost/learn', { method: 'POST' });
const enhanced = () =>
	new Request('http://localhost/learn', {
		method: 'POST',
		headers: { 'x-sveltekit-action': 'true' }
	});

describe('picking a thing to try', () => {
	it('is refused before the lesson is finished, for an item the lesson does not offer, and where there is nothing to try', async () => {
		await refused(
			() => chooseTryIt(db, userId, strategy, 'one-invitation', start),
			409,
			/Finish this lesson first/
		);
		await finish();
		await refused(
			() => chooseTryIt(db, userId, strategy, 'nope', start),
			400,
			/not one of the things to try/
		);
		await refused(() => chooseTryIt(db, userId, strategy, null, start), 400, /Choose one thing/);
		await finish(plainLesson);
		await refused(
			() => chooseTryIt(db, userId, plainLesson, 'one-invitation', start),
			404,
			/nothing to try/
		);
	});

	it('stores the pick; picking again before the follow-up replaces it', async () => {
		await finish();
		expect(await chooseTryIt(db, userId, strategy, 'one-invitation', start)).toEqual({ ok: true });
		expect(await openPick(db, userId, strategy.id)).toBe('one-invitation');
		await chooseTryIt(db, userId, strategy, 'open-offer', later(1000));
		expect(await openPick(db, userId, strategy.id)).toBe('open-offer');
		expect((await rows()).map((r) => [r.itemId, r.chosenAt])).toEqual([
			['open-offer', later(1000)]
		]);
		// The same pick again changes nothing (its day does not start over).
		await chooseTryIt(db, userId, strategy, 'open-offer', later(2000));
		expect((await rows()).map((r) => r.chosenAt)).toEqual([later(1000)]);
	});
});

describe('“How did it go?”', () => {
	beforeEach(async () => {
		await finish();
		await chooseTryIt(db, userId, strategy, 'one-invitation', start);
	});

	it('is asked a day or more after the pick, not before', async () => {
		expect(await dueFollowUp(db, catalog, userId, later(DAY - 60_000))).toBeNull();
		expect(await dueFollowUp(db, catalog, userId, later(DAY))).toEqual({
			pick: start.getTime(),
			lessonTitle: 'Strategy',
			lessonHref: '/learn/m/strategy',
			item: 'Make one invitation with two times.'
		});
	});

	it('saves the answer; then it is not asked again and shows as tried', async () => {
		expect(
			await answerTryIt(db, userId, start, 'It went\nbetter than I feared.', later(DAY))
		).toEqual({ ok: true });
		expect(await dueFollowUp(db, catalog, userId, later(2 * DAY))).toBeNull();
		expect(await listTried(db, catalog, userId)).toEqual([
			expect.objectContaining({
				lessonTitle: 'Strategy',
				item: 'Make one invitation with two times.',
				outcome: 'It went\nbetter than I feared.',
				answeredAt: later(DAY)
			})
		]);
		// A new pick can be made once the last one is answered.
		await chooseTryIt(db, userId, strategy, 'open-offer', later(2 * DAY));
		expect(await rows()).toHaveLength(2);
	});

	it('can be dismissed, and is then not asked again', async () => {
		expect(await dismissTryIt(db, userId, start, later(DAY))).toEqual({ ok: true });
		expect(await dueFollowUp(db, catalog, userId, later(3 * DAY))).toBeNull();
		expect(await listTried(db, catalog, userId)).toEqual([]);
	});

	it('refuses an early, empty, too long, unknown or already closed answer, changing nothing', async () => {
		await refused(() => answerTryIt(db, userId, start, 'Fine', later(DAY - 1)), 409, /early/);
		await refused(() => dismissTryIt(db, userId, start, later(DAY - 1)), 409, /early/);
		await refused(
			() => answerTryIt(db, userId, start, '  \n ', later(DAY)),
			400,
			/Write a few words/
		);
		await refused(
			() => answerTryIt(db, userId, start, 'x'.repeat(TRY_IT_OUTCOME_MAX + 1), later(DAY)),
			400,
			/up to 2,000 characters/
		);
		await refused(
			() => answerTryIt(db, userId, later(5), 'Fine', later(DAY)),
			404,
			/not something you chose/
		);
		await answerTryIt(db, userId, start, 'Fine', later(DAY));
		await refused(
			() => answerTryIt(db, userId, start, 'Again', later(DAY)),
			409,
			/already said how this went/
		);
		await refused(() => dismissTryIt(db, userId, start, later(DAY)), 409, /already said/);
	});

	it('refuses to answer a dismissed pick', async () => {
		await dismissTryIt(db, userId, start, later(DAY));
		await refused(() => answerTryIt(db, userId, start, 'Fine', later(DAY)), 409, /dismissed/);
	});
});

describe('the forms', () => {
	it('“Try this” redirects a plain post to the pick and refuses a bad item with a message', async () => {
		await finish();
		let thrown: unknown;
		try {
			await tryItAction(
				db,
				userId,
				strategy,
				form({ item: 'open-offer' }),
				plain(),
				'/learn/m/strategy'
			);
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown) && thrown.location).toBe('/learn/m/strategy#try-it');
		const bad = await tryItAction(db, userId, strategy, form({ item: 'zzz' }), enhanced(), '/x');
		expect(isActionFailure(bad) && bad.data).toEqual({
			tryIt: { message: 'That is not one of the things to try in this lesson.' }
		});
	});

	it('the follow-up hands the learner’s text back when refused, and needs save or dismiss', async () => {
		await finish();
		// Chosen a day ago by the real clock: the form's action reads the time itself.
		await chooseTryIt(db, userId, strategy, 'open-offer', new Date(Date.now() - DAY - 1000));
		const [{ chosenAt }] = await rows();
		const pick = String(chosenAt.getTime());
		const noAction = await followUpAction(
			db,
			userId,
			form({ pick, outcome: 'kept' }),
			enhanced(),
			'/learn'
		);
		expect(isActionFailure(noAction) && noAction.status).toBe(400);
		const tooLong = await followUpAction(
			db,
			userId,
			form({ pick, outcome: 'y'.repeat(TRY_IT_OUTCOME_MAX + 1), do: 'save' }),
			enhanced(),
			'/learn'
		);
		expect(tooLong).toMatchObject({
			status: 400,
			data: { followUp: { outcome: 'y'.repeat(TRY_IT_OUTCOME_MAX + 1) } }
		});
		let thrown: unknown;
		try {
			await followUpAction(
				db,
				userId,
				form({ pick, outcome: 'Went well\r\nmostly', do: 'save' }),
				plain(),
				'/learn'
			);
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown) && thrown.location).toBe('/learn?followUp=saved#follow-up');
		expect((await rows())[0].outcome).toBe('Went well\nmostly');
	});
});

describe('the learner’s data', () => {
	beforeEach(async () => {
		await finish();
		await chooseTryIt(db, userId, strategy, 'one-invitation', start);
		await answerTryIt(db, userId, start, '<b>Hard</b> but *worth* it', later(DAY));
		await chooseTryIt(db, userId, strategy, 'open-offer', later(DAY + 1));
	});

	it('the journal and plan files hold the answer as literal text', async () => {
		const tried = await listTried(db, catalog, userId);
		const journal = journalMarkdown('learner', buildJournal(catalog, []), tried);
		const plan = planMarkdown(buildPlan(catalog, []), buildJournal(catalog, []), tried);
		for (const md of [journal, plan]) {
			expect(md).toContain('Strategy: Make one invitation with two times.');
			expect(md).toContain('> \\<b\\>Hard\\</b\\> but \\*worth\\* it');
		}
	});

	it('the export holds every pick, answered or not', async () => {
		const data = await exportLearnerData(db, catalog, userId);
		expect(data.thingsToTry).toEqual([
			expect.objectContaining({
				item: 'one-invitation',
				text: 'Make one invitation with two times.',
				howItWent: '<b>Hard</b> but *worth* it',
				answeredAt: later(DAY).toISOString()
			}),
			expect.objectContaining({ item: 'open-offer', howItWent: null, dismissedAt: null })
		]);
	});

	it('starting again keeps what the learner wrote unless they delete reflections too', async () => {
		await resetProgress(db, userId, true, true);
		expect(await rows()).toHaveLength(2);
		await resetProgress(db, userId, false, true);
		expect(await rows()).toEqual([]);
	});
});
