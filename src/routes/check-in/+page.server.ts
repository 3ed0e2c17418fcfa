import { fail, redirect } from '@sveltejs/kit';
import { CHECK_IN_KEYS } from '$lib/check-in';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http/forms';
import { checkInChart } from '$lib/server/learning/check-in-chart';
import {
	listCheckIns,
	needsHelpFirst,
	readCheckIn,
	saveCheckIn,
	thisWeeks
} from '$lib/server/learning/checkins';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const now = new Date();
	const list = await listCheckIns(await getDb(), locals.user!.id);
	const current = thisWeeks(list, now);
	return {
		current: current && {
			week: current.week,
			heard: current.heard,
			wayBack: current.wayBack,
			steady: current.steady,
			safe: current.safe
		},
		// Worked out from the stored check-in, never carried in the URL.
		helpFirst: needsHelpFirst(current),
		chart: checkInChart(list)
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const read = readCheckIn(await readForm(request, CHECK_IN_KEYS));
		if (!read.ok)
			return fail(400, { message: read.message, problems: read.problems, values: read.values });
		await saveCheckIn(await getDb(), locals.user!.id, read.answers, new Date());
		// Always the same address: where the page leads must not tell anyone how the learner answered.
		if (!request.headers.has('x-sveltekit-action')) redirect(303, '/check-in');
		return { saved: true };
	}
};
