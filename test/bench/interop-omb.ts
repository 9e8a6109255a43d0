// US inventory benchmark (`npm run bench:interop`, issue 16): the whole 2025 federal AI use case
// inventory (3,611 rows) into an EMPTY register (migrated, one admin account, no tools), through
// the command line exactly as an operator runs it (`npm run import -- FILE --format omb-2025
// --create-agencies`, a separate process timed from start to exit, wall clock), then exported
// back in the same format: in-process (registry/exchange/interop/export.server.ts exportInterop)
// and, when the register has the /interop/omb-2025.csv route, over real HTTP from the built
// server. Prints the cells and bytes that differ from the published file (target: 0 cells) and how
// the command line reported each of the file's quirks. Targets: import < 30 s, export < 5 s.
//
//   --no-build   reuse build/ for the HTTP export (when the route exists)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { createUser } from "../../registry/auth/accounts.server";
import { ctxOf } from "../../registry/shared/context";
import { exportInterop } from "../../registry/exchange/interop/export.server";
import { OMB_2025 } from "../../registry/exchange/interop/omb-2025/format";
import { OMB_2025_COLUMN_NAMES } from "../../registry/exchange/interop/omb-2025/columns";
import { OMB_REGISTER } from "../../registry/exchange/interop/omb-2025/mapping";
import { parseToolQuery } from "../../registry/records/query";
import type { Cells } from "../../registry/exchange/interop/mapping";
import { freePort } from "./free-port";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA = path.join(ROOT, "test/bench/.data");
const CSV = path.join(ROOT, "test/fixtures/interop/us-omb-2025/2025_individually_reported_AI_use_cases.csv");
const DB = path.join(DATA, "interop-omb.sqlite");
const ORIGIN = "https://register.example";

function rowsOf(bytes: Uint8Array): Cells[] {
  const r = OMB_2025.read(bytes);
  if (!r.ok) throw new Error(`file refused: ${JSON.stringify(r.notices)}`);
  return r.rows.map((x) => x.cells);
}

/** Cells that differ (row, column), with the first few named. */
function cellDiffs(source: Cells[], back: Cells[]): { count: number; first: string[] } {
  let count = Math.abs(source.length - back.length) * OMB_2025_COLUMN_NAMES.length;
  const first: string[] = [];
  for (let i = 0; i < Math.min(source.length, back.length); i++)
    for (const c of OMB_2025_COLUMN_NAMES)
      if ((source[i]![c] ?? "") !== (back[i]![c] ?? "")) {
        count++;
        if (first.length < 5) first.push(`row ${i + 1} ${c}: ${JSON.stringify(source[i]![c]).slice(0, 80)} → ${JSON.stringify(back[i]![c]).slice(0, 80)}`);
      }
  return { count, first };
}

/**
 * Bytes that differ, after aligning the two files: a greedy walk that, where they part, looks for
 * the nearest point where they meet again (a byte or a few inserted, removed or changed), and
 * counts the bytes skipped on each side. Also the places where they part, with the first few.
 */
function byteDiffs(a: Uint8Array, b: Uint8Array): { inserted: number; removed: number; changed: number; places: number[] } {
  const SYNC = 24;
  const meets = (i: number, j: number) => {
    for (let k = 0; k < SYNC; k++) if (i + k >= a.length || j + k >= b.length ? i + k < a.length || j + k < b.length : a[i + k] !== b[j + k]) return false;
    return true;
  };
  let i = 0;
  let j = 0;
  let inserted = 0;
  let removed = 0;
  let changed = 0;
  const places: number[] = [];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    places.push(i);
    let done = false;
    for (let d = 1; d <= 64 && !done; d++)
      for (let x = 0; x <= d && !done; x++) {
        // x bytes of the source against d - x bytes of the export.
        if (meets(i + x, j + d - x)) {
          const common = Math.min(x, d - x);
          changed += common;
          removed += x - common;
          inserted += d - x - common;
          i += x;
          j += d - x;
          done = true;
        }
      }
    if (!done) {
      changed++;
      i++;
      j++;
    }
  }
  removed += a.length - i;
  inserted += b.length - j;
  return { inserted, removed, changed, places };
}

function report(label: string, source: Uint8Array, body: Uint8Array, seconds: number): boolean {
  const cells = cellDiffs(rowsOf(source), rowsOf(body));
  const bytes = byteDiffs(source, body);
  const differing = bytes.inserted + bytes.removed + bytes.changed;
  console.log(
    `${label.padEnd(24)} ${seconds.toFixed(2).padStart(7)} s  ${(body.length / 1e6).toFixed(2)} MB  cells differing: ${cells.count}  ${seconds < 5 ? "PASS" : "FAIL"} (< 5 s)${cells.count === 0 ? "" : "  FAIL (cells)"}`,
  );
  console.log(
    `    bytes differing: ${differing} (${bytes.inserted} inserted, ${bytes.removed} removed, ${bytes.changed} changed) at ${bytes.places.length} places; sizes ${source.length} → ${body.length}`,
  );
  for (const f of cells.first) console.log(`    ${f}`);
  const kinds = new Map<string, number>();
  for (const at of bytes.places) {
    const from = Buffer.from(source.slice(at, at + 12)).toString("utf8");
    const key = JSON.stringify(from.slice(0, 1));
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  if (bytes.places.length) console.log(`    where they part, the source has: ${[...kinds].map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  for (const at of bytes.places.slice(0, 3)) console.log(`    at byte ${at}: source ${JSON.stringify(Buffer.from(source.slice(at, at + 30)).toString("utf8"))}`);
  return seconds < 5 && cells.count === 0;
}

const hasRoute = () => fs.readdirSync(path.join(ROOT, "app/routes")).some((f) => /^interop/.test(f));

async function overHttp(source: Uint8Array): Promise<boolean | null> {
  if (!hasRoute()) return null;
  if (!process.argv.includes("--no-build") || !fs.existsSync(path.join(ROOT, "build/index.js"))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: DB, WEB_CONCURRENCY: "1" },
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 150) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const started = performance.now();
    const res = await fetch(`${base}/interop/omb-2025.csv`, { headers: { "Accept-Encoding": "identity" } });
    const body = new Uint8Array(await res.arrayBuffer());
    const seconds = (performance.now() - started) / 1000;
    if (!res.ok) {
      console.log(`HTTP export: status ${res.status}`);
      return false;
    }
    return report("export over HTTP", source, body, seconds);
  } finally {
    server.kill("SIGTERM");
  }
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true });
  for (const s of ["", "-wal", "-shm", ".chain-head"]) fs.rmSync(DB + s, { force: true });
  const setup = openDatabase(DB);
  migrateDatabase(setup);
  await createUser(ctxOf({ db: setup }), { email: "bench-admin@register.example", displayName: "Bench admin", role: "admin", password: "bench-admin-password-long-enough" });
  const tools = (setup.$client.prepare(`SELECT count(*) AS n FROM tools`).get() as { n: number }).n;
  setup.$client.pragma("wal_checkpoint(TRUNCATE)");
  setup.$client.close();
  const source = new Uint8Array(fs.readFileSync(CSV));
  console.log(`File: ${path.relative(ROOT, CSV)}, ${rowsOf(source).length} rows, ${(source.length / 1e6).toFixed(2)} MB`);
  console.log(`Register: empty (${tools} tools), one admin account (${path.relative(ROOT, DB)})\n`);

  // 1. The command line, as an operator runs it, timed from start to exit (wall clock).
  const started = performance.now();
  const run = spawnSync("npm", ["run", "import", "--", CSV, "--format", "omb-2025", "--create-agencies"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: DB },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const importSeconds = (performance.now() - started) / 1000;
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  console.log(`import (npm run import)   ${importSeconds.toFixed(2).padStart(6)} s  exit ${run.status}  ${importSeconds < 30 ? "PASS" : "FAIL"} (< 30 s)`);
  console.log(`  ${last}`);
  console.log(`  ${run.stderr.trim().split("\n").at(-1)}`);
  console.log("\nHow the file's quirks were handled (the command line's report):");
  const prefix = `${path.basename(CSV)}: `;
  for (const l of run.stdout.split("\n")) if (l.startsWith(prefix)) console.log(`  - ${l.slice(prefix.length).slice(0, 400)}`);
  if (run.status !== 0) {
    console.log(run.stdout.slice(0, 4000));
    process.exit(1);
  }

  // 2. Export back, in-process.
  console.log("");
  const db = openDatabase(DB);
  const { query } = parseToolQuery(new URLSearchParams(`regime=${OMB_REGISTER}`));
  const t0 = performance.now();
  const out = exportInterop("omb-2025", query, { origin: ORIGIN, order: "id", exportedAt: new Date().toISOString() }, db);
  const exportSeconds = (performance.now() - t0) / 1000;
  db.$client.close();
  let ok = importSeconds < 30 && report("export (in-process)", source, new TextEncoder().encode(out.body), exportSeconds);

  // 3. Over HTTP, from the built server, when the route exists.
  const http = await overHttp(source);
  if (http === null) console.log("export over HTTP          skipped: this checkout has no /interop/omb-2025.csv route (in-process only)");
  else ok &&= http;
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
