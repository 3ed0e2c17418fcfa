import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '../db/client';
import { setSessionCookie } from './cookie';
import { createSession, sessionExpiresAt } from './session';

export async function startSession(db: Database, event: RequestEvent, userId: string) {
	const { token, session } = await createSession(db, userId, new Date(), event.request.headers.get('user-agent'));
	setSessionCookie(event.cookies, event.url, token, sessionExpiresAt(session));
}
