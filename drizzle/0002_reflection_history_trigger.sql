-- Every saved version of a reflection is kept, written by the database itself in the same
-- transaction as the save: no code path can store a reflection and skip its history.
CREATE TRIGGER `reflections_history_insert` AFTER INSERT ON `reflections` BEGIN
	INSERT INTO `reflection_revisions` (`user_id`, `lesson_id`, `exercise_id`, `revision`, `body`, `created_at`)
	VALUES (NEW.`user_id`, NEW.`lesson_id`, NEW.`exercise_id`, NEW.`revision`, NEW.`body`, NEW.`updated_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `reflections_history_update` AFTER UPDATE OF `body`, `revision` ON `reflections` BEGIN
	INSERT INTO `reflection_revisions` (`user_id`, `lesson_id`, `exercise_id`, `revision`, `body`, `created_at`)
	VALUES (NEW.`user_id`, NEW.`lesson_id`, NEW.`exercise_id`, NEW.`revision`, NEW.`body`, NEW.`updated_at`);
END;
