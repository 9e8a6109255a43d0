CREATE TABLE `chain_checks` (
	`id` integer PRIMARY KEY NOT NULL,
	`checked_at` text NOT NULL,
	`ok` integer NOT NULL,
	`head_id` integer,
	`head_hash` text,
	`broken_at` text,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `register_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tool_agency_confirmations` (
	`tool_seq` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`confirmed_at` text NOT NULL,
	`confirmed_by` integer,
	PRIMARY KEY(`tool_seq`, `agency_id`),
	FOREIGN KEY (`tool_seq`) REFERENCES `tools`(`seq`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Client addresses were kept raw in login_failures and as unsalted hashes on comments and
-- reports; from now on only keyed HMACs are stored. The old values only ever served one-minute
-- (posts) and 15-minute (logins) limits, so they are dropped rather than kept enumerable.
DELETE FROM `login_failures` WHERE `bucket` LIKE 'address:%';
--> statement-breakpoint
UPDATE `comments` SET `address_hash` = 'legacy' WHERE `address_hash` <> 'legacy';
--> statement-breakpoint
UPDATE `reports` SET `address_hash` = 'legacy' WHERE `address_hash` IS NOT NULL AND `address_hash` <> 'legacy';
