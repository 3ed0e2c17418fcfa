import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { exportLearnerData } from '$lib/server/account/export';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const data = await exportLearnerData(await getDb(), catalog, locals.user!.id);
	return download(JSON.stringify(data, null, 2), 'heard-my-data.json', 'application/json');
};
