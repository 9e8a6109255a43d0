CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`criterion` integer NOT NULL,
	`rating` text NOT NULL,
	`severity` text,
	`recommendation` text,
	`condition` text,
	`condition_deadline` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_review_criterion_idx` ON `findings` (`review_id`,`criterion`);--> statement-breakpoint
CREATE INDEX `findings_deadline_idx` ON `findings` (`condition_deadline`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`revision_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`started_at` text NOT NULL,
	`decision` text,
	`decided_at` text,
	`summary_zh` text,
	`summary_en` text,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_revision_reviewer_idx` ON `reviews` (`revision_id`,`reviewer_id`);--> statement-breakpoint
ALTER TABLE `tools` ADD `owner_agency_id` integer REFERENCES agencies(id);--> statement-breakpoint
ALTER TABLE `revisions` ADD `created_by` integer;