-- Practice conversations, things to try, weekly check-ins, spaced review, and whether the safety
-- check was offered. Keyed by learner first and WITHOUT ROWID, as 0004 explains: a learner's rows sit together.
CREATE TABLE `check_ins` (
	`user_id` text NOT NULL,
	`week` text NOT NULL,
	`heard` integer NOT NULL,
	`way_back` integer NOT NULL,
	`steady` integer NOT NULL,
	`safe` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `week`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dialogue_runs` (
	`user_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`exercise_id` text NOT NULL,
	`run` integer NOT NULL,
	`path` text NOT NULL,
	`ending` text,
	`ended_at` integer,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `lesson_id`, `exercise_id`, `run`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `review_items` (
	`user_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`exercise_id` text NOT NULL,
	`step` integer NOT NULL,
	`due_at` integer NOT NULL,
	`last_reviewed_at` integer,
	`done_at` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `lesson_id`, `exercise_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `try_its` (
	`user_id` text NOT NULL,
	`chosen_at` integer NOT NULL,
	`lesson_id` text NOT NULL,
	`item_id` text NOT NULL,
	`outcome` text,
	`answered_at` integer,
	`dismissed_at` integer,
	PRIMARY KEY(`user_id`, `chosen_at`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `users` ADD `safety_check_offered_at` integer;