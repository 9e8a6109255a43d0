// Static mirror benchmark (`npm run bench:mirror`): generates a register of BENCH_RECORDS tools
// (default 20,000; test/bench/generate.ts, the generator of `npm run bench`) and times
// `npm run export:site`:
//   1. a full export with one worker thread (skipped with BENCH_MIRROR_ONE=0: at 100,000 records
//      it takes hours),
//   2. a full export with BENCH_WORKERS workers (default: one per core),
//   3. one small change (a new revision of one tool, test/helpers/mirror-change.ts), then an
//      incremental export into the mirror of 2 with the same workers.
// Prints the seconds, the resources rendered and kept, the files and the size of each, and the
// load average before and after (the machine may be shared). Targets from issue 17 at 100,000
// records: the first export under 45 minutes, the incremental one under a minute.
//
// Files go under BENCH_DIR (default <tmp>/register-bench-mirror): the database (kept and reused
// while its record count matches) and the mirrors (deleted at the end unless --keep).
// BENCH_DB=<file> copies an already generated register (e.g. test/bench/.data/bench-100k.sqlite of
// `npm run bench`, BENCH_RECORDS=100000) into BENCH_DIR instead of generating one (~200 s at
// 100,000 records); the copy is what the benchmark changes, the file itself is only read.
// BENCH_MIRROR_ARGS adds options to every export (e.g. "--filtered-exports=rows").
//   --no-build   reuse build/ as it is
//   --keep       keep the mirrors
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { generateRegister } from "./generate";
import { publishSmallChange } from "../helpers/mirror-change";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RECORDS = Number(process.env.BENCH_RECORDS ?? 20_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? (typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length));
const DIR = path.resolve(process.env.BENCH_DIR ?? path.join(os.tmpdir(), "register-bench-mirror"));
const args = new Set(process.argv.slice(2));
/** More options for every export (BENCH_MIRROR_ARGS="--filtered-exports=rows"). */
const EXTRA = (process.env.BENCH_MIRROR_ARGS ?? "").split(/\s+/).filter(Boolean);

const loadavg = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const log = (s: string) => console.log(s);

async function prepareDatabase(): Promise<string> {
  const file = path.join(DIR, `mirror-${RECORDS}.sqlite`);
  const metaFile = `${file}.json`;
  const meta = fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, "utf8")) as { records: number; pristine: boolean }) : null;
  if (meta?.records === RECORDS && meta.pristine && fs.existsSync(file)) {
    log(`Reusing ${file}`);
    return file;
  }
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
  const source = process.env.BENCH_DB;
  if (source) {
    if (!fs.existsSync(source)) throw new Error(`BENCH_DB: no file ${source}`);
    log(`Copying ${source} into ${file}`);
    // Through SQLite, so a -wal beside the source is included and the copy is one consistent file.
    const src = openDatabase(source, { readonly: true });
    try {
      src.$client.prepare("VACUUM INTO ?").run(file);
    } finally {
      src.$client.close();
    }
    const db = openDatabase(file);
    let count: number;
    try {
      count = (db.$client.prepare("SELECT count(*) AS n FROM tools").get() as { n: number }).n;
    } finally {
      db.$client.close();
    }
    if (count !== RECORDS) throw new Error(`BENCH_DB holds ${count} tools, BENCH_RECORDS says ${RECORDS}: set BENCH_RECORDS=${count}`);
    fs.writeFileSync(metaFile, JSON.stringify({ records: RECORDS, pristine: true }));
    return file;
  }
  log(`Generating ${RECORDS.toLocaleString("en")} records into ${file}`);
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    db.$client.pragma("synchronous = OFF");
    const stats = await generateRegister(db, RECORDS, new Date().toISOString().slice(0, 10), (m) => log(m));
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    log(`Generated in ${stats.seconds.toFixed(1)} s (${stats.revisions.toLocaleString("en")} revisions)`);
  } finally {
    db.$client.close();
  }
  fs.writeFileSync(metaFile, JSON.stringify({ records: RECORDS, pristine: true }));
  return file;
}

type Run = { label: string; seconds: number; rendered: number; kept: number; pages: number; files: number; size: string; load: string };

function exportSite(db: string, dir: string, label: string, extra: string[]): Run {
  const before = loadavg();
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/export-site.ts", dir, "--quiet", "--profile", ...EXTRA, ...extra], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: db, REGISTER_CLOCK_FILE: "", REGISTER_ALLOW_TEST_CLOCK: "" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`export failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const out = r.stdout;
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const run: Run = {
    label,
    seconds,
    rendered: num(/rendered\s+(\d+) resources/),
    kept: num(/kept (\d+) from/),
    pages: num(/pages\s+(\d+)/),
    files: num(/files\s+(\d+)/),
    size: /size\s+(.+)/.exec(out)?.[1]?.trim() ?? "?",
    load: `${before} -> ${loadavg()}`,
  };
  log(`  ${label}: ${seconds.toFixed(1)} s, ${run.rendered} rendered, ${run.kept} kept (${/export\s+(.+)/.exec(out)?.[1]})`);
  // Where the time went, by kind of resource (export:site --profile): the 20 costliest kinds.
  const profile = out.slice(out.indexOf("Profile:")).split("\n").filter(Boolean);
  if (out.includes("Profile:")) log(profile.slice(0, 22).map((l) => `    ${l}`).join("\n"));
  return run;
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  if (!args.has("--no-build") || !fs.existsSync(path.join(ROOT, "build/index.js"))) {
    log("Building (remix build)");
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], { cwd: ROOT, stdio: "ignore" });
  }
  const db = await prepareDatabase();
  log(`Machine: ${os.cpus().length} cores, load average ${loadavg()}`);
  const runs: Run[] = [];
  const one = path.join(DIR, "mirror-1");
  const many = path.join(DIR, `mirror-${WORKERS}`);
  for (const d of [one, many]) fs.rmSync(d, { recursive: true, force: true });
  try {
    if (process.env.BENCH_MIRROR_ONE !== "0") runs.push(exportSite(db, one, "full, 1 worker", ["--workers", "1"]));
    runs.push(exportSite(db, many, `full, ${WORKERS} workers`, ["--workers", String(WORKERS)]));
    const id = publishSmallChange(db);
    // The database no longer is the generated one.
    fs.writeFileSync(`${db}.json`, JSON.stringify({ records: RECORDS, pristine: false }));
    log(`  published a new revision of ${id}`);
    runs.push(exportSite(db, many, `incremental, ${WORKERS} workers, after a new revision of one tool`, ["--incremental", "--workers", String(WORKERS)]));
  } finally {
    if (!args.has("--keep")) for (const d of [one, many]) fs.rmSync(d, { recursive: true, force: true });
  }

  log(`\nStatic mirror at ${RECORDS.toLocaleString("en")} records (${new Date().toISOString()})${EXTRA.length ? `, ${EXTRA.join(" ")}` : ""}`);
  log("export                                                  seconds   rendered      kept    pages    files  size        load average (before -> after)");
  for (const r of runs) {
    log(`${r.label.padEnd(54)}  ${r.seconds.toFixed(1).padStart(7)}  ${String(r.rendered).padStart(9)}  ${String(r.kept).padStart(8)}  ${String(r.pages).padStart(7)}  ${String(r.files).padStart(7)}  ${r.size.padEnd(10)}  ${r.load}`);
  }
  const full = runs.find((r) => r.label.startsWith(`full, ${WORKERS}`))!;
  const scale = 100_000 / RECORDS;
  log(`\nLinear estimate at 100,000 records: first export ${((full.seconds * scale) / 60).toFixed(0)} min with ${WORKERS} workers (target < 45 min).`);
}

void main();
