import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, securityHeaders } from './policy.js';

describe('security headers', () => {
	it('send HSTS only outside localhost', () => {
		const names = (url: string) => securityHeaders(new URL(url)).map(([name]) => name);
		expect(names('http://localhost:3000/')).not.toContain('strict-transport-security');
		expect(
			Object.fromEntries(securityHeaders(new URL('https://heard.example/')))[
				'strict-transport-security'
			]
		).toMatch(/max-age=\d+/);
	});
});

describe('cross-site writes', () => {
	const url = new URL('https://heard.example/learn');
	const request = (method: string, headers: Record<string, string>) =>
		new Request(url, { method, headers });

	it('are refused by Sec-Fetch-Site or a foreign Origin, for any method but GET, HEAD and OPTIONS', () => {
		expect(isCrossSiteWrite(request('POST', { 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
		expect(isCrossSiteWrite(request('DELETE', { 'sec-fetch-site': 'same-site' }), url)).toBe(true);
		expect(isCrossSiteWrite(request('PUT', { origin: 'https://evil.example' }), url)).toBe(true);
		expect(
			isCrossSiteWrite(
				request('POST', { 'sec-fetch-site': 'same-origin', origin: 'https://heard.example' }),
				url
			)
		).toBe(false);
		expect(isCrossSiteWrite(request('POST', {}), url)).toBe(false);
		expect(isCrossSiteWrite(request('GET', { 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
	});
});
