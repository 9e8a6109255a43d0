CREATE TABLE `consultation_responses` (
	`revision_id` integer PRIMARY KEY NOT NULL,
	`raised_zh` text,
	`raised_en` text,
	`changed_zh` text,
	`changed_en` text,
	`posted_at` text NOT NULL,
	`posted_by` integer NOT NULL,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
