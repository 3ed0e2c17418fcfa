/** Routes a signed-out visitor may use; every other route needs a session (deny by default). */
const PUBLIC_ROUTES = new Set(['/', '/login', '/signup', '/logout', '/help', '/recover', '/goodbye', '/preferences', '/safety-check']);

export function needsSignIn(routeId: string | null): boolean {
	// No route id: SvelteKit answers 404 itself, revealing nothing.
	return routeId !== null && !PUBLIC_ROUTES.has(routeId);
}

/** Only same-site paths may be a post-sign-in destination (no open redirect). */
export function safeNext(next: string | null | undefined): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/learn';
}
