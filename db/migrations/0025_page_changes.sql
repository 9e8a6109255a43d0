-- Custom SQL migration file, put your code below! --
-- Issue 17: what changed, per version of the register's pages. Every trigger that bumps
-- page_version (migration 0012) also writes one row here under the new version: the table, and
-- for the tables of a tool's listed facts (tools, tool_agencies, tool_data_categories) the tool.
-- A cached list page then outlives a version when nothing it shows changed (a write in one
-- county leaves other counties' lists cached): registry/shared/page-changes.server.ts. Rows
-- older than the latest 61,440 versions or more are pruned (every 4,096): a page older than that
-- is rendered again.
CREATE TABLE `page_changes` (`version` integer PRIMARY KEY NOT NULL, `tbl` text NOT NULL, `tool_seq` integer);
--> statement-breakpoint
CREATE TRIGGER `page_changes_prune` AFTER INSERT ON `page_changes` WHEN NEW.`version` % 4096 = 0
BEGIN
  DELETE FROM `page_changes` WHERE `version` <= NEW.`version` - 65536;
END;
--> statement-breakpoint
DROP TRIGGER `agencies_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `agencies_insert_page_version` AFTER INSERT ON `agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'agencies', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `agencies_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `agencies_update_page_version` AFTER UPDATE ON `agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'agencies', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `agencies_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `agencies_delete_page_version` AFTER DELETE ON `agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'agencies', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tools_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_insert_page_version` AFTER INSERT ON `tools`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tools', NEW.`seq` FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tools_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_update_page_version` AFTER UPDATE ON `tools`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tools', CASE WHEN OLD.`seq` = NEW.`seq` THEN NEW.`seq` END FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tools_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_delete_page_version` AFTER DELETE ON `tools`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tools', OLD.`seq` FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `revisions_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `revisions_insert_page_version` AFTER INSERT ON `revisions`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'revisions', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `revisions_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `revisions_update_page_version` AFTER UPDATE ON `revisions`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'revisions', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `revisions_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `revisions_delete_page_version` AFTER DELETE ON `revisions`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'revisions', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_agencies_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_insert_page_version` AFTER INSERT ON `tool_agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_agencies', NEW.`tool_seq` FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_agencies_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_update_page_version` AFTER UPDATE ON `tool_agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_agencies', CASE WHEN OLD.`tool_seq` = NEW.`tool_seq` THEN NEW.`tool_seq` END FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_agencies_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_delete_page_version` AFTER DELETE ON `tool_agencies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_agencies', OLD.`tool_seq` FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_data_categories_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_insert_page_version` AFTER INSERT ON `tool_data_categories`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_data_categories', NEW.`tool_seq` FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_data_categories_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_update_page_version` AFTER UPDATE ON `tool_data_categories`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_data_categories', CASE WHEN OLD.`tool_seq` = NEW.`tool_seq` THEN NEW.`tool_seq` END FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_data_categories_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_delete_page_version` AFTER DELETE ON `tool_data_categories`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_data_categories', OLD.`tool_seq` FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_incidents_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_incidents_insert_page_version` AFTER INSERT ON `tool_incidents`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_incidents', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_incidents_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_incidents_update_page_version` AFTER UPDATE ON `tool_incidents`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_incidents', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `tool_incidents_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_incidents_delete_page_version` AFTER DELETE ON `tool_incidents`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'tool_incidents', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `events_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `events_insert_page_version` AFTER INSERT ON `events`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'events', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `events_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `events_update_page_version` AFTER UPDATE ON `events`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'events', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `events_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `events_delete_page_version` AFTER DELETE ON `events`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'events', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `reviews_insert_page_version` AFTER INSERT ON `reviews`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'reviews', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `reviews_update_page_version` AFTER UPDATE ON `reviews`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'reviews', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `reviews_delete_page_version` AFTER DELETE ON `reviews`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'reviews', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `findings_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `findings_insert_page_version` AFTER INSERT ON `findings`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'findings', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `findings_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `findings_update_page_version` AFTER UPDATE ON `findings`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'findings', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `findings_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `findings_delete_page_version` AFTER DELETE ON `findings`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'findings', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `comment_replies_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `comment_replies_insert_page_version` AFTER INSERT ON `comment_replies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'comment_replies', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `comment_replies_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `comment_replies_update_page_version` AFTER UPDATE ON `comment_replies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'comment_replies', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `comment_replies_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `comment_replies_delete_page_version` AFTER DELETE ON `comment_replies`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'comment_replies', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `consultation_responses_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `consultation_responses_insert_page_version` AFTER INSERT ON `consultation_responses`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'consultation_responses', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `consultation_responses_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `consultation_responses_update_page_version` AFTER UPDATE ON `consultation_responses`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'consultation_responses', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `consultation_responses_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `consultation_responses_delete_page_version` AFTER DELETE ON `consultation_responses`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'consultation_responses', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `comments_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `comments_insert_page_version` AFTER INSERT ON `comments` WHEN NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'comments', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `comments_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `comments_update_page_version` AFTER UPDATE ON `comments` WHEN NEW.`status` IS NOT OLD.`status` OR NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'comments', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `comments_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `comments_delete_page_version` AFTER DELETE ON `comments`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'comments', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `reports_insert_page_version`;
--> statement-breakpoint
CREATE TRIGGER `reports_insert_page_version` AFTER INSERT ON `reports` WHEN NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'reports', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `reports_update_page_version`;
--> statement-breakpoint
CREATE TRIGGER `reports_update_page_version` AFTER UPDATE ON `reports` WHEN NEW.`status` IS NOT OLD.`status` OR NEW.`status` NOT IN ('pending', 'new')
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'reports', NULL FROM `page_version` WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `reports_delete_page_version`;
--> statement-breakpoint
CREATE TRIGGER `reports_delete_page_version` AFTER DELETE ON `reports`
BEGIN
  UPDATE `page_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `page_changes` (`version`, `tbl`, `tool_seq`) SELECT `version`, 'reports', NULL FROM `page_version` WHERE `id` = 1;
END;
