import { statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { it } from 'vitest';
import { buildCatalog } from '../src/lib/course/catalog';
import { readCourseFiles } from '../src/lib/course/read-files';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import {
	checkIns,
	lessonProgress,
	questionProgress,
	reflections,
	reviewItems,
	users
} from '../src/lib/server/db/schema';
import { listCheckIns } from '../src/lib/server/learning/checkins';
import { getCourseOverview, getLessonWork } from '../src/lib/server/learning/progress';
import { saveReflection } from '../src/lib/server/learning/reflections';
import { dueReviewCount } from '../src/lib/server/learning/review';
import { seedLearners } from './seed';
import { microseconds, percentiles, printTable } from './report';

const catalog = buildCatalog(readCourseFiles(process.cwd()));
const SIZES = [1_000, Number(process.env.BENCH_LEARNERS ?? 100_000)];
const SAMPLES = 2_000;

async function time(fn: () => Promise<unknown>) {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

/**
 * Each sampled learner is measured twice. The first pass reads their rows from wherever they are:
 * at 100,000 learners the file is several GB and this VM's page cache keeps only part of it, so
 * that pass mostly times disk reads. The second pass times the same queries once those pages are
 * in memory, as they are for the rest of a learner's visit — and always at 1,000 learners, whose
 * whole file is cached. Comparing warm with warm isolates what grows with the number of learners.
 */
async function measure(db: Database, count: number) {
	const ids = (await db.select({ id: users.id }).from(users)).map((u) => u.id);
	const pick = (i: number) => ids[(i * 7919) % ids.length];
	const lesson = catalog.lessons[0];
	const reflection = lesson.exercises.find((e) => e.kind === 'reflection')!;
	const passes = [];
	for (const pass of ['first read', 'again'] as const) {
		const courseMap: number[] = [];
		const overTime: number[] = [];
		const lessonPage: number[] = [];
		const save: number[] = [];
		for (let i = 0; i < SAMPLES; i++) {
			const userId = pick(i);
			courseMap.push(await time(() => getCourseOverview(db, catalog, userId)));
			// The course map's two more queries: every check-in, and the questions due for review.
			overTime.push(
				await time(() =>
					Promise.all([listCheckIns(db, userId), dueReviewCount(db, catalog, userId, new Date())])
				)
			);
			lessonPage.push(
				await time(() =>
					Promise.all([
						getCourseOverview(db, catalog, userId),
						getLessonWork(db, userId, lesson.id)
					])
				)
			);
			const work = await getLessonWork(db, userId, lesson.id);
			const revision = work.reflections.get(reflection.id)?.revision ?? 0;
			save.push(
				await time(() =>
					saveReflection(db, userId, lesson, reflection.id, `bench save ${pass} ${i}`, revision)
				)
			);
		}
		passes.push({
			pass,
			courseMap: percentiles(courseMap),
			overTime: percentiles(overTime),
			lessonPage: percentiles(lessonPage),
			save: percentiles(save)
		});
	}
	await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	return { count, passes };
}

async function plans(db: Database) {
	const userId = 'x';
	const lessonId = catalog.lessons[0].id;
	const queries = {
		'course map': db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)),
		'course map: check-ins': db
			.select()
			.from(checkIns)
			.where(eq(checkIns.userId, userId))
			.orderBy(checkIns.week),
		'course map: review due': db
			.select({ lessonId: reviewItems.lessonId, exerciseId: reviewItems.exerciseId })
			.from(reviewItems)
			.where(
				and(
					eq(reviewItems.userId, userId),
					isNull(reviewItems.doneAt),
					lte(reviewItems.dueAt, new Date())
				)
			),
		'lesson: questions': db
			.select()
			.from(questionProgress)
			.where(and(eq(questionProgress.userId, userId), eq(questionProgress.lessonId, lessonId))),
		'lesson: reflections': db
			.select()
			.from(reflections)
			.where(and(eq(reflections.userId, userId), eq(reflections.lessonId, lessonId))),
		'save (conditional update)': db
			.update(reflections)
			.set({ body: 'b', revision: 2 })
			.where(
				and(
					eq(reflections.userId, userId),
					eq(reflections.lessonId, lessonId),
					eq(reflections.exerciseId, 'e'),
					eq(reflections.revision, 1)
				)
			)
	};
	const out: string[] = [];
	for (const [name, query] of Object.entries(queries)) {
		const { sql, params } = query.toSQL();
		const plan = await db.$client.execute({
			sql: `EXPLAIN QUERY PLAN ${sql}`,
			args: params as never[]
		});
		out.push(`${name}: ${plan.rows.map((r) => r.detail).join(' | ')}`);
	}
	return out;
}

it('query cost stays flat from 1,000 to 100,000 learners', async () => {
	const rows: string[][] = [];
	let planLines: string[] = [];
	const results = [];
	for (const count of SIZES) {
		const dir = mkdtempSync(join(tmpdir(), 'heard-scale-'));
		const path = join(dir, 'scale.db');
		const db = await openDatabase({ url: `file:${path}`, migrationsFolder: resolve('drizzle') });
		const seeding = performance.now();
		seedLearners(path, catalog, count);
		const seeded = ((performance.now() - seeding) / 1000).toFixed(1);
		const r = await measure(db, count);
		const [{ n }] = (
			await db.$client.execute(
				'select (select count(*) from quiz_attempts) + (select count(*) from question_progress) + (select count(*) from reflections) + (select count(*) from reflection_revisions) + (select count(*) from lesson_progress) + (select count(*) from users) + (select count(*) from check_ins) + (select count(*) from review_items) as n'
			)
		).rows as unknown as { n: number }[];
		const bytes = statSync(path).size;
		results.push(r);
		for (const p of r.passes) {
			rows.push([
				count.toLocaleString('en'),
				p.pass,
				microseconds(p.courseMap),
				microseconds(p.overTime),
				microseconds(p.lessonPage),
				microseconds(p.save),
				Number(n).toLocaleString('en'),
				`${seeded}s`,
				`${Math.round(bytes / count).toLocaleString('en')}`
			]);
		}
		planLines = await plans(db);
		db.$client.close();
		rmSync(dir, { recursive: true, force: true });
	}
	printTable(
		'Scale: query time in µs (p50 / p99), one process, embedded file',
		[
			'learners',
			'pass',
			'course map',
			'check-ins and review',
			'lesson page',
			'save reflection',
			'rows',
			'seeding',
			'bytes/learner'
		],
		rows
	);
	const [small, large] = results;
	for (const at of [0, 1]) {
		const [a, b] = [small.passes[at], large.passes[at]];
		const ratio = (k: 'courseMap' | 'overTime' | 'lessonPage' | 'save') =>
			(b[k].p50 / a[k].p50).toFixed(2);
		console.log(
			`p50 ratio ${large.count.toLocaleString('en')} vs ${small.count.toLocaleString('en')}, ${a.pass}: course map ${ratio('courseMap')}x, check-ins and review ${ratio('overTime')}x, lesson page ${ratio('lessonPage')}x, save ${ratio('save')}x (target <= 1.5x)`
		);
	}
	console.log(
		`Query plans at ${large.count.toLocaleString('en')} learners:\n  ` + planLines.join('\n  ')
	);
});
