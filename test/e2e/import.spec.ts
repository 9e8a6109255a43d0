// Bulk import in the browser: an official downloads the agency's inventory, uploads a file with a
// problem (report, nothing written), fixes it and imports it, with and without JavaScript.
import { test, expect } from "./fixtures";
import { DEMO_ACCOUNTS, SEED_AGENCIES } from "../helpers/seed";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { CSV_BOM, csvRow } from "../../registry/exchange/exports/csv";
import { expectNoSeriousAxeViolations } from "./axe";

const official = DEMO_ACCOUNTS.find((a) => a.agency === "hangzhou-health-commission")!;

function csv(rows: Record<string, string>[]): Buffer {
  return Buffer.from(CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]) + rows.map((r) => csvRow(TOOL_EXPORT_COLUMNS.map((c) => r[c] ?? ""))).join(""));
}
const row = (slug: string, extra: Record<string, string> = {}) => ({
  name_zh: `杭州 ${slug}`,
  slug,
  kind: "app",
  policy_domain: "public_health",
  jurisdiction_level: "city",
  place_zh: "杭州市",
  deployment_status: "pilot",
  sunset_date: "2027-05-31",
  summary_zh: "测试导入的工具。",
  ...extra,
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("an official checks a file, sees the row to fix, then imports the fixed file", async ({ page, login }) => {
      const tag = javaScriptEnabled ? "js" : "nojs";
      await login(page, official.email);
      await page.goto("/drafts");
      await page.getByRole("link", { name: "从表格批量导入工具" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("从文件导入本机构的工具");
      // axe runs inside the page, which needs JavaScript.
      if (javaScriptEnabled) await expectNoSeriousAxeViolations(page);

      // The inventory download is the import format.
      const inventory = await page.request.get("/drafts/inventory.csv");
      expect(inventory.status()).toBe(200);
      expect((await inventory.text()).split("\r\n")[0]).toContain(TOOL_EXPORT_COLUMNS.join(","));

      await page.getByLabel("文件（CSV、JSON 或 NDJSON）").setInputFiles({
        name: "tools.csv",
        mimeType: "text/csv",
        buffer: csv([row(`${tag}-good`), row(`${tag}-bad`, { kind: "rocket" })]),
      });
      await page.getByRole("button", { name: "导入", exact: true }).click();
      await expect(page.getByText("未导入任何内容：2 行中有 1 行存在问题")).toBeVisible();
      const problems = page.locator("table").first();
      await expect(problems.getByRole("cell", { name: "kind" })).toBeVisible();
      await expect(problems.getByRole("cell", { name: "3", exact: true })).toBeVisible();
      await expect(page).toHaveTitle(/^错误/);
      // Nothing was written, so the valid row is not called created (issue 13).
      const rows = page.locator("details", { hasText: "全部行" });
      await expect(rows.getByRole("cell", { name: "未写入：本行无误，但其他行有问题" })).toBeVisible();
      await expect(page.getByText("已新建草稿")).toHaveCount(0);
      // axe runs inside the page, which needs JavaScript.
      if (javaScriptEnabled) await expectNoSeriousAxeViolations(page);

      await page.getByLabel("文件（CSV、JSON 或 NDJSON）").setInputFiles({
        name: "tools.csv",
        mimeType: "text/csv",
        buffer: csv([row(`${tag}-good`), row(`${tag}-fixed`)]),
      });
      await page.getByRole("button", { name: "检查文件（不写入任何内容）" }).click();
      await expect(page.getByText("已检查，未写入任何内容：导入时将新建草稿 2 个")).toBeVisible();
      await page.getByLabel("文件（CSV、JSON 或 NDJSON）").setInputFiles({
        name: "tools.csv",
        mimeType: "text/csv",
        buffer: csv([row(`${tag}-good`), row(`${tag}-fixed`)]),
      });
      await page.getByRole("button", { name: "导入", exact: true }).click();
      await expect(page.getByText("已导入：新建草稿 2 个")).toBeVisible();
      await expect(page.getByRole("cell", { name: "已新建草稿" })).toHaveCount(2);

      await page.goto("/drafts");
      await expect(page.getByText(`杭州 ${tag}-good`)).toBeVisible();
      await expect(page.getByText(`杭州 ${tag}-fixed`)).toBeVisible();
    });
  });
}

test("the import page and the inventory are for officials only", async ({ page }) => {
  await page.goto("/drafts/import");
  await expect(page).toHaveURL(/\/login/);
  const res = await page.request.get("/drafts/inventory.csv", { maxRedirects: 0 });
  expect(res.status()).toBe(302);
});

test.describe("at 390 px, in Chinese", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  const shanghai = DEMO_ACCOUNTS.find((a) => a.email === "official.shanghai@register.example")!;

  test("the import page lists each code next to its name and fits the phone", async ({ page, login }) => {
    await login(page, official.email);
    await page.goto("/drafts/import");
    await expect(page.getByRole("heading", { level: 2, name: "需要填写的代码" })).toBeVisible();
    for (const [summary, items] of [
      ["工具类型（kind）", ["algorithm = 算法", "app = 应用程序", "mini_program = 小程序"]],
      ["政策领域（policy_domain）", ["public_health = 公共卫生", "government_administration = 政务办公"]],
      ["政府层级（jurisdiction_level）", ["city = 市级"]],
      ["部署状态（deployment_status）", ["in_use = 使用中"]],
    ] as const) {
      await page.getByText(summary, { exact: true }).click();
      for (const item of items) await expect(page.getByRole("listitem").filter({ hasText: item })).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page);
  });

  test("the account and drafts pages name the agency, never its code", async ({ page, login }) => {
    const slugs = SEED_AGENCIES.map((a) => a.slug);
    await login(page, shanghai.email);
    for (const path of ["/account", "/drafts"]) {
      await page.goto(path);
      await expect(page.getByRole("link", { name: "上海市人民政府" }).first()).toBeVisible();
      const text = await page.locator("body").innerText();
      for (const slug of slugs) expect(text, `${path} shows ${slug}`).not.toContain(slug);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
  });
});
