-- Custom SQL migration file, put your code below! --
-- Issue 17 (a register for a whole country): less to write and store per record.
-- (The search table keeps its content table, tool_search_content, a copy of the tokenized text
-- no code reads back. A contentless table with contentless_delete=1 would save about 4.5 KB a
-- record, but in SQLite 3.53 deleting a row from it does not take the row out of the statistics
-- bm25 ranks with: after a tool is republished, scores differ from a table holding the same rows,
-- so search order would drift with every update. See docs/load-benchmark.md "Writing records".)
-- Indexes no query uses (an EXPLAIN QUERY PLAN audit of every statement on `tools` and
--   `tool_data_categories`, docs/load-benchmark.md "Writing records"): the list, its facets and
--   its orders come from the in-memory list index, and the API's name order compares
--   coalesce(name_en, name_zh), which no index on one column serves. Each index cost a write
--   per published record. Kept: review_status (the conditions sweep), sunset_date (sunsets),
--   updated_at (newest change), name_sort_zh (the pinyin order and its cursor).
DROP INDEX `tools_kind_idx`;
--> statement-breakpoint
DROP INDEX `tools_level_idx`;
--> statement-breakpoint
DROP INDEX `tools_deployment_idx`;
--> statement-breakpoint
DROP INDEX `tools_impact_idx`;
--> statement-breakpoint
DROP INDEX `tools_name_en_idx`;
--> statement-breakpoint
DROP INDEX `tools_name_zh_idx`;
--> statement-breakpoint
-- The primary key (tool_seq, category) serves every read: the list index scans the table whole.
DROP INDEX `tool_data_categories_category_idx`;
