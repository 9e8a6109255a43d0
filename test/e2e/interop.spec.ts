// The real samples of other registers (test/fixtures/interop), imported with the command line as
// whole records, and their pages as a reader sees them (issue 15): each mirrored record links to
// its source, makes no claim in this register's terms that the source does not make ("should not
// be running", "never reviewed", "no review decision yet", "not assessed"), marks Dutch text as
// Dutch, and fits a phone.
//
// The server runs on its own database in a temporary directory (migrated and seeded, as in
// page-cache.spec.ts); the fixtures are imported into it by scripts/import.cli.ts, each in its own
// register's format (issue 16): the US rows as OMB publishes them (the 12-row sample CSV,
// --format omb-2025), the UK records as ATRS v3.0 JSON (--format atrs-3) and the Dutch record as
// the public API of algoritmes.overheid.nl lists it (--format nl-1).
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

// Its own server (not the one playwright.config.ts starts); E2E_INTEROP_PORT moves it when several runs share a machine.
const PORT = Number(process.env.E2E_INTEROP_PORT ?? 3295);
const BASE = `http://127.0.0.1:${PORT}`;
const FIXTURES = path.join(ROOT, "test/fixtures/interop");
/** Each sample in its own register's format, with the format's key and its register. */
const FILES = [
  { file: "us-omb-2025/sample_12_rows.csv", format: "omb-2025", register: "us-omb-ai-inventory", count: 12 },
  { file: "uk-atrs/uk-atrs.atrs-3.json", format: "atrs-3", register: "uk-atrs", count: 2 },
  { file: "nl-algoritmeregister/sample_1_record.json", format: "nl-1", register: "nl-algoritmeregister", count: 1 },
] as const;
let tmp = "";
let server: ChildProcess | undefined;

/** The records whose pages are checked, with the source address each must link to. */
const US_CSV = "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory/blob/62329235dc3847672bc4fdc7bf64d850a2d6d0fe/Data/2025_individually_reported_AI_use_cases.csv";
const RECORDS = [
  { name: "ASCVD (Atherosclerotic Cardiovascular Disease) Risk Estimator", what: "US DOJ-0142 (high-impact, governance in progress)", source: US_CSV },
  { name: "Hanford Procedure Search", what: "US DOE-486 (retired, no date given)", source: US_CSV },
  { name: "Statistical package syntax development and debugging", what: "US DOC-67 (no stage of development given)", source: US_CSV },
  { name: "MOT Risk Rating", what: "UK DVSA MOT risk rating", source: "https://www.gov.uk/algorithmic-transparency-records" },
  { name: "Inzet geautomatiseerde gezichtsvergelijking", what: "NL Gennep face comparison", source: "https://algoritmes.overheid.nl/nl/algoritme/11243654" },
] as const;
type Checked = (typeof RECORDS)[number];

/** The ids the import gave the records (it numbers them after the register's highest), by name. */
const IDS = new Map<string, string>();
const idOf = (r: Checked): string => {
  const id = IDS.get(r.name);
  if (!id) throw new Error(`the record "${r.name}" was not imported`);
  return id;
};

/** Claims in this register's terms that none of these sources makes, in both languages. */
const FALSE_CLAIMS = {
  zh: ["不应继续运行", "未评估", "尚无审查决定", "从未审查", "未经审查"],
  en: ["should not be running", "Not assessed", "no review decision yet", "Never reviewed"],
} as const;

function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path: url, agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(JSON.parse(body) as T));
      })
      .on("error", reject);
  });
}

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
  // e.g. `npm run import -- test/fixtures/interop/us-omb-2025/sample_12_rows.csv --format omb-2025 --create-agencies`
  for (const f of FILES) execFileSync(process.execPath, [tsx, "scripts/import.cli.ts", path.join(FIXTURES, f.file), "--format", f.format, "--create-agencies"], { cwd: ROOT, env, stdio: "pipe" });
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
  for (const f of FILES) {
    const list = await getJson<{ items: { id: string; name: Record<string, string | undefined> }[] }>(`${paths.apiTools({ regime: f.register, limit: 100 })}`);
    for (const t of list.items) for (const n of Object.values(t.name)) if (n) IDS.set(n, t.id);
    expect(list.items).toHaveLength(f.count);
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
      const res = await page.goto(`${BASE}${localized(paths.tool(idOf(r)), lang)}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator(`main a[href="${r.source}"]`).first()).toBeVisible();
      const body = await visibleText(page);
      const found = FALSE_CLAIMS[lang].filter((claim) => body.includes(claim));
      expect(found, `claims on ${idOf(r)} (${lang})`).toEqual([]);
    });
  }

  test(`${lang}: a US row without a stage of development reads "not stated by the source"`, async ({ page }) => {
    const row = RECORDS.find((r) => r.what.startsWith("US DOC-67"))!;
    await page.goto(`${BASE}${localized(paths.tool(idOf(row)), lang)}`);
    await expect(page.locator("main")).toContainText(lang === "zh" ? "来源未说明" : "Not stated by the source");
    // A row with a stage says it in the standard's words, not as unstated.
    await page.goto(`${BASE}${localized(paths.tool(idOf(RECORDS[1])), lang)}`);
    expect(await visibleText(page)).not.toContain(lang === "zh" ? "来源未说明" : "Not stated by the source");
  });

  test(`${lang}: the Dutch record's name and purpose are marked lang="nl"`, async ({ page }) => {
    await page.goto(`${BASE}${localized(paths.tool(idOf(RECORDS[4])), lang)}`);
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
      await page.goto(`${BASE}${localized(paths.tool(idOf(r)), lang)}`);
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
      if (wide) problems.push(`${idOf(r)} (${lang}) is ${wide}`);
    }
  expect(problems).toEqual([]);
});
