// Mail delivery, outside every request. Each worker runs the same loop (startNotices, called from
// app/entry.server.tsx): it claims one due outbox row at a time with a single UPDATE, so two
// workers never send the same mail, sends it, and marks it sent, or schedules a retry with
// back-off. A claim is a lease: a worker that dies mid-send leaves a row another worker takes
// up when the lease runs out. Nothing here throws into a request.
// The loop also sweeps the time-based notices (sweep.server.ts) at start and every minute.
import type { Transporter } from "nodemailer";
import { getDb, stmt, type Db } from "../shared/db.server";
import { registerNow } from "../shared/clock.server";
import { prefsOf, type NoticeKind, type NoticeParams } from "./notices.server";
import { mailErrorText, mailFrom, siteUrl, transportFor } from "./smtp.server";
import { pruneNotices, sweepDeadlines } from "./sweep.server";
import { todayIso } from "../lifecycle/sunset";

export type MailNotice = { kind: NoticeKind; toolId: string | null; params: NoticeParams; createdAt: string };
/** Words a notice as a mail in a language (app/notify-mail.server.ts): the registry holds no sentences. */
export type MailRender = (n: MailNotice, lang: "zh" | "en", site: string) => { subject: string; text: string };

/** How long a claimed row is held before another worker may try it. */
const LEASE_MS = 2 * 60_000;
/** Attempts before a mail is given up (the last ones a day apart). */
export const MAX_ATTEMPTS = 10;

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, … at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

type Claimed = { id: number; attempts: number; kind: NoticeKind; tool_id: string | null; params: string; created_at: string; user_id: number; email: string; disabled_at: string | null };

/** Claims one due row (pending and due, or a lease run out), atomically across processes. */
function claim(db: Db, now: Date): Claimed | null {
  const nowIso = now.toISOString();
  // A read first: the claim's UPDATE takes the write lock, which an idle tick should not.
  if (!stmt(db, `SELECT 1 AS due FROM mail_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? LIMIT 1`).get(nowIso)) return null;
  const row = stmt(
    db,
    `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
     WHERE id = (SELECT id FROM mail_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1)
     RETURNING id, attempts, notification_id`,
  ).get(new Date(now.getTime() + LEASE_MS).toISOString(), nowIso) as { id: number; attempts: number; notification_id: number } | undefined;
  if (!row) return null;
  const n = stmt(
    db,
    `SELECT n.kind, n.tool_id, n.params, n.created_at, n.user_id, u.email, u.disabled_at FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = ?`,
  ).get(row.notification_id) as Omit<Claimed, "id" | "attempts"> | undefined;
  if (!n) {
    stmt(db, `UPDATE mail_outbox SET status = 'failed', last_error = 'notification_gone' WHERE id = ?`).run(row.id);
    return null;
  }
  return { id: row.id, attempts: row.attempts, ...n };
}

export type DeliveryResult = { sent: number; failed: number; skipped: number };

/**
 * Sends every due mail once (up to `max`). `now` is real time. A failure never throws: the row
 * goes back to pending with its next attempt after retryDelayMs, or to failed after MAX_ATTEMPTS.
 */
export async function deliverDue(opts: { transport: Transporter; render: MailRender; now?: () => Date; max?: number }, db: Db = getDb()): Promise<DeliveryResult> {
  const now = opts.now ?? (() => new Date());
  const out: DeliveryResult = { sent: 0, failed: 0, skipped: 0 };
  for (let i = 0; i < (opts.max ?? 50); i++) {
    const c = claim(db, now());
    if (!c) break;
    const prefs = prefsOf(db, c.user_id);
    if (!prefs.emailNotices || c.disabled_at) {
      stmt(db, `UPDATE mail_outbox SET status = 'skipped' WHERE id = ?`).run(c.id);
      out.skipped++;
      continue;
    }
    let sendError: unknown = null;
    try {
      const params = JSON.parse(c.params) as NoticeParams;
      const mail = opts.render({ kind: c.kind, toolId: c.tool_id, params, createdAt: c.created_at }, prefs.lang, siteUrl());
      await opts.transport.sendMail({ from: mailFrom(), to: c.email, subject: mail.subject, text: mail.text, headers: { "Content-Language": prefs.lang === "zh" ? "zh-CN" : "en" } });
    } catch (e) {
      sendError = e;
    }
    // Both endings apply only to this claim (status and attempt count as claimed): if the lease
    // ran out and another worker took the row meanwhile, its ending stands. Recording a sent mail
    // is outside the send's try, so a failure to record it never schedules the mail again.
    if (sendError === null) {
      stmt(db, `UPDATE mail_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND status = 'sending' AND attempts = ?`).run(now().toISOString(), c.id, c.attempts);
      out.sent++;
      continue;
    }
    const giveUp = c.attempts >= MAX_ATTEMPTS;
    stmt(db, `UPDATE mail_outbox SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'sending' AND attempts = ?`).run(
      giveUp ? "failed" : "pending",
      new Date(now().getTime() + retryDelayMs(c.attempts)).toISOString(),
      mailErrorText(sendError),
      c.id,
      c.attempts,
    );
    out.failed++;
    // A failed attempt ends this round: the server is likely down for the other mails too.
    break;
  }
  return out;
}

// ---------------------------------------------------------------- the loop in each worker

const TICK_MS = 2_000;
const SWEEP_EVERY_MS = 60_000;
let loop: { timer: NodeJS.Timeout; running: boolean; lastSweep: number; lastDay: string } | null = null;

function safeSweep(now: Date): void {
  try {
    sweepDeadlines(now);
    pruneNotices(now);
  } catch (e) {
    console.error(`notice sweep failed: ${mailErrorText(e)}`);
  }
}

/**
 * Starts the sweep and, when SMTP_URL is set, mail delivery in this process (once). Off under
 * vitest and with REGISTER_NOTICES=off; its timer never keeps the process alive.
 */
export function startNotices(render: MailRender): void {
  if (loop || process.env.VITEST || process.env.REGISTER_NOTICES === "off") return;
  const url = process.env.SMTP_URL?.trim();
  const transport = url ? transportFor(url) : null;
  const state = { running: false, lastSweep: 0, lastDay: "", timer: null as unknown as NodeJS.Timeout };
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      // Every minute, and at once when the register's day changes (a clock moved in tests).
      const now = registerNow();
      if (Date.now() - state.lastSweep >= SWEEP_EVERY_MS || todayIso(now) !== state.lastDay) {
        state.lastSweep = Date.now();
        state.lastDay = todayIso(now);
        safeSweep(now);
      }
      if (transport) await deliverDue({ transport, render });
    } catch (e) {
      console.error(`mail delivery failed: ${mailErrorText(e)}`);
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(() => void tick(), TICK_MS + Math.floor(Math.random() * 500));
  state.timer.unref();
  loop = state;
  setTimeout(() => void tick(), 100).unref();
}
