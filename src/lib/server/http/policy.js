// Plain JavaScript so that scripts/serve.js (run by node, untranspiled) applies the same
// headers to static assets that hooks.server.ts applies to pages.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The one rule for cookies and transport security: Secure cookies (and HSTS) everywhere but a
 * developer's own machine, where the app is served over plain HTTP.
 * @param {URL} url
 */
export function isSecureCookie(url) {
	return !LOCAL_HOSTS.has(url.hostname);
}

/**
 * Headers every response carries (the CSP itself comes from kit.csp, with nonces).
 * @param {URL} url
 * @returns {[string, string][]}
 */
export function securityHeaders(url) {
	/** @type {[string, string][]} */
	const headers = [
		// Lesson and account URLs name the topic: never tell another site where a learner came from.
		// (Not no-referrer: with it, browsers send `Origin: null` on form posts, failing CSRF checks.)
		['referrer-policy', 'same-origin'],
		['x-content-type-options', 'nosniff'],
		['x-frame-options', 'DENY'],
		['cross-origin-opener-policy', 'same-origin'],
		['cross-origin-resource-policy', 'same-origin'],
		[
			'permissions-policy',
			'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'
		]
	];
	if (isSecureCookie(url))
		headers.push(['strict-transport-security', 'max-age=63072000; includeSubDomains']);
	return headers;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request was made by another site. SvelteKit checks the Origin of
 * form posts only; this covers every method and content type, +server.ts endpoints too.
 * @param {Request} request
 * @param {URL} url
 */
export function isCrossSiteWrite(request, url) {
	if (SAFE_METHODS.has(request.method)) return false;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null && site !== 'same-origin') return true;
	const origin = request.headers.get('origin');
	return origin !== null && origin !== url.origin;
}
