import { desc, eq } from 'drizzle-orm';
import { lessonHref, type Catalog, type Lesson } from '$lib/course/catalog';
import type { Reflection } from '$lib/course/schema';
import type { ReflectionView } from '$lib/course/view';
import { catalog } from '../catalog';
import type { Database } from '../db/client';
import { reflections } from '../db/schema';
import { listTried } from './try-it';

export const PLAN_LESSON_ID = 'safety-and-your-plan/your-plan';

export interface JournalEntry {
	lessonId: string;
	exerciseId: string;
	body: string;
	revision: number;
	createdAt: Date;
	updatedAt: Date;
}

export async function listReflections(db: Database, userId: string): Promise<JournalEntry[]> {
	return db.$reads
		.select({
			lessonId: reflections.lessonId,
			exerciseId: reflections.exerciseId,
			body: reflections.body,
			revision: reflections.revision,
			createdAt: reflections.createdAt,
			updatedAt: reflections.updatedAt
		})
		.from(reflections)
		.where(eq(reflections.userId, userId))
		.orderBy(desc(reflections.updatedAt));
}

export interface JournalLesson {
	id: string;
	title: string;
	href: string;
	entries: (ReflectionView & { updatedAt: Date })[];
}

function reflectionOf(lesson: Lesson, exerciseId: string) {
	return lesson.exercises.find(
		(e): e is Reflection => e.kind === 'reflection' && e.id === exerciseId
	);
}

/**
 * Groups saved reflections by module and lesson in course order, newest edit first within a lesson.
 * Text whose lesson or prompt no longer exists is kept apart, never dropped.
 */
export function buildJournal(
	catalog: Catalog,
	entries: JournalEntry[],
	{ exclude = [] as string[] } = {}
) {
	const orphans: JournalEntry[] = [];
	const byLesson = new Map<string, JournalLesson>();
	for (const entry of [...entries].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())) {
		const lesson = catalog.byId(entry.lessonId);
		const exercise = lesson && reflectionOf(lesson, entry.exerciseId);
		if (!lesson || !exercise) {
			orphans.push(entry);
			continue;
		}
		if (exclude.includes(lesson.id)) continue;
		let group = byLesson.get(lesson.id);
		if (!group)
			byLesson.set(
				lesson.id,
				(group = { id: lesson.id, title: lesson.title, href: lessonHref(lesson), entries: [] })
			);
		group.entries.push({
			kind: 'reflection',
			id: exercise.id,
			prompt: exercise.prompt,
			hint: exercise.hint,
			body: entry.body,
			revision: entry.revision,
			updatedAt: entry.updatedAt
		});
	}
	const modules = catalog.modules
		.map((m) => ({
			slug: m.slug,
			title: m.title,
			lessons: m.lessons.flatMap((l) => byLesson.get(l.id) ?? [])
		}))
		.filter((m) => m.lessons.length > 0);
	return { modules, orphans };
}

/** The closing lesson's prompts with the learner's answers, in the lesson's order. */
export function buildPlan(catalog: Catalog, entries: JournalEntry[]) {
	const lesson = catalog.byId(PLAN_LESSON_ID);
	if (!lesson) return { lesson: null, items: [] };
	const items = lesson.exercises
		.filter((e): e is Reflection => e.kind === 'reflection')
		.map((e) => ({
			id: e.id,
			prompt: e.prompt,
			answer: entries.find((x) => x.lessonId === lesson.id && x.exerciseId === e.id)?.body ?? ''
		}));
	return { lesson: { title: lesson.title, href: lessonHref(lesson) }, items };
}

/** The closing lesson's answers, what the learner tried and how it went, then everything else they reflected on. */
export async function loadPlan(db: Database, userId: string) {
	const [entries, tried] = await Promise.all([
		listReflections(db, userId),
		listTried(db, catalog, userId)
	]);
	return {
		plan: buildPlan(catalog, entries),
		tried,
		journal: buildJournal(catalog, entries, { exclude: [PLAN_LESSON_ID] })
	};
}
