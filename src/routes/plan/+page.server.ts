import { getDb } from '$lib/server/db';
import { loadPlan } from '$lib/server/learning/journal';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { plan, journal } = await loadPlan(await getDb(), locals.user!.id);
	return {
		plan,
		noticed: journal.modules.flatMap((m) =>
			m.lessons.flatMap((l) => l.entries.filter((e) => e.body.trim()).map((e) => ({ key: `${l.id}/${e.id}`, lesson: l.title, prompt: e.prompt, body: e.body })))
		)
	};
};
