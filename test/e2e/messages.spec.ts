// Issue 12: every refusal an official or reviewer sees is worded in the page's language, names
// the field by its label, says what to do, and keeps the page within a phone's width. Checked on
// the empty "new record" form, an invalid date, an invalid data element, a submission that misses
// its obligations, a review decision before all findings, the ten findings without JavaScript,
// and an import file with bad rows.
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { login as signIn } from "./fixtures";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { CSV_BOM, csvRow } from "../../registry/exchange/exports/csv";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// The drafts these checks start from are written straight into the server's database.
process.env.DATABASE_PATH = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);

const OFFICIAL = "official.shanghai@register.example";
const REVIEWER = "reviewer.samr@register.example";
const CJK = /[\u4e00-\u9fff]/;

type Setup = { obligations: string; submitted: string };
let setup: Setup;

test.use({ viewport: { width: 390, height: 844 } });

test.beforeAll(async () => {
  // Imported here so that DATABASE_PATH is set before the first connection opens.
  const { createDraft, saveDraftSection } = await import("../../registry/review/drafts.server");
  const { submitDraft } = await import("../../registry/review/submission.server");
  const { startReview } = await import("../../registry/review/review.server");
  const { ctxOf } = await import("../../registry/shared/context");
  const { actorByEmail, completeSections, newIdentity } = await import("../helpers/factories");
  const now = new Date();
  const inMonths = (m: number) => new Date(now.getTime() + m * 30.5 * 86_400_000).toISOString().slice(0, 10);
  const official = actorByEmail(OFFICIAL);
  const complete = async (slug: string, sunset: string) => {
    const { toolId } = await createDraft(ctxOf({ actor: official, now }), { identity: newIdentity(slug) });
    for (const [name, value] of Object.entries(completeSections({ level: "III", sunset }))) await saveDraftSection(ctxOf({ actor: official }), { toolId, section: name as never, value });
    return toolId;
  };
  const stamp = Date.now().toString(36);
  // Complete, but without a legal basis or a non-digital alternative, and a sunset too far ahead for level III.
  const obligations = await complete(`messages-obligations-${stamp}`, inMonths(30));
  await saveDraftSection(ctxOf({ actor: official }), { toolId: obligations, section: "purpose", value: { purpose: { zh: "为停车许可申请排序。" }, legalBasis: [] } });
  const submitted = await complete(`messages-review-${stamp}`, inMonths(6));
  await submitDraft(ctxOf({ actor: official, now }), { toolId: submitted });
  await startReview(ctxOf({ actor: actorByEmail(REVIEWER), now }), { toolId: submitted });
  setup = { obligations, submitted };
});

// The workflow's section names: none may appear as a "<section>." path in a message.
async function sectionNames(): Promise<string[]> {
  const { SECTION_SCHEMAS } = await import("../../registry/review/drafts.server");
  return Object.keys(SECTION_SCHEMAS);
}

/** The shared login fixture, in the language space of the test (no prefix: the Chinese locale). */
const login = (page: Page, email: string, prefix: string) => signIn(page, email, { lang: prefix === "/en" ? "en" : "zh" });

/** Every message the page shows for the refusal: summary items, field messages, import problems. */
async function messages(page: Page): Promise<string[]> {
  const texts = await page.locator(".error-summary li, .field-error, .import-report table:first-of-type tbody td:nth-child(4)").allInnerTexts();
  return texts.map((t) => t.trim()).filter(Boolean);
}

async function expectWorded(page: Page, lang: "zh" | "en", what: string) {
  const shown = await messages(page);
  expect(shown.length, `${what}: no message shown`).toBeGreaterThan(0);
  const sections = await sectionNames();
  const path = new RegExp(`\\b(${sections.join("|")})\\.`);
  for (const m of shown) {
    if (lang === "zh") expect(m, `${what}: not Chinese`).toMatch(CJK);
    expect(m, what).not.toContain("Invalid input");
    expect(m, what).not.toContain("expected ");
    expect(m, what).not.toMatch(/"[a-z_]+"\|/);
    expect(m, what).not.toMatch(path);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what}: page wider than the phone`).toBeLessThanOrEqual(390);
}

function badCsv(): Buffer {
  const row = (r: Record<string, string>) => csvRow(TOOL_EXPORT_COLUMNS.map((c) => r[c] ?? ""));
  const good = { name_zh: "上海 导入测试", slug: "messages-import-ok", kind: "app", policy_domain: "public_health", jurisdiction_level: "city", place_zh: "上海市", deployment_status: "pilot", sunset_date: "2027-05-31", summary_zh: "测试导入的工具。" };
  return Buffer.from(
    CSV_BOM +
      csvRow([...TOOL_EXPORT_COLUMNS]) +
      row(good) +
      row({ ...good, slug: "Messages Bad Slug", kind: "rocket", jurisdiction_level: "planet", sunset_date: "2027-02-31", summary_zh: "" }) +
      row({ ...good, slug: "messages-import-formula", name_zh: "=HYPERLINK(1)", deployment_status: "" }),
  );
}

for (const [lang, prefix] of [
  ["zh", ""],
  ["en", "/en"],
] as const) {
  test.describe(`messages in ${lang === "zh" ? "Chinese" : "English"}`, () => {
    test("an official's forms: new record, date, data element, obligations, import", async ({ page }) => {
      test.setTimeout(90_000);
      await login(page, OFFICIAL, prefix);

      await page.goto(`${prefix}/drafts/new`);
      await page.locator("form.record-form button[type=submit]:not([name])").last().click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectWorded(page, lang, "empty new record");

      const edit = (section: string) => page.goto(`${prefix}/tools/${setup.obligations}/edit?section=${section}`);
      await edit("lifecycle");
      await page.fill("#f-lifecycle-sunsetDate", "2027-02-31");
      await page.locator('button[name="intent"][value="save"]:not([aria-hidden])').click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectWorded(page, lang, "invalid date");

      await edit("dataScope");
      const names = page.locator('input[id^="f-dataScope-elements-"][id$="-name-zh"]');
      const before = await names.count();
      await page.locator('button[name="_add"][value="dataScope.elements"]').click();
      await expect(names).toHaveCount(before + 1);
      // The new element has a name but neither a category nor whether it is sensitive.
      await names.last().fill("车牌号");
      await page.locator('button[name="intent"][value="save"]:not([aria-hidden])').click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectWorded(page, lang, "invalid data element");

      // Submitted from "check your answers" (the task list shows the problems before that).
      await page.goto(`${prefix}/tools/${setup.obligations}/edit/check`);
      await page.locator('button[name="intent"][value="submit"]').click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectWorded(page, lang, "missed obligations");

      await page.goto(`${prefix}/drafts/import`);
      await page.locator('input[type="file"]').setInputFiles({ name: "tools.csv", mimeType: "text/csv", buffer: badCsv() });
      await page.locator('button[name="intent"][value="check"]').click();
      await expect(page.locator(".import-report table").first()).toBeVisible();
      await expectWorded(page, lang, "import with bad rows");

      // A file refused as a whole: its problems come as codes, worded here in the page's language.
      await page.locator('input[type="file"]').setInputFiles({ name: "tools.csv", mimeType: "text/csv", buffer: Buffer.from("name_zh,slug,colour\r\n上海,x,red\r\n") });
      await page.locator('button[name="intent"][value="check"]').click();
      const refused = page.locator(".import-report .error-summary");
      await expect(refused).toBeVisible();
      await expectWorded(page, lang, "import file refused");
      for (const text of lang === "zh"
        ? ["缺少列：“kind”。", "缺少列：请添加“place_zh”或“place_en”（或两者）。"]
        : ["Missing column: “kind”.", "Missing column: add “place_zh” or “place_en” (or both)."])
        await expect(refused.getByText(text, { exact: true })).toBeVisible();
      // A column the format does not have is no longer a reason to refuse a file (issue 15: it is kept).
      await expect(refused.getByText(lang === "zh" ? "无法识别的列" : "Unknown columns")).toHaveCount(0);
    });

    test("the ten findings refused without JavaScript, kept as typed", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: lang === "zh" ? "zh-CN" : "en-GB" });
      const page = await context.newPage();
      await login(page, REVIEWER, prefix);
      await page.goto(`${prefix}/review/${setup.submitted}`);
      await page.selectOption("#f-findings-1-rating", "met");
      await page.selectOption("#f-findings-3-rating", "partly_met");
      await page.fill("#f-findings-3-recommendation", lang === "zh" ? "说明供应商的访问范围。" : "Say what the vendor can see.");
      await page.locator('form#findings button[name="intent"][value="finding"]').click();
      await expect(page.locator(".error-summary a[href='#f-findings-3-severity']")).toContainText(lang === "zh" ? "标准 3：严重程度" : "Criterion 3: Severity");
      await expect(page.locator("#criterion-3 .field-error")).toBeVisible();
      await expectWorded(page, lang, "findings");
      await expect(page.locator("#f-findings-1-rating")).toHaveValue("met");
      await expect(page.locator("#f-findings-3-rating")).toHaveValue("partly_met");
      await expect(page.locator("#f-findings-3-recommendation")).toHaveValue(/./);
      await context.close();
    });

    test("a reviewer's decision before all findings", async ({ page }) => {
      await login(page, REVIEWER, prefix);
      await page.goto(`${prefix}/review/${setup.submitted}`);
      await page.selectOption("#decision-choice", "approve");
      await page.locator('button[name="intent"][value="decide"]').click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectWorded(page, lang, "decision before findings");
    });
  });
}
