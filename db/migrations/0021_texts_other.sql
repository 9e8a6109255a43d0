-- Issue 15: a record's text may be in any BCP 47 language besides zh and en. The lists show a
-- name, summary, place or retirement reason that exists only in another language from this
-- column (JSON, registry/standard/text-langs.ts). Records published before could hold only zh
-- and en, so no existing row needs filling.
ALTER TABLE `tools` ADD `texts_other` text;
