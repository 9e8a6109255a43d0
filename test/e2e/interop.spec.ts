// The real samples of other registers (test/fixtures/interop), imported with the command line as
// whole records, and their pages as a reader sees them (issue 15): each mirrored record links to
// its source, makes no claim in this register's terms that the source does not make ("should not
// be running", "never reviewed", "no review decision yet", "not assessed"), marks Dutch text as
// Dutch, and fits a phone.
//
// The server runs on its own database in a temporary directory (migrated and seeded, as in
// page-cache.spec.ts); the three fixture files are imported into it by scripts/import.cli.ts.
import { test, expect, type Page } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/paths";
import { SEED_SCRIPT } from "../helpers/seed";
import { localized, paths } from "../../registry/shared/urls";

// Not serial: one page's failure does not hide the others' results (a failed test restarts the
// worker, and with it this file's server and database).

const PORT = 3295;
const BASE = `http://127.0.0.1:${PORT}`;
const FIXTURES = path.join(ROOT, "test/fixtures/interop");
const FILES = ["us-omb-2025.records.json", "uk-atrs.records.json", "nl-algoritmeregister.records.json"];
let tmp = "";
let server: ChildProcess | undefined;

/** The records whose pages are checked, with the source address each must link to. */
const US_CSV = "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory/blob/62329235dc3847672bc4fdc7bf64d850a2d6d0fe/Data/2025_individually_reported_AI_use_cases.csv";
const RECORDS = [
  { id: "ALG-900006", what: "US DOJ-0142 (high-impact, governance in progress)", source: US_CSV },
  { id: "ALG-900004", what: "US DOE-486 (retired, no date given)", source: US_CSV },
  { id: "ALG-900101", what: "UK DVSA MOT risk rating", source: "https://www.gov.uk/algorithmic-transparency-records/dvsa-mot-risk-rating" },
  { id: "ALG-900201", what: "NL Gennep face comparison", source: "https://algoritmes.overheid.nl/nl/algoritme/11243654" },
] as const;

/** Claims in this register's terms that none of these sources makes, in both languages. */
const FALSE_CLAIMS = {
  zh: ["不应继续运行", "未评估", "尚无审查决定", "从未审查", "未经审查"],
  en: ["should not be running", "Not assessed", "no review decision yet", "Never reviewed"],
} as const;

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: PORT, path: url, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "register-interop-"));
  const env = { ...process.env, DATABASE_PATH: path.join(tmp, "register.sqlite") };
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/migrate.server.ts"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(process.execPath, [tsx, SEED_SCRIPT], { cwd: ROOT, env, stdio: "pipe" });
  // The command line an admin would run; it exits non-zero on any refusal.
  for (const f of FILES) execFileSync(process.execPath, [tsx, "scripts/import.cli.ts", path.join(FIXTURES, f), "--format", "records", "--create-agencies"], { cwd: ROOT, env, stdio: "pipe" });
  server = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", WEB_CONCURRENCY: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await get("/standard/v1.schema.json")) === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The page's visible text. */
const visibleText = (page: Page) => page.locator("main").innerText();

/** The language of the nearest element with `lang` around the first element whose own text starts with `start`. */
async function langAround(page: Page, start: string): Promise<string | null> {
  return page.evaluate((s) => {
    const all = [...document.querySelectorAll("main *")];
    const hit = all.find((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim().startsWith(s)));
    return hit ? (hit.closest("[lang]")?.getAttribute("lang") ?? null) : "(not on the page)";
  }, start);
}

for (const lang of ["zh", "en"] as const) {
  for (const r of RECORDS) {
    test(`${lang}: ${r.what}: links to its source and makes no claim its source does not make`, async ({ page }) => {
      const res = await page.goto(`${BASE}${localized(paths.tool(r.id), lang)}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator(`main a[href="${r.source}"]`).first()).toBeVisible();
      const body = await visibleText(page);
      const found = FALSE_CLAIMS[lang].filter((claim) => body.includes(claim));
      expect(found, `claims on ${r.id} (${lang})`).toEqual([]);
    });
  }

  test(`${lang}: the Dutch record's name and purpose are marked lang="nl"`, async ({ page }) => {
    await page.goto(`${BASE}${localized(paths.tool("ALG-900201"), lang)}`);
    await expect(page.locator("h1")).toContainText("Inzet geautomatiseerde gezichtsvergelijking");
    expect(await langAround(page, "Inzet geautomatiseerde gezichtsvergelijking")).toBe("nl");
    expect(await langAround(page, "Het doel van dit algoritme is om de identiteit van personen")).toBe("nl");
  });
}

test("at 390 px wide, no mirrored record's page is wider than the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems: string[] = [];
  for (const lang of ["zh", "en"] as const)
    for (const r of RECORDS) {
      await page.goto(`${BASE}${localized(paths.tool(r.id), lang)}`);
      const wide = await page.evaluate(() => {
        const width = window.innerWidth;
        if (document.documentElement.scrollWidth <= width) return null;
        // The innermost elements that stick out, for the failure message.
        const out = [...document.querySelectorAll("body *")].filter(
          (e) => e.getBoundingClientRect().right > width + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5),
        );
        return `${document.documentElement.scrollWidth}px wide: ${out
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? "").slice(0, 50)}"`)
          .join("; ")}`;
      });
      if (wide) problems.push(`${r.id} (${lang}) is ${wide}`);
    }
  expect(problems).toEqual([]);
});
