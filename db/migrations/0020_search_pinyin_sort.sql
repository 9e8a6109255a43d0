ALTER TABLE `tools` ADD `name_sort_zh` text;--> statement-breakpoint
CREATE INDEX `tools_name_sort_zh_idx` ON `tools` (`name_sort_zh`);--> statement-breakpoint
-- Issue 14: the stored search text (tool_search) and name_sort_zh are computed by the code in
-- registry/records/search/. When that code changes how it indexes, it raises its scheme
-- version and `npm run db:migrate` rewrites both for every published tool
-- (registry/records/search/reindex.server.ts); this row holds the version they were written at.
CREATE TABLE `search_scheme` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_scheme` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
-- name_sort_zh orders the list: a change must rebuild the list index like a change of the name.
DROP TRIGGER `tools_update_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_update_list_version`
AFTER UPDATE OF `id`, `seq`, `published_revision_id`, `kind`, `jurisdiction_level`, `deployment_status`, `review_status`, `impact_level`,
  `has_sensitive_data`, `sunset_date`, `name_zh`, `name_en`, `name_sort_zh`, `updated_at` ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
