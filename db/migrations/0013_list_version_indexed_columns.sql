-- Custom SQL migration file, put your code below! --
-- The list index (registry/list-index.server.ts) holds only these columns of `tools`; rebuilding
-- it costs about a second at 100,000 tools and blocks the process meanwhile. A change to other
-- columns (a published comment raises comment_count) is read from SQL when a page is shown and
-- must not force a rebuild; the page cache has its own counter (migration 0012).
DROP TRIGGER `tools_update_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_update_list_version`
AFTER UPDATE OF `id`, `seq`, `published_revision_id`, `kind`, `jurisdiction_level`, `deployment_status`, `review_status`, `impact_level`,
  `has_sensitive_data`, `sunset_date`, `name_zh`, `name_en`, `updated_at` ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
