-- Custom SQL migration file, put your code below! --
-- Full-text search. Text is segmented in registry/search/tokenize.ts before it is stored here:
-- Latin words as they are, Chinese runs as overlapping character bigrams in `name` and `body`
-- and as single characters in `uni`, so any Chinese substring of two or more characters is a
-- phrase of bigrams and a single character can still be found.
CREATE VIRTUAL TABLE `tool_search` USING fts5(
  `name`, `body`, `uni`,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `revisions_immutable_update` BEFORE UPDATE OF `record`, `record_sha256`, `tool_seq`, `number` ON `revisions`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'revision is immutable once submitted');
END;
--> statement-breakpoint
CREATE TRIGGER `revisions_immutable_delete` BEFORE DELETE ON `revisions`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'revision is immutable once submitted');
END;
