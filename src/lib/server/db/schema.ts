import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

// lesson_progress, question_progress and reflections are WITHOUT ROWID tables (drizzle/0004), so a
// learner's rows sit together in their primary key. drizzle-kit cannot express that: a migration
// it generates to rebuild one of them must have `WITHOUT ROWID` added by hand.

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	/** Stored lower-case: usernames are case-insensitive. */
	username: text('username').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	/** Argon2id hash of the one-time recovery code (there is no e-mail to reset by). */
	recoveryCodeHash: text('recovery_code_hash'),
	/** Neutral tab title and icon, so the tab and history do not name the topic. */
	discreet: integer('discreet', { mode: 'boolean' }).notNull().default(false),
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
		completedAt: timestamp('completed_at')
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId] })]
);

