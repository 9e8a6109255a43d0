CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text,
	`name_en` text,
	`parent_id` integer,
	`jurisdiction_level` text NOT NULL,
	`place_zh` text,
	`place_en` text,
	`website` text,
	FOREIGN KEY (`parent_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_slug_unique` ON `agencies` (`slug`);--> statement-breakpoint
CREATE INDEX `agencies_parent_idx` ON `agencies` (`parent_id`);--> statement-breakpoint
CREATE TABLE `tool_agencies` (
	`tool_seq` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`tool_seq`, `agency_id`, `role`),
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tool_agencies_agency_idx` ON `tool_agencies` (`agency_id`,`tool_seq`);--> statement-breakpoint
CREATE TABLE `tool_data_categories` (
	`tool_seq` integer NOT NULL,
	`category` text NOT NULL,
	PRIMARY KEY(`tool_seq`, `category`),
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tool_data_categories_category_idx` ON `tool_data_categories` (`category`,`tool_seq`);--> statement-breakpoint
CREATE TABLE `tools` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`slug` text NOT NULL,
	`published_revision_id` integer,
	`name_zh` text,
	`name_en` text,
	`summary_zh` text,
	`summary_en` text,
	`kind` text NOT NULL,
	`jurisdiction_level` text NOT NULL,
	`place_zh` text,
	`place_en` text,
	`policy_domain` text NOT NULL,
	`deployment_status` text NOT NULL,
	`review_status` text NOT NULL,
	`impact_level` text,
	`sunset_date` text,
	`has_sensitive_data` integer DEFAULT false NOT NULL,
	`incident_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tools_id_unique` ON `tools` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tools_slug_unique` ON `tools` (`slug`);--> statement-breakpoint
CREATE INDEX `tools_kind_idx` ON `tools` (`kind`);--> statement-breakpoint
CREATE INDEX `tools_level_idx` ON `tools` (`jurisdiction_level`);--> statement-breakpoint
CREATE INDEX `tools_deployment_idx` ON `tools` (`deployment_status`);--> statement-breakpoint
CREATE INDEX `tools_review_idx` ON `tools` (`review_status`);--> statement-breakpoint
CREATE INDEX `tools_impact_idx` ON `tools` (`impact_level`);--> statement-breakpoint
CREATE INDEX `tools_sunset_idx` ON `tools` (`sunset_date`);--> statement-breakpoint
CREATE INDEX `tools_updated_idx` ON `tools` (`updated_at`);--> statement-breakpoint
CREATE INDEX `tools_name_en_idx` ON `tools` (`name_en`);--> statement-breakpoint
CREATE INDEX `tools_name_zh_idx` ON `tools` (`name_zh`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_seq` integer NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`record` text NOT NULL,
	`record_sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`submitted_at` text,
	`published_at` text,
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_tool_number_idx` ON `revisions` (`tool_seq`,`number`);--> statement-breakpoint
CREATE INDEX `revisions_published_idx` ON `revisions` (`published_at`);