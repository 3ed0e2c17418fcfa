import { getDb } from '$lib/server/db';
import { loadPlan } from '$lib/server/learning/journal';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { plan, journal, tried } = await loadPlan(await getDb(), locals.user!.id);
	return {
		plan,
		tried: tried.map(({ answeredAt, ...t }) => ({ ...t, answeredAt: answeredAt.toISOString() })),
		noticed: journal.modules.flatMap((m) =>
			m.lessons.flatMap((l) =>
				l.entries
					.filter((e) => e.body.trim())
					.map((e) => ({ key: `${l.id}/${e.id}`, lesson: l.title, prompt: e.prompt, body: e.body }))
			)
		)
	};
};
