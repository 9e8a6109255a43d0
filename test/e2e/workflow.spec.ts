import fs from "node:fs";
import path from "node:path";
import { answerLevelIIIQuestionnaire, test, expect, type Page } from "./fixtures";
import { DEMO_ACCOUNTS } from "../helpers/seed";
import { expectNoSeriousAxeViolations } from "./axe";

// The server under test reads its clock from this file (test/e2e/serve.sh, registry/shared/clock.server.ts).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const CLOCK = path.resolve(`test/.tmp/e2e-${PORT}.clock`);
const setClock = (iso: string) => fs.writeFileSync(CLOCK, iso);

const official = DEMO_ACCOUNTS.find((a) => a.agency === "shanghai-municipal-government")!;
const reviewer = DEMO_ACCOUNTS.find((a) => a.agency === "samr")!;

async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
}

const f = (p: string) => `#f-${p.replace(/\./g, "-")}`;

async function saveSection(page: Page, section: string) {
  await page.getByRole("button", { name: "保存本部分" }).last().click();
  await expect(page).toHaveURL(new RegExp(`section=${section}&saved=1`));
}

async function openSection(page: Page, id: string, section: string) {
  await page.goto(`/tools/${id}/edit?section=${section}`);
}

test.afterAll(() => fs.rmSync(CLOCK, { force: true }));

test("a level III tool goes from draft to an approval with conditions, in public at every step", async ({ page, login }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  setClock("2026-03-01T09:00:00Z");
  await login(page, official.email);
  await page.getByRole("navigation").getByRole("link", { name: "本机构记录" }).click();
  await page.getByRole("link", { name: "新建记录" }).click();

  // Identity.
  await page.fill(f("identity.slug"), "shanghai-parking-permit-ranking");
  await page.fill(f("identity.name.zh"), "停车许可排序");
  await page.fill(f("identity.name.en"), "Parking permit ranking");
  await page.selectOption(f("identity.kind"), "algorithm");
  await page.selectOption(f("identity.jurisdiction.level"), "city");
  await page.fill(f("identity.jurisdiction.place.zh"), "上海市");
  await page.selectOption(f("identity.policyDomain"), "transport");
  await page.fill(f("identity.summary.zh"), "根据居住年限和车辆数据为停车许可申请排序。");
  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page).toHaveURL(/\/tools\/(ALG-\d{6})\/edit\?section=responsibility$/);
  const id = /\/tools\/(ALG-\d{6})\//.exec(page.url())![1]!;

  // Responsibility: the agency is filled in; name the office that answers the public.
  await expect(page.locator(f("responsibility.agencies.0.agency"))).toHaveValue("shanghai-municipal-government");
  await page.fill(f("responsibility.contactOffice.name.zh"), "市交通委员会办公室");
  await saveSection(page, "responsibility");

  // Purpose with a legal basis row added by the form itself (works without JavaScript too).
  await openSection(page, id, "purpose");
  await page.fill(f("purpose.purpose.zh"), "公平分配有限的停车许可。");
  await page.fill(f("purpose.nonDigitalAlternative.zh"), "可到街道办事处窗口提交纸质申请。");
  await page.locator('button[name="_add"][value="purpose.legalBasis"]').click();
  await page.fill(f("purpose.legalBasis.0.citation"), "《上海市道路交通管理条例》");
  await saveSection(page, "purpose");

  await openSection(page, id, "dataScope");
  await page.locator('button[name="_add"][value="dataScope.elements"]').click();
  await page.fill(f("dataScope.elements.0.name.zh"), "居住地址");
  await page.selectOption(f("dataScope.elements.0.category"), "location_trajectory");
  await page.selectOption(f("dataScope.elements.0.sensitive"), "true");
  await page.fill(f("dataScope.elements.0.necessity.zh"), "许可只发给本街道居民。");
  await page.fill(f("dataScope.elements.0.retention.zh"), "许可结束后保存一年。");
  await saveSection(page, "dataScope");

  await openSection(page, id, "oversight");
  await page.fill(f("oversight.humanOversight.zh"), "每一项拒绝都由经办人审核，经办人可以推翻排序结果。");
  await saveSection(page, "oversight");

  // A validation error: an impossible date is refused beside the field, with a summary, and
  // what was typed stays.
  await openSection(page, id, "lifecycle");
  await page.selectOption(f("lifecycle.deploymentStatus"), "proposed");
  await page.fill(f("lifecycle.sunsetDate"), "2027-02-30");
  await page.getByRole("button", { name: "保存本部分" }).last().click();
  // The summary names the field by its label (not its path) and links to it.
  await expect(page.getByRole("alert")).toContainText("“终止日期”不是有效的日历日期。");
  await expect(page.getByRole("alert").locator('a[href$="#f-lifecycle-sunsetDate"]')).toBeVisible();
  await expect(page).toHaveTitle(/^错误：/);
  await expect(page.locator(f("lifecycle.sunsetDate"))).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(f("lifecycle.sunsetDate"))).toHaveValue("2027-02-30");
  await expectNoSeriousAxeViolations(page);
  await page.fill(f("lifecycle.sunsetDate"), "2027-02-01");
  await saveSection(page, "lifecycle");

  await openSection(page, id, "assessments");
  await answerLevelIIIQuestionnaire(page);
  await saveSection(page, "assessments");

  await openSection(page, id, "sources");
  await page.locator('button[name="_add"][value="sources"]').click();
  await page.fill(f("sources.0.key"), "proposal");
  await page.selectOption(f("sources.0.kind"), "official_document");
  await page.fill(f("sources.0.title.zh"), "市交通委员会关于停车许可排序的方案");
  await saveSection(page, "sources");

  // Submit from "check your answers", reached from the task list: public, frozen, consultation
  // open for 30 days.
  await page.goto(`/tools/${id}/edit`);
  await page.getByRole("link", { name: "继续：检查填写内容" }).click();
  await page.getByRole("button", { name: "提交审查" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("已提交审查");
  await expect(page.locator("main")).toContainText("2026年3月30日");
  await page.goto(`/tools/${id}`);
  await expect(page.locator(".review-panel")).toContainText("公众征求意见期");

  // Withdraw and submit a second revision with an earlier sunset date.
  await page.goto(`/tools/${id}/edit`);
  await page.getByRole("button", { name: "撤回本次提交" }).click();
  await expect(page).toHaveURL(/done=withdraw/);
  await page.getByRole("button", { name: "开始新版本" }).click();
  await expect(page).toHaveURL(/done=revise/);
  setClock("2026-03-02T09:00:00Z");
  await openSection(page, id, "lifecycle");
  await page.fill(f("lifecycle.sunsetDate"), "2027-01-15");
  await saveSection(page, "lifecycle");
  await page.goto(`/tools/${id}/edit/check`);
  await page.getByRole("button", { name: "提交审查" }).click();
  await expect(page.locator("main")).toContainText("2026年3月31日");

  // After the consultation the agency says what was raised and what changed.
  setClock("2026-04-01T09:00:00Z");
  await page.goto(`/tools/${id}/edit`);
  await page.fill("#f-raised-zh", "居民询问地址数据的保存期限。");
  await page.fill("#f-changed-zh", "保存期限缩短为许可结束后一年。");
  await page.getByRole("button", { name: "发布答复" }).click();
  await expect(page).toHaveURL(/done=respond/);
  await page.goto(`/tools/${id}`);
  await expect(page.locator(".review-panel")).toContainText("保存期限缩短为许可结束后一年");
  await logout(page);

  // Then a reviewer of another agency records findings and decides.
  await login(page, reviewer.email);
  await page.getByRole("navigation").getByRole("link", { name: "审查队列" }).click();
  // Agencies by name, picked from a list; the reviewer count in words.
  await page.selectOption("#agency", { label: "上海市人民政府" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/agency=shanghai-municipal-government/);
  const row = page.locator("tr", { hasText: "停车许可排序" });
  await expect(row).toContainText("上海市人民政府");
  await expect(row).toContainText("需要 1 名其他机构的审查员：0 名正在审查，0 名已批准。");
  await expect(page.locator("main")).not.toContainText("shanghai-municipal-government");
  await page.getByRole("link", { name: "停车许可排序" }).click();
  await page.getByRole("button", { name: "开始审查" }).click();
  await expect(page).toHaveURL(/done=start/);
  await expect(page.locator(".diff-table, p").filter({ hasText: "此前没有获批版本" }).first()).toBeVisible();
  // The ten findings are one form with one save button, on a phone. A partly met criterion 3
  // without a severity refuses the whole form: the problem beside criterion 3 and in the summary,
  // linked to the field, with everything typed kept.
  await page.setViewportSize({ width: 390, height: 844 });
  const findings = page.locator("form#findings");
  await expect(findings.locator("fieldset")).toHaveCount(10);
  await expect(findings.getByRole("button")).toHaveCount(1);
  for (let c = 1; c <= 10; c++) await page.selectOption(f(`findings.${c}.rating`), c === 3 ? "partly_met" : "met");
  await page.fill(f("findings.3.condition"), "公布供应商的数据访问条款");
  await page.fill(f("findings.3.conditionDeadline"), "2026-06-30");
  await findings.getByRole("button", { name: "保存审查意见" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /标准 3：严重程度/ })).toHaveAttribute("href", "#f-findings-3-severity");
  await expect(page.locator("#criterion-3 .field-error")).toContainText("严重程度");
  await expect(page.locator("#criterion-4 .field-error")).toHaveCount(0);
  await expect(page.locator(f("findings.3.rating"))).toHaveValue("partly_met");
  await expect(page.locator(f("findings.3.condition"))).toHaveValue("公布供应商的数据访问条款");
  await expect(page.locator(f("findings.7.rating"))).toHaveValue("met");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousAxeViolations(page);
  await summary.getByRole("link", { name: /标准 3/ }).click();
  await expect(page.locator(f("findings.3.severity"))).toBeFocused();
  await page.selectOption(f("findings.3.severity"), "medium");
  // With JavaScript a criterion is saved as soon as a choice changes; the button saves all.
  await expect(page.locator("#findings-autosaved")).toHaveText("已自动保存：标准 3。");
  await findings.getByRole("button", { name: "保存审查意见" }).click();
  await expect(page).toHaveURL(/done=finding/);
  await expect(page.getByRole("status")).toContainText("审查意见已保存");
  await expect(page.locator(f("findings.3.severity"))).toHaveValue("medium");
  await expectNoSeriousAxeViolations(page);
  await page.selectOption("#decision-choice", "approve_with_conditions");
  await page.fill("#summary-zh", "附条件批准：须在期限前公布供应商的数据访问条款。");
  await page.getByRole("button", { name: "记录决定" }).click();
  await expect(page.getByRole("status")).toContainText("附条件批准");
  // Decided: the findings are text, nothing looks editable.
  await expect(page.locator("main select, main textarea, main input:not([type=hidden])")).toHaveCount(0);
  await expect(page.locator("#criterion-3")).toContainText("部分符合");
  await expect(page.locator("#criterion-3")).toContainText("公布供应商的数据访问条款（期限：2026年6月30日）");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The public sees the decision, the findings summary and the condition.
  await page.goto(`/tools/${id}`);
  const panel = page.locator(".review-panel");
  await expect(panel).toContainText("附条件批准");
  await expect(panel).toContainText("符合 9 项，部分符合 1 项");
  await expect(panel).toContainText("公布供应商的数据访问条款");
  await expect(panel.locator(".overdue")).toHaveCount(0);
  // Once the condition's deadline has passed, the public page flags it.
  setClock("2026-07-01T09:00:00Z");
  await page.reload();
  await expect(panel.locator(".overdue")).toHaveText("已逾期");

  // The history shows both revisions and what changed between them.
  await page.getByRole("link", { name: "历史与变更" }).click();
  await expect(page.locator("#revision-1")).toContainText("已撤回");
  await expect(page.locator("#revision-2")).toContainText("附条件批准");
  const diff = page.locator(".diff-table");
  await expect(diff).toContainText("终止日期");
  await expect(diff).not.toContainText("lifecycle.sunsetDate");
  await expect(diff).toContainText("2027-02-01");
  await expect(diff).toContainText("2027-01-15");
  await expectNoSeriousAxeViolations(page);

  // The reviewer records an incident; it is on the public record and in the incident log at once.
  await page.goto(`/tools/${id}/facts`);
  await page.selectOption(f("incident.kind"), "outage");
  await page.fill(f("incident.date"), "2026-04-15");
  await page.fill(f("incident.title.zh"), "排序服务中断一天");
  await page.fill(f("incident.description.zh"), "许可排序服务故障，申请无法提交。");
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "将事件加入公开记录" }).click();
  await expect(page.getByRole("status")).toContainText("已作为第 3 版加入公开记录");
  await page.goto("/incidents?kind=outage");
  await expect(page.getByRole("link", { name: "排序服务中断一天" })).toBeVisible();

  // And the log still verifies.
  await page.goto("/log");
  await expect(page.getByRole("status")).toContainText("链条完整");
  expect(errors).toEqual([]);
});
