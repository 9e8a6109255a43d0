// Time-based notices: a condition of an approval whose deadline is within 14 days, and a tool
// whose sunset date is within 60 days. Each worker sweeps at start and every minute
// (mailer.server.ts); the dedupe key `<kind>:<user>:<subject>:<date>` is unique, so each person
// hears once per deadline however many workers sweep and however often.
import { getDb, stmt, type Db } from "../shared/db.server";
import { addDays, DUE_SOON_DAYS, todayIso } from "../lifecycle/sunset";
import { addNotice } from "./notices.server";
import { ACTIVE_OFFICIAL } from "./recipients.server";

/** A condition's owners hear this many days before its deadline. */
export const CONDITION_NOTICE_DAYS = 14;

/** One person to tell of one deadline, whose notice is not written yet. */
type Due = { userId: number; subject: string | number; date: string; toolId: string; nameZh: string | null; nameEn: string | null; extra: Record<string, string | number | null> };

// The owner agency's active officials, and no notice with the dedupe key `<kind>:<user>:<subject>:<date>`
// yet: one query per kind, where a query per deadline and per official made a sweep at 100,000
// records read every official's row once per tool due (about 8,000 tools within 60 days).
const OFFICIALS = `JOIN users u ON u.agency_id = t.owner_agency_id AND ${ACTIVE_OFFICIAL}`;
const notWritten = (key: string) => `NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = ${key})`;

function conditionsDue(db: Db, today: string): Due[] {
  const rows = stmt(
    db,
    `SELECT u.id AS user_id, f.id, f.criterion, f.condition_deadline, t.id AS tool_id, t.name_zh, t.name_en
     FROM findings f JOIN reviews r ON r.id = f.review_id JOIN tools t ON t.published_revision_id = r.revision_id ${OFFICIALS}
     WHERE f.condition IS NOT NULL AND f.condition_deadline IS NOT NULL AND f.condition_deadline >= ? AND f.condition_deadline <= ?
       AND r.decision = 'approve_with_conditions' AND t.review_status = 'approved_with_conditions' AND t.retired_on IS NULL
       AND ${notWritten(`'condition_due:' || u.id || ':' || f.id || ':' || f.condition_deadline`)}
     ORDER BY f.id, u.id`,
  ).all(today, addDays(today, CONDITION_NOTICE_DAYS)) as { user_id: number; id: number; criterion: number; condition_deadline: string; tool_id: string; name_zh: string | null; name_en: string | null }[];
  return rows.map((r) => ({
    userId: r.user_id,
    subject: r.id,
    date: r.condition_deadline,
    toolId: r.tool_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    extra: { criterion: r.criterion },
  }));
}

function sunsetsDue(db: Db, today: string): Due[] {
  const rows = stmt(
    db,
    `SELECT u.id AS user_id, t.id, t.sunset_date, t.name_zh, t.name_en FROM tools t ${OFFICIALS}
     WHERE t.published_revision_id IS NOT NULL AND t.regime = 'this_register' AND t.retired_on IS NULL AND t.sunset_date IS NOT NULL AND t.sunset_date >= ? AND t.sunset_date <= ?
       AND ${notWritten(`'sunset_due:' || u.id || ':' || t.id || ':' || t.sunset_date`)}
     ORDER BY t.sunset_date, t.id, u.id`,
  ).all(today, addDays(today, DUE_SOON_DAYS)) as { user_id: number; id: string; sunset_date: string; name_zh: string | null; name_en: string | null }[];
  return rows.map((r) => ({ userId: r.user_id, subject: r.id, date: r.sunset_date, toolId: r.id, nameZh: r.name_zh, nameEn: r.name_en, extra: {} }));
}

/** Writes the time-based notices due at `now` (register time). Returns how many were new. */
export function sweepDeadlines(now: Date, db: Db = getDb()): number {
  const today = todayIso(now);
  const at = now.toISOString();
  // Read first: the notices not written yet. Most sweeps find none and take no write lock.
  const fresh: Parameters<typeof addNotice>[1][] = [];
  for (const [kind, items] of [
    ["condition_due", conditionsDue(db, today)],
    ["sunset_due", sunsetsDue(db, today)],
  ] as const)
    for (const d of items)
      fresh.push({ userId: d.userId, kind, toolId: d.toolId, params: { nameZh: d.nameZh, nameEn: d.nameEn, date: d.date, ...d.extra }, dedupeKey: `${kind}:${d.userId}:${d.subject}:${d.date}`, at });
  if (!fresh.length) return 0;
  // The unique key still decides: another worker may have written some of them meanwhile.
  return db.$client.transaction(() => fresh.filter((notice) => addNotice(db, notice)).length).immediate();
}

/** How long sent, skipped and failed mails, and read notices, are kept. */
export const KEEP_MAIL_DAYS = 30;
export const KEEP_READ_NOTICE_DAYS = 400;

/**
 * Forgets finished mails after 30 days and read notices after 400 (a time-based notice is then
 * long past its date, so the sweep never writes it again). Run with the sweep.
 */
export function pruneNotices(now: Date, db: Db = getDb()): { mails: number; notices: number } {
  const mailsBefore = new Date(now.getTime() - KEEP_MAIL_DAYS * 86_400_000).toISOString();
  const noticesBefore = new Date(now.getTime() - KEEP_READ_NOTICE_DAYS * 86_400_000).toISOString();
  return db.$client
    .transaction(() => {
      const mails = stmt(db, `DELETE FROM mail_outbox WHERE status IN ('sent', 'skipped', 'failed') AND coalesce(sent_at, next_attempt_at) < ?`).run(mailsBefore).changes;
      const notices = stmt(db, `DELETE FROM notifications WHERE read_at IS NOT NULL AND created_at < ? AND id NOT IN (SELECT notification_id FROM mail_outbox)`).run(noticesBefore).changes;
      return { mails, notices };
    })
    .immediate();
}
