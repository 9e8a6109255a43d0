import { test, expect } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../helpers/seed";

const official = DEMO_ACCOUNTS.find((a) => a.role === "official")!;

test("an official logs in after a mistake, sees the account page, and logs out", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");

  // A wrong password: the error summary says so, and the e-mail stays filled in.
  await page.getByLabel("电子邮箱").fill(official.email);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("电子邮箱或密码不正确");
  await expect(page).toHaveTitle(/^错误：/);
  await expect(page.getByLabel("电子邮箱")).toHaveValue(official.email);

  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的账户");
  // The agency by its name, never its code.
  await expect(page.locator("dl.facts")).toContainText("上海市人民政府");
  await expect(page.locator("dl.facts")).not.toContainText(official.agency!);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  expect(errors).toEqual([]);
});

test("the event log shows a verified chain and links to its JSON", async ({ page }) => {
  await page.goto("/log");
  await expect(page.getByRole("status")).toContainText("链条完整");
  const json = await page.request.get("/log.json");
  expect(json.ok()).toBe(true);
  const body = (await json.json()) as { verification: { ok: boolean }; total: number };
  expect(body.verification.ok).toBe(true);
  expect(body.total).toBeGreaterThanOrEqual(22);
});

test("the login form works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(official.email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await context.close();
});
