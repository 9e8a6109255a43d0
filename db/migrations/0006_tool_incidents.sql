CREATE TABLE `tool_incidents` (
	`tool_seq` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`title_zh` text,
	`title_en` text,
	`people_affected` integer,
	`regulator_notified` integer,
	PRIMARY KEY(`tool_seq`, `position`),
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tool_incidents_kind_date_idx` ON `tool_incidents` (`kind`,`date`);--> statement-breakpoint
CREATE INDEX `tool_incidents_date_idx` ON `tool_incidents` (`date`);