CREATE TABLE `comment_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`body` text NOT NULL,
	`author_id` integer NOT NULL,
	`agency_slug` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_replies_comment_idx` ON `comment_replies` (`comment_id`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_seq` integer NOT NULL,
	`revision_number` integer NOT NULL,
	`display_name` text,
	`contact_email` text,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`removal_reason` text,
	`address_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`moderated_at` text,
	`moderated_by` integer,
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_tool_idx` ON `comments` (`tool_seq`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `comments_status_idx` ON `comments` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `comments_address_idx` ON `comments` (`address_hash`,`created_at`);--> statement-breakpoint
ALTER TABLE `tools` ADD `comment_count` integer DEFAULT 0 NOT NULL;