-- Custom SQL migration file, put your code below! --
-- A submitted revision's review status changes only together with the event that logs the
-- change: the workflow appends the event first, then updates the status in the same
-- transaction, and this trigger refuses any other change. "Just appended" is tested as: the
-- newest event is the last row this connection inserted (last_insert_rowid), it concerns this
-- tool and revision, and it leads to the new status (withdrawn, review_started -> in_review, an
-- effective decision -> its status). Someone with the file can drop the trigger; then
-- `npm run verify-log` and the server's chain check still find a status the log does not give.
CREATE TRIGGER `revisions_status_guard` BEFORE UPDATE OF `status` ON `revisions`
WHEN OLD.`status` <> 'draft' AND NEW.`status` IS NOT OLD.`status`
BEGIN
  SELECT RAISE(ABORT, 'a submitted revision''s review status changes only with its logged event')
  WHERE NOT EXISTS (
    SELECT 1 FROM `events` e
    WHERE e.`id` = last_insert_rowid()
      AND e.`id` = (SELECT max(`id`) FROM `events`)
      AND e.`tool_id` = (SELECT `id` FROM `tools` WHERE `seq` = NEW.`tool_seq`)
      AND json_extract(e.`payload`, '$.revision') = NEW.`number`
      AND (
        (NEW.`status` = 'withdrawn' AND e.`kind` = 'withdrawn')
        OR (NEW.`status` = 'in_review' AND e.`kind` = 'review_started')
        OR (e.`kind` = 'decision' AND json_extract(e.`payload`, '$.effective') = 1 AND json_extract(e.`payload`, '$.status') = NEW.`status`)
      )
  );
END;
