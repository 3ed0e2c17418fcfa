import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { download } from '$lib/server/http/download';
import { buildJournal, listReflections } from '$lib/server/learning/journal';
import { listTried } from '$lib/server/learning/try-it';
import { journalMarkdown } from '$lib/server/account/markdown';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const db = await getDb();
	const [entries, tried] = await Promise.all([
		listReflections(db, locals.user!.id),
		listTried(db, catalog, locals.user!.id)
	]);
	return download(
		journalMarkdown(locals.user!.username, buildJournal(catalog, entries), tried),
		'heard-journal.md',
		'text/markdown'
	);
};
