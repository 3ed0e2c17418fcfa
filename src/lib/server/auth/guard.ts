/** Routes a signed-out visitor may use; every other route needs a session (deny by default). */
const PUBLIC_ROUTES = new Set([
	'/',
	'/login',
	'/signup',
	'/logout',
	'/help',
	'/recover',
	'/goodbye',
	'/preferences',
	'/safety-check'
]);

export function needsSignIn(routeId: string | null): boolean {
	// No route id: SvelteKit answers 404 itself, revealing nothing.
	return routeId !== null && !PUBLIC_ROUTES.has(routeId);
}

/** Any origin will do: only whether the resolved URL stays on it matters. */
const HERE = 'http://heard.invalid';

/**
 * A post-sign-in destination that stays on this site (no open redirect). `next` is resolved the way
 * a browser would resolve it against our origin, and must land there; browsers drop tabs and
 * newlines and read `\` as `/`, so `/\t/host` or `/\host` would leave: any control character or
 * backslash falls back, as does a path the resolution turns into `//host` (`/.//host`). What is
 * returned is the resolved, percent-encoded path, so it is always a valid Location header.
 */
export function safeNext(next: string | null | undefined, fallback = '/learn'): string {
	// eslint-disable-next-line no-control-regex -- control characters are what this refuses
	if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f-\u009f\\]/.test(next))
		return fallback;
	let url: URL;
	try {
		url = new URL(next, HERE);
	} catch {
		return fallback;
	}
	const path = `${url.pathname}${url.search}${url.hash}`;
	return url.origin === HERE && path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
