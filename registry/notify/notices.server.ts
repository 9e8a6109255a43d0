// Notices written with their event: appendEvent (registry/log/log.server.ts) calls noticesFor()
// inside the transaction of the action, so an action, its event, its inbox rows and its mail
// rows are written together or not at all. Sending happens later, outside the request
// (mailer.server.ts). Parameters are codes, dates and names in both languages; app/ words them.
import { stmt, type Db } from "../shared/db.server";
import { eligibleReviewers, officialsOf, responsibleAgencyIds, toolFacts, unconfirmedNamedAgencies, type ToolFacts } from "./recipients.server";
import { mailConfigured } from "./smtp.server";

export const NOTICE_KINDS = ["submitted", "coresp_named", "decision", "comment_published", "report_confirmed", "condition_due", "sunset_due"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type NoticeParams = Record<string, string | number | null>;

/** The event as noticesFor reads it (a ChainEvent of registry/log/chain.ts). */
export type NoticeEvent = { id: number; at: string; kind: string; toolId: string | null; payload: unknown };

export type NewNotice = { userId: number; kind: NoticeKind; toolId: string | null; params: NoticeParams; eventId?: number | null; dedupeKey?: string | null; at: string };

/** A person's settings: mail on and Chinese unless they said otherwise. */
export function prefsOf(db: Db, userId: number): { emailNotices: boolean; lang: "zh" | "en" } {
  const r = stmt(db, `SELECT email_notices, lang FROM notice_prefs WHERE user_id = ?`).get(userId) as { email_notices: number; lang: string } | undefined;
  return { emailNotices: r ? r.email_notices === 1 : true, lang: r?.lang === "en" ? "en" : "zh" };
}

/**
 * Writes one inbox row and, when mail is configured and the person has not opted out, its mail
 * row. A notice with a dedupe key already written is skipped (false): time-based notices go out
 * once per person and deadline, whichever worker sweeps first.
 */
export function addNotice(db: Db, n: NewNotice): boolean {
  const row = stmt(
    db,
    `INSERT INTO notifications (user_id, kind, tool_id, params, event_id, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING id`,
  ).get(n.userId, n.kind, n.toolId, JSON.stringify(n.params), n.eventId ?? null, n.dedupeKey ?? null, n.at) as { id: number } | undefined;
  if (!row) return false;
  if (mailConfigured() && prefsOf(db, n.userId).emailNotices)
    // Mail is scheduled in real time, not register time: a retry's back-off is measured by the wall clock.
    stmt(db, `INSERT INTO mail_outbox (notification_id, status, attempts, next_attempt_at, created_at) VALUES (?, 'pending', 0, ?, ?)`).run(row.id, new Date().toISOString(), n.at);
  return true;
}

const nameParams = (t: ToolFacts): NoticeParams => ({ nameZh: t.nameZh, nameEn: t.nameEn });

type Group = { kind: NoticeKind; params: NoticeParams; to: (t: ToolFacts) => number[] };

/** Who hears what of one event: groups of a notice kind, its parameters and its recipients. */
function groupsFor(e: NoticeEvent, db: Db): Group[] {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const revision = Number(p.revision) || null;
  switch (e.kind) {
    case "submitted":
      return [
        { kind: "submitted", params: { revision, impactLevel: typeof p.impactLevel === "string" ? p.impactLevel : null }, to: (t) => eligibleReviewers(db, t) },
        // Agencies the record names without their consent yet: asked to confirm or decline.
        { kind: "coresp_named", params: { revision }, to: (t) => officialsOf(db, unconfirmedNamedAgencies(db, t)) },
      ];
    case "decision":
      // A first approval of a level IV tool waiting for a second reviewer decides nothing yet.
      if (p.effective !== true) return [];
      return [{ kind: "decision", params: { revision, status: typeof p.status === "string" ? p.status : null }, to: (t) => officialsOf(db, t.ownerAgencyId !== null ? [t.ownerAgencyId] : []) }];
    case "comment_moderated":
      if (p.decision !== "publish") return [];
      return [{ kind: "comment_published", params: { comment: Number(p.comment) || null }, to: (t) => officialsOf(db, responsibleAgencyIds(db, t)) }];
    case "report_resolved":
      if (p.decision !== "confirm") return [];
      return [{ kind: "report_confirmed", params: { report: Number(p.report) || null }, to: (t) => officialsOf(db, responsibleAgencyIds(db, t)) }];
    default:
      return [];
  }
}

/** The notices an event causes, written in the caller's transaction. Returns how many. */
export function noticesFor(e: NoticeEvent, db: Db): number {
  if (!e.toolId) return 0;
  const groups = groupsFor(e, db);
  if (!groups.length) return 0;
  const t = toolFacts(db, e.toolId);
  if (!t) return 0;
  let n = 0;
  for (const g of groups)
    for (const userId of g.to(t)) if (addNotice(db, { userId, kind: g.kind, toolId: t.id, params: { ...nameParams(t), ...g.params }, eventId: e.id, at: e.at })) n++;
  return n;
}
