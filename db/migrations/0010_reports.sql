CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`tool_seq` integer,
	`tool_name` text,
	`operator` text,
	`place` text,
	`description` text NOT NULL,
	`evidence_url` text,
	`contact_email` text,
	`status` text NOT NULL,
	`resolution` text,
	`address_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`handled_at` text,
	`handled_by` integer,
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `reports_kind_status_idx` ON `reports` (`kind`,`status`);--> statement-breakpoint
CREATE INDEX `reports_address_idx` ON `reports` (`address_hash`,`created_at`);