-- Custom SQL migration file, put your code below! --
-- Issue 17: the list index is patched, not rebuilt, after a write. Every trigger that bumps
-- list_version also appends the tool it concerns to list_changes (or the agency, for agencies),
-- so a worker whose index is at change N re-reads only the tools changed after N
-- (registry/records/list-index.server.ts). The table keeps the latest 61,440 changes or more
-- (pruned every 4,096): a worker further behind than that rebuilds its index in full.
CREATE TABLE `list_changes` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `tool_seq` integer, `agency_id` integer);
--> statement-breakpoint
CREATE TRIGGER `list_changes_prune` AFTER INSERT ON `list_changes` WHEN NEW.`id` % 4096 = 0
BEGIN
  DELETE FROM `list_changes` WHERE `id` <= NEW.`id` - 65536;
END;
--> statement-breakpoint
DROP TRIGGER `tools_insert_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_insert_list_version` AFTER INSERT ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (NEW.`seq`);
END;
--> statement-breakpoint
DROP TRIGGER `tools_update_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_update_list_version`
AFTER UPDATE OF `id`, `seq`, `published_revision_id`, `kind`, `jurisdiction_level`, `deployment_status`, `review_status`, `impact_level`,
  `has_sensitive_data`, `sunset_date`, `name_zh`, `name_en`, `name_sort_zh`, `updated_at`, `regime` ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (NEW.`seq`);
  INSERT INTO `list_changes` (`tool_seq`) SELECT OLD.`seq` WHERE OLD.`seq` <> NEW.`seq`;
END;
--> statement-breakpoint
DROP TRIGGER `tools_delete_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_delete_list_version` AFTER DELETE ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (OLD.`seq`);
END;
--> statement-breakpoint
DROP TRIGGER `tool_agencies_insert_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_insert_list_version` AFTER INSERT ON `tool_agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (NEW.`tool_seq`);
END;
--> statement-breakpoint
DROP TRIGGER `tool_agencies_update_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_update_list_version` AFTER UPDATE ON `tool_agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (NEW.`tool_seq`);
  INSERT INTO `list_changes` (`tool_seq`) SELECT OLD.`tool_seq` WHERE OLD.`tool_seq` <> NEW.`tool_seq`;
END;
--> statement-breakpoint
DROP TRIGGER `tool_agencies_delete_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_delete_list_version` AFTER DELETE ON `tool_agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (OLD.`tool_seq`);
END;
--> statement-breakpoint
DROP TRIGGER `tool_data_categories_insert_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_insert_list_version` AFTER INSERT ON `tool_data_categories`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (NEW.`tool_seq`);
END;
--> statement-breakpoint
DROP TRIGGER `tool_data_categories_update_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_update_list_version` AFTER UPDATE ON `tool_data_categories`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (NEW.`tool_seq`);
  INSERT INTO `list_changes` (`tool_seq`) SELECT OLD.`tool_seq` WHERE OLD.`tool_seq` <> NEW.`tool_seq`;
END;
--> statement-breakpoint
DROP TRIGGER `tool_data_categories_delete_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_delete_list_version` AFTER DELETE ON `tool_data_categories`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`tool_seq`) VALUES (OLD.`tool_seq`);
END;
--> statement-breakpoint
DROP TRIGGER `agencies_insert_list_version`;
--> statement-breakpoint
CREATE TRIGGER `agencies_insert_list_version` AFTER INSERT ON `agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`agency_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint
DROP TRIGGER `agencies_update_list_version`;
--> statement-breakpoint
CREATE TRIGGER `agencies_update_list_version` AFTER UPDATE ON `agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`agency_id`) VALUES (NEW.`id`);
  INSERT INTO `list_changes` (`agency_id`) SELECT OLD.`id` WHERE OLD.`id` <> NEW.`id`;
END;
--> statement-breakpoint
DROP TRIGGER `agencies_delete_list_version`;
--> statement-breakpoint
CREATE TRIGGER `agencies_delete_list_version` AFTER DELETE ON `agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
  INSERT INTO `list_changes` (`agency_id`) VALUES (OLD.`id`);
END;
