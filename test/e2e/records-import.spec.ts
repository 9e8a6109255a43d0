// An official uploads whole records (issue 15) on the import page: an entry of another agency is
// a problem of its line, worded in Chinese with no field path or code; the agency's own entry
// becomes a draft of the agency, linked from the report.
import { test, expect } from "./fixtures";
import { DEMO_ACCOUNTS } from "../helpers/seed";
import { expectNoSeriousAxeViolations } from "./axe";

const official = DEMO_ACCOUNTS.find((a) => a.agency === "hangzhou-health-commission")!;

test("an official imports whole records as drafts of their own agency only", async ({ page, login }) => {
  await login(page, official.email);
  const exported = (await (await page.request.get("/records.ndjson")).text()).split("\n").filter(Boolean);
  const entry = (agency: string) => {
    const e = JSON.parse(exported[0]!) as { revisions: { recordSha256?: string; record: { responsibility: { agencies: unknown[] } } }[] };
    for (const r of e.revisions) delete r.recordSha256;
    e.revisions.at(-1)!.record.responsibility.agencies = [{ agency, role: "operates" }];
    return JSON.stringify(e);
  };
  await page.goto("/drafts/import");
  await expect(page.getByRole("heading", { name: "完整记录" })).toBeVisible();
  const upload = async (text: string) =>
    page.getByLabel("文件（CSV、JSON 或 NDJSON）").setInputFiles({ name: "records.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(text) });

  await upload(`${entry("hangzhou-health-commission")}\n${entry("shanghai-municipal-government")}\n`);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByText("未导入任何内容：2 行中有 1 行存在问题")).toBeVisible();
  const problems = page.locator("table").first();
  await expect(problems.getByRole("columnheader", { name: "行或条目" })).toBeVisible();
  await expect(problems.getByText("您只能导入本机构的工具")).toBeVisible();
  await expect(problems).not.toContainText("err_");
  await expect(problems).not.toContainText("responsibility");
  await expectNoSeriousAxeViolations(page);

  await upload(`${entry("hangzhou-health-commission")}\n`);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByText("已导入：新建草稿 1 个")).toBeVisible();
  const link = page.locator("details").getByRole("link", { name: /^ALG-\d{6}$/ });
  await expect(link).toHaveCount(1);
  const id = (await link.textContent())!;
  const draft = await page.request.get(`/tools/${id}.json`);
  // A draft is private: not public until submitted and reviewed.
  expect(draft.status()).toBe(404);
});
