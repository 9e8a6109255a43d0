// Notifications: who hears of which event (inbox rows written in the event's transaction), the
// time-based notices once per person and deadline however often the sweep runs, the opt-out, and
// mail through a real SMTP server (smtp-server), including a server that is down and comes back.
import { afterEach, describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { freePort } from "../bench/free-port";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { ctxOf } from "../../registry/shared/context";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { decide, recordFinding, startReview } from "../../registry/review/review.server";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { CRITERIA } from "../../registry/review/review-terms";
import type { SectionName } from "../../registry/standard/sections";
import { listNotices, markNoticesRead, setNoticeSettings, unreadNoticeCount } from "../../registry/notify/inbox.server";
import { KEEP_MAIL_DAYS, KEEP_READ_NOTICE_DAYS, pruneNotices, sweepDeadlines } from "../../registry/notify/sweep.server";
import { deliverDue, retryDelayMs } from "../../registry/notify/mailer.server";
import { mailErrorText, transportFor } from "../../registry/notify/smtp.server";
import { noticeMail, noticeText } from "~/notify-text";
import { NOTICE_KINDS } from "../../registry/notify/notices.server";
import { RegistryError } from "../../registry/shared/errors";
import { moderateComment, postComment } from "../../registry/voice/comments.server";
import { resolveReport, submitReport } from "../../registry/voice/reports.server";
import { seedId } from "../helpers/seed";

const getDb = useFreshDb();
const official = () => actorByEmail("official.shanghai@register.example");
const otherOfficial = () => actorByEmail("official.hangzhou@register.example");
const reviewer = () => actorByEmail("reviewer.samr@register.example");
const reviewer2 = () => actorByEmail("reviewer.zhejiang@register.example");
const D0 = new Date("2026-03-01T09:00:00Z");
const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);
const render = noticeMail;

let sink: SmtpSink | null = null;
afterEach(async () => {
  delete process.env.SMTP_URL;
  await sink?.close();
  sink = null;
});

const rows = (sql: string, ...args: unknown[]) => getDb().$client.prepare(sql).all(...args) as Record<string, unknown>[];
const noticesOf = (userId: number) => rows(`SELECT kind, tool_id, dedupe_key FROM notifications WHERE user_id = ? ORDER BY id`, userId);
const outbox = () => rows(`SELECT o.status, o.attempts, o.last_error, n.user_id, n.kind FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id ORDER BY o.id`);

/** A level III draft of Shanghai, complete, sunset 2027-02-01, submitted on D0 (naming `alsoNamed` as supplying data). */
async function submitted(slug = "parking-permit-scoring", alsoNamed?: string): Promise<string> {
  const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity(slug) });
  const sections = completeSections({ level: "III", sunset: "2027-02-01" });
  if (alsoNamed) sections.responsibility.agencies.push({ agency: alsoNamed, role: "supplies_data" });
  for (const [name, value] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: name as SectionName, value });
  await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
  return toolId;
}

/** Reviewed and approved with a condition on criterion 3, due 2026-06-30. */
async function approvedWithCondition(toolId: string) {
  await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
  for (const criterion of CRITERIA) {
    const c = criterion === 3;
    await recordFinding(ctxOf({ actor: reviewer(), now: day(2) }), {
      toolId,
      finding: { criterion, rating: c ? "partly_met" : "met", severity: c ? "medium" : undefined, condition: c ? "Publish the vendor's terms." : undefined, conditionDeadline: c ? "2026-06-30" : undefined },
    });
  }
  await postConsultationResponse(ctxOf({ actor: official(), now: day(30) }), { toolId, raised: { en: "Retention." }, changed: { en: "Shortened." } });
  await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve_with_conditions", summary: { zh: "附条件批准。" } });
}

describe("notices written with their event", () => {
  it("tell the reviewers who may take a submission, and nobody of the tool's own agency", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const toolId = await submitted();
    for (const r of [reviewer(), reviewer2()]) expect(noticesOf(r.id)).toEqual([{ kind: "submitted", tool_id: toolId, dedupe_key: null }]);
    expect(noticesOf(official().id)).toEqual([]);
    expect(noticesOf(otherOfficial().id)).toEqual([]);
    // One mail row per notice, waiting for the delivery loop.
    expect(outbox().map((o) => [o.status, o.user_id])).toEqual([
      ["pending", reviewer().id],
      ["pending", reviewer2().id],
    ]);
    const inbox = await listNotices(ctxOf({ actor: reviewer() }));
    expect(inbox.unread).toBe(1);
    expect(inbox.notices[0]).toMatchObject({ kind: "submitted", toolId, params: { nameZh: "停车许可评分", revision: 1, impactLevel: "III" } });
  });

  it("tell the owning agency's officials of the decision and nobody of a reviewer's first, ineffective approval", async () => {
    const toolId = await submitted();
    await approvedWithCondition(toolId);
    expect(noticesOf(official().id)).toEqual([{ kind: "decision", tool_id: toolId, dedupe_key: null }]);
    expect((await listNotices(ctxOf({ actor: official() }))).notices[0]!.params).toMatchObject({ status: "approved_with_conditions" });
    expect(noticesOf(otherOfficial().id)).toEqual([]);
  });

  it("tell the tool's agencies of a published comment awaiting a reply and of a confirmed report, not of pending or removed ones", async () => {
    const suishen = seedId("shanghai-suishen-code");
    const c1 = (await postComment(ctxOf({ address: "192.0.2.1", now: D0 }), { toolId: suishen, comment: { body: "Who keeps the data?" } })) as { id: number };
    const c2 = (await postComment(ctxOf({ address: "192.0.2.2", now: D0 }), { toolId: suishen, comment: { body: "Spam spam" } })) as { id: number };
    expect(noticesOf(official().id)).toEqual([]);
    await moderateComment(ctxOf({ actor: reviewer(), now: day(1) }), { commentId: c2.id, decision: "spam" });
    await moderateComment(ctxOf({ actor: reviewer(), now: day(1) }), { commentId: c1.id, decision: "publish" });
    const r = (await submitReport(ctxOf({ address: "192.0.2.3", now: D0 }), { kind: "record_problem", toolId: suishen, report: { description: "The retention period is missing." } })) as { id: number };
    expect(noticesOf(official().id)).toHaveLength(1);
    await resolveReport(ctxOf({ actor: reviewer(), now: day(2) }), { id: r.id, decision: "confirm", reason: "" });
    expect(noticesOf(official().id).map((n) => [n.kind, n.tool_id])).toEqual([
      ["comment_published", suishen],
      ["report_confirmed", suishen],
    ]);
    expect(noticesOf(otherOfficial().id)).toEqual([]);
    expect(noticesOf(reviewer().id)).toEqual([]);
  });

  it("ask the officials of an agency the record names without its consent to confirm or decline", async () => {
    const toolId = await submitted("named-tool", "hangzhou-health-commission");
    expect(noticesOf(otherOfficial().id)).toEqual([{ kind: "coresp_named", tool_id: toolId, dedupe_key: null }]);
    expect(noticesOf(official().id)).toEqual([]);
    // Named agencies' reviewers are not disqualified until the link is confirmed, so they still hear of the submission.
    expect(noticesOf(reviewer().id).map((n) => n.kind)).toEqual(["submitted"]);
  });

  it("with SMTP_URL unset write inbox rows and no mail rows, and nothing fails", async () => {
    await submitted();
    expect(noticesOf(reviewer().id)).toHaveLength(1);
    expect(outbox()).toEqual([]);
  });

  it("give an opted-out person the inbox entry and no mail", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await setNoticeSettings(ctxOf({ actor: reviewer2(), now: D0 }), { emailNotices: false, lang: "en" });
    await submitted();
    expect(noticesOf(reviewer2().id)).toHaveLength(1);
    expect(outbox().map((o) => o.user_id)).toEqual([reviewer().id]);
  });

  it("are each person's own: marking another's notice is not_found and changes nothing", async () => {
    await submitted();
    const id = (rows(`SELECT id FROM notifications WHERE user_id = ?`, reviewer().id)[0] as { id: number }).id;
    await expect(markNoticesRead(ctxOf({ actor: reviewer2() }), { id })).rejects.toThrow(RegistryError);
    await expect(markNoticesRead(ctxOf({ actor: null }), { all: true })).rejects.toThrow(RegistryError);
    expect(await unreadNoticeCount(ctxOf({ actor: reviewer() }))).toBe(1);
    await markNoticesRead(ctxOf({ actor: reviewer(), now: day(1) }), { id });
    expect(await unreadNoticeCount(ctxOf({ actor: reviewer() }))).toBe(0);
    expect(await unreadNoticeCount(ctxOf({ actor: reviewer2() }))).toBe(1);
  });
});

describe("the words of a notice", () => {
  it("exist for every kind in both languages, with every parameter filled and no Latin word in Chinese", () => {
    const params = { nameZh: "停车许可评分", nameEn: "Parking permit scoring", revision: 2, impactLevel: "III", status: "approved", criterion: 3, date: "2026-06-30", comment: 1, report: 1 };
    for (const kind of NOTICE_KINDS) {
      const zh = noticeText({ kind, toolId: "ALG-000023", params }, "zh");
      const en = noticeText({ kind, toolId: "ALG-000023", params }, "en");
      for (const text of [zh, en]) expect(text, kind).not.toMatch(/[{}]|undefined|null/);
      expect(zh, kind).not.toMatch(/[A-Za-z]/);
      expect(en, kind).toContain("Parking permit scoring");
      expect(zh).not.toBe(noticeText({ kind: "unknown", toolId: null, params }, "zh"));
    }
  });
});

describe("time-based notices", () => {
  it("come once per person and deadline: 14 days before a condition, 60 days before the sunset", async () => {
    const toolId = await submitted();
    await approvedWithCondition(toolId);
    const due = () => noticesOf(official().id).filter((n) => n.kind !== "decision");
    expect(sweepDeadlines(new Date("2026-06-15T12:00:00Z"), getDb())).toBe(0);
    expect(due()).toEqual([]);
    // 2026-06-16 in Beijing: the deadline 2026-06-30 is 14 days away. Two workers sweep; one notice.
    expect(sweepDeadlines(new Date("2026-06-16T01:00:00Z"), getDb())).toBe(1);
    expect(sweepDeadlines(new Date("2026-06-16T01:00:01Z"), getDb())).toBe(0);
    expect(sweepDeadlines(new Date("2026-06-20T01:00:00Z"), getDb())).toBe(0);
    expect(due()).toEqual([{ kind: "condition_due", tool_id: toolId, dedupe_key: expect.stringMatching(new RegExp(`^condition_due:${official().id}:\\d+:2026-06-30$`)) }]);
    // The sunset 2027-02-01 is 60 days away on 2026-12-03.
    expect(sweepDeadlines(new Date("2026-12-02T01:00:00Z"), getDb())).toBe(0);
    expect(sweepDeadlines(new Date("2026-12-03T01:00:00Z"), getDb())).toBe(1);
    expect(sweepDeadlines(new Date("2026-12-10T01:00:00Z"), getDb())).toBe(0);
    expect(due().map((n) => [n.kind, n.dedupe_key])).toEqual([
      ["condition_due", expect.any(String)],
      ["sunset_due", `sunset_due:${official().id}:${toolId}:2027-02-01`],
    ]);
  });
  it("go to every active official of the owner agency, not to a disabled one or another agency's", async () => {
    const toolId = await submitted();
    const db = getDb().$client;
    const agency = (db.prepare(`SELECT agency_id FROM users WHERE id = ?`).get(official().id) as { agency_id: number }).agency_id;
    const add = (email: string, agencyId: number, disabled: string | null) =>
      Number(db.prepare(`INSERT INTO users (email, display_name, role, agency_id, password_hash, disabled_at, created_at) VALUES (?, 'x', 'official', ?, 'x', ?, '2026-01-01')`).run(email, agencyId, disabled).lastInsertRowid);
    const second = add("second.official@register.example", agency, null);
    const gone = add("gone.official@register.example", agency, "2026-02-01T00:00:00Z");
    const elsewhere = (db.prepare(`SELECT agency_id FROM users WHERE id = ?`).get(otherOfficial().id) as { agency_id: number }).agency_id;
    expect(elsewhere).not.toBe(agency);
    const sunsetNotices = () => rows(`SELECT user_id, dedupe_key FROM notifications WHERE kind = 'sunset_due' ORDER BY user_id`);
    expect(sweepDeadlines(new Date("2026-12-03T01:00:00Z"), getDb())).toBe(2);
    expect(sunsetNotices()).toEqual(
      [official().id, second].sort((a, b) => a - b).map((id) => ({ user_id: id, dedupe_key: `sunset_due:${id}:${toolId}:2027-02-01` })),
    );
    expect(sunsetNotices().map((n) => n.user_id)).not.toContain(gone);
    expect(sunsetNotices().map((n) => n.user_id)).not.toContain(otherOfficial().id);
    // A sweep later that day, and the next day, writes none again.
    expect(sweepDeadlines(new Date("2026-12-03T05:00:00Z"), getDb())).toBe(0);
    expect(sweepDeadlines(new Date("2026-12-04T01:00:00Z"), getDb())).toBe(0);
  });
});

describe("mail", () => {
  it("goes out in the recipient's language, and waits while the SMTP server is down", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    await setNoticeSettings(ctxOf({ actor: reviewer2(), now: D0 }), { emailNotices: true, lang: "en" });
    // The action succeeds although no server listens.
    const toolId = await submitted();
    const transport = transportFor(process.env.SMTP_URL);
    let clock = Date.now();
    const now = () => new Date(clock);
    const down = await deliverDue({ transport, render, now }, getDb());
    expect(down).toEqual({ sent: 0, failed: 1, skipped: 0 });
    expect(outbox()[0]).toMatchObject({ status: "pending", attempts: 1, last_error: expect.stringContaining("ECONNREFUSED") });
    expect(String(outbox()[0]!.last_error)).not.toContain(String(port));
    // The server is back: the mail not yet tried goes at once, the failed one after its back-off.
    sink = await startSmtpSink(port);
    expect(await deliverDue({ transport, render, now }, getDb())).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(await deliverDue({ transport, render, now }, getDb())).toEqual({ sent: 0, failed: 0, skipped: 0 });
    clock += retryDelayMs(1) + 1000;
    expect(await deliverDue({ transport, render, now }, getDb())).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(outbox().map((o) => o.status)).toEqual(["sent", "sent"]);
    const zh = sink.mails.find((m) => m.to.includes(reviewer().email))!;
    const en = sink.mails.find((m) => m.to.includes(reviewer2().email))!;
    expect(zh.subject).toBe("停车许可评分（第 1 版）已提交审查，正在您的审查队列中等待。");
    expect(zh.text).toContain(`/zh/review/${toolId}`);
    expect(en.subject).toBe("Parking permit scoring (revision 1) was submitted for review and is waiting in your queue.");
    expect(en.text).toContain("/en/inbox");
    // Sent once: another round sends nothing.
    expect(await deliverDue({ transport, render, now }, getDb())).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(sink.mails).toHaveLength(2);
  });

  it("is skipped for a person who opts out after it was queued", async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    await submitted();
    await setNoticeSettings(ctxOf({ actor: reviewer(), now: D0 }), { emailNotices: false, lang: "zh" });
    expect(await deliverDue({ transport: transportFor(process.env.SMTP_URL), render }, getDb())).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(sink.mails.map((m) => m.to)).toEqual([[reviewer2().email]]);
  });

  it("ends only its own claim: a row another worker took over after the lease keeps that worker's state", async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    await submitted();
    const real = transportFor(process.env.SMTP_URL);
    // While this worker sends, its lease runs out and another worker claims the same row.
    const slow = { sendMail: async (m: Parameters<typeof real.sendMail>[0]) => {
      getDb().$client.prepare(`UPDATE mail_outbox SET attempts = attempts + 1, status = 'sending' WHERE status = 'sending'`).run();
      return real.sendMail(m);
    } } as unknown as typeof real;
    await deliverDue({ transport: slow, render, max: 1 }, getDb());
    expect(outbox()[0]).toMatchObject({ status: "sending", attempts: 2 });
  });

  it("keeps no e-mail address, network address or password of a failed send", () => {
    const text = mailErrorText(Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <li.wei@city.gov.cn>: user unknown at smtp://user:secret@10.1.2.3:587"), { code: "EENVELOPE", responseCode: 550 }));
    expect(text).toContain("EENVELOPE 550");
    expect(text).not.toMatch(/li\.wei|city\.gov\.cn|secret|10\.1\.2\.3/);
  });

  it("requires TLS before the login to any SMTP server but this machine's", () => {
    const requireTLS = (url: string) => (transportFor(url) as unknown as { transporter: { options: { requireTLS?: boolean } } }).transporter.options.requireTLS;
    expect(requireTLS("smtp://user:pass@mail.example.gov.cn:587")).toBe(true);
    expect(requireTLS("smtp://127.0.0.1:2526")).toBe(false);
    expect(requireTLS("smtp://localhost:25")).toBe(false);
  });

  it("are forgotten once finished for 30 days (mails) or read for 400 (notices); pending mail and unread notices stay", async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    await submitted();
    // Mail times are real time, notices are dated in register time (D0).
    const sentAt = new Date();
    const realDay = (n: number) => new Date(sentAt.getTime() + n * 86_400_000);
    await deliverDue({ transport: transportFor(process.env.SMTP_URL), render, max: 1, now: () => sentAt }, getDb());
    expect(outbox().map((o) => o.status).sort()).toEqual(["pending", "sent"]);
    await markNoticesRead(ctxOf({ actor: reviewer(), now: D0 }), { all: true });
    expect(pruneNotices(realDay(KEEP_MAIL_DAYS - 1), getDb())).toEqual({ mails: 0, notices: 0 });
    expect(pruneNotices(realDay(KEEP_MAIL_DAYS + 1), getDb())).toEqual({ mails: 1, notices: 0 });
    expect(outbox().map((o) => o.status)).toEqual(["pending"]);
    // The read notice whose mail is forgotten goes; the unread one, its mail still pending, stays.
    expect(pruneNotices(day(KEEP_READ_NOTICE_DAYS + 1), getDb())).toEqual({ mails: 0, notices: 1 });
    expect(rows(`SELECT user_id FROM notifications`).map((r) => r.user_id)).toEqual([outbox()[0]!.user_id]);
  });
});
