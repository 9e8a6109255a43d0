// The faster static mirror (issue 17): rendering in parallel worker threads gives the same
// files as one worker, and an incremental export after a small change (a new revision of one
// tool) gives the same files as a full export, while rendering far fewer resources.
//
// Runs `npm run export:site` as a process on its own freshly migrated and seeded database, with
// the register's clock fixed (REGISTER_CLOCK_FILE), so the dates stamped into the exports and the
// README are the same in every run and the trees can be compared byte for byte. It needs the
// production build (build/), like test/e2e/mirror.spec.ts; no browser.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/paths";
import { SEED_SCRIPT } from "../helpers/seed";

test.describe.configure({ mode: "serial" });

let tmp = "";
let env: NodeJS.ProcessEnv = { ...process.env };
const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function run(script: string, args: string[]): string {
  return execFileSync(process.execPath, [tsx, script, ...args], { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function exportSite(dir: string, ...args: string[]): { summary: string; rendered: number; kept: number; mode: string } {
  const summary = run("scripts/export-site.ts", [dir, "--quiet", ...args]);
  const m = /rendered\s+(\d+) resources \(kept (\d+)/.exec(summary);
  const mode = /export\s+(full|incremental)/.exec(summary)?.[1] ?? "";
  expect(m, summary).not.toBeNull();
  expect(summary).toMatch(/failed\s+0\b/);
  return { summary, rendered: Number(m![1]), kept: Number(m![2]), mode };
}

function walkFiles(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walkFiles(p, base) : [path.relative(base, p).split(path.sep).join("/")];
    })
    .sort();
}

/** Every difference between two trees: files only in one, and files whose bytes differ. */
function treeDifferences(a: string, b: string): string[] {
  const fa = walkFiles(a);
  const fb = walkFiles(b);
  const inB = new Set(fb);
  const inA = new Set(fa);
  const out = [...fa.filter((f) => !inB.has(f)).map((f) => `only in the first: ${f}`), ...fb.filter((f) => !inA.has(f)).map((f) => `only in the second: ${f}`)];
  for (const f of fa) {
    if (inB.has(f) && !fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)))) out.push(`differs: ${f}`);
  }
  return out;
}

test.beforeAll(() => {
  test.setTimeout(240_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "register-mirror-incr-"));
  const clock = path.join(tmp, "clock");
  fs.writeFileSync(clock, "2026-06-15T04:00:00.000Z\n");
  env = { ...process.env, DATABASE_PATH: path.join(tmp, "register.sqlite"), REGISTER_CLOCK_FILE: clock, REGISTER_ALLOW_TEST_CLOCK: "1" };
  delete env.MIRROR_WORKERS;
  run("scripts/migrate.server.ts", []);
  run(SEED_SCRIPT, []);
});

test.afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("one worker and two workers write the same mirror, byte for byte", () => {
  test.setTimeout(300_000);
  const one = exportSite(path.join(tmp, "one"), "--workers", "1");
  const two = exportSite(path.join(tmp, "two"), "--workers", "2");
  expect(one.summary).toContain("(1 worker)");
  expect(two.summary).toContain("(2 workers)");
  expect(walkFiles(path.join(tmp, "one")).filter((f) => f.endsWith(".html")).length).toBeGreaterThan(100);
  expect(two.rendered).toBe(one.rendered);
  expect(treeDifferences(path.join(tmp, "one"), path.join(tmp, "two"))).toEqual([]);
});

test("after a new revision of one tool, an incremental export equals a full one and renders far fewer resources", () => {
  test.setTimeout(400_000);
  const mirror = path.join(tmp, "one");
  // Nothing changed: the incremental export keeps every tool's pages.
  const unchanged = exportSite(mirror, "--incremental", "--workers", "2");
  expect(unchanged.mode).toBe("incremental");
  expect(treeDifferences(mirror, path.join(tmp, "two"))).toEqual([]);

  const id = run("test/helpers/mirror-change.ts", []).trim();
  expect(id).toMatch(/^ALG-\d+$/);
  const before = fs.readFileSync(path.join(mirror, `en/tools/${id}/index.html`), "utf8");
  expect(before).not.toContain("Revised for the mirror test.");

  const incremental = exportSite(mirror, "--incremental", "--workers", "2");
  const full = exportSite(path.join(tmp, "full"), "--workers", "2");
  expect(incremental.mode).toBe("incremental");
  expect(incremental.summary).toContain("1 changed tool");
  expect(full.mode).toBe("full");
  // The changed page was rendered again...
  expect(fs.readFileSync(path.join(mirror, `en/tools/${id}/index.html`), "utf8")).toContain("Revised for the mirror test.");
  // ...and the whole tree is what a full export writes, manifest and checksums included.
  expect(treeDifferences(mirror, path.join(tmp, "full"))).toEqual([]);
  // Far fewer renders: counts, not times.
  console.log(`mirror: full export rendered ${full.rendered} resources; incremental after one new revision rendered ${incremental.rendered} and kept ${incremental.kept}`);
  expect(incremental.rendered + incremental.kept).toBe(full.rendered);
  expect(incremental.rendered * 3).toBeLessThan(full.rendered);
});

test("an incremental export after the day changed renders everything, and still equals a full export", () => {
  test.setTimeout(300_000);
  fs.writeFileSync(path.join(tmp, "clock"), "2026-06-16T04:00:00.000Z\n");
  const mirror = path.join(tmp, "one");
  const next = exportSite(mirror, "--incremental", "--workers", "2");
  expect(next.mode).toBe("full");
  expect(next.summary).toContain("the day changed");
  const full = exportSite(path.join(tmp, "full-next-day"), "--workers", "2");
  expect(treeDifferences(mirror, path.join(tmp, "full-next-day"))).toEqual([]);
  expect(next.rendered).toBe(full.rendered);
});

test("refuses an incremental export into a directory it did not write", () => {
  const foreign = path.join(tmp, "foreign");
  fs.mkdirSync(foreign);
  fs.writeFileSync(path.join(foreign, "keep.txt"), "not a mirror\n");
  let failed: { status: number; stderr: string } | null = null;
  try {
    run("scripts/export-site.ts", [foreign, "--incremental", "--quiet"]);
  } catch (e) {
    failed = e as { status: number; stderr: string };
  }
  expect(failed?.status).toBe(2);
  expect(failed?.stderr).toContain("was not written by export:site");
  expect(fs.readFileSync(path.join(foreign, "keep.txt"), "utf8")).toBe("not a mirror\n");
});
