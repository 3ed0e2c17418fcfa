import type { Cookies } from '@sveltejs/kit';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocal(url: URL) {
	return LOCAL_HOSTS.has(url.hostname);
}

/**
 * Outside localhost the cookie is Secure with the `__Host-` prefix, which the browser
 * only accepts from HTTPS, for Path=/ and without Domain: no subdomain can plant one.
 */
export function sessionCookieName(url: URL): string {
	return isLocal(url) ? 'heard_session' : '__Host-heard_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: !isLocal(url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), { path: '/', httpOnly: true, sameSite: 'lax', secure: !isLocal(url) });
}
