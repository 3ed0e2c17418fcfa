import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { openTestDatabase } from '$test/test-database';
import { judgeAnswers, markSafetyCheckOffered, safetyCheckDue } from './check';

const form = (fields: [string, string][]) => {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
};

describe('judging the answers', () => {
	it('puts help first for any Yes, even with other questions left blank', () => {
		expect(
			judgeAnswers(
				form([
					['afraid', 'yes'],
					['threats', 'no'],
					['control', 'no']
				])
			)
		).toEqual({ kind: 'help-first' });
		expect(judgeAnswers(form([['control', 'yes']]))).toEqual({ kind: 'help-first' });
	});

	it('goes straight on when every answer is No', () => {
		expect(
			judgeAnswers(
				form([
					['afraid', 'no'],
					['threats', 'no'],
					['control', 'no']
				])
			)
		).toEqual({ kind: 'go-on' });
	});

	it('asks again for blank questions when nothing was Yes', () => {
		expect(judgeAnswers(form([['afraid', 'no']]))).toEqual({
			kind: 'unanswered',
			missing: ['threats', 'control']
		});
		expect(judgeAnswers(form([]))).toEqual({
			kind: 'unanswered',
			missing: ['afraid', 'threats', 'control']
		});
	});

	it('refuses anything but one Yes or No per question, without repeating the value', () => {
		const refused = (fields: [string, string][]) => {
			try {
				judgeAnswers(form(fields));
			} catch (e) {
				return e as { status: number; body: { message: string } };
			}
			throw new Error('not refused');
		};
		const odd = refused([['afraid', 'maybe-mk39a']]);
		expect(odd.status).toBe(400);
		expect(odd.body.message).not.toContain('mk39a');
		expect(
			refused([
				['afraid', 'yes'],
				['afraid', 'no']
			]).status
		).toBe(400);
	});
});

describe('offered once', () => {
	let db: Database;
	let cleanup: () => void;
	const userId = 'safety-learner';
	const offeredAt = async () =>
		(
			await db.$reads
				.select({ at: users.safetyCheckOfferedAt })
				.from(users)
				.where(eq(users.id, userId))
		)[0].at;

	beforeEach(async () => {
		({ db, cleanup } = await openTestDatabase());
		await db.insert(users).values({
			id: userId,
			username: 'safety-learner',
			passwordHash: 'x',
			createdAt: new Date(0)
		});
	});
	afterEach(() => cleanup());

	it('is due for a new learner and not after it was shown; the first time shown stands', async () => {
		expect(await safetyCheckDue(db, userId)).toBe(true);
		const first = new Date('2025-03-01T10:00:00Z');
		await markSafetyCheckOffered(db, userId, first);
		expect(await safetyCheckDue(db, userId)).toBe(false);
		// Taken again later (from /help or the course map): nothing changes.
		await markSafetyCheckOffered(db, userId, new Date('2025-04-01T10:00:00Z'));
		expect(await offeredAt()).toEqual(first);
	});

	it('is never due for an account that does not exist', async () => {
		expect(await safetyCheckDue(db, 'nobody')).toBe(false);
	});
});
