// Notifications end to end, in Chinese, against the production server and a real SMTP server
// (smtp-server) on E2E_SMTP_PORT, where test/e2e/serve.sh points SMTP_URL: a submission reaches
// the reviewers' inboxes and their mail (sent once the SMTP server is back after being down; the
// submission itself never fails), an opted-out reviewer gets the inbox entry and no mail, and
// with the register's clock moved the 60-day sunset notice arrives once.
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

const PORT = Number(process.env.E2E_PORT ?? 3210);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const DATABASE = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);
const CLOCK = path.resolve(`test/.tmp/e2e-${PORT}.clock`);
const setClock = (iso: string) => fs.writeFileSync(CLOCK, iso);
const zh = STRINGS.zh;
const OFFICIAL = "official.shanghai@register.example";
const REVIEWER = "reviewer.samr@register.example";
const OPTED_OUT = "reviewer.zhejiang@register.example";

let sink: SmtpSink | null = null;
test.afterAll(async () => {
  await sink?.close();
  fs.rmSync(CLOCK, { force: true });
});

async function logout(page: Page) {
  await page.getByRole("button", { name: zh.logoutButton }).click();
  await expect(page.getByRole("link", { name: zh.navLogin })).toBeVisible();
}

/** A complete level III draft of Shanghai, written straight into the server's database (the forms are tested elsewhere). */
async function completeDraft(slug: string, nameZh: string): Promise<string> {
  const db = openDatabase(DATABASE);
  setDb(db);
  try {
    const id = (db.$client.prepare(`SELECT id FROM users WHERE email = ?`).get(OFFICIAL) as { id: number }).id;
    const official = actorById(id)!;
    const identity = { slug, name: { zh: nameZh }, originalLanguage: "zh" as const, kind: "algorithm" as const, jurisdiction: { level: "city" as const, place: { zh: "上海市" } }, policyDomain: "transport", summary: { zh: "根据居住年限为停车许可申请排序。" } };
    const { toolId } = await createDraft(ctxOf({ actor: official, now: new Date("2026-03-01T09:00:00Z"), db }), { identity });
    for (const [section, value] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01" })))
      await saveDraftSection(ctxOf({ actor: official, db }), { toolId, section: section as SectionName, value });
    return toolId;
  } finally {
    setDb(undefined);
    db.$client.close();
  }
}

/** Visible text of the page's main part with a Latin letter outside elements marked English, record ids and e-mail addresses left out. */
function latinOnChinesePage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang^="en"], script, style') || !el.checkVisibility()) continue;
      const text = (n.textContent ?? "").replace(/ALG-\d{6}/g, "").replace(/[\w.+-]+@[\w.-]+/g, "");
      if (/[A-Za-z]/.test(text)) out.push(text.trim());
    }
    return out;
  });
}

const mailsTo = (email: string) => (sink?.mails ?? []).filter((m) => m.to.includes(email));

test("a submission reaches the reviewers' inboxes and mail, and the sunset notice comes once", async ({ page, login }) => {
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
  await page.goto(`/tools/${id}/edit`);
  await page.getByRole("button", { name: zh.editSubmitButton }).click();
  await expect(page.getByRole("status")).toContainText("2026年3月30日");
  await logout(page);

  // The reviewer's header counts the notice; the inbox words it in Chinese and links to the review.
  await login(page, REVIEWER);
  const inboxLink = page.getByRole("navigation").getByRole("link", { name: zh.navInboxUnreadLabel.replace("{n}", "1") });
  await expect(inboxLink).toBeVisible();
  await inboxLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.inboxTitle);
  const notice = page.locator(".inbox-item").filter({ hasText: name });
  await expect(notice).toContainText(`${name}（第 1 版）已提交审查`);
  await expect(notice.getByRole("link", { name })).toHaveAttribute("href", `/review/${id}`);
  expect(await latinOnChinesePage(page)).toEqual([]);
  await expectNoSeriousAxeViolations(page);
  await notice.getByRole("button", { name: zh.inboxMarkRead }).click();
  await expect(page.getByText(zh.inboxUnread.replace("{n}", "0"))).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: zh.navInbox, exact: true })).toBeVisible();
  await logout(page);

  // The SMTP server comes back: the mail goes out on the next attempt, in the reviewer's language.
  sink = await startSmtpSink(SMTP_PORT);
  await expect.poll(() => mailsTo(REVIEWER).length, { timeout: 90_000, intervals: [1000] }).toBe(1);
  const mail = mailsTo(REVIEWER)[0]!;
  expect(mail.subject).toBe(`${name}（第 1 版）已提交审查，正在您的审查队列中等待。`);
  expect(mail.text).toContain(`http://127.0.0.1:${PORT}/zh/review/${id}`);

  // The opted-out reviewer has the inbox entry and no mail.
  await login(page, OPTED_OUT);
  await page.goto("/inbox");
  await expect(page.locator(".inbox-item").filter({ hasText: name })).toHaveCount(1);
  await logout(page);
  expect(mailsTo(OPTED_OUT)).toEqual([]);

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
});
