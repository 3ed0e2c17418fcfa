-- Each learner's rows in one place. These tables are read by (user_id, lesson_id): as rowid tables
-- every row found in the primary-key index cost a second lookup in the table, on pages scattered
-- by when the row was written, so the cost of a page grew with the file (2.2x from 1,000 to
-- 100,000 learners). WITHOUT ROWID stores the rows in the primary key itself, ordered by learner.
-- The (user_id, last_visited_at) index served no query (the course map reads by user_id alone).
DROP INDEX `lesson_progress_user_visited_idx`;--> statement-breakpoint
CREATE TABLE `__new_lesson_progress` (
	`user_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`last_visited_at` integer NOT NULL,
	`completed_at` integer,
	PRIMARY KEY(`user_id`, `lesson_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_lesson_progress` SELECT `user_id`, `lesson_id`, `started_at`, `last_visited_at`, `completed_at` FROM `lesson_progress`;--> statement-breakpoint
DROP TABLE `lesson_progress`;--> statement-breakpoint
ALTER TABLE `__new_lesson_progress` RENAME TO `lesson_progress`;--> statement-breakpoint
CREATE TABLE `__new_question_progress` (
	`user_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`exercise_id` text NOT NULL,
	`attempts` integer NOT NULL,
	`first_try_correct` integer NOT NULL,
	`last_choice` text NOT NULL,
	`last_correct` integer NOT NULL,
	`done_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `lesson_id`, `exercise_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_question_progress` SELECT `user_id`, `lesson_id`, `exercise_id`, `attempts`, `first_try_correct`, `last_choice`, `last_correct`, `done_at`, `updated_at` FROM `question_progress`;--> statement-breakpoint
DROP TABLE `question_progress`;--> statement-breakpoint
ALTER TABLE `__new_question_progress` RENAME TO `question_progress`;--> statement-breakpoint
CREATE TABLE `__new_reflections` (
	`user_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`exercise_id` text NOT NULL,
	`body` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `lesson_id`, `exercise_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
-- Copied before the history triggers exist again: the rows are moved, not saved anew.
INSERT INTO `__new_reflections` SELECT `user_id`, `lesson_id`, `exercise_id`, `body`, `revision`, `created_at`, `updated_at` FROM `reflections`;--> statement-breakpoint
DROP TABLE `reflections`;--> statement-breakpoint
ALTER TABLE `__new_reflections` RENAME TO `reflections`;--> statement-breakpoint
CREATE TRIGGER `reflections_history_insert` AFTER INSERT ON `reflections` BEGIN
	INSERT INTO `reflection_revisions` (`user_id`, `lesson_id`, `exercise_id`, `revision`, `body`, `created_at`)
	VALUES (NEW.`user_id`, NEW.`lesson_id`, NEW.`exercise_id`, NEW.`revision`, NEW.`body`, NEW.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `reflections_history_update` AFTER UPDATE OF `body`, `revision` ON `reflections` BEGIN
	INSERT INTO `reflection_revisions` (`user_id`, `lesson_id`, `exercise_id`, `revision`, `body`, `created_at`)
	VALUES (NEW.`user_id`, NEW.`lesson_id`, NEW.`exercise_id`, NEW.`revision`, NEW.`body`, NEW.`updated_at`);
END;
