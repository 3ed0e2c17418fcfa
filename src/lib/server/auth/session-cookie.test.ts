import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { deleteSessionCookie, sessionCookieName, setSessionCookie } from './session';

/** Records what the code asks SvelteKit to set; the cookie attributes are what is under test. */
function recorder() {
	const calls: { op: string; name: string; value?: string; options: Record<string, unknown> }[] =
		[];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			calls.push({ op: 'set', name, value, options }),
		delete: (name: string, options: Record<string, unknown>) =>
			calls.push({ op: 'delete', name, options })
	} as unknown as Cookies;
	return { cookies, calls };
}

describe('the session cookie', () => {
	const expires = new Date('2026-02-01T00:00:00Z');

	it('is HttpOnly, SameSite=Lax, Path=/ and not Secure on localhost', () => {
		const { cookies, calls } = recorder();
		setSessionCookie(cookies, new URL('http://localhost:3000/learn'), 'id.secret', expires);
		expect(calls).toEqual([
			{
				op: 'set',
				name: 'heard_session',
				value: 'id.secret',
				options: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, expires }
			}
		]);
	});

	it('is Secure and __Host- prefixed anywhere else', () => {
		const { cookies, calls } = recorder();
		const url = new URL('https://heard.example/learn');
		expect(sessionCookieName(url)).toBe('__Host-heard_session');
		setSessionCookie(cookies, url, 'id.secret', expires);
		deleteSessionCookie(cookies, url);
		expect(calls[0]).toMatchObject({
			name: '__Host-heard_session',
			options: { secure: true, httpOnly: true, sameSite: 'lax', path: '/' }
		});
		expect(calls[1]).toMatchObject({
			op: 'delete',
			name: '__Host-heard_session',
			options: { path: '/', secure: true }
		});
	});
});
