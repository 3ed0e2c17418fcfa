import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sessionCookieName, deleteSessionCookie, setSessionCookie } from '$lib/server/auth/session';
import { needsSignIn } from '$lib/server/auth/guard';
import {
	deleteExpiredSessions,
	sessionExpiresAt,
	validateSessionToken
} from '$lib/server/auth/session';
import { deleteExpiredThrottles } from '$lib/server/auth/throttle';
import { getDb } from '$lib/server/db';
import { isCrossSiteWrite, securityHeaders } from '$lib/server/http/policy.js';
import { readTheme } from '$lib/server/account/preferences';

/** Migrate before the first request, so `node build` on a new database just works. */
export const init: ServerInit = async () => {
	// Sessions never presented again are never validated away, nor are counters of names never
	// tried again: clear both out at each start.
	const db = await getDb();
	await deleteExpiredSessions(db);
	await deleteExpiredThrottles(db);
};

export const handle: Handle = async ({ event, resolve }) => {
	if (isCrossSiteWrite(event.request, event.url)) {
		return withHeaders(
			new Response('Cross-site requests are refused.', { status: 403 }),
			event.url,
			false
		);
	}

	const cookieName = sessionCookieName(event.url);
	const token = event.cookies.get(cookieName);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const validated = await validateSessionToken(await getDb(), token);
		if (validated) {
			event.locals.user = validated.user;
			event.locals.session = validated.session;
			if (validated.renewed)
				setSessionCookie(event.cookies, event.url, token, sessionExpiresAt(validated.session));
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
		theme === 'system'
			? undefined
			: {
					transformPageChunk: ({ html }) =>
						html.replace('data-theme="system"', `data-theme="${theme}"`)
				}
	);
	// The browser came with a session and leaves without one: sign-out, a deleted account, too many
	// wrong passwords, or a session found ended.
	return withHeaders(
		response,
		event.url,
		token !== undefined && event.cookies.get(cookieName) === undefined
	);
};

/**
 * Nothing the app itself answers may be kept by a browser or anything in between, signed in or
 * not: a page first loaded signed out goes on to hold the whole signed-in visit (client-side
 * navigation), and action results hold recovery codes. `no-store` keeps them out of the HTTP cache
 * and, in most browsers, out of the back/forward cache once the session cookie changes; app.html
 * reloads any page restored from it all the same. When the session ends, the browser is also told
 * to drop what it cached of the site. (Static assets are served before this, with their own rules.)
 */
function withHeaders(response: Response, url: URL, sessionEnded: boolean): Response {
	for (const [name, value] of securityHeaders(url)) response.headers.set(name, value);
	response.headers.set('cache-control', 'no-store');
	if (sessionEnded) response.headers.set('clear-site-data', '"cache"');
	return response;
}

/**
 * What went wrong, in words the code chose: the error's class, a database error's code, and where
 * it was thrown. Never its message: messages quote what they choke on (a header value such as a
 * `next` path, a JSON body, a query's parameters), and that is text from the request, possibly
 * what a learner wrote or their session token.
 */
function describeError(error: unknown): string {
	if (!(error instanceof Error)) return 'non-Error thrown';
	const name = /^\w{1,40}$/.test(error.name) ? error.name : 'Error';
	const code = [error, error.cause]
		.map((e) => (e as { code?: unknown } | undefined)?.code)
		.find((c): c is string => typeof c === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(c));
	const at = error.stack?.split('\n').find((line) => /^\s+at /.test(line));
	return [
		name,
		code && `(${code})`,
		at &&
			at
				.trim()
				.replace(/[^\w$.:/\\()<>@ -]/g, '?')
				.slice(0, 200)
	]
		.filter(Boolean)
		.join(' ');
}

/** Logs what went wrong and where, never the request: bodies, cookies and URLs can hold what learners wrote or their session token. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status !== 404) {
		const method = /^[A-Z]{1,10}$/.test(event.request.method) ? event.request.method : 'other';
		console.error(
			`[heard] ${status} on ${method} ${event.route.id ?? '(no route)'}: ${describeError(error)}`
		);
	}
	return {
		message:
			status === 500
				? 'Something went wrong on our side. Nothing you wrote was lost; please try again.'
				: message
	};
};
