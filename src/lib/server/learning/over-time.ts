import type { Catalog } from '$lib/course/catalog';
import type { Database } from '../db/client';
import { checkInChart } from './check-in-chart';
import { checkInDue, listCheckIns } from './checkins';
import { dueReviewCount } from './review';

/** The course map's part for check-ins and review: one indexed query each. */
export async function progressOverTime(db: Database, catalog: Catalog, userId: string, now: Date) {
	const [checkIns, reviewDue] = await Promise.all([
		listCheckIns(db, userId),
		dueReviewCount(db, catalog, userId, now)
	]);
	return { chart: checkInChart(checkIns), checkInDue: checkInDue(checkIns, now), reviewDue };
}

export type ProgressOverTime = Awaited<ReturnType<typeof progressOverTime>>;
