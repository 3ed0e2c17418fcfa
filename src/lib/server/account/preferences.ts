import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { isSecureCookie } from '../http/policy.js';

export type Theme = 'light' | 'dark' | 'system';

const THEME_COOKIE = 'heard_theme';
/** Mirrors the account's discreet mode on this device, so its signed-out pages stay neutral too. */
const DISCREET_COOKIE = 'heard_discreet';
const YEAR = 60 * 60 * 24 * 365;

export function readTheme(cookies: Cookies): Theme {
	const value = cookies.get(THEME_COOKIE);
	return value === 'light' || value === 'dark' ? value : 'system';
}

export function saveTheme(cookies: Cookies, url: URL, theme: Theme) {
	if (theme === 'system') cookies.delete(THEME_COOKIE, { path: '/' });
	else
		cookies.set(THEME_COOKIE, theme, {
			path: '/',
			maxAge: YEAR,
			httpOnly: true,
			sameSite: 'lax',
			secure: isSecureCookie(url)
		});
}

export function readDiscreet(cookies: Cookies, user: { discreet: boolean } | null): boolean {
	return user ? user.discreet : cookies.get(DISCREET_COOKIE) === '1';
}

export async function saveDiscreet(
	db: Database,
	cookies: Cookies,
	url: URL,
	userId: string,
	on: boolean
) {
	await db.update(users).set({ discreet: on }).where(eq(users.id, userId));
	if (on)
		cookies.set(DISCREET_COOKIE, '1', {
			path: '/',
			maxAge: YEAR,
			httpOnly: true,
			sameSite: 'lax',
			secure: isSecureCookie(url)
		});
	else cookies.delete(DISCREET_COOKIE, { path: '/' });
}
