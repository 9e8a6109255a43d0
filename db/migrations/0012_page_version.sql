-- Custom SQL migration file, put your code below! --
-- A counter that changes whenever anything a public page shows changes, from any connection and
-- any server process. The production server caches rendered public pages keyed by it (and the
-- day, since sunset states change at midnight), so a page is rendered once per change.
-- Accounts, sessions and pending comments or reports are not public and do not bump it, so a
-- flood of comments awaiting moderation does not empty the cache.
CREATE TABLE `page_version` (`id` integer PRIMARY KEY CHECK (`id` = 1), `version` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `page_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `agencies_insert_page_version` AFTER INSERT ON `agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agencies_update_page_version` AFTER UPDATE ON `agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agencies_delete_page_version` AFTER DELETE ON `agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tools_insert_page_version` AFTER INSERT ON `tools`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tools_update_page_version` AFTER UPDATE ON `tools`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tools_delete_page_version` AFTER DELETE ON `tools`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `revisions_insert_page_version` AFTER INSERT ON `revisions`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `revisions_update_page_version` AFTER UPDATE ON `revisions`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `revisions_delete_page_version` AFTER DELETE ON `revisions`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_insert_page_version` AFTER INSERT ON `tool_agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_update_page_version` AFTER UPDATE ON `tool_agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_delete_page_version` AFTER DELETE ON `tool_agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_insert_page_version` AFTER INSERT ON `tool_data_categories`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_update_page_version` AFTER UPDATE ON `tool_data_categories`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_delete_page_version` AFTER DELETE ON `tool_data_categories`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_incidents_insert_page_version` AFTER INSERT ON `tool_incidents`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_incidents_update_page_version` AFTER UPDATE ON `tool_incidents`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_incidents_delete_page_version` AFTER DELETE ON `tool_incidents`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_insert_page_version` AFTER INSERT ON `events`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_update_page_version` AFTER UPDATE ON `events`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_page_version` AFTER DELETE ON `events`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_insert_page_version` AFTER INSERT ON `reviews`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_update_page_version` AFTER UPDATE ON `reviews`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_delete_page_version` AFTER DELETE ON `reviews`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `findings_insert_page_version` AFTER INSERT ON `findings`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `findings_update_page_version` AFTER UPDATE ON `findings`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `findings_delete_page_version` AFTER DELETE ON `findings`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_replies_insert_page_version` AFTER INSERT ON `comment_replies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_replies_update_page_version` AFTER UPDATE ON `comment_replies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_replies_delete_page_version` AFTER DELETE ON `comment_replies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_responses_insert_page_version` AFTER INSERT ON `consultation_responses`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_responses_update_page_version` AFTER UPDATE ON `consultation_responses`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_responses_delete_page_version` AFTER DELETE ON `consultation_responses`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_insert_page_version` AFTER INSERT ON `comments` WHEN NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_update_page_version` AFTER UPDATE ON `comments` WHEN NEW.`status` IS NOT OLD.`status` OR NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_delete_page_version` AFTER DELETE ON `comments`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reports_insert_page_version` AFTER INSERT ON `reports` WHEN NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reports_update_page_version` AFTER UPDATE ON `reports` WHEN NEW.`status` IS NOT OLD.`status` OR NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reports_delete_page_version` AFTER DELETE ON `reports`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
