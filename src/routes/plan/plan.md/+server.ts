import { getDb } from '$lib/server/db';
import { download } from '$lib/server/http/download';
import { planMarkdown } from '$lib/server/account/markdown';
import { loadPlan } from '$lib/server/learning/journal';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const { plan, journal, tried } = await loadPlan(await getDb(), locals.user!.id);
	return download(planMarkdown(plan, journal, tried), 'heard-my-plan.md', 'text/markdown');
};
