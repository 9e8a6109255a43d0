-- Custom SQL migration file, put your code below! --
-- Issue 15: which rules govern a record (standard v1.1 `regime`). "this_register" for a record
-- this register governs (also when the record has no `regime`, as every v1 record), else the key
-- of the foreign register it is mirrored from. The list index reads it so that /sunsets, the
-- home page's "running without a lawful end date", the facets and the counts never judge a
-- mirrored record by this register's rules; registry/records/publish.server.ts writes it.
ALTER TABLE `tools` ADD `regime` text DEFAULT 'this_register' NOT NULL;
--> statement-breakpoint
-- Fill it for records published before it existed, from the public revision's record.
UPDATE `tools` SET `regime` = coalesce(
  (SELECT CASE WHEN json_extract(r.`record`, '$.regime.governedBy') = 'source_register' THEN json_extract(r.`record`, '$.regime.register') END
   FROM `revisions` r WHERE r.`id` = `tools`.`published_revision_id`),
  'this_register')
WHERE `published_revision_id` IS NOT NULL;
--> statement-breakpoint
-- The list index holds the regime (a byte per tool): a change must rebuild it.
DROP TRIGGER `tools_update_list_version`;
--> statement-breakpoint
CREATE TRIGGER `tools_update_list_version`
AFTER UPDATE OF `id`, `seq`, `published_revision_id`, `kind`, `jurisdiction_level`, `deployment_status`, `review_status`, `impact_level`,
  `has_sensitive_data`, `sunset_date`, `name_zh`, `name_en`, `name_sort_zh`, `updated_at`, `regime` ON `tools`
BEGIN
  UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
