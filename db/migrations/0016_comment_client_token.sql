ALTER TABLE `comments` ADD `client_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `comments_client_token_idx` ON `comments` (`client_token`);