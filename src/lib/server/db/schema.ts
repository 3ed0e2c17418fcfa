import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

// The learner tables keyed by learner (lesson_progress, question_progress, reflections,
// dialogue_runs, try_its, check_ins, review_items) are WITHOUT ROWID tables (drizzle/0004, 0005),
// so a learner's rows sit together in their primary key. drizzle-kit cannot express that: a
// migration it generates for one of them must have `WITHOUT ROWID` added by hand.

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	/** Stored lower-case: usernames are case-insensitive. */
	username: text('username').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	/** Argon2id hash of the one-time recovery code (there is no e-mail to reset by). */
	recoveryCodeHash: text('recovery_code_hash'),
	/** Neutral tab title and icon, so the tab and history do not name the topic. */
	discreet: integer('discreet', { mode: 'boolean' }).notNull().default(false),
	/** When the safety check was first offered, so it is not offered again. Its answers are never stored. */
	safetyCheckOfferedAt: timestamp('safety_check_offered_at'),
	createdAt: timestamp('created_at').notNull()
});

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** SHA-256 of the token's secret half; the secret itself is never stored. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdAt: timestamp('created_at').notNull(),
		lastVerifiedAt: timestamp('last_verified_at').notNull(),
		/** Only to name the device on the account page. */
		userAgent: text('user_agent')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Every answer a learner checks, kept as history. */
export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		exerciseId: text('exercise_id').notNull(),
		/** JSON array of the chosen option ids. */
		choice: text('choice').notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('quiz_attempts_user_lesson_idx').on(t.userId, t.lessonId)]
);

/** One row per question a learner has tried: the summary the pages read instead of scanning attempts. */
export const questionProgress = sqliteTable(
	'question_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		exerciseId: text('exercise_id').notNull(),
		attempts: integer('attempts').notNull(),
		firstTryCorrect: integer('first_try_correct', { mode: 'boolean' }).notNull(),
		lastChoice: text('last_choice').notNull(),
		lastCorrect: integer('last_correct', { mode: 'boolean' }).notNull(),
		/** When it was first answered correctly; a question stays done after that. */
		doneAt: timestamp('done_at'),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId, t.exerciseId] })]
);

export const reflections = sqliteTable(
	'reflections',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		exerciseId: text('exercise_id').notNull(),
		body: text('body').notNull(),
		/** Increases with every save, so a save from a stale copy can be told apart. */
		revision: integer('revision').notNull(),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId, t.exerciseId] })]
);

/** Every saved version of every reflection, so no edit is ever lost and the export can show history. */
export const reflectionRevisions = sqliteTable(
	'reflection_revisions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		exerciseId: text('exercise_id').notNull(),
		revision: integer('revision').notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('reflection_revisions_user_idx').on(t.userId, t.lessonId, t.exerciseId)]
);

/** Fixed-window attempt counters (recovery codes, sign-in), shared by every app server. */
export const throttles = sqliteTable('throttles', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStartedAt: timestamp('window_started_at').notNull()
});

export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		startedAt: timestamp('started_at').notNull(),
		lastVisitedAt: timestamp('last_visited_at').notNull(),
		/** The step (from 1) last opened, so another device resumes there. */
		lastStep: integer('last_step'),
		completedAt: timestamp('completed_at')
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId] })]
);

/**
 * Each time a learner plays a practice conversation: the choices made, in order. "Try a different
 * way" starts the next run; earlier runs are kept (the export shows every path taken).
 */
export const dialogueRuns = sqliteTable(
	'dialogue_runs',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		exerciseId: text('exercise_id').notNull(),
		/** 1 for the first play, then 2, 3 … */
		run: integer('run').notNull(),
		/** JSON array of the chosen choice ids, in the order said. */
		path: text('path').notNull(),
		/** The ending reached, once reached. */
		ending: text('ending'),
		endedAt: timestamp('ended_at'),
		startedAt: timestamp('started_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId, t.exerciseId, t.run] })]
);

/** "Try it this week": the small thing picked at the end of a strategy lesson, and how it went. */
export const tryIts = sqliteTable(
	'try_its',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		chosenAt: timestamp('chosen_at').notNull(),
		lessonId: text('lesson_id').notNull(),
		/** The lesson's tryThisWeek id. */
		itemId: text('item_id').notNull(),
		/** The learner's answer to "How did it go?". */
		outcome: text('outcome'),
		answeredAt: timestamp('answered_at'),
		/** Dismissed without an answer: not asked again. */
		dismissedAt: timestamp('dismissed_at')
	},
	(t) => [primaryKey({ columns: [t.userId, t.chosenAt] })]
);

/** The weekly check-in: one row per learner per week (a second check-in that week replaces it). */
export const checkIns = sqliteTable(
	'check_ins',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The Monday (UTC) that starts the week, as YYYY-MM-DD. */
		week: text('week').notNull(),
		/** Each answer on the same scale, 1 (low) to 5 (high). */
		heard: integer('heard').notNull(),
		wayBack: integer('way_back').notNull(),
		steady: integer('steady').notNull(),
		safe: integer('safe').notNull(),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.week] })]
);

/** A question missed on its first try, brought back for review one, three and seven days later. */
export const reviewItems = sqliteTable(
	'review_items',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		exerciseId: text('exercise_id').notNull(),
		/** Which interval it waits on: 0 (one day), 1 (three days), 2 (seven days). */
		step: integer('step').notNull(),
		dueAt: timestamp('due_at').notNull(),
		lastReviewedAt: timestamp('last_reviewed_at'),
		/** Answered right at the last interval: reviewed for good. */
		doneAt: timestamp('done_at'),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId, t.exerciseId] })]
);
