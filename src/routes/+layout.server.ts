import { QUICK_EXIT_URL } from '$app/env/private';
import { readDiscreet, readTheme } from '$lib/server/account/preferences';
import type { LayoutServerLoad } from './$types';

/** Where "Exit" goes: an everyday page that says nothing about this course. */
const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

export const load: LayoutServerLoad = ({ locals, cookies, url }) => {
	// The header says whether you are signed in, so it is worked out again on every navigation
	// (reading the path makes SvelteKit rerun this load when it changes). Otherwise a link followed
	// while a form's refresh is still on its way (sign-up, then "continue") keeps the header of the
	// signed-out page it came from; so would a session that ended on another device.
	void url.pathname;
	return {
		user: locals.user ? { username: locals.user.username } : null,
		discreet: readDiscreet(cookies, locals.user),
		theme: readTheme(cookies),
		exitUrl: QUICK_EXIT_URL ?? DEFAULT_EXIT_URL
	};
};
