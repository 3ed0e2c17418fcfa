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

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzZWVkc2FsdA$S2hIRmQxcTB4Y0xiTDdJZ0hYb0VqQWZnU3dtZ3Zsbnc';
const WORDS = 'quiet evening talk felt calm partner walk listen pause tired hopeful kitchen message weekend honest small step'.split(' ');

/**
 * Seeds `count` learners with realistic progress: each has reached a random point in the course,
 * answered its questions (some on a second try) and written its reflections, some edited twice.
 * Uses libsql's synchronous driver with statements prepared once: @libsql/client's batch prepares
 * every statement anew and its native memory outgrows the garbage collector's notice (gigabytes
 * for 10,000 learners).
 */
export function seedLearners(path: string, catalog: Catalog, count: number, { prefix = 'seed', seed = 1 } = {}) {
	const rand = random(seed);
	const now = Date.now();
	const db = new Database(path, { timeout: 10_000 });
	const insert = {
		// Learners well into the course were offered the safety check long ago.
		user: db.prepare('insert into users (id, username, password_hash, safety_check_offered_at, created_at) values (?, ?, ?, ?, ?)'),
		progress: db.prepare('insert into lesson_progress (user_id, lesson_id, started_at, last_visited_at, completed_at) values (?, ?, ?, ?, ?)'),
		reflection: db.prepare('insert into reflections (user_id, lesson_id, exercise_id, body, revision, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?)'),
		edit: db.prepare('update reflections set body = ?, revision = 2, updated_at = ? where user_id = ? and lesson_id = ? and exercise_id = ?'),
		attempt: db.prepare('insert into quiz_attempts (user_id, lesson_id, exercise_id, choice, correct, created_at) values (?, ?, ?, ?, ?, ?)'),
		question: db.prepare(
			'insert into question_progress (user_id, lesson_id, exercise_id, attempts, first_try_correct, last_choice, last_correct, done_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?)'
		)
	};
	const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');

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
					insert.reflection.run(userId, lesson.id, ex.id, text(40 + Math.floor(rand() * 80)), at, at);
					if (rand() < 0.3) insert.edit.run(text(60), at + 60_000, userId, lesson.id, ex.id);
					continue;
				}
				const right = JSON.stringify(ex.options.filter((o) => o.correct).map((o) => o.id));
				const tries = rand() < 0.35 ? 2 : 1;
				for (let t = 0; t < tries; t++) {
					const correct = t === tries - 1;
					insert.attempt.run(userId, lesson.id, ex.id, correct ? right : JSON.stringify([ex.options.find((o) => !o.correct)!.id]), correct ? 1 : 0, at + t);
				}
				insert.question.run(userId, lesson.id, ex.id, tries, tries === 1 ? 1 : 0, right, at, at);
			}
		}
	};
	const chunk = db.transaction((from: number, to: number) => {
		for (let i = from; i < to; i++) learner(i);
	});
	for (let i = 0; i < count; i += 1000) chunk(i, Math.min(count, i + 1000));
	db.close();
}
