import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sessionCookieName, deleteSessionCookie, setSessionCookie } from '$lib/server/auth/session';
import { needsSignIn } from '$lib/server/auth/guard';
import { deleteExpiredSessions, sessionExpiresAt, validateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { isCrossSiteWrite, securityHeaders } from '$lib/server/http/policy.js';
import { readTheme } from '$lib/server/account/preferences';

/** Migrate before the first request, so `node build` on a new database just works. */
export const init: ServerInit = async () => {
	// Sessions never presented again are never validated away: clear them out at each start.
	await deleteExpiredSessions(await getDb());
};

export const handle: Handle = async ({ event, resolve }) => {
	if (isCrossSiteWrite(event.request, event.url)) {
		return withHeaders(new Response('Cross-site requests are refused.', { status: 403 }), event.url, true);
	}

	const token = event.cookies.get(sessionCookieName(event.url));
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const validated = await validateSessionToken(await getDb(), token);
		if (validated) {
			event.locals.user = validated.user;
			event.locals.session = validated.session;
			if (validated.renewed) setSessionCookie(event.cookies, event.url, token, sessionExpiresAt(validated.session));
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}

	const isPrivate = needsSignIn(event.route.id);
	if (!event.locals.user && isPrivate) {
		// Pages and actions alike: nothing runs for a signed-out request.
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	}

	// The chosen theme is in the first byte of HTML, so a dark-mode reader never sees a white flash.
	// Most learners follow the system setting, which app.html already says: no pass over the page.
	const theme = readTheme(event.cookies);
	const response = await resolve(
		event,
		theme === 'system' ? undefined : { transformPageChunk: ({ html }) => html.replace('data-theme="system"', `data-theme="${theme}"`) }
	);
	// Anything shown to a signed-in learner (pages and their __data.json alike) stays out of caches.
	return withHeaders(response, event.url, isPrivate || event.locals.user !== null);
};

function withHeaders(response: Response, url: URL, noStore: boolean): Response {
	for (const [name, value] of securityHeaders(url)) response.headers.set(name, value);
	if (noStore) response.headers.set('cache-control', 'no-store');
	return response;
}

/**
 * Logs what went wrong and where, never the request: bodies, cookies and URLs can hold what
 * learners wrote or their session token.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status !== 404) {
		// Drizzle puts a failed query's parameters (learner text) after "params:": cut them off.
		const text = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
		const what = text.split(/\bparams:/)[0].slice(0, 300);
		console.error(`[heard] ${status} on ${event.request.method} ${event.route.id ?? '(no route)'}: ${what}`);
	}
	return { message: status === 500 ? 'Something went wrong on our side. Nothing you wrote was lost; please try again.' : message };
};
