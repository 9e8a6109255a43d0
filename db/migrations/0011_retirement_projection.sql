ALTER TABLE `tools` ADD `retired_on` text;--> statement-breakpoint
ALTER TABLE `tools` ADD `retirement_reason_zh` text;--> statement-breakpoint
ALTER TABLE `tools` ADD `retirement_reason_en` text;--> statement-breakpoint
-- Fill the new columns for records published before they existed.
UPDATE `tools` SET
  `retired_on` = (SELECT json_extract(r.`record`, '$.lifecycle.retirement.date') FROM `revisions` r WHERE r.`id` = `tools`.`published_revision_id`),
  `retirement_reason_zh` = (SELECT json_extract(r.`record`, '$.lifecycle.retirement.reason.zh') FROM `revisions` r WHERE r.`id` = `tools`.`published_revision_id`),
  `retirement_reason_en` = (SELECT json_extract(r.`record`, '$.lifecycle.retirement.reason.en') FROM `revisions` r WHERE r.`id` = `tools`.`published_revision_id`)
WHERE `published_revision_id` IS NOT NULL;
