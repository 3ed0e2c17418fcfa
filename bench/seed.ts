import Database from 'libsql';
import type { Catalog } from '../src/lib/course/catalog';

/** Deterministic pseudo-random numbers, so runs seed the same database. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The Monday (UTC) that starts the week before the one `ms` is in. */
function mondayBefore(ms: number) {
	const day = Math.floor(ms / DAY_MS) * DAY_MS;
	return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS - 7 * DAY_MS;
}
const checkInAnswers = (rand: () => number) =>
	Array.from({ length: 4 }, () => 1 + Math.floor(rand() * 5));

const DUMMY_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzZWVkc2FsdA$S2hIRmQxcTB4Y0xiTDdJZ0hYb0VqQWZnU3dtZ3Zsbnc';
const WORDS =
	'quiet evening talk felt calm partner walk listen pause tired hopeful kitchen message weekend honest small step'.split(
		' '
	);

/**
 * Seeds `count` learners with realistic progress: each has reached a random point in the course,
 * answered its questions (some on a second try, which puts them up for review) and written its
 * reflections, some edited twice; most have checked in on a few of the last twenty weeks.
 * Uses libsql's synchronous driver with statements prepared once: @libsql/client's batch prepares
 * every statement anew and its native memory outgrows the garbage collector's notice (gigabytes
 * for 10,000 learners).
 */
export function seedLearners(
	path: string,
	catalog: Catalog,
	count: number,
	{ prefix = 'seed', seed = 1 } = {}
) {
	const rand = random(seed);
	const now = Date.now();
	const db = new Database(path, { timeout: 10_000 });
	const insert = {
		// Learners well into the course were offered the safety check long ago.
		user: db.prepare(
			'insert into users (id, username, password_hash, safety_check_offered_at, created_at) values (?, ?, ?, ?, ?)'
		),
		progress: db.prepare(
			'insert into lesson_progress (user_id, lesson_id, started_at, last_visited_at, completed_at) values (?, ?, ?, ?, ?)'
		),
		reflection: db.prepare(
			'insert into reflections (user_id, lesson_id, exercise_id, body, revision, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?)'
		),
		edit: db.prepare(
			'update reflections set body = ?, revision = 2, updated_at = ? where user_id = ? and lesson_id = ? and exercise_id = ?'
		),
		attempt: db.prepare(
			'insert into quiz_attempts (user_id, lesson_id, exercise_id, choice, correct, created_at) values (?, ?, ?, ?, ?, ?)'
		),
		question: db.prepare(
			'insert into question_progress (user_id, lesson_id, exercise_id, attempts, first_try_correct, last_choice, last_correct, done_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?)'
		),
		review: db.prepare(
			'insert into review_items (user_id, lesson_id, exercise_id, step, due_at, last_reviewed_at, done_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
		),
		checkIn: db.prepare(
			'insert into check_ins (user_id, week, heard, way_back, steady, safe, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
		)
	};
	// Check-ins and review come from a stream of their own, so the rest seeds exactly as it did before them.
	const later = random(seed + 1);
	const lastMonday = mondayBefore(now);
	const text = (n: number) =>
		Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');

	const learner = (i: number) => {
		const userId = `${prefix}${i.toString(36).padStart(8, '0')}`;
		const created = now - Math.floor(rand() * 90) * 86_400_000;
		insert.user.run(userId, `${prefix}-${i}`, DUMMY_HASH, created, created);
		const reached = Math.floor(rand() * (catalog.lessons.length + 1));
		for (const lesson of catalog.lessons.slice(0, reached + 1)) {
			const done = lesson.index < reached;
			const at = created + lesson.index * 3_600_000;
			insert.progress.run(userId, lesson.id, at, at + 600_000, done ? at + 900_000 : null);
			if (!done) continue;
			for (const ex of lesson.exercises) {
				if (ex.kind === 'reflection') {
					insert.reflection.run(
						userId,
						lesson.id,
						ex.id,
						text(40 + Math.floor(rand() * 80)),
						at,
						at
					);
					if (rand() < 0.3) insert.edit.run(text(60), at + 60_000, userId, lesson.id, ex.id);
					continue;
				}
				if (ex.kind !== 'single' && ex.kind !== 'multiple') continue; // practice conversations are not seeded
				const right = JSON.stringify(ex.options.filter((o) => o.correct).map((o) => o.id));
				const tries = rand() < 0.35 ? 2 : 1;
				for (let t = 0; t < tries; t++) {
					const correct = t === tries - 1;
					insert.attempt.run(
						userId,
						lesson.id,
						ex.id,
						correct ? right : JSON.stringify([ex.options.find((o) => !o.correct)!.id]),
						correct ? 1 : 0,
						at + t
					);
				}
				insert.question.run(userId, lesson.id, ex.id, tries, tries === 1 ? 1 : 0, right, at, at);
				// Missed on the first try: waiting for review at some step, due in the past or the coming week, or done.
				if (tries === 2) {
					const step = Math.floor(later() * 3);
					const done = later() < 0.3;
					insert.review.run(
						userId,
						lesson.id,
						ex.id,
						step,
						now + Math.floor((later() * 10 - 3) * DAY_MS),
						at + DAY_MS,
						done ? at + 12 * DAY_MS : null,
						at
					);
				}
			}
		}
		// Most learners check in now and then: up to twelve weeks of the last twenty.
		const weeks = Math.floor(later() * 13);
		for (let w = 0; w < weeks; w++) {
			const monday = lastMonday - Math.floor(w * (20 / Math.max(weeks, 1))) * 7 * DAY_MS;
			insert.checkIn.run(
				userId,
				isoDay(monday),
				...checkInAnswers(later),
				monday + DAY_MS,
				monday + DAY_MS
			);
		}
	};
	const chunk = db.transaction((from: number, to: number) => {
		for (let i = from; i < to; i++) learner(i);
	});
	for (let i = 0; i < count; i += 1000) chunk(i, Math.min(count, i + 1000));
	db.close();
}

/**
 * A year of weekly check-ins for each of `userIds` (replacing any they had), ending last week: the
 * most a course map draws after a year of use.
 */
export function seedYearOfCheckIns(path: string, userIds: string[], { weeks = 52, seed = 7 } = {}) {
	const rand = random(seed);
	const db = new Database(path, { timeout: 10_000 });
	const clear = db.prepare('delete from check_ins where user_id = ?');
	const insert = db.prepare(
		'insert into check_ins (user_id, week, heard, way_back, steady, safe, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
	);
	const last = mondayBefore(Date.now());
	db.transaction(() => {
		for (const userId of userIds) {
			clear.run(userId);
			for (let w = weeks - 1; w >= 0; w--) {
				const monday = last - w * 7 * DAY_MS;
				insert.run(
					userId,
					isoDay(monday),
					...checkInAnswers(rand),
					monday + DAY_MS,
					monday + DAY_MS
				);
			}
		}
	})();
	db.close();
}
