// What the server's chain watch costs (issue 17), on the register `npm run bench` generates
// (BENCH_RECORDS, default 100,000; made first if missing), copied to a scratch file:
//
//   - the full check on the caller's thread (what the watch did after every append and every
//     minute, in 15 ms slices on a worker's event loop), wall time and CPU;
//   - the same check in the watch's low-priority thread, and the longest the caller's event
//     loop went unanswered meanwhile (a 1 ms timer's worst lateness);
//   - the check since the last intact head after one new public revision and after 100, which
//     is what the watch now runs after appends.
//
//   npm run bench:chain
//   BENCH_RECORDS=20000 npm run bench:chain
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, setDb } from "../../db/client.server";
import { checkpointPath, readCheckpoint, writeCheckpoint } from "../../registry/log/anchor.server";
import { checkRegister, type CheckOptions } from "../../registry/log/verify.server";
import { checkSince } from "../../registry/log/verify-since.server";
import { fullCheckInThread } from "../../registry/log/full-check.server";
import { publishRevision } from "../../registry/records/publish.server";
import type { ToolRecord } from "../../registry/standard/v1";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const label = RECORDS % 1000 === 0 ? `${RECORDS / 1000}k` : String(RECORDS);
const SOURCE = path.join(ROOT, `test/bench/.data/bench-${label}.sqlite`);

const prep = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "test/bench/run.ts", "--prepare-only", "--no-build"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, BENCH_RECORDS: String(RECORDS) },
});
if (prep.status !== 0) throw new Error("preparing the register failed");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chain-watch-"));
const file = path.join(dir, "register.sqlite");
try {
  fs.copyFileSync(SOURCE, file);
  const db = openDatabase(file);
  setDb(db);
  writeCheckpoint(db);
  const opts = (): CheckOptions => {
    const cp = readCheckpoint(checkpointPath(file));
    return cp.state === "ok" ? { anchors: [{ source: "checkpoint", head: cp.head }] } : {};
  };
  const events = (db.$client.prepare(`SELECT count(*) FROM events`).pluck().get() as number).toLocaleString("en");
  console.log(`${RECORDS.toLocaleString("en")} records, ${events} events, on ${os.availableParallelism()} cores (load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")})`);

  const cpu0 = process.cpuUsage();
  let t = performance.now();
  const full = checkRegister(db.$client, opts());
  const cpu = process.cpuUsage(cpu0);
  console.log(`full check on this thread: ${((performance.now() - t) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ok=${full.ok}`);

  // The thread: how late a 1 ms timer on this thread runs meanwhile.
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  t = performance.now();
  const inThread = await fullCheckInThread(file, opts());
  clearInterval(timer);
  console.log(`full check in the low-priority thread: ${((performance.now() - t) / 1000).toFixed(2)} s wall, same result: ${JSON.stringify(inThread) === JSON.stringify(full)}; this thread's event loop at most ${worst.toFixed(1)} ms late`);

  // New public revisions of existing tools, through the publish path, then the check since.
  const tools = db.$client.prepare(`SELECT r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id ORDER BY random() LIMIT 100`).pluck().all() as string[];
  const republish = (n: number) => {
    for (const text of tools.slice(0, n)) {
      const record = JSON.parse(text) as ToolRecord;
      record.identity.summary = { zh: `${record.identity.summary.zh ?? ""}（更新）`, en: `${record.identity.summary.en ?? ""} (updated)` };
      publishRevision(record, { at: new Date().toISOString() });
    }
    writeCheckpoint(db);
  };
  for (const n of [1, 100]) {
    const before = checkRegister(db.$client, opts());
    republish(n);
    t = performance.now();
    const since = checkSince(db.$client, { head: before.head!, count: before.count }, opts());
    const ms = performance.now() - t;
    console.log(`check since, after ${n} new public revision${n === 1 ? "" : "s"}: ${ms.toFixed(1)} ms, ok=${since?.ok ?? "handed over to the full check"}`);
  }
  db.$client.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
