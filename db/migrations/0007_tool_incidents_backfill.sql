-- Custom SQL migration file, put your code below! --
-- Fill tool_incidents for records published before the table existed.
INSERT OR IGNORE INTO `tool_incidents` (`tool_seq`, `position`, `kind`, `date`, `title_zh`, `title_en`, `people_affected`, `regulator_notified`)
SELECT t.`seq`, CAST(j.`key` AS INTEGER), json_extract(j.`value`, '$.kind'), json_extract(j.`value`, '$.date'),
  json_extract(j.`value`, '$.title.zh'), json_extract(j.`value`, '$.title.en'),
  json_extract(j.`value`, '$.peopleAffected'), json_extract(j.`value`, '$.regulatorNotified')
FROM `tools` t JOIN `revisions` r ON r.`id` = t.`published_revision_id`, json_each(r.`record`, '$.incidents') j;
