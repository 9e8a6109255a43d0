// The draft's task list, in Chinese: an official sees each section's status, answers the impact
// questionnaire and sees the level appear with what it requires, checks the answers and submits,
// and lands on the confirmation page. At 390 px nothing is wider than the screen.
import fs from "node:fs";
import path from "node:path";
import { answerLevelIIIQuestionnaire, test, expect, type Page } from "./fixtures";
import { DEMO_ACCOUNTS } from "../helpers/seed";
import { expectNoSeriousAxeViolations } from "./axe";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const CLOCK = path.resolve(`test/.tmp/e2e-${PORT}.clock`);
const official = DEMO_ACCOUNTS.find((a) => a.agency === "shanghai-municipal-government")!;
const f = (p: string) => `#f-${p.replace(/\./g, "-")}`;

test.afterAll(() => fs.rmSync(CLOCK, { force: true }));

/** The status tag of a section on the task list. */
const statusOf = (page: Page, section: string) => page.locator(".task-list-item", { has: page.getByRole("link", { name: section, exact: true }) }).locator(".task-tag");

async function save(page: Page, id: string, section: string, fill: () => Promise<void>) {
  await page.goto(`/tools/${id}/edit?section=${section}`);
  await fill();
  await page.getByRole("button", { name: "保存本部分" }).last().click();
  await expect(page.getByRole("status")).toContainText("已保存");
}

async function fitsTheScreen(page: Page) {
  const wide = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > width + 0.5).slice(0, 5).map((e) => `${e.tagName}.${e.className}`);
  });
  expect(wide).toEqual([]);
}

test("an official completes a draft from its task list, checks the answers and submits", async ({ page, login }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  fs.writeFileSync(CLOCK, "2026-03-01T09:00:00Z");
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, official.email);

  await page.goto("/drafts/new");
  await page.fill(f("identity.name.zh"), "共享单车停放评分");
  await page.selectOption(f("identity.kind"), "algorithm");
  await page.selectOption(f("identity.jurisdiction.level"), "city");
  await page.fill(f("identity.jurisdiction.place.zh"), "上海市");
  await page.selectOption(f("identity.policyDomain"), "transport");
  await page.fill(f("identity.summary.zh"), "根据停放位置为共享单车企业评分。");
  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page).toHaveURL(/\/tools\/(ALG-\d{6})\/edit\?section=responsibility$/);
  const id = /\/tools\/(ALG-\d{6})\//.exec(page.url())![1]!;

  // The task list: identity done, the rest not started, no level yet.
  await page.goto(`/tools/${id}/edit`);
  await expect(statusOf(page, "基本信息")).toHaveText("已完成");
  await expect(statusOf(page, "目的与法律依据")).toHaveText("未开始");
  await expect(statusOf(page, "影响评估")).toHaveText("未开始");
  await expect(page.locator(".impact-panel")).toContainText("填写影响评估问卷后，这里会显示影响等级。");
  await expect(page.getByRole("link", { name: "继续：检查填写内容" })).toHaveCount(0);
  await fitsTheScreen(page);
  await expectNoSeriousAxeViolations(page);

  // A purpose without its legal basis: in progress... then with problems once a rule refuses it.
  await save(page, id, "purpose", async () => {
    await page.fill(f("purpose.purpose.zh"), "引导共享单车规范停放。");
  });
  // The section's page says what the submission check still finds in it.
  await expect(page.locator(".section-problems")).toContainText("请至少列出一项法律依据");
  await expect(page.getByRole("status").getByRole("link", { name: "返回各部分列表" })).toBeVisible();
  await page.getByRole("status").getByRole("link", { name: "返回各部分列表" }).click();
  await expect(statusOf(page, "目的与法律依据")).toHaveText("有问题");
  await expect(page.locator(".task-list-item", { hasText: "目的与法律依据" })).toContainText("1 处需要更正");

  // The questionnaire answered: the level appears with how it was computed and what it requires.
  await save(page, id, "assessments", async () => {
    await answerLevelIIIQuestionnaire(page);
  });
  await page.goto(`/tools/${id}/edit`);
  const panel = page.locator(".impact-panel");
  await expect(panel).toContainText("本工具的影响等级：Ⅲ级");
  await expect(panel).toContainText("问卷答案得 9 分，缓解措施扣减 0 分，净得分 9 分。");
  await expect(panel).toContainText("影响人数：");
  await expect(panel).toContainText("须提供非数字替代途径");
  await expect(panel).toContainText("终止日期不得晚于 12 个月后");
  await expect(panel).toContainText("须 1 名独立审查员");
  await expect(panel).toContainText("尚未满足");
  await expect(statusOf(page, "影响评估")).toHaveText("已完成");
  await fitsTheScreen(page);

  // The other sections, from the task list.
  await save(page, id, "responsibility", async () => {
    await page.fill(f("responsibility.contactOffice.name.zh"), "市交通委员会办公室");
  });
  await save(page, id, "purpose", async () => {
    await page.fill(f("purpose.nonDigitalAlternative.zh"), "可拨打 12345 热线人工处理。");
    await page.locator('button[name="_add"][value="purpose.legalBasis"]').click();
    await page.fill(f("purpose.legalBasis.0.citation"), "《上海市非机动车安全管理条例》");
  });
  await save(page, id, "oversight", async () => {
    await page.fill(f("oversight.humanOversight.zh"), "每一项扣分都由执法人员复核。");
  });
  // A sunset beyond what level III allows: the lifecycle section has problems.
  await save(page, id, "lifecycle", async () => {
    await page.fill(f("lifecycle.sunsetDate"), "2028-01-01");
  });
  await save(page, id, "sources", async () => {
    await page.locator('button[name="_add"][value="sources"]').click();
    await page.fill(f("sources.0.key"), "plan");
    await page.selectOption(f("sources.0.kind"), "official_document");
    await page.fill(f("sources.0.title.zh"), "市交通委员会关于共享单车停放管理的方案");
  });
  await page.goto(`/tools/${id}/edit`);
  await expect(statusOf(page, "生命周期与日期")).toHaveText("有问题");
  await page.getByRole("link", { name: "生命周期与日期", exact: true }).click();
  await expect(page.locator(".section-problems")).toContainText("影响等级为Ⅲ级时，终止日期最多在 12 个月之后");
  await page.goto(`/tools/${id}/edit`);
  await expect(page.getByRole("link", { name: "继续：检查填写内容" })).toHaveCount(0);
  await save(page, id, "lifecycle", async () => {
    await page.fill(f("lifecycle.sunsetDate"), "2027-01-01");
  });
  await page.goto(`/tools/${id}/edit`);
  for (const s of ["基本信息", "责任主体", "目的与法律依据", "监督与申诉", "生命周期与日期", "影响评估", "来源"]) await expect(statusOf(page, s)).toHaveText("已完成");
  await expect(panel).not.toContainText("尚未满足");

  // Check the answers: labels and names, never codes; change links; the submit button.
  await page.getByRole("link", { name: "继续：检查填写内容" }).click();
  await expect(page).toHaveURL(new RegExp(`/tools/${id}/edit/check$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("提交前检查填写内容");
  const main = page.locator("main");
  await expect(main).toContainText("上海市人民政府");
  await expect(main).toContainText("2027年1月1日");
  await expect(main).toContainText("影响人数");
  const visible = await main.innerText();
  for (const code of ["shanghai-municipal-government", "over_1m", "official_document", "operates", "responsibility.", "lifecycle."]) expect(visible).not.toContain(code);
  await expect(page.getByRole("link", { name: "修改 目的与法律依据" })).toHaveAttribute("href", `/tools/${id}/edit?section=purpose`);
  await fitsTheScreen(page);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "提交审查" }).click();

  // The confirmation: what happens next, and the heading no longer says draft.
  await expect(page).toHaveURL(new RegExp(`/tools/${id}/submitted$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("已提交审查");
  await expect(main).toContainText("公开征求意见期至 2026年3月30日 结束");
  await expect(main).toContainText("须经 1 名独立审查员批准");
  await expect(page.getByRole("link", { name: "查看公开记录" })).toHaveAttribute("href", `/tools/${id}`);
  await expect(page.getByRole("link", { name: "本机构的记录" }).last()).toHaveAttribute("href", "/drafts");
  await fitsTheScreen(page);
  await expectNoSeriousAxeViolations(page);
  await page.goto(`/tools/${id}/edit`);
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("草稿");
  expect(errors).toEqual([]);
});
