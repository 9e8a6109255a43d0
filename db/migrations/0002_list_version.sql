-- Custom SQL migration file, put your code below! --
-- A counter that changes whenever the public list's data changes, from any connection. The list
-- keeps an in-memory facet index (registry/list-index.server.ts) and rebuilds it when this
-- number differs from the one it was built at.
CREATE TABLE `list_version` (`id` integer PRIMARY KEY CHECK (`id` = 1), `version` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `list_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `tools_insert_list_version` AFTER INSERT ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tools_update_list_version` AFTER UPDATE ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tools_delete_list_version` AFTER DELETE ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_insert_list_version` AFTER INSERT ON `tool_agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_update_list_version` AFTER UPDATE ON `tool_agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_agencies_delete_list_version` AFTER DELETE ON `tool_agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_insert_list_version` AFTER INSERT ON `tool_data_categories`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_update_list_version` AFTER UPDATE ON `tool_data_categories`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `tool_data_categories_delete_list_version` AFTER DELETE ON `tool_data_categories`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agencies_insert_list_version` AFTER INSERT ON `agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agencies_update_list_version` AFTER UPDATE ON `agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agencies_delete_list_version` AFTER DELETE ON `agencies`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
