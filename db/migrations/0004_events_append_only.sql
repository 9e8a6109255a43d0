-- Custom SQL migration file, put your code below! --
-- The event log is append-only: rows cannot be changed or removed through SQL. (Someone with
-- the file can still drop these triggers; the hash chain is what makes that visible.)
CREATE TRIGGER `events_no_update` BEFORE UPDATE ON `events`
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `events_no_delete` BEFORE DELETE ON `events`
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only');
END;
