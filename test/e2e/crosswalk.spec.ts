// The published crosswalk (issue 16, /standard/crosswalk) on a phone in both languages: it fits
// 390 px (its tables scroll in their own regions), lists every column of the US inventory, names
// the standard's fields by their names (no record path or code in the text a reader sees), and
// its download of the seeded register in the US format has the inventory's 36 columns.
import { test, expect, type Page } from "@playwright/test";
import fs from "node:fs";
import { expectNoSeriousAxeViolations } from "./axe";
import { OMB_2025_COLUMN_NAMES } from "../../registry/exchange/interop/omb-2025/columns";
import { dictionaryPath } from "../../registry/exchange/interop/crosswalk";
import { INTEROP_FORMATS } from "../../registry/exchange/interop/formats";
import { dataDictionary } from "../../registry/standard/json-schema";

test.use({ viewport: { width: 390, height: 844 } });

/** The page's visible text outside <code> (the foreign formats' own keys are shown as code). */
async function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector("main")!;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("code") || !el.checkVisibility()) continue;
      out.push(n.textContent ?? "");
    }
    return out.join(" ");
  });
}

/** Every place the built formats' mappings write to, as the engine and the data dictionary spell them. */
const PATHS = [
  ...new Set(
    Object.values(INTEROP_FORMATS).flatMap((f) => (f?.mapping.fields ?? []).flatMap((m) => (m.to ? [m.to, dictionaryPath(m.to), dictionaryPath(m.to).replace(/\[\]/g, "")] : []))),
  ),
].filter((p) => p.includes(".") || p.includes("["));
/** The standard's own codes with an underscore (`not_stated`, `code_system`): never shown as words. The foreign formats' keys quoted in their labels and notes are theirs. */
const CODES = [...new Set(dataDictionary().flatMap((e) => e.allowed ?? []))].filter((v) => v.includes("_"));

// The Chinese address, and the unprefixed one negotiated by an English browser.
for (const { path, lang, locale, heading, kept } of [
  {
    path: "/zh/standard/crosswalk",
    lang: "zh",
    locale: "zh-CN",
    heading: "与其他登记簿格式的字段对照",
    kept: "原样保留",
  },
  {
    path: "/standard/crosswalk",
    lang: "en",
    locale: "en-GB",
    heading: "Crosswalk to other registers' formats",
    kept: "Kept as is",
  },
] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale });
    test(`${path} fits a phone, lists every US column and shows names, not paths`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      // Clean bytes: no NUL from a streamed render splitting a Chinese character (STACK.md).
      expect((await res!.body()).includes(0)).toBe(false);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);

      // Nothing wider than the screen: the tables scroll inside their named regions.
      const widths = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        win: window.innerWidth,
      }));
      expect(widths.doc).toBeLessThanOrEqual(widths.win);
      for (const table of await page.locator("main table").all()) {
        await expect(table.locator("xpath=ancestor::*[@role='region'][@tabindex='0'][@aria-label]")).toHaveCount(1);
      }

      // Every column of the US inventory, in its order, in the US section.
      const section = page.locator("section", {
        has: page.locator("#format-omb-2025"),
      });
      const keys = await section.locator("tbody th code").allInnerTexts();
      expect(keys).toEqual([...OMB_2025_COLUMN_NAMES]);
      await expect(section.locator("tbody td", { hasText: kept }).first()).toBeVisible();

      // Names, never the record's paths or codes.
      const text = await proseText(page);
      for (const p of PATHS) expect(text, p).not.toContain(p);
      expect(text).not.toContain("@agency");
      expect(text).not.toMatch(/\b[a-z]+(?:[A-Z][a-z]+)+\.[a-z]/);
      for (const c of CODES) expect(text, c).not.toMatch(new RegExp(`(^|[^\\w])${c}($|[^\\w])`));
      await expectNoSeriousAxeViolations(page);
      if (lang === "zh") expect(text).toContain("部署状态");
      else expect(text).toContain("Deployment status");
    });
  });
}

test("/standard links the crosswalk, and the crosswalk's US download holds the inventory's 36 columns", async ({ page }) => {
  await page.goto("/zh/standard");
  await page
    .getByRole("link", {
      name: "与其他登记簿格式（美国、英国、荷兰）的字段对照",
    })
    .click();
  await expect(page).toHaveURL(/\/zh\/standard\/crosswalk$/);

  const link = page.locator("#format-omb-2025 ~ p a[download]");
  expect(await link.getAttribute("href")).toBe("/interop/omb-2025.csv");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^omb-2025-\d{4}-\d{2}-\d{2}\.csv$/);
  const body = fs.readFileSync((await download.path())!, "utf8");
  expect(body.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rest] = body.slice(1).split("\n");
  expect(header!.split(",")).toEqual([...OMB_2025_COLUMN_NAMES]);
  expect(OMB_2025_COLUMN_NAMES).toHaveLength(36);
  // The seeded register's tools, written in the US format: at least one row.
  expect(rest.filter(Boolean).length).toBeGreaterThan(0);
});

test("the data block of a filtered list links the US format with the list's filters (in the format's own order)", async ({ page, request }) => {
  await page.goto("/zh/tools?kind=code_system&sort=updated");
  const link = page.locator("section.data-downloads").getByRole("link", { name: "美国清单", exact: true });
  expect(await link.getAttribute("href")).toBe("/interop/omb-2025.csv?kind=code_system");
  expect(await link.getAttribute("download")).not.toBeNull();
  const file = await request.get("/interop/omb-2025.csv?kind=code_system");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="omb-2025-code_system-\d{4}-\d{2}-\d{2}\.csv"/);
  expect((await file.text()).replace(/^\uFEFF/, "").split("\n")[0]).toBe(OMB_2025_COLUMN_NAMES.join(","));
  // One link per format the register publishes; a format not built yet is not linked.
  await expect(page.locator('section.data-downloads a[href^="/interop/"]')).toHaveCount(Object.values(INTEROP_FORMATS).filter(Boolean).length);
});
