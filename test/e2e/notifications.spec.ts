// Notifications end to end, in Chinese, against the production server and a real SMTP server
// (smtp-server) on E2E_SMTP_PORT, where test/e2e/serve.sh points SMTP_URL: a submission reaches
// the reviewers' inboxes and their mail (sent once the SMTP server is back after being down; the
// submission itself never fails), an opted-out reviewer gets the inbox entry and no mail, the
// decision reaches the owning official, and with the register's clock moved the 14-day condition
// and 60-day sunset notices arrive once each.
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { STRINGS } from "../../app/i18n/strings";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { completeSections } from "../helpers/factories";
import { openDatabase, setDb } from "../../db/client.server";
import { actorById } from "../../registry/auth/accounts.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { ctxOf } from "../../registry/shared/context";
import type { SectionName } from "../../registry/standard/sections";
import { decide, recordFinding, startReview } from "../../registry/review/review.server";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { CRITERIA } from "../../registry/review/review-terms";
import type { Actor } from "../../registry/auth/roles";
import type { Db } from "../../db/client.server";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const DATABASE = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);
const CLOCK = path.resolve(`test/.tmp/e2e-${PORT}.clock`);
const setClock = (iso: string) => fs.writeFileSync(CLOCK, iso);
const zh = STRINGS.zh;
const OFFICIAL = "official.shanghai@register.example";
const REVIEWER = "reviewer.samr@register.example";
const OPTED_OUT = "reviewer.zhejiang@register.example";
const NAMED = "official.hangzhou@register.example";

let sink: SmtpSink | null = null;
test.afterAll(async () => {
  await sink?.close();
  fs.rmSync(CLOCK, { force: true });
});

async function logout(page: Page) {
  await page.getByRole("button", { name: zh.logoutButton }).click();
  await expect(page.getByRole("link", { name: zh.navLogin })).toBeVisible();
}

/** Runs registry commands straight on the server's database (the forms are tested elsewhere). */
async function onServerDb<T>(fn: (db: Db, who: (email: string) => Actor) => Promise<T>): Promise<T> {
  const db = openDatabase(DATABASE);
  setDb(db);
  // Mail rows are written as the server would write them (serve.sh sets SMTP_URL there).
  const before = process.env.SMTP_URL;
  process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
  try {
    return await fn(db, (email) => actorById((db.$client.prepare(`SELECT id FROM users WHERE email = ?`).get(email) as { id: number }).id)!);
  } finally {
    if (before === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = before;
    setDb(undefined);
    db.$client.close();
  }
}

/** A complete level III draft of Shanghai. */
function completeDraft(slug: string, nameZh: string): Promise<string> {
  return onServerDb(async (db, who) => {
    const official = who(OFFICIAL);
    const identity = { slug, name: { zh: nameZh }, originalLanguage: "zh" as const, kind: "algorithm" as const, jurisdiction: { level: "city" as const, place: { zh: "上海市" } }, policyDomain: "transport", summary: { zh: "根据居住年限为停车许可申请排序。" } };
    const { toolId } = await createDraft(ctxOf({ actor: official, now: new Date("2026-03-01T09:00:00Z"), db }), { identity });
    const sections = completeSections({ level: "III", sunset: "2027-02-01" });
    // The record also names another agency, which is asked to confirm in its inbox.
    sections.responsibility.agencies.push({ agency: "hangzhou-health-commission", role: "supplies_data" });
    for (const [section, value] of Object.entries(sections))
      await saveDraftSection(ctxOf({ actor: official, db }), { toolId, section: section as SectionName, value });
    return toolId;
  });
}

/** The review: every criterion met but one, whose condition is due 2026-06-30; approved with conditions on 2026-03-31. */
function approveWithCondition(toolId: string): Promise<void> {
  return onServerDb(async (db, who) => {
    const at = (iso: string) => new Date(iso);
    await startReview(ctxOf({ actor: who(REVIEWER), now: at("2026-03-02T09:00:00Z"), db }), { toolId });
    for (const criterion of CRITERIA) {
      const c = criterion === 3;
      const finding = { criterion, rating: c ? "partly_met" : "met", severity: c ? "medium" : undefined, condition: c ? "公开供应商的数据使用条款。" : undefined, conditionDeadline: c ? "2026-06-30" : undefined };
      await recordFinding(ctxOf({ actor: who(REVIEWER), now: at("2026-03-03T09:00:00Z"), db }), { toolId, finding });
    }
    await postConsultationResponse(ctxOf({ actor: who(OFFICIAL), now: at("2026-03-31T09:00:00Z"), db }), { toolId, raised: { zh: "保存期限。" }, changed: { zh: "缩短为一年。" } });
    await decide(ctxOf({ actor: who(REVIEWER), now: at("2026-03-31T09:00:00Z"), db }), { toolId, decision: "approve_with_conditions", summary: { zh: "附条件批准。" } });
  });
}

/**
 * Visible text of the page's main part with a Latin letter outside elements marked English; record
 * ids, e-mail addresses and records' names (data, which other specs write with Latin letters) left out.
 */
function latinOnChinesePage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang^="en"], script, style, .inbox-item a') || !el.checkVisibility()) continue;
      const text = (n.textContent ?? "").replace(/ALG-\d{6}/g, "").replace(/[\w.+-]+@[\w.-]+/g, "");
      if (/[A-Za-z]/.test(text)) out.push(text.trim());
    }
    return out;
  });
}

const mailsTo = (email: string) => (sink?.mails ?? []).filter((m) => m.to.includes(email));

test("a submission reaches the reviewers' inboxes and mail, the decision the official's, and the condition and sunset notices come once each", async ({ page, login }) => {
  test.setTimeout(180_000);
  setClock("2026-03-01T09:00:00Z");

  // A reviewer opts out of mail on the account page (a plain form).
  await login(page, OPTED_OUT);
  await page.getByLabel(zh.noticeEmailLabel).uncheck();
  await page.getByRole("button", { name: zh.noticeSettingsSave }).click();
  await expect(page.getByRole("status")).toHaveText(zh.noticeSettingsSaved);
  await expect(page.getByLabel(zh.noticeEmailLabel)).not.toBeChecked();
  expect(await latinOnChinesePage(page)).toEqual([]);
  await expectNoSeriousAxeViolations(page);
  await logout(page);

  // The SMTP server is down: the submission still succeeds.
  const name = "通知测试停车排序";
  const id = await completeDraft("notify-parking-ranking", name);
  await login(page, OFFICIAL);
  // Submitted from "check your answers"; the confirmation names the consultation's last day.
  await page.goto(`/tools/${id}/edit/check`);
  await page.getByRole("button", { name: zh.editSubmitButton }).click();
  await expect(page).toHaveURL(new RegExp(`/tools/${id}/submitted$`));
  await expect(page.locator("main")).toContainText("2026年3月30日");
  await logout(page);

  // The reviewer's header counts the notice; the inbox words it in Chinese and links to the review.
  await login(page, REVIEWER);
  // Earlier specs on this server may have left the reviewer other notices: count from what the header says.
  const unreadLabel = (n: number) => (n ? zh.navInboxUnreadLabel.replace("{n}", String(n)) : zh.navInbox);
  const inboxLink = page.getByRole("navigation").getByRole("link", { name: /^通知，\d+ 条未读$/ });
  await expect(inboxLink).toBeVisible();
  const unread = Number(/\d+/.exec((await inboxLink.getAttribute("aria-label")) ?? "")![0]);
  expect(unread).toBeGreaterThanOrEqual(1);
  await inboxLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.inboxTitle);
  const notice = page.locator(".inbox-item").filter({ hasText: name });
  await expect(notice).toContainText(`${name}（第 1 版）已提交审查`);
  await expect(notice.getByRole("link", { name })).toHaveAttribute("href", `/review/${id}`);
  expect(await latinOnChinesePage(page)).toEqual([]);
  await expectNoSeriousAxeViolations(page);
  await notice.getByRole("button", { name: zh.inboxMarkRead }).click();
  await expect(page.getByText(zh.inboxUnread.replace("{n}", String(unread - 1)))).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: unreadLabel(unread - 1), exact: true })).toBeVisible();
  await expect(notice.getByRole("button", { name: zh.inboxMarkRead })).toHaveCount(0);
  await logout(page);

  // Meanwhile the server tried to send the reviewer's mail and failed; it will try again.
  const reviewerMailRow = () =>
    onServerDb(async (db) =>
      db.$client
        .prepare(`SELECT o.status, o.attempts, o.last_error FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id JOIN users u ON u.id = n.user_id WHERE u.email = ? AND n.tool_id = ?`)
        .get(REVIEWER, id),
    );
  await expect.poll(reviewerMailRow, { timeout: 30_000, intervals: [1000] }).toMatchObject({ status: "pending", attempts: 1, last_error: expect.stringContaining("ECONNREFUSED") });

  // The SMTP server comes back: the mail goes out on the next attempt, in the reviewer's language.
  sink = await startSmtpSink(SMTP_PORT);
  // Mails other specs left pending may arrive too: only this tool's count.
  const reviewerMails = () => mailsTo(REVIEWER).filter((m) => m.subject.includes(name));
  await expect.poll(() => reviewerMails().length, { timeout: 90_000, intervals: [1000] }).toBe(1);
  const mail = reviewerMails()[0]!;
  expect(mail.subject).toBe(`${name}（第 1 版）已提交审查，正在您的审查队列中等待。`);
  expect(mail.text).toContain(`http://127.0.0.1:${PORT}/zh/review/${id}`);

  // The opted-out reviewer has the inbox entry and no mail.
  await login(page, OPTED_OUT);
  await page.goto("/inbox");
  await expect(page.locator(".inbox-item").filter({ hasText: name })).toHaveCount(1);
  await logout(page);
  expect(mailsTo(OPTED_OUT)).toEqual([]);
  expect(reviewerMails()).toHaveLength(1);

  // The agency the record names confirms the link from its inbox.
  await login(page, NAMED);
  await page.goto("/inbox");
  const asked = page.locator(".inbox-item").filter({ hasText: `${name} 的记录将贵机构列为负责机构` });
  await asked.getByRole("button", { name: zh.coRespConfirmShort, exact: true }).click();
  await expect(page).toHaveURL(/\/drafts\?coresp=confirmed$/);
  await expect(page.getByText(zh.coRespConfirmed)).toBeVisible();
  await page.goto("/inbox");
  await expect(asked.getByRole("button", { name: zh.coRespConfirmShort, exact: true })).toHaveCount(0);
  await logout(page);

  // The decision reaches the owning agency's officials.
  setClock("2026-03-31T09:00:00Z");
  await approveWithCondition(id);
  await expect.poll(() => mailsTo(OFFICIAL).filter((m) => m.subject.includes(name)).map((m) => m.subject), { timeout: 30_000, intervals: [1000] }).toEqual([
    `${name}（第 1 版）的审查已作出决定：附条件批准。`,
  ]);

  // Fourteen days before the condition's deadline (2026-06-30) they hear once, however many workers sweep.
  setClock("2026-06-16T02:00:00Z");
  const conditionMails = () => mailsTo(OFFICIAL).filter((m) => m.subject.includes(name) && m.subject.includes("2026-06-30"));
  await expect.poll(() => conditionMails().length, { timeout: 30_000, intervals: [1000] }).toBe(1);
  expect(conditionMails()[0]!.subject).toBe(`${name} 的批准所附条件（第 3 项标准）须在 2026-06-30 前完成。`);
  setClock("2026-06-17T02:00:00Z");
  await page.waitForTimeout(6000);
  expect(conditionMails()).toHaveLength(1);

  // Sixty days before the sunset date (2027-02-01) the owning agency hears once, in every worker's sweep.
  setClock("2026-12-03T02:00:00Z");
  const sunsetMails = () => mailsTo(OFFICIAL).filter((m) => m.subject.includes(name) && m.subject.includes("终止日期"));
  await expect.poll(() => sunsetMails().length, { timeout: 30_000, intervals: [1000] }).toBe(1);
  expect(sunsetMails()[0]!.subject).toBe(`${name} 将于 2027-02-01 到达终止日期：请申请续期或将其停用。`);
  // Several sweeps later (each worker sweeps every few seconds once the day changed), still one.
  setClock("2026-12-04T02:00:00Z");
  await page.waitForTimeout(6000);
  expect(sunsetMails()).toHaveLength(1);
  await login(page, OFFICIAL);
  await page.goto("/inbox");
  await expect(page.locator(".inbox-item").filter({ hasText: `${name} 将于 2027-02-01 到达终止日期` })).toHaveCount(1);
  await expect(page.locator(".inbox-item").filter({ hasText: "须在 2026-06-30 前完成" })).toHaveCount(1);
});
