import { createHash, timingSafeEqual } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { and, desc, eq, gte, ne, not, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { sessions, users } from '../db/schema';
import { isSecureCookie } from '../http/policy.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A session unused this long ends (a shared or lost device stops being signed in). */
export const INACTIVITY_TIMEOUT_MS = 14 * DAY;
/** However active, a session ends this long after sign-in. */
export const ABSOLUTE_LIFETIME_MS = 90 * DAY;
/** last_verified_at is written at most this often, so reads stay reads. */
export const ACTIVITY_CHECK_INTERVAL_MS = HOUR;

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	lastVerifiedAt: Date;
}

export interface SessionUser {
	id: string;
	username: string;
	discreet: boolean;
}

export interface Validated {
	session: Session;
	user: SessionUser;
	/** The cookie's expiry moved: send it again. */
	renewed: boolean;
}

/** 120 bits from the CSPRNG as 24 lower-case base32 characters (Lucia's token alphabet). */
export function randomToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

function hashSecret(secret: string): Buffer {
	return createHash('sha256').update(secret).digest();
}

export function sessionExpiresAt(session: Session): Date {
	return new Date(
		Math.min(
			session.lastVerifiedAt.getTime() + INACTIVITY_TIMEOUT_MS,
			session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS
		)
	);
}

/** Creates a session and returns its token `<id>.<secret>`; only the secret's hash is stored. */
export async function createSession(
	db: Database,
	userId: string,
	now = new Date(),
	userAgent: string | null = null
) {
	const id = randomToken();
	const secret = randomToken();
	const session: Session = { id, userId, createdAt: now, lastVerifiedAt: now };
	await db.insert(sessions).values({
		...session,
		secretHash: hashSecret(secret),
		userAgent: userAgent?.slice(0, 400) ?? null
	});
	return { token: `${id}.${secret}`, session };
}

/** Runs on every request that carries a session cookie. */
const sessionById = preparedQuery((db) =>
	db
		.select({
			id: sessions.id,
			userId: sessions.userId,
			secretHash: sessions.secretHash,
			createdAt: sessions.createdAt,
			lastVerifiedAt: sessions.lastVerifiedAt,
			username: users.username,
			discreet: users.discreet
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.limit(1)
		.prepare()
);

export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<Validated | null> {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
	const [id, secret] = parts;
	const row = await sessionById(db).get({ id });
	if (!row) return null;
	const presented = hashSecret(secret);
	if (row.secretHash.length !== presented.length || !timingSafeEqual(presented, row.secretHash))
		return null;

	const session: Session = {
		id: row.id,
		userId: row.userId,
		createdAt: row.createdAt,
		lastVerifiedAt: row.lastVerifiedAt
	};
	if (now.getTime() >= sessionExpiresAt(session).getTime()) {
		await invalidateSession(db, id);
		return null;
	}
	let renewed = false;
	if (now.getTime() - session.lastVerifiedAt.getTime() >= ACTIVITY_CHECK_INTERVAL_MS) {
		session.lastVerifiedAt = now;
		await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, id));
		renewed = true;
	}
	return {
		session,
		user: { id: row.userId, username: row.username, discreet: row.discreet },
		renewed
	};
}

export async function invalidateSession(db: Database, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of the learner, or every one but `exceptSessionId`. */
export async function invalidateUserSessions(
	db: Database,
	userId: string,
	exceptSessionId?: string
) {
	await db
		.delete(sessions)
		.where(
			exceptSessionId
				? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
				: eq(sessions.userId, userId)
		);
}

/** Ends one of the learner's own sessions; another learner's session id matches nothing. */
export async function invalidateOwnSession(
	db: Database,
	userId: string,
	sessionId: string
): Promise<boolean> {
	const deleted = await db
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
		.returning({ id: sessions.id });
	return deleted.length > 0;
}

/** Sessions that can still validate at `now`: the same two limits validateSessionToken applies. */
function live(now: Date) {
	return and(
		gte(sessions.lastVerifiedAt, new Date(now.getTime() - INACTIVITY_TIMEOUT_MS)),
		gte(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_LIFETIME_MS))
	);
}

/** The learner's devices: live sessions only, so a long-abandoned one is not listed as signed in. */
export async function listUserSessions(db: Database, userId: string, now = new Date()) {
	return db.$reads
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			lastVerifiedAt: sessions.lastVerifiedAt,
			userAgent: sessions.userAgent
		})
		.from(sessions)
		.where(and(eq(sessions.userId, userId), live(now)))
		.orderBy(desc(sessions.lastVerifiedAt));
}

/**
 * A short, stable tag for a signed-in device, to tell apart two with the same name and times. Made
 * from the session id by a one-way hash: it reveals nothing of the token.
 */
export function deviceTag(sessionId: string): string {
	return createHash('sha256').update(sessionId).digest('hex').slice(0, 4).toUpperCase();
}

/** Removes sessions that can no longer validate (validation only removes those presented again). */
export async function deleteExpiredSessions(db: Database, now = new Date()) {
	await db.delete(sessions).where(not(live(now)!));
}

/**
 * The session cookie. Outside localhost it is Secure with the `__Host-` prefix, which the browser
 * only accepts from HTTPS, for Path=/ and without Domain: no subdomain can plant one.
 */
export function sessionCookieName(url: URL): string {
	return isSecureCookie(url) ? '__Host-heard_session' : 'heard_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureCookie(url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureCookie(url)
	});
}

/**
 * Signs the learner in on this browser: a new session, its cookie, and the device it came from.
 * A session the browser already had (someone else signed in here, or the same learner again)
 * ends, rather than living on unseen on the server. `locals` changes too, so a page rendered in
 * this same request (a form posted without JavaScript, or before the page's scripts arrived)
 * already shows the learner signed in.
 */
export async function startSession(db: Database, event: RequestEvent, user: SessionUser) {
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	const { token, session } = await createSession(
		db,
		user.id,
		new Date(),
		event.request.headers.get('user-agent')
	);
	setSessionCookie(event.cookies, event.url, token, sessionExpiresAt(session));
	event.locals.user = user;
	event.locals.session = session;
}
