CREATE TABLE `tool_agency_declines` (
	`tool_seq` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`declined_at` text NOT NULL,
	`declined_by` integer,
	PRIMARY KEY(`tool_seq`, `agency_id`),
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
