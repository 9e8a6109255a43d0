// Issue 15: the page of a record mirrored from another register, in a browser, served by the
// production server on its own database into which an admin imported mirrored records: it says
// where the record comes from, in both languages; it makes none of this register's claims the
// source does not make ("should not be running", "no review decision yet", "not assessed");
// Dutch text is tagged lang="nl"; it fits 360 and 390 px phones. A screenshot of the Chinese page
// at 390 px is kept in test/.tmp/mirrored-page-zh-390.png to look at.
import { test, expect, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers/paths";
import { seededDatabase, startServer, type ServerProcess } from "../helpers/server-process";
import { openDatabase } from "../../db/client.server";
import { importRecords } from "../../registry/exchange/records/import.server";
import { ctxOf } from "../../registry/shared/context";
import type { Actor } from "../../registry/auth/roles";
import { mirroredImportText, NL_ID, NL_NAME, US_ID } from "../helpers/mirrored";
import { STRINGS } from "~/i18n/strings";
import { expectNoSeriousAxeViolations } from "./axe";

test.describe.configure({ mode: "serial" });

const PORT = 3296;
const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };
let server: ServerProcess | undefined;
let dir = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const d = seededDatabase("register-mirrored-");
  dir = d.dir;
  const db = openDatabase(d.file);
  const report = importRecords(ctxOf({ actor: admin, db, now: new Date("2026-09-01T09:00:00Z") }), { text: mirroredImportText(), createAgencies: true });
  expect(report.result).toBe("imported");
  db.$client.close();
  server = await startServer({ port: PORT, databasePath: d.file });
});

test.afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const LANGS = [
  { lang: "zh", locale: "zh-CN", prefix: "" },
  { lang: "en", locale: "en-GB", prefix: "/en" },
] as const;

/** Text of a string around its {placeholders}, each long enough to mean something. */
const parts = (s: string) => s.split(/\{\w+\}/).map((p) => p.trim()).filter((p) => p.length > 3);

async function pageWidthProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const inScroller = (e: Element) => !!e.parentElement?.closest(".table-region, pre");
    const wide = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > width + 0.5 && !inScroller(e)).slice(0, 5);
    return `page is ${document.documentElement.scrollWidth}px wide: ${wide.map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? "").slice(0, 40)}"`).join(", ")}`;
  });
}

for (const { lang, locale, prefix } of LANGS) {
  test(`a mirrored US record in ${lang}: regime banner, source's terms, none of this register's claims`, async ({ browser }) => {
    const S = STRINGS[lang];
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const res = await page.goto(`http://127.0.0.1:${PORT}${prefix}/tools/${US_ID}`);
    expect(res?.status()).toBe(200);
    const banner = page.locator(".regime-banner");
    await expect(banner).toBeVisible();
    for (const p of parts(S.mirroredBanner)) await expect(banner).toContainText(p);
    await expect(banner.locator("a")).toHaveAttribute("href", "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory");
    await expect(page.locator(".sunset-banner")).toHaveText(S.mirroredNoEndDate);
    const body = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    expect(body).not.toContain(S.noSunsetWarning);
    for (const p of parts(S.answersReviewNone)) expect(body).not.toContain(p);
    expect(body).not.toContain(S.fImpactNotAssessed);
    await expect(page.locator(".badges .badge.review-unreviewed, .badges .badge.review-approved, .badges .badge.review-rejected, .badges [class*='level-']")).toHaveCount(0);
    await expect(page.locator(".badges .badge.classification")).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);
    if (lang === "zh") {
      fs.mkdirSync(path.join(ROOT, "test/.tmp"), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, "test/.tmp/mirrored-page-zh-390.png"), fullPage: true });
      await page.screenshot({ path: path.join(ROOT, "test/.tmp/mirrored-page-zh-390-top.png") });
      for (const id of ["classifications-risks", "governance-steps", "other-registers"])
        await page.locator(`#${id}`).screenshot({ path: path.join(ROOT, `test/.tmp/mirrored-page-zh-390-${id}.png`) });
    }
    await context.close();
  });

  test(`a mirrored Dutch record in ${lang}: its Dutch text is tagged lang="nl"`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}${prefix}/tools/${NL_ID}`);
    await expect(page.locator('h1 [lang="nl"]')).toContainText(NL_NAME);
    await expect(page.locator('.lead[lang="nl"]')).toBeVisible();
    await expect(page.locator('table.extensions tbody[lang="nl"]')).toBeVisible();
    const body = await page.locator("main").innerText();
    expect(body).not.toContain(STRINGS[lang].fImpactNotAssessed);
    expect(body).not.toContain(STRINGS[lang].noSunsetWarning);
    await expectNoSeriousAxeViolations(page);
    await context.close();
  });

  for (const width of [360, 390] as const)
    test(`mirrored pages fit a ${width} px phone in ${lang}`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
      const page = await context.newPage();
      for (const id of [US_ID, NL_ID]) {
        await page.goto(`http://127.0.0.1:${PORT}${prefix}/tools/${id}`);
        expect(await pageWidthProblem(page), `${id} at ${width}px`).toBeNull();
      }
      await context.close();
    });
}
