import { catalog } from './course';
import type { Database } from './db/client';
import { buildJournal, buildPlan, PLAN_LESSON_ID } from './journal';
import { listReflections } from './learner-data';

/** The closing lesson's answers, then everything else the learner reflected on. */
export async function loadPlan(db: Database, userId: string) {
	const entries = await listReflections(db, userId);
	return { plan: buildPlan(catalog, entries), journal: buildJournal(catalog, entries, { exclude: [PLAN_LESSON_ID] }) };
}
