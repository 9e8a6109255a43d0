// Writes while the public reads (issue 17): wrk reads list pages for BENCH_SECONDS (default 30)
// with 64 connections while this script changes a listed column of one published tool once a
// second (its deployment status and updated time, as a new revision would), from its own
// database connection: every write moves the page cache's version and the list index of every
// worker. Before issue 17 the first list request in each worker after such a write rebuilt the
// whole list index (2-3 s at 100,000 tools); the goal is no request over 250 ms.
//
//   npm run bench:writes                       # the 100,000-record register of npm run bench
//   BENCH_RECORDS=20000 npm run bench:writes   # a smaller one
//
// Prints wrk's latency distribution with p99.9 and the maximum (from wrk's own histogram, via
// its Lua done() hook), the requests, failures and writes made. Exit code 1 if a request failed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { freePort } from "./free-port";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const label = RECORDS % 1000 === 0 ? `${RECORDS / 1000}k` : String(RECORDS);
const DB = path.join(ROOT, `test/bench/.data/bench-${label}.sqlite`);
const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM")));

// List pages as people ask for them: facets, sorts, pages, both languages.
const PATHS = [
  "/tools",
  "/tools?sort=updated",
  "/tools?kind=app",
  "/tools?kind=app&status=in_use",
  "/tools?kind=code_system&sunset=no_sunset",
  "/tools?status=in_use&sort=updated&page=2",
  "/tools?jurisdiction=city&page=3",
  "/tools?category=health",
  "/tools?review=unreviewed&kind=algorithm",
  "/tools?sort=sunset",
  "/en/tools",
  "/en/tools?kind=app&sort=updated",
  "/en/tools?status=pilot",
  "/zh/tools?sensitive=yes&page=5",
];

async function main() {
  const prep = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "test/bench/run.ts", "--prepare-only", ...(process.argv.includes("--no-build") ? ["--no-build"] : [])], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, BENCH_RECORDS: String(RECORDS) },
  });
  if (prep.status !== 0) throw new Error("preparing the register failed");

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: DB, REGISTER_CHAIN_WATCH: "off" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(app);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/standard/v1.schema.json`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 600) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  // Warm every worker: each builds its list index once, at its first list request.
  for (let i = 0; i < 8; i++) for (const p of PATHS) await (await fetch(base + p, { headers: { Connection: "close" } })).arrayBuffer();

  const script = path.join(os.tmpdir(), `register-writes-${process.pid}.lua`);
  fs.writeFileSync(
    script,
    `local paths = {${PATHS.map((p) => JSON.stringify(p)).join(", ")}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("LAT p50=%d p99=%d p999=%d max=%d\\n", latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
`,
  );
  const wrk = spawn("wrk", ["-t2", "-c64", `-d${SECONDS}s`, "--latency", "-s", script, "-H", "Accept-Language: zh-CN,zh;q=0.9", base], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  wrk.stdout.on("data", (c: Buffer) => (out += c));
  wrk.stderr.on("data", (c: Buffer) => (out += c));

  // The writer: once a second, a listed column of one published tool.
  const db = new Database(DB);
  db.pragma("busy_timeout = 5000");
  const seqs = db.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL`).pluck().all() as number[];
  const update = db.prepare(`UPDATE tools SET deployment_status = CASE deployment_status WHEN 'in_use' THEN 'suspended' ELSE 'in_use' END, updated_at = ? WHERE seq = ?`);
  let writes = 0;
  let slowestWrite = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    update.run(new Date().toISOString(), seqs[Math.floor(Math.random() * seqs.length)]!);
    slowestWrite = Math.max(slowestWrite, performance.now() - t);
    writes++;
  }, 1000);
  const code = await new Promise<number | null>((resolve) => wrk.on("exit", resolve));
  clearInterval(timer);
  db.close();
  fs.rmSync(script, { force: true });
  if (code !== 0) throw new Error(`wrk failed: ${out}`);

  const lat = /LAT p50=(\d+) p99=(\d+) p999=(\d+) max=(\d+)/.exec(out);
  const ms = (us: string | undefined) => (Number(us) / 1000).toFixed(1);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const failures = non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  const maxMs = Number(lat?.[4]) / 1000;
  console.log(`\n${RECORDS.toLocaleString("en")} records, ${SECONDS} s of wrk -t2 -c64 over ${PATHS.length} list pages, ${writes} writes (slowest ${slowestWrite.toFixed(1)} ms)`);
  console.log(`requests ${requests} (${(requests / SECONDS).toFixed(0)}/s), failures ${failures}`);
  console.log(`latency p50 ${ms(lat?.[1])} ms, p99 ${ms(lat?.[2])} ms, p99.9 ${ms(lat?.[3])} ms, max ${maxMs.toFixed(1)} ms (goal: none over 250 ms): ${maxMs <= 250 ? "met" : "NOT met"}`);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  app.kill("SIGTERM");
  process.exitCode = failures ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
