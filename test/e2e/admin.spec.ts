// Issue 13, admin journey (in Chinese): an admin adds an agency and an official for it on the
// web, the official sets a password from the invitation and signs in; the admin disables the
// account, the official's open session ends and signing in again fails. Create and disable also
// work without JavaScript on a 390 px phone.
import { test, expect, login, type Page } from "./fixtures";
import type { Browser } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";

const ADMIN = "admin@register.example";

async function fitsWidth(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function addAgency(page: Page, nameZh: string, nameEn: string) {
  await page.goto("/admin/agencies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("机构管理");
  await page.getByLabel("中文名称").fill(nameZh);
  await page.getByLabel("英文名称").fill(nameEn);
  await page.getByLabel("上级机构").selectOption({ label: "上海市人民政府" });
  await page.getByLabel("行政层级").selectOption({ label: "区县级" });
  await page.getByLabel("所辖地域（中文）").fill("浦东新区");
  await page.getByRole("button", { name: "新增机构" }).click();
  await expect(page.getByRole("status")).toHaveText("机构已保存。");
  await expect(page.locator(".agency-admin-list")).toContainText(nameZh);
}

/** Creates an official of `agency` (by name) and returns the invitation link from the confirmation page. */
async function createOfficial(page: Page, email: string, name: string, agency: string): Promise<string> {
  await page.goto("/admin/accounts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("账户管理");
  const form = page.locator("form", { has: page.getByRole("button", { name: "创建账户并生成邀请" }) });
  await form.getByLabel("电子邮箱").fill(email);
  await form.getByLabel("姓名").fill(name);
  await form.getByLabel("角色").selectOption({ label: "官员" });
  await form.getByLabel("所属机构").selectOption({ label: agency });
  await form.getByRole("button", { name: "创建账户并生成邀请" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} 的邀请`);
  await expect(page.getByRole("status")).toContainText("只显示这一次");
  const link = await page.getByLabel("邀请链接").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  // The token is in no address the admin's browser went to.
  expect(page.url()).not.toContain(link.split("/invite/")[1]!);
  return link;
}

async function disable(page: Page, name: string) {
  await page.goto("/admin/accounts");
  const entry = page.locator("li.account", { has: page.getByRole("heading", { name }) });
  await expect(entry.locator(".account-state")).not.toHaveText("已停用");
  await entry.getByRole("button", { name: "停用" }).click();
  await expect(page.getByRole("status")).toHaveText("该账户已停用，其登录会话已全部结束。");
  await expect(page.locator("li.account", { has: page.getByRole("heading", { name }) }).locator(".account-state")).toHaveText("已停用");
}

async function setPassword(browser: Browser, link: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("设置密码");
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码").fill(`${password}?`);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByRole("alert")).toContainText("两次输入的密码不一致");
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码").fill(password);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的账户");
  return { context, page };
}

test("an admin adds an agency and an official; the official sets a password, signs in, and is switched off", async ({ page, browser }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await login(page, ADMIN);
  await expect(page.getByRole("link", { name: "管理", exact: true })).toBeVisible();
  await addAgency(page, "浦东新区数据局", "Pudong New Area Data Bureau");
  const link = await createOfficial(page, "wang.xiaoming@pudong.example", "王小明", "浦东新区数据局");
  // The list names the agency, never its address name.
  await page.goto("/admin/accounts");
  await expectNoSeriousAxeViolations(page);
  const entry = page.locator("li.account", { has: page.getByRole("heading", { name: "王小明" }) });
  await expect(entry).toContainText("浦东新区数据局");
  await expect(entry).toContainText("已邀请，尚未设置密码");
  expect(await page.locator("main").innerText()).not.toContain("pudong-new-area-data-bureau");

  const password = "pudong-official-2026";
  const official = await setPassword(browser, link, password);
  await expect(official.page.getByRole("link", { name: "管理", exact: true })).toHaveCount(0);
  // The link works once.
  await official.page.goto(link);
  await expect(official.page.getByRole("heading", { level: 1 })).toHaveText("此邀请已被使用");

  await disable(page, "王小明");
  // The official's open session has ended: the next request goes to the login page.
  await official.page.goto("/account");
  await expect(official.page).toHaveURL(/\/login\?next=/);
  await official.page.getByLabel("电子邮箱").fill("wang.xiaoming@pudong.example");
  await official.page.getByLabel("密码").fill(password);
  await official.page.getByRole("button", { name: "登录" }).click();
  await expect(official.page.getByRole("alert")).toContainText("此账户已被停用");
  await official.context.close();

  // The log names the changes without the person.
  await page.goto("/log");
  const log = await page.locator("main").innerText();
  for (const kind of ["新增机构", "创建账户", "账户设置密码", "停用账户"]) expect(log).toContain(kind);
  expect(log).not.toContain("王小明");
  expect(log).not.toContain("wang.xiaoming");
  // The same pages in English, and a clear answer to a link that is not an invitation.
  await page.goto("/en/admin/agencies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agencies");
  await expectNoSeriousAxeViolations(page);
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
  const unknown = await page.request.get(`/en/invite/${"x".repeat(43)}`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("This invitation link is not valid");
  const unknownZh = await page.request.get(`/invite/${"x".repeat(43)}`);
  expect(await unknownZh.text()).toContain("此邀请链接无效");
  expect(errors).toEqual([]);
});

test("create and disable work without JavaScript on a 390 px phone", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(ADMIN);
  await page.getByLabel("密码").fill((await import("../helpers/seed")).DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await addAgency(page, "闵行区数据局", "Minhang District Data Bureau");
  await fitsWidth(page, 390);
  const link = await createOfficial(page, "li.hua@minhang.example", "李华", "闵行区数据局");
  await fitsWidth(page, 390);
  await page.goto("/admin/accounts");
  await fitsWidth(page, 390);
  await disable(page, "李华");
  await fitsWidth(page, 390);
  // A disabled account's invitation no longer opens it.
  const other = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("此邀请链接无效");
  await fitsWidth(invitee, 390);
  await other.close();
  await context.close();
});
