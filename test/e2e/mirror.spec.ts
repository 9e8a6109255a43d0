// The static mirror (`npm run export:site -- <dir>`): every link in the exported site resolves
// to a file in it, every page exists in both languages, and the copy works in a browser from a
// sub-path of a plain static file server and from file://.
//
// The export runs on its own freshly migrated and seeded database in a temporary directory, so
// it neither sees nor disturbs the database of the e2e web server.
import { test, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { parse as parseCsv } from "csv-parse/sync";
import { ROOT } from "../helpers/paths";
import { SEED_SCRIPT } from "../helpers/seed";
import { expectNoSeriousAxeViolations } from "./axe";
import { byteProblem } from "../helpers/bytes";

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

test.describe.configure({ mode: "serial" });

let tmp = "";
let site = "";
let summary = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "register-mirror-"));
  site = path.join(tmp, "site");
  const env = { ...process.env, DATABASE_PATH: path.join(tmp, "register.sqlite"), REGISTER_CLOCK_FILE: "", REGISTER_ALLOW_TEST_CLOCK: "" };
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/migrate.server.ts"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(process.execPath, [tsx, SEED_SCRIPT], { cwd: ROOT, env, stdio: "pipe" });
  summary = execFileSync("npm", ["run", "--silent", "export:site", "--", site, "--quiet"], { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
});

test.afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function walkFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walkFiles(p, base) : [path.relative(base, p).split(path.sep).join("/")];
  });
}

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if ("tagName" in n) out.push(n);
    if ("childNodes" in n) n.childNodes.forEach(visit);
  };
  visit(node);
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

test("the export reports no missing or failed page", () => {
  expect(summary).toMatch(/not found\s+0\b/);
  expect(summary).toMatch(/failed\s+0\b/);
  expect(summary).toMatch(/pages\s+\d+/);
});

test("every link in the exported site resolves to a file in it", () => {
  const files = walkFiles(site);
  const html = files.filter((f) => f.endsWith(".html"));
  expect(html.length).toBeGreaterThan(100);
  const idsOf = new Map<string, Set<string>>();
  const docOf = (file: string) => parse(fs.readFileSync(path.join(site, file), "utf8"));
  const ids = (file: string) => {
    let s = idsOf.get(file);
    if (!s) {
      s = new Set(elements(docOf(file)).flatMap((e) => (attr(e, "id") ? [attr(e, "id")!] : [])));
      idsOf.set(file, s);
    }
    return s;
  };

  const broken: string[] = [];
  let checked = 0;
  for (const file of html) {
    const doc = docOf(file);
    for (const el of elements(doc)) {
      if (el.tagName === "script") broken.push(`${file}: a <script> is left`);
      if (el.tagName === "form") broken.push(`${file}: a <form> is left (action ${attr(el, "action")})`);
      if (el.tagName === "link" && /modulepreload/.test(attr(el, "rel") ?? "")) broken.push(`${file}: a modulepreload link is left`);
      for (const name of ["href", "src", "action"]) {
        const value = attr(el, name);
        if (value === undefined) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
          // External links stay, but nothing may lead back to a server the mirror does not need.
          if (/^https?:\/\/(localhost|127\.0\.0\.1)/.test(value)) broken.push(`${file}: <${el.tagName} ${name}="${value}"> points at a server`);
          continue;
        }
        checked++;
        if (value.startsWith("/")) {
          broken.push(`${file}: <${el.tagName} ${name}="${value}"> is absolute, so the copy would only work at the root of a server`);
          continue;
        }
        const [withoutHash, hash] = value.split("#", 2) as [string, string | undefined];
        if (withoutHash.includes("?")) {
          broken.push(`${file}: <${el.tagName} ${name}="${value}"> has a query, which a static server ignores`);
          continue;
        }
        const target = withoutHash === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(withoutHash)));
        const abs = path.join(site, target);
        if (target.startsWith("..") || !fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
          broken.push(`${file}: <${el.tagName} ${name}="${value}"> -> ${target} does not exist`);
          continue;
        }
        if (hash && target.endsWith(".html") && !ids(target).has(decodeURIComponent(hash))) {
          broken.push(`${file}: <${el.tagName} ${name}="${value}"> -> no element with id "${hash}" in ${target}`);
        }
      }
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(5_000);
});

test("every page exists in both languages, and nothing private is mirrored", () => {
  const files = walkFiles(site);
  const zh = files.filter((f) => f.startsWith("zh/")).map((f) => f.slice(3));
  const en = files.filter((f) => f.startsWith("en/")).map((f) => f.slice(3));
  expect(zh.length).toBeGreaterThan(100);
  expect(new Set(en)).toEqual(new Set(zh));
  for (const f of zh.filter((x) => x.endsWith(".html")).slice(0, 40)) {
    expect(fs.readFileSync(path.join(site, "zh", f), "utf8"), f).toContain('<html lang="zh-Hans">');
    expect(fs.readFileSync(path.join(site, "en", f), "utf8"), f).toContain('<html lang="en">');
  }
  const privatePath = /(^|\/)(login|logout|account|drafts|review|reports|lang|edit|report|facts|report-unregistered)(\/|$|\.)|^(zh|en)\/api\/v1/;
  expect(files.filter((f) => privatePath.test(f))).toEqual([]);
  // No page of the mirror carries a session or a CSRF token.
  const all = files.filter((f) => f.endsWith(".html")).map((f) => fs.readFileSync(path.join(site, f), "utf8"));
  expect(all.filter((h) => /csrf|name="password"/i.test(h))).toEqual([]);
});

test("each page's language switch and hreflang alternates lead to its twin in the other language", () => {
  const pages = walkFiles(site).filter((f) => /^(zh|en)\/.*\.html$/.test(f));
  expect(pages.length).toBeGreaterThan(100);
  const problems: string[] = [];
  for (const file of pages) {
    const lang = file.slice(0, 2);
    const other = lang === "zh" ? "en" : "zh";
    const twin = `${other}${file.slice(2)}`;
    const target = (href: string | undefined) => (href === undefined ? "(none)" : path.posix.normalize(path.posix.join(path.posix.dirname(file), href)));
    const html = fs.readFileSync(path.join(site, file), "utf8");
    // A stand-in for a redirect of the live site is not a page.
    if (html.includes('http-equiv="refresh"')) continue;
    const els = elements(parse(html));
    // The header's switch: now a link (app/root.tsx), pointing at the same page at the other language's address.
    const switches = els.filter((e) => e.tagName === "a" && e.parentNode && "tagName" in e.parentNode && /(^|\s)lang-switch(\s|$)/.test(attr(e.parentNode as Element, "class") ?? ""));
    if (switches.length !== 1) problems.push(`${file}: ${switches.length} language switches`);
    for (const a of switches) {
      if (target(attr(a, "href")) !== twin) problems.push(`${file}: the switch leads to ${target(attr(a, "href"))}, not ${twin}`);
      if (attr(a, "hreflang") !== (other === "zh" ? "zh-Hans" : "en")) problems.push(`${file}: the switch says hreflang=${attr(a, "hreflang")}`);
    }
    const alternates = new Map(els.filter((e) => e.tagName === "link" && attr(e, "rel") === "alternate" && attr(e, "hreflang")).map((e) => [attr(e, "hreflang")!, target(attr(e, "href"))]));
    const want = new Map([
      ["zh-Hans", `zh${file.slice(2)}`],
      ["en", `en${file.slice(2)}`],
    ]);
    // No x-default: a static copy has no address that picks the language (scripts/mirror/rewrite.ts).
    if (JSON.stringify([...alternates].sort()) !== JSON.stringify([...want].sort())) problems.push(`${file}: alternates ${JSON.stringify([...alternates])}`);
  }
  expect(problems.slice(0, 20)).toEqual([]);
});

test("the key pages and exports are there, one page per exported tool", () => {
  for (const f of [
    "index.html",
    "README.txt",
    "SHA256SUMS",
    "favicon.svg",
    "zh/index.html",
    "en/index.html",
    "zh/tools/index.html",
    "en/tools/index__kind=code_system.html",
    "zh/agencies/index.html",
    "zh/incidents/index.html",
    "zh/sunsets/index.html",
    "zh/log/index.html",
    "zh/standard/index.html",
    "zh/unregistered/index.html",
    "tools.csv",
    "tools.json",
    "tools.ndjson",
    "records.json",
    "records.ndjson",
    "tools__kind=code_system.csv",
    "tools/data-elements.csv",
    "agencies.csv",
    "incidents.csv",
    "findings.csv",
    "comments.csv",
    "log.json",
    "standard/v1.schema.json",
    "zh/changes.atom",
    "en/changes.atom",
    "zh/sunsets.atom",
  ]) {
    expect(fs.existsSync(path.join(site, f)), f).toBe(true);
  }

  const rows = parseCsv(fs.readFileSync(path.join(site, "tools.csv")), { bom: true, columns: true }) as { id: string }[];
  expect(rows.length).toBeGreaterThanOrEqual(20);
  for (const { id } of rows) {
    for (const f of [`zh/tools/${id}/index.html`, `en/tools/${id}/index.html`, `zh/tools/${id}/history/index.html`, `en/tools/${id}/changes.atom`, `tools/${id}/history.json`]) {
      expect(fs.existsSync(path.join(site, f)), f).toBe(true);
    }
    expect(JSON.parse(fs.readFileSync(path.join(site, `tools/${id}.json`), "utf8")).id).toBe(id);
  }
  const listed = JSON.parse(fs.readFileSync(path.join(site, "tools.json"), "utf8")) as { total: number };
  expect(listed.total).toBe(rows.length);
  // The whole records: one entry per published tool, in the format the import takes.
  const entries = fs.readFileSync(path.join(site, "records.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; revisions: unknown[] });
  expect(entries.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
  expect(entries.every((e) => e.revisions.length >= 1)).toBe(true);
  const filtered = parseCsv(fs.readFileSync(path.join(site, "tools__kind=code_system.csv")), { bom: true, columns: true }) as { kind: string }[];
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.every((r) => r.kind === "code_system")).toBe(true);

  const schema = JSON.parse(fs.readFileSync(path.join(site, "standard/v1.schema.json"), "utf8")) as Record<string, unknown>;
  expect(String(schema.$schema)).toContain("json-schema.org");
  expect(fs.readFileSync(path.join(site, "zh/changes.atom"), "utf8")).toContain("<feed");
});

test("every text file of the mirror is valid UTF-8 without a NUL byte", () => {
  const text = walkFiles(site).filter((f) => /\.(html|csv|json|ndjson|atom|txt)$/.test(f) || f === "SHA256SUMS");
  expect(text.filter((f) => f.endsWith(".html")).length).toBeGreaterThan(100);
  const bad = text.flatMap((f) => {
    const problem = byteProblem(fs.readFileSync(path.join(site, f)));
    return problem ? [`${f}: ${problem}`] : [];
  });
  expect(bad).toEqual([]);
});

test("SHA256SUMS matches every file", () => {
  const lines = fs.readFileSync(path.join(site, "SHA256SUMS"), "utf8").trim().split("\n");
  const listed = new Set<string>();
  for (const line of lines) {
    const [hash, file] = line.split("  ") as [string, string];
    listed.add(file);
    expect(crypto.createHash("sha256").update(fs.readFileSync(path.join(site, file))).digest("hex"), file).toBe(hash);
  }
  const unlisted = walkFiles(site).filter((f) => !listed.has(f) && !["SHA256SUMS", "README.txt", ".register-mirror", ".mirror-manifest.json"].includes(f));
  expect(unlisted).toEqual([]);
});

test("refuses to write into a directory that is not empty", () => {
  let failed: { status: number; stderr: string } | null = null;
  try {
    execFileSync("npm", ["run", "--silent", "export:site", "--", site], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path.join(tmp, "register.sqlite") }, encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    failed = e as { status: number; stderr: string };
  }
  expect(failed?.status).toBe(2);
  expect(failed?.stderr).toContain("is not empty");
});

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".ndjson": "application/x-ndjson",
  ".atom": "application/atom+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** A plain static file server that serves the mirror under a sub-path, as an archive might. */
async function serveStatic(dir: string, prefix: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = pathname.startsWith(prefix) ? path.join(dir, pathname.slice(prefix.length)) : "";
    if (!file || !file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => errors.push(`failed ${r.url()}`));
  return errors;
}

test("the mirror works in a browser from a sub-path of a static file server", async ({ page }) => {
  // Seven pages and an accessibility check: more than the default 30 s on a loaded two-core machine.
  test.setTimeout(90_000);
  const server = await serveStatic(site, "/archive/register-mirror/");
  try {
    const errors = watchErrors(page);
    await page.goto(`${server.base}index.html`);
    await page.getByRole("link", { name: "中文版" }).click();
    await expect(page).toHaveURL(/\/archive\/register-mirror\/zh\/index\.html$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("公共算法登记簿");
    await expect(page.locator(".mirror-banner")).toContainText("静态副本");
    // The style sheet loaded through a relative link.
    const headerBg = await page.locator(".site-header").evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(headerBg).not.toBe("rgba(0, 0, 0, 0)");

    await page.getByRole("navigation", { name: "首页" }).getByRole("link", { name: "工具" }).click();
    await expect(page).toHaveURL(/\/zh\/tools\/index\.html$/);
    const facet = page.locator('section[aria-labelledby="facet-kind"] a', { hasText: "“码”系统" });
    const count = Number((await facet.locator(".count").innerText()).replace(/\D/g, ""));
    await facet.click();
    await expect(page).toHaveURL(/\/zh\/tools\/index__kind=code_system\.html$/);
    await expect(page.locator(".tool-card")).toHaveCount(count);

    const csv = await page.request.get(new URL((await page.locator("section.data-downloads").getByRole("link", { name: "表格", exact: true }).getAttribute("href"))!, page.url()).href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\n").length).toBeGreaterThan(count);

    const card = page.locator(".tool-card h3 a").first();
    const name = (await card.innerText()).trim();
    await card.click();
    await expect(page).toHaveURL(/\/zh\/tools\/ALG-\d+\/index\.html$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.locator("form")).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("link", { name: "将页面切换为英文" }).click();
    await expect(page).toHaveURL(/\/en\/tools\/ALG-\d+\/index\.html$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
    await page.getByRole("link", { name: "History and changes" }).click();
    await expect(page).toHaveURL(/\/en\/tools\/ALG-\d+\/history\/index\.html$/);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test("the mirror works straight from the disk (file://)", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(pathToFileURL(path.join(site, "en/tools/index.html")).href);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const card = page.locator(".tool-card h3 a").first();
  await card.click();
  await expect(page).toHaveURL(/^file:.*\/en\/tools\/ALG-\d+\/index\.html$/);
  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await page.getByRole("link", { name: "Agencies" }).first().click();
  await expect(page).toHaveURL(/^file:.*\/en\/agencies\/index\.html$/);
  // The language switch is a link to the twin file, offline too.
  await page.getByRole("link", { name: "Switch the page to Chinese" }).click();
  await expect(page).toHaveURL(/^file:.*\/zh\/agencies\/index\.html$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await page.getByRole("link", { name: "将页面切换为英文" }).click();
  await expect(page).toHaveURL(/^file:.*\/en\/agencies\/index\.html$/);
  expect(errors).toEqual([]);
});
