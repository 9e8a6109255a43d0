// Issue 13: the official's record forms (new draft, every section of the editor, the facts page),
// in Chinese on a phone, label every field with its name and show its definition as hint text
// under it (linked by aria-describedby); no developer note, code or field path is shown, no Latin
// letter outside elements marked lang="en" (record ids and impact levels aside), and the internal
// seed file name of a source is never shown but kept when the section is saved. The editor is
// opened on a draft with a row in each list; the forms are photographed into test/.tmp/shots/
// for a person to look at.
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { login } from "./fixtures";
import { SECTION_NAMES } from "../../registry/standard/sections";
import { FIELD_NAMES } from "../../registry/standard/field-names";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// The draft is written straight into the server's database.
process.env.DATABASE_PATH = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);
const SHOTS = path.resolve("test/.tmp/shots");

const OFFICIAL = "official.shanghai@register.example";
const SEED_FILE = "007_abc123.txt";
let toolId: string;

test.use({ viewport: { width: 390, height: 844 } });

test.beforeAll(async () => {
  const { createDraft, saveDraftSection } = await import("../../registry/review/drafts.server");
  const { ctxOf } = await import("../../registry/shared/context");
  const { actorByEmail, completeSections, newIdentity } = await import("../helpers/factories");
  const official = actorByEmail(OFFICIAL);
  const created = await createDraft(ctxOf({ actor: official }), { identity: newIdentity(`field-names-${Date.now().toString(36)}`) });
  toolId = created.toolId;
  const sections = completeSections({ level: "III", sunset: "2027-06-30" });
  // One row in every list, so that every field of a row is drawn.
  const zh = (text: string) => ({ zh: text });
  const full = {
    ...sections,
    responsibility: { ...sections.responsibility, vendors: [{ name: zh("某科技公司"), role: "developer", contractEnd: "2027-01-31", dataAccess: zh("可访问地址数据。"), sourceAccess: "escrow" }] },
    dataScope: { ...sections.dataScope, sharingRecipients: [zh("区交通管理部门")] },
    oversight: { ...sections.oversight, appealStats: [{ period: "2025", filed: 10, corrected: 2, medianDays: 5 }] },
    lifecycle: { ...sections.lifecycle, renewals: [{ date: "2026-01-05", newSunsetDate: "2027-06-30" }] },
    assessments: { ...sections.assessments, documents: [{ kind: "privacy", title: zh("个人信息保护影响评估") }] },
    participation: { consultationOpens: "2026-03-01", consultationCloses: "2026-03-31" },
    incidents: [{ kind: "outage", date: "2025-05", title: zh("系统停止服务"), description: zh("系统停止服务两小时。"), sources: ["proposal"] }],
    withheld: [{ field: "howItWorks.testing", ground: zh("涉及安全。") }],
    sources: [
      { key: "proposal", kind: "official_document", title: zh("提交委员会的方案") },
      { key: "news", kind: "news", title: zh("新闻报道"), seedFile: SEED_FILE },
    ],
    purposeHistory: [{ date: "2025-06", kind: "purpose", change: zh("增加访客停车。"), sources: ["news"] }],
  };
  for (const [name, value] of Object.entries(full)) await saveDraftSection(ctxOf({ actor: official }), { toolId, section: name as never, value });
  fs.mkdirSync(SHOTS, { recursive: true });
});

const NAMES_ZH = new Set(Object.values(FIELD_NAMES).map((n) => n.zh));

/** Checks the record forms of the page: names as labels, linked hints, no Latin text; photographs them as `shot`. */
async function checkForms(page: Page, shot: string) {
  const forms = page.locator("form.record-form");
  await expect(forms.first()).toBeVisible();
  // The forms in phone-screen pieces, each readable at full size.
  const first = (await forms.first().boundingBox())!;
  const last = (await forms.last().boundingBox())!;
  const bottom = last.y + last.height;
  for (let y = first.y, i = 1; y < bottom; y += 800, i++)
    await page.screenshot({ path: path.join(SHOTS, `field-names-${shot}-${i}.png`), fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(800, bottom - y) } });

  // Labels and legends are names from the table (a localized pair: 名称（中文）), not definitions.
  const heads = (await forms.locator(".field > label, fieldset > legend, .lang-field > label").allInnerTexts()).map((t) =>
    t
      .replace(/\s*\((必填|选填[^)]*)\)\s*$/, "")
      .replace(/（(中文|英文)）$/, "")
      .trim(),
  );
  expect(heads.length, shot).toBeGreaterThan(0);
  for (const h of heads) expect(NAMES_ZH.has(h), `${shot}: “${h}” is not a field name`).toBe(true);

  // Hints, each one linked from its control or group.
  expect(await forms.locator(".hint[id]").count(), `${shot}: no hint`).toBeGreaterThan(0);
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const root of document.querySelectorAll("form.record-form")) {
      for (const el of root.querySelectorAll("[aria-describedby]"))
        for (const id of el.getAttribute("aria-describedby")!.split(" ")) if (!document.getElementById(id)) out.push(`missing #${id}`);
      for (const h of root.querySelectorAll(".hint[id]")) if (!root.querySelector(`[aria-describedby~="${h.id}"]`)) out.push(`unlinked #${h.id}`);
    }
    // No Latin letter outside lang="en": text the page shows, not what was typed.
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      const el = n.parentElement;
      // Agency names are the register's data ("上海市M区人民政府" anonymises a district), not interface.
      if (!el || el.closest('[lang="en"], script, style, textarea, [hidden], [aria-hidden="true"], select[name$=".agency"]')) continue;
      // Record ids are no words (impact levels are written Ⅰ–Ⅳ级, not in Latin letters).
      const text = (n.textContent ?? "").replace(/ALG-\d{6}/g, "");
      if (/[A-Za-z]/.test(text)) out.push(`Latin: “${text.trim()}”`);
    }
    return out;
  });
  expect(problems, shot).toEqual([]);
  expect(await page.locator("main").innerText(), shot).not.toMatch(/null|de_facto|seedFile|种子|\.txt/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${shot}: wider than the phone`).toBeLessThanOrEqual(390);
}

test("every section of the editor shows names with hints, in Chinese, at 390 px", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, OFFICIAL);
  await page.goto("/drafts/new");
  await checkForms(page, "new");
  for (const section of SECTION_NAMES) {
    await page.goto(`/tools/${toolId}/edit?section=${section}`);
    await checkForms(page, section);
  }
  // The incident and appeal statistics forms of a published tool (随申码, operated by Shanghai).
  await page.goto("/tools/ALG-000002/facts");
  await checkForms(page, "facts");
});

test("in English, the same fields carry their English names", async ({ page }) => {
  await login(page, OFFICIAL, { lang: "en" });
  await page.goto(`/en/tools/${toolId}/edit?section=dataScope`);
  const form = page.locator("form.record-form");
  await expect(form.locator("label[for='f-dataScope-elements-0-retention-en']")).toHaveText("Retention period (English)");
  await expect(form.locator("#f-dataScope-elements-0-retention-hint")).toHaveText("How long it is kept, and what happens to it then.");
  await expect(form.locator("#f-dataScope-elements-0-retention-en")).toHaveAttribute("lang", "en");
  const names = new Set(Object.values(FIELD_NAMES).map((n) => n.en));
  for (const h of (await form.locator(".field > label, fieldset > legend").allInnerTexts()).map((t) => t.replace(/\s*\((required|optional[^)]*)\)\s*$/, "").trim()))
    expect(names.has(h), `“${h}” is not a field name`).toBe(true);
});

test("the seed file name of a source is not shown, and saving the sources keeps it", async ({ page }) => {
  await login(page, OFFICIAL);
  await page.goto(`/tools/${toolId}/edit?section=sources`);
  await expect(page.locator('input[name="sources.1.seedFile"]')).toHaveAttribute("type", "hidden");
  await expect(page.locator("main")).not.toContainText(SEED_FILE);
  await page.locator('button[name="intent"][value="save"]:not([aria-hidden])').click();
  await expect(page.locator(".verified[role=status]")).toBeVisible();
  const { getDraft } = await import("../../registry/review/drafts.server");
  const { ctxOf } = await import("../../registry/shared/context");
  const { actorByEmail } = await import("../helpers/factories");
  const draft = await getDraft(ctxOf({ actor: actorByEmail(OFFICIAL) }), { toolId });
  expect(draft.record.sources.map((s) => s.seedFile)).toEqual([undefined, SEED_FILE]);
});
