import { redirect } from '@sveltejs/kit';
import { REMOVED_COOKIE, type Removed } from '$lib/server/account/deletion';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies }) => {
	const raw = cookies.get(REMOVED_COOKIE);
	if (!raw) redirect(303, '/');
	cookies.delete(REMOVED_COOKIE, { path: '/goodbye' });
	let removed: Partial<Removed> = {};
	try {
		removed = JSON.parse(raw);
	} catch {
		// A damaged cookie still gets the plain message.
	}
	return { removed: Object.entries(removed).filter(([, n]) => typeof n === 'number') as [keyof Removed, number][] };
};
