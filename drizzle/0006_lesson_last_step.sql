-- Lessons are walked one step at a time: remember the last step opened, to resume there on any device.
ALTER TABLE `lesson_progress` ADD `last_step` integer;