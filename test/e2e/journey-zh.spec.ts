// The whole staff journey, in Chinese, on its own server, database, clock and SMTP server (issue
// 13, "Done means" 1): the Shanghai official takes over 随申码 (registered by the register's
// editors), completes its missing legal basis and retention periods from the task list, sees the
// impact level appear after the questionnaire, checks the answers and submits; the SAMR reviewer
// is told (inbox and e-mail), records the ten findings in one form and decides; the official is
// told of the decision; the public record shows the agency's revision and the decision. On every
// page on the way: no string of the English string table, no Latin word outside lang="en" (record
// ids excepted) and no agency code in what a reader sees or hears.
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { STRINGS } from "../../app/i18n/strings";
import { DEMO_PASSWORD } from "../helpers/seed";
import { seededDatabase, startServer, type ServerProcess } from "../helpers/server-process";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { expectNoSeriousAxeViolations } from "./axe";
import { chineseTextProblems, englishTextProblems } from "./zh-text";
import { answerLevelIIIQuestionnaire } from "./fixtures";

const zh = STRINGS.zh;
const PORT = Number(process.env.JOURNEY_E2E_PORT ?? 3330);
const OFFICIAL = "official.shanghai@register.example";
const REVIEWER = "reviewer.samr@register.example";
const TOOL = "ALG-000002"; // 随申码, operated by the Shanghai municipal government
const f = (p: string) => `#f-${p.replace(/\./g, "-")}`;

let tmp = "";
let clock = "";
let server: ServerProcess;
let smtp: SmtpSink;
let agencyCodes: string[] = [];
const base = () => `http://127.0.0.1:${server.port}`;
const setClock = (iso: string) => fs.writeFileSync(clock, iso);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const db = seededDatabase("journey-zh-");
  tmp = db.dir;
  clock = path.join(tmp, "clock");
  setClock("2026-12-01T01:00:00Z");
  const codes = new Database(db.file, { readonly: true });
  agencyCodes = codes.prepare(`SELECT slug FROM agencies`).pluck().all() as string[];
  codes.close();
  smtp = await startSmtpSink(0);
  server = await startServer({
    port: PORT,
    databasePath: db.file,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SITE_URL: `http://127.0.0.1:${PORT}`,
      REGISTER_CLOCK_FILE: clock,
      REGISTER_ALLOW_TEST_CLOCK: "1",
      WEB_CONCURRENCY: "2",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function go(page: Page, url: string) {
  await page.goto(base() + url);
}

/** The page in Chinese as a reader meets it: nothing English, no code, nothing too wide for the phone. */
async function readsAsChinese(page: Page, where: string) {
  await page.waitForLoadState("networkidle");
  expect(await chineseTextProblems(page, agencyCodes), `${where}: ${page.url()}`).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where}: wider than the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
  // JOURNEY_SHOTS=<dir> keeps a full-page screenshot of each step, to look at.
  if (process.env.JOURNEY_SHOTS) await page.screenshot({ path: path.join(process.env.JOURNEY_SHOTS, `${where.replace(/\W+/g, "-")}.png`), fullPage: true });
}

async function login(page: Page, email: string) {
  await go(page, "/login");
  await page.getByLabel(zh.loginEmail).fill(email);
  await page.getByLabel(zh.loginPassword).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: zh.loginButton }).click();
  await expect(page).toHaveURL(/\/account$/);
}

async function logout(page: Page) {
  // On a phone the account links fold into the menu.
  const menu = page.locator(".nav-menu > summary");
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: zh.logoutButton }).click();
  await expect(page.getByRole("button", { name: zh.logoutButton, includeHidden: true })).toHaveCount(0);
}

/** Opens a section from the task list, fills it, saves, and goes back to the task list. */
async function completeSection(page: Page, title: string, fill: () => Promise<void>) {
  await go(page, `/tools/${TOOL}/edit`);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/section=/);
  await fill();
  await page.getByRole("button", { name: zh.editSave }).last().click();
  await expect(page.getByRole("status")).toContainText("已保存");
  await readsAsChinese(page, `section ${title}`);
}

const statusOf = (page: Page, section: string) =>
  page.locator(".task-list-item", { has: page.getByRole("link", { name: section, exact: true }) }).locator(".task-tag");

test("in Chinese: an agency completes 随申码, a reviewer decides, both are told, the public sees it", async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.setViewportSize({ width: 390, height: 844 });

  // The official finds 随申码 among the records the editors registered for the agency, and takes it over.
  await login(page, OFFICIAL);
  await readsAsChinese(page, "account");
  await go(page, "/drafts");
  await readsAsChinese(page, "drafts");
  const offer = page.getByRole("listitem").filter({ hasText: "随申码" }).filter({ has: page.getByRole("button") });
  await offer.getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`/tools/${TOOL}/edit$`));

  // The task list: what is missing, no level yet.
  await expect(statusOf(page, "目的与法律依据")).toHaveText("有问题");
  await expect(statusOf(page, "收集的数据")).toHaveText("有问题");
  await expect(page.locator(".impact-panel")).toContainText("填写影响评估问卷后，这里会显示影响等级。");
  await readsAsChinese(page, "task list");
  await expectNoSeriousAxeViolations(page);

  // The missing legal basis, and a way to be served without the app.
  await completeSection(page, "目的与法律依据", async () => {
    await page.locator('button[name="_add"][value="purpose.legalBasis"]').click();
    await page.fill(f("purpose.legalBasis.0.citation"), "《中华人民共和国传染病防治法》");
    await page.fill(f("purpose.nonDigitalAlternative.zh"), "无智能手机的市民可凭身份证件由工作人员人工核验。");
  });
  // Why each sensitive element is needed, and how long it is kept.
  await completeSection(page, "收集的数据", async () => {
    for (const i of [0, 1, 2]) {
      await page.fill(f(`dataScope.elements.${i}.necessity.zh`), "用于判断是否到过中高风险地区。");
      await page.fill(f(`dataScope.elements.${i}.retention.zh`), "疫情防控结束后三十日内删除。");
    }
  });
  await completeSection(page, "责任主体", async () => {
    await page.fill(f("responsibility.contactOffice.name.zh"), "上海市大数据中心");
  });
  await completeSection(page, "监督与申诉", async () => {
    await page.fill(f("oversight.humanOversight.zh"), "对赋码结果有异议的，由街道工作人员核实后人工改码。");
  });
  await completeSection(page, "生命周期与日期", async () => {
    await page.fill(f("lifecycle.sunsetDate"), "2027-06-30");
  });

  // The questionnaire: the level appears on the task list with what it requires.
  await go(page, `/tools/${TOOL}/edit`);
  await expect(page.locator(".impact-panel")).not.toContainText("影响等级：");
  await completeSection(page, "影响评估", async () => {
    await answerLevelIIIQuestionnaire(page);
  });
  await go(page, `/tools/${TOOL}/edit`);
  await expect(page.locator(".impact-panel")).toContainText("本工具的影响等级：Ⅲ级");
  await expect(page.locator(".impact-panel")).toContainText("须 1 名独立审查员");
  for (const s of ["目的与法律依据", "收集的数据", "生命周期与日期", "影响评估"]) await expect(statusOf(page, s)).toHaveText("已完成");
  await readsAsChinese(page, "task list with level");

  // Check the answers, then submit; the confirmation says what happens next.
  await page.getByRole("link", { name: "继续：检查填写内容" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("提交前检查填写内容");
  await expect(page.locator("main")).toContainText("《中华人民共和国传染病防治法》");
  await expect(page.locator("main")).toContainText("疫情防控结束后三十日内删除。");
  await readsAsChinese(page, "check answers");
  await page.getByRole("button", { name: zh.editSubmitButton }).click();
  await expect(page).toHaveURL(new RegExp(`/tools/${TOOL}/submitted$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("已提交审查");
  await readsAsChinese(page, "confirmation");
  await logout(page);

  // The reviewer is told: in the inbox, and by e-mail in Chinese.
  await expect.poll(() => smtp.mails.filter((m) => m.to.includes(REVIEWER)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const arrival = smtp.mails.find((m) => m.to.includes(REVIEWER))!;
  expect(arrival.subject).toContain("随申码");
  expect(arrival.text).toContain(`/review/${TOOL}`);
  expect(arrival.subject + arrival.text).not.toMatch(/shanghai-municipal-government|submitted|\bundefined\b/);
  await login(page, REVIEWER);
  await go(page, "/inbox");
  await expect(page.locator(".inbox-item").filter({ hasText: "随申码" }).first()).toBeVisible();
  await readsAsChinese(page, "reviewer inbox");

  // A month later the consultation has closed; the agency says what was raised.
  await logout(page);
  setClock("2027-01-05T01:00:00Z");
  await login(page, OFFICIAL);
  await go(page, `/tools/${TOOL}/edit`);
  await page.fill("#f-raised-zh", "市民询问位置数据的保存期限。");
  await page.fill("#f-changed-zh", "明确疫情防控结束后三十日内删除。");
  await page.getByRole("button", { name: "发布答复" }).click();
  await expect(page).toHaveURL(/done=respond/);
  await logout(page);

  // The reviewer records the ten findings in one form and decides.
  await login(page, REVIEWER);
  await go(page, "/review");
  await readsAsChinese(page, "review queue");
  await page.getByRole("link", { name: "随申码" }).click();
  await page.getByRole("button", { name: "开始审查" }).click();
  await expect(page).toHaveURL(/done=start/);
  await readsAsChinese(page, "review page");
  // The whole record, read-only, as the reviewer opens it: names and labels, no paths or codes.
  await page.locator("main details > summary").first().click();
  await expect(page.locator("main details .summary-list").first()).toBeVisible();
  await expect(page.locator("main details")).toContainText("疫情防控结束后三十日内删除。");
  await readsAsChinese(page, "review page with the record open");
  const findings = page.locator("form#findings");
  await expect(findings.locator("fieldset")).toHaveCount(10);
  await expect(findings.getByRole("button")).toHaveCount(1);
  for (let c = 1; c <= 10; c++) await page.selectOption(f(`findings.${c}.rating`), "met");
  await findings.getByRole("button", { name: "保存审查意见" }).click();
  await expect(page.getByRole("status")).toContainText("审查意见已保存");
  await page.selectOption("#decision-choice", "approve");
  await page.fill("#summary-zh", "十项标准均已符合，批准。");
  await page.getByRole("button", { name: "记录决定" }).click();
  await expect(page.getByRole("status")).toContainText("批准");
  await readsAsChinese(page, "decided review");
  await logout(page);

  // The official is told of the decision.
  await expect.poll(() => smtp.mails.filter((m) => m.to.includes(OFFICIAL)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const decision = smtp.mails.find((m) => m.to.includes(OFFICIAL))!;
  expect(decision.subject + decision.text).toContain("随申码");
  await login(page, OFFICIAL);
  await go(page, "/inbox");
  await expect(page.locator(".inbox-item").filter({ hasText: "随申码" }).first()).toContainText("批准");
  await readsAsChinese(page, "official inbox");
  await logout(page);

  // The public record: the agency's revision, who took it over, the decision.
  await go(page, `/tools/${TOOL}`);
  await expect(page.locator(".review-panel")).toContainText("决定：批准 · 国家市场监督管理总局（国家标准化管理委员会）审查员");
  await expect(page.locator("main")).toContainText("上海市人民政府");
  await expect(page.locator("main")).toContainText("接管");
  await expect(page.locator("main")).toContainText("《中华人民共和国传染病防治法》");
  await readsAsChinese(page, "public record");
  expect(errors).toEqual([]);
});

test("in English, the same pages carry no untranslated interface text", async ({ page }) => {
  // Runs after the Chinese journey: 随申码 has been taken over, reviewed and decided.
  const readsAsEnglish = async (where: string) => {
    await page.waitForLoadState("networkidle");
    expect(await englishTextProblems(page), `${where}: ${page.url()}`).toEqual([]);
  };
  await go(page, `/en/tools/${TOOL}`);
  await readsAsEnglish("public record");
  await go(page, "/en/login");
  await page.getByLabel(STRINGS.en.loginEmail).fill(REVIEWER);
  await page.getByLabel(STRINGS.en.loginPassword).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: STRINGS.en.loginButton }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  for (const url of ["/en/account", "/en/inbox", "/en/review", `/en/review/${TOOL}`]) {
    await go(page, url);
    await readsAsEnglish(url);
  }
});
