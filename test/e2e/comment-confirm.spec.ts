// After a comment is posted, with or without JavaScript, the thank-you or the error is in view and
// has focus; the JavaScript form is cleared after success; a form sent twice (a double click, or
// going back and sending it again) is stored once. The comment section of the 随申码 record is
// thousands of pixels below the top of the page, so "in view" is a real check.
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { openDatabase } from "../../db/client.server";
import { spamPostedComments } from "../helpers/e2e-comments";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const CLOCK = path.resolve(`test/.tmp/e2e-${PORT}.clock`);
const DB = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);
const TOOL = "ALG-000002";

const posted: string[] = [];
/** A unique comment text; the comments are cleared from the moderation queue afterwards. */
function commentText(prefix: string): string {
  const body = `${prefix} ${Date.now()}`;
  posted.push(body);
  return body;
}

/** How many comments with this text the server's database holds. */
function stored(body: string): number {
  const db = openDatabase(DB, { readonly: true });
  try {
    return (db.$client.prepare(`SELECT count(*) AS n FROM comments WHERE body = ?`).get(body) as { n: number }).n;
  } finally {
    db.$client.close();
  }
}

// Every post comes from 127.0.0.1: each test starts an hour later, so the per-minute limit and the
// 10-minute repeat window of one test never reach the next. Before the clock of comments.spec.ts
// (2026-09-01), so these comments never count against its posts' per-minute limit.
let hour = 0;
test.beforeEach(() => {
  hour += 1;
  fs.writeFileSync(CLOCK, new Date(Date.UTC(2026, 7, 1, hour, 0, 0)).toISOString());
});
// Leave the moderation queue as it was for the other specs: these comments are marked as spam.
test.afterAll(async () => {
  fs.rmSync(CLOCK, { force: true });
  await spamPostedComments(DB, posted);
});

/** The message after a post: focused, and entirely inside the viewport. */
async function expectFocusedInView(page: Page, role: "status" | "alert") {
  const message = page.locator("#comments").getByRole(role);
  await expect(message).toHaveCount(1);
  await expect.poll(() => message.evaluate((el) => el === document.activeElement), "the message has focus").toBe(true);
  const box = await message.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "the message is rendered").not.toBeNull();
  expect(box!.y, "the message's top is in view").toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, "the message's bottom is in view").toBeLessThanOrEqual(viewport.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
}

test("without JavaScript, the error and the thank-you are in view and focused; going back and sending again stores one comment", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`/tools/${TOOL}`);
  // The heading counts once, in the page's own parentheses.
  await expect(page.locator("#comments-h")).toHaveText("公众评论（0 条评论）");
  expect(await page.locator("#comments-h").evaluate((h: HTMLElement) => h.innerText + [...h.querySelectorAll("*")].map((e) => getComputedStyle(e, "::before").content).join(""))).not.toMatch(/\(\(|"\("/);

  // An empty comment: the error summary, focused, where the eye is.
  await page.getByRole("button", { name: "提交审核" }).click();
  await expectFocusedInView(page, "alert");
  await expect(page.locator("#comment-result")).toContainText("请填写评论内容。");

  const body = commentText("无脚本评论");
  await page.goto(`/tools/${TOOL}`);
  await page.getByLabel("您的评论").fill(body);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expectFocusedInView(page, "status");
  await expect(page.locator("#comment-result")).toContainText("审核通过后");
  expect(stored(body)).toBe(1);

  // Back to the form, and the same comment sent again: still one.
  await page.goBack();
  await expect(page.getByLabel("您的评论")).toBeVisible();
  await page.getByLabel("您的评论").fill(body);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expectFocusedInView(page, "status");
  expect(stored(body)).toBe(1);
  await context.close();
});

test("without JavaScript on a phone, the thank-you is in view and focused", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/tools/${TOOL}`);
  await expect(page.locator("#comments-h")).toHaveText("Public comments (0 comments)");
  const body = commentText("No-script phone comment");
  await page.getByLabel(/Your comment/).fill(body);
  await page.getByRole("button", { name: /Send for moderation/ }).click();
  await expectFocusedInView(page, "status");
  expect(stored(body)).toBe(1);
  await context.close();
});

test("with JavaScript, a double click stores one comment, the form is cleared and the thank-you is focused", async ({ page }) => {
  await page.goto(`/tools/${TOOL}`);
  // The token is made in the browser once the page is live.
  await expect(page.locator("input[name=token]")).not.toHaveValue("");
  const body = commentText("有脚本评论");
  await page.getByLabel("您的评论").fill(body);
  await page.getByLabel("显示的名字（可选）").fill("王");
  await page.getByRole("button", { name: "提交审核" }).dblclick();
  await expect(page.getByRole("status")).toContainText("审核通过后");
  await expectFocusedInView(page, "status");
  await expect(page.getByLabel("您的评论")).toHaveValue("");
  await expect(page.getByLabel("显示的名字（可选）")).toHaveValue("");
  expect(stored(body)).toBe(1);

  // The cleared form is a new one: the next comment is stored too, even with the same text.
  await page.getByLabel("您的评论").fill(body);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByLabel("您的评论")).toHaveValue("");
  await expect.poll(() => stored(body)).toBe(2);

  // An error: the summary takes focus in view, and what was typed stays.
  await page.getByLabel("您的评论").fill("x");
  await page.getByLabel(/电子邮箱/).fill("not-an-email");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "您的评论未能提交" })).toBeVisible();
  await expectFocusedInView(page, "alert");
  await expect(page.getByLabel("您的评论")).toHaveValue("x");
});
