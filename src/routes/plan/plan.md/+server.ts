import { getDb } from '$lib/server/db';
import { download } from '$lib/server/download';
import { planMarkdown } from '$lib/server/markdown-export';
import { loadPlan } from '$lib/server/plan';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const { plan, journal } = await loadPlan(await getDb(), locals.user!.id);
	return download(planMarkdown(plan, journal), 'heard-my-plan.md', 'text/markdown');
};
