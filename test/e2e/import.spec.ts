// Bulk import in the browser: an official downloads the agency's inventory, uploads a file with a
// problem (report, nothing written), fixes it and imports it, with and without JavaScript.
import { test, expect } from "./fixtures";
import { DEMO_ACCOUNTS } from "../helpers/seed";
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
      // axe runs inside the page, which needs JavaScript.
      if (javaScriptEnabled) await expectNoSeriousAxeViolations(page);

      await page.getByLabel("文件（CSV、JSON 或 NDJSON）").setInputFiles({
        name: "tools.csv",
        mimeType: "text/csv",
        buffer: csv([row(`${tag}-good`), row(`${tag}-fixed`)]),
      });
      await page.getByRole("button", { name: "检查文件（不写入任何内容）" }).click();
      await expect(page.getByText("已检查，未写入任何内容：新建 2 行")).toBeVisible();
      await page.getByLabel("文件（CSV、JSON 或 NDJSON）").setInputFiles({
        name: "tools.csv",
        mimeType: "text/csv",
        buffer: csv([row(`${tag}-good`), row(`${tag}-fixed`)]),
      });
      await page.getByRole("button", { name: "导入", exact: true }).click();
      await expect(page.getByText("已导入：新建草稿 2 个")).toBeVisible();

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
