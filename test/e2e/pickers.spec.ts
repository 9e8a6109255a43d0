// Issue 13, "Pickers, not codes": without JavaScript, on a 390 px phone in Chinese, an official
// creates a draft leaving the web-address name empty (made from the name in pinyin), then picks
// the agency by its name in the responsibility section and saves.
import { test, expect } from "./fixtures";
import { DEMO_ACCOUNTS } from "../helpers/seed";

const official = DEMO_ACCOUNTS.find((a) => a.agency === "shanghai-municipal-government")!;
const f = (p: string) => `#f-${p.replace(/\./g, "-")}`;

test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

test("a new draft gets its slug from the Chinese name, and the agency is chosen by name", async ({ page, login }) => {
  await login(page, official.email);
  await page.goto("/drafts/new");
  // The slug is optional and says so.
  await expect(page.locator(`label[for="f-identity-slug"]`)).toContainText("留空则根据名称自动生成");
  await page.fill(f("identity.name.zh"), "随申码");
  await page.selectOption(f("identity.kind"), "app");
  await page.selectOption(f("identity.jurisdiction.level"), "city");
  await page.fill(f("identity.jurisdiction.place.zh"), "上海市");
  await page.selectOption(f("identity.policyDomain"), "public_health");
  await page.fill(f("identity.summary.zh"), "市民出示健康状态与办事凭证的小程序。");
  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page).toHaveURL(/\/tools\/(ALG-\d{6})\/edit\?section=responsibility$/);
  const id = /\/tools\/(ALG-\d{6})\//.exec(page.url())![1]!;

  // The agency is a select of names; the official's own agency is chosen.
  const agency = page.locator(f("responsibility.agencies.0.agency"));
  expect(await agency.evaluate((e) => e.tagName)).toBe("SELECT");
  await expect(agency.locator("option", { hasText: "上海市人民政府" })).toHaveCount(1);
  await expect(agency).toHaveValue("shanghai-municipal-government");
  await agency.selectOption({ label: "上海市人民政府" });
  await page.fill(f("responsibility.contactOffice.name.zh"), "市大数据中心");
  await page.getByRole("button", { name: "保存本部分" }).last().click();
  await expect(page).toHaveURL(/section=responsibility&saved=1/);
  await expect(page.locator(f("responsibility.agencies.0.agency"))).toHaveValue("shanghai-municipal-government");
  // No slug on the Chinese page's picker; the page does not scroll sideways at 390 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(`/tools/${id}/edit?section=identity`);
  await expect(page.locator(f("identity.slug"))).toHaveValue(/^suishenma(-\d+)?$/);
});
