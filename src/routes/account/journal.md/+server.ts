import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { download } from '$lib/server/http/download';
import { buildJournal, listReflections } from '$lib/server/learning/journal';
import { journalMarkdown } from '$lib/server/account/markdown';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const journal = buildJournal(catalog, await listReflections(await getDb(), locals.user!.id));
	return download(journalMarkdown(locals.user!.username, journal), 'heard-journal.md', 'text/markdown');
};
