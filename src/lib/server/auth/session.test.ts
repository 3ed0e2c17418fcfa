import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessions } from '../db/schema';
import { openTestDatabase } from '$test/test-database';
import { signUp } from './accounts';
import {
	ABSOLUTE_LIFETIME_MS,
	ACTIVITY_CHECK_INTERVAL_MS,
	createSession,
	deleteExpiredSessions,
	INACTIVITY_TIMEOUT_MS,
	invalidateUserSessions,
	listUserSessions,
	sessionExpiresAt,
	validateSessionToken
} from './session';

let db: Database;
let cleanup: () => void;
let userId: string;
const t0 = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(async () => {
	({ db, cleanup } = await openTestDatabase());
	const result = await signUp(db, 'sam', 'correct horse battery', t0);
	if (!result.ok) throw new Error(result.message);
	userId = result.user.id;
});
afterEach(() => cleanup());

describe('sessions', () => {
	it('creates a token <id>.<secret> and stores only a hash of the secret', async () => {
		const { token, session } = await createSession(db, userId, t0);
		const [id, secret] = token.split('.');
		expect(id).toBe(session.id);
		expect(secret).toMatch(/^[a-z2-7]{24}$/);
		const [row] = await db.$reads.select().from(sessions).where(eq(sessions.id, id));
		expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret);
		expect(row.secretHash.length).toBe(32);
		// Lucia's format: SHA-256 of the secret's bytes. Sessions stored before a change of hashing
		// code stay valid only while this holds.
		expect(Buffer.from(row.secretHash)).toEqual(
			Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)))
		);
	});

	it('validates the right token and refuses a wrong secret or a malformed token', async () => {
		const { token } = await createSession(db, userId, t0);
		const ok = await validateSessionToken(db, token, t0);
		expect(ok?.user).toEqual({ id: userId, username: 'sam', discreet: false });
		const [id] = token.split('.');
		expect(await validateSessionToken(db, `${id}.aaaaaaaaaaaaaaaaaaaaaaaa`, t0)).toBeNull();
		expect(await validateSessionToken(db, id, t0)).toBeNull();
		expect(await validateSessionToken(db, `${token}.extra`, t0)).toBeNull();
		expect(await validateSessionToken(db, '', t0)).toBeNull();
	});

	it('renews at most once per activity interval, moving the expiry', async () => {
		const { token } = await createSession(db, userId, t0);
		const early = await validateSessionToken(db, token, later(ACTIVITY_CHECK_INTERVAL_MS - 1));
		expect(early?.renewed).toBe(false);
		const renewedAt = later(ACTIVITY_CHECK_INTERVAL_MS);
		const renewed = await validateSessionToken(db, token, renewedAt);
		expect(renewed?.renewed).toBe(true);
		expect(sessionExpiresAt(renewed!.session)).toEqual(
			new Date(renewedAt.getTime() + INACTIVITY_TIMEOUT_MS)
		);
		// Past the first inactivity deadline, but active since: still valid.
		expect(
			await validateSessionToken(db, token, later(INACTIVITY_TIMEOUT_MS + 1000))
		).not.toBeNull();
	});

	it('expires after the inactivity timeout and deletes the row', async () => {
		const { token, session } = await createSession(db, userId, t0);
		expect(await validateSessionToken(db, token, later(INACTIVITY_TIMEOUT_MS))).toBeNull();
		expect(await db.$reads.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(
			0
		);
	});

	it('expires after the absolute lifetime however active', async () => {
		const { token } = await createSession(db, userId, t0);
		for (
			let t = ACTIVITY_CHECK_INTERVAL_MS;
			t < ABSOLUTE_LIFETIME_MS;
			t += INACTIVITY_TIMEOUT_MS / 2
		) {
			expect(await validateSessionToken(db, token, later(t))).not.toBeNull();
		}
		expect(await validateSessionToken(db, token, later(ABSOLUTE_LIFETIME_MS))).toBeNull();
	});

	it('ends every session of a learner at once', async () => {
		const a = await createSession(db, userId, t0);
		const b = await createSession(db, userId, t0);
		await invalidateUserSessions(db, userId);
		expect(await validateSessionToken(db, a.token, t0)).toBeNull();
		expect(await validateSessionToken(db, b.token, t0)).toBeNull();
	});

	it('lists only live sessions as devices, and clears out the expired ones', async () => {
		const old = await createSession(db, userId, t0);
		const fresh = await createSession(db, userId, later(INACTIVITY_TIMEOUT_MS));
		const now = later(INACTIVITY_TIMEOUT_MS + 1000);
		expect((await listUserSessions(db, userId, now)).map((s) => s.id)).toEqual([fresh.session.id]);
		await deleteExpiredSessions(db, now);
		expect((await db.$reads.select({ id: sessions.id }).from(sessions)).map((s) => s.id)).toEqual([
			fresh.session.id
		]);
		expect(await validateSessionToken(db, old.token, now)).toBeNull();
	});
});
