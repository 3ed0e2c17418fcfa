import { catalog } from '$lib/server/course';
import { getDb } from '$lib/server/db';
import { download } from '$lib/server/download';
import { buildJournal } from '$lib/server/journal';
import { listReflections } from '$lib/server/learner-data';
import { journalMarkdown } from '$lib/server/markdown-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const journal = buildJournal(catalog, await listReflections(await getDb(), locals.user!.id));
	return download(journalMarkdown(locals.user!.username, journal), 'heard-journal.md', 'text/markdown');
};
