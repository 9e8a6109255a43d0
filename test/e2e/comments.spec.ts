import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { openDatabase, setDb } from "../../db/client.server";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { expectNoSeriousAxeViolations } from "./axe";
import { ctxOf } from "../../registry/shared/context";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const CLOCK = path.resolve(`test/.tmp/e2e-${PORT}.clock`);
const XSS = `<script>alert(1)</script><img src=x onerror="alert(2)"> [link](javascript:alert(3)) ![img](javascript:alert(4))`;

let toolId: string;
let xssToolId: string;

// A level III tool under consultation, submitted through the registry on the server's database.
test.beforeAll(async () => {
  fs.writeFileSync(CLOCK, "2026-09-01T09:00:00Z");
  const db = openDatabase(path.resolve(`test/.tmp/e2e-${PORT}.sqlite`));
  setDb(db);
  try {
    const official = actorByEmail("official.shanghai@register.example");
    const now = new Date("2026-09-01T09:00:00Z");
    toolId = (await createDraft(ctxOf({ actor: official, now }), { identity: newIdentity("consultation-e2e") })).toolId;
    for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2027-06-01" }))) await saveDraftSection(ctxOf({ actor: official }), { toolId, section: n as SectionName, value: v });
    await submitDraft(ctxOf({ actor: official, now }), { toolId });
    // A record whose free text is all attack payloads.
    xssToolId = (await createDraft(ctxOf({ actor: official, now }), { identity: { ...newIdentity("xss-record"), name: { zh: `名称${XSS}`, en: `Name ${XSS}` }, summary: { en: `Summary ${XSS}`.slice(0, 400) }, description: { en: `**bold** ${XSS} <a href="javascript:alert(5)">x</a>` } } })).toolId;
    const sections = completeSections({ level: "III", sunset: "2027-06-01" });
    sections.purpose = { ...sections.purpose!, purpose: { en: `Purpose ${XSS}` } };
    sections.incidents = [{ kind: "outage", date: "2026-08", title: { en: `Incident ${XSS}` }, description: { en: XSS }, sources: [] }];
    for (const [n, v] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: official }), { toolId: xssToolId, section: n as SectionName, value: v });
    await submitDraft(ctxOf({ actor: official, now }), { toolId: xssToolId });
  } finally {
    setDb(undefined);
    db.$client.close();
  }
});
test.afterAll(() => fs.rmSync(CLOCK, { force: true }));

test("a person comments on an open consultation without JavaScript; a reviewer publishes it; the agency replies", async ({ browser, page, login }) => {
  test.setTimeout(60_000);
  // The person: no JavaScript, no account.
  const person = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
  const p = await person.newPage();
  await p.goto(`/tools/${toolId}`);
  await expect(p.locator(".consultation-call")).toContainText("2026年9月30日");
  await p.getByRole("button", { name: "提交审核" }).click();
  await expect(p.locator("#comment-body-error")).toHaveText("请填写评论内容。");
  await p.getByLabel("您的评论").fill(`停车数据会保存多久？ ${XSS}`);
  await p.getByLabel("显示的名字（可选）").fill("<b>李</b>");
  await p.getByLabel(/电子邮箱/).fill("li@example.org");
  await p.getByRole("button", { name: "提交审核" }).click();
  await expect(p.getByRole("status")).toContainText("审核通过后");
  await expect(p.locator(".comment-body")).toHaveCount(0);

  // A reviewer publishes it.
  await login(page, "reviewer.samr@register.example");
  await page.getByRole("navigation").getByRole("link", { name: "评论审核" }).click();
  const pending = page.locator(".comment", { hasText: "停车数据会保存多久" });
  await expect(pending).toContainText("停车数据会保存多久");
  // The e-mail was left for the agency: moderators never see it.
  expect(await page.content()).not.toContain("li@example.org");
  await expectNoSeriousAxeViolations(page);
  await pending.getByRole("button", { name: "发布" }).click();
  await expect(page.getByText("没有待审核的评论。")).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();

  // The agency's official replies under it.
  await login(page, "official.shanghai@register.example");
  await page.goto(`/tools/${toolId}#comments`);
  // The owning agency's official sees the e-mail left for the agency.
  await expect(page.locator(".comment-contact")).toContainText("li@example.org");
  await page.getByLabel("代表本机构答复").fill("许可结束后保存一年，详见数据范围。");
  await page.getByRole("button", { name: "发布答复" }).click();
  await expect(page.locator(".reply")).toContainText("许可结束后保存一年");

  // The person sees both; the payloads are text, never markup; the e-mail is not shown.
  await p.reload();
  const comment = p.locator(".comment").first();
  await expect(comment.locator(".comment-body").first()).toContainText("<script>alert(1)</script>");
  await expect(comment).toContainText("<b>李</b>");
  // The reply is signed with the agency's name, never its internal code.
  await expect(comment.locator(".reply")).toContainText("上海市人民政府");
  await expect(comment.locator(".reply")).not.toContainText("shanghai-municipal-government");
  expect(await p.locator(".comments script, .comments img, .comments a[href^='javascript']").count()).toBe(0);
  expect(await p.content()).not.toContain("li@example.org");
  await expect(p.locator(".comments h2")).toContainText("1 条评论");
  await person.close();
  // axe needs JavaScript in the page: check the same page in the JavaScript context.
  await page.goto(`/tools/${toolId}`);
  await expectNoSeriousAxeViolations(page);
});

test("free text in a record is shown as text, never as markup", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  for (const url of [`/tools/${xssToolId}`, `/tools/${xssToolId}/history`, "/incidents", `/tools?q=${encodeURIComponent("Name")}`]) {
    await page.goto(url);
    const main = page.locator("main");
    expect(await main.locator("script, img, [onerror], a[href^='javascript']").count(), url).toBe(0);
  }
  await page.goto(`/tools/${xssToolId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>alert(1)</script>");
  await expect(page.locator("main")).toContainText("Purpose <script>alert(1)</script>");
  // Markdown still works for what is safe.
  await expect(page.locator("main strong", { hasText: "bold" }).first()).toBeVisible();
  expect(errors).toEqual([]);
});
