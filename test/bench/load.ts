// Crisis-load benchmark (`npm run bench:load`), in one run on 127.0.0.1:
//
//   1. makes (or reuses) the 100,000-record register and the production build
//      (test/bench/run.ts --prepare-only);
//   2. starts the production server (`node server.mjs`: a worker per core, page cache on);
//   3. warms it, then drives it with wrk (Debian package) for a fixed time per scenario: the
//      home page, a record page, filtered lists and searches (a handful of URLs each, rotated
//      by a Lua script), with a browser User-Agent;
//   4. writes the record page's exact bytes to a file, serves it with nginx (Debian package,
//      a worker per core, access log off) and drives that the same way;
//   5. measures cold renders: after a write to one record's listed columns (which changes the
//      page cache's version and the list index's), the first render of each of 100 distinct list and
//      search URLs, one at a time;
//   6. prints the table, the record page's app/nginx ratio and the targets, with the date, the
//      machine and the load average before and after the run (the machine may be shared).
//
// With BENCH_LOAD_RUNS=3 it does steps 2-6 three times in a row (a fresh server each time) and
// then prints every run's record-page ratio and the median of them, as issue 17 asks. nginx is
// driven right after the app's record page in each run, so both see about the same machine.
//
// wrk runs with 2 threads and 64 connections for DURATION seconds per scenario; every loop is
// bounded by time or count. Exit code 1 if any request failed (non-2xx or socket error).
//
//   BENCH_LOAD_SECONDS=10   seconds per wrk run (default 10)
//   BENCH_LOAD_RUNS=3       runs in a row, with the median ratio (default 1)
//   BENCH_RECORDS=20000     the register's size (default 100000; the hit path does not depend
//                           on it, the cold renders do)
//   BENCH_SERVER=path.mjs   another server script to measure (say, an older server.mjs next to
//                           its own server/ and a link to build/), for before/after figures
//   BENCH_LOAD_OUT=file.md  also write the report (all runs) to this file; docs/load-benchmark.md
//                           collects dated sections by hand, so it is not overwritten
//   --no-build              reuse build/
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort } from "./free-port";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RECORDS = positiveInt("BENCH_RECORDS", 100_000);
const DB = path.join(ROOT, `test/bench/.data/bench-${RECORDS % 1000 === 0 ? `${RECORDS / 1000}k` : RECORDS}.sqlite`);
const SECONDS = positiveInt("BENCH_LOAD_SECONDS", 10);
const RUNS = positiveInt("BENCH_LOAD_RUNS", 1);

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const children: ChildProcess[] = [];
const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
process.on("exit", stopAll);
for (const s of ["SIGINT", "SIGTERM"] as const) process.on(s, () => (stopAll(), process.exit(130)));

const log = (s: string) => console.log(s);

function ensureTools() {
  const missing = ["wrk", "nginx"].filter((t) => spawnSync("sh", ["-c", `command -v ${t} || test -x /usr/sbin/${t}`]).status !== 0);
  if (!missing.length) return;
  if (process.getuid?.() === 0) {
    log(`Installing ${missing.join(", ")} from Debian ...`);
    const r = spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light"], { stdio: "inherit" });
    if (r.status === 0) return;
  }
  console.error(`Missing ${missing.join(" and ")}. Install them: sudo apt-get install -y wrk nginx-light`);
  process.exit(1);
}

async function waitFor(url: string, what: string) {
  let last = "";
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(url, { headers: { "User-Agent": USER_AGENT } });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = String(e); // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer ${url} within 60 s (last: ${last})`);
}

type WrkResult = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  transferPerSec: string;
  /** CPU time (user + system) per request of the server's processes and of wrk, in µs. */
  serverCpuUs: number;
  wrkCpuUs: number;
};

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** The CPU ticks (user + system) a /proc/<pid>/stat line gives: the process's own, or its waited-for children's. */
function ticksOfStat(stat: string, children = false): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
  return children ? Number(fields[13]) + Number(fields[14]) : Number(fields[11]) + Number(fields[12]);
}

/** CPU ticks used so far by a process and its children (the primary and its workers, nginx and its workers). */
function cpuTicksOfTree(pid: number): number {
  const pids = [pid, ...spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number)];
  let ticks = 0;
  for (const p of pids) {
    try {
      ticks += ticksOfStat(fs.readFileSync(`/proc/${p}/stat`, "utf8"));
    } catch {
      // gone
    }
  }
  return ticks;
}

function parseMs(s: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(s.trim());
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
}

/** wrk against `base` for SECONDS, rotating over `paths`. */
function runWrk(base: string, paths: string[], serverPid: number, extraHeaders: Record<string, string> = {}): WrkResult {
  const script = path.join(os.tmpdir(), `register-wrk-${process.pid}.lua`);
  // Paths rotate per request; each thread starts at a different one.
  fs.writeFileSync(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(", ")}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
`,
  );
  const headers = { "User-Agent": USER_AGENT, "Accept-Language": "zh-CN,zh;q=0.9", ...extraHeaders };
  const args = ["-t2", "-c64", `-d${SECONDS}s`, "--latency", "-s", script, ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]), base];
  const serverTicks = cpuTicksOfTree(serverPid);
  // Through a shell that prints its own /proc stat once wrk ended: its children's CPU is wrk's.
  const r = spawnSync("sh", ["-c", 'wrk "$@"; s=$?; cat /proc/$$/stat >&2; exit $s', "sh", ...args], { encoding: "utf8" });
  const serverCpu = (cpuTicksOfTree(serverPid) - serverTicks) / TICKS_PER_SECOND;
  fs.rmSync(script, { force: true });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const wrkCpu = ticksOfStat(r.stderr.trim().split("\n").pop() ?? "", true) / TICKS_PER_SECOND;
  const out = r.stdout;
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const non2xx = num(/Non-2xx or 3xx responses:\s+(\d+)/) || 0;
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: parseMs(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? ""),
    p99: parseMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? ""),
    requests: num(/(\d+) requests in/),
    failures: non2xx + socketErrors,
    transferPerSec: /Transfer\/sec:\s+(\S+)/.exec(out)?.[1] ?? "?",
    serverCpuUs: (serverCpu * 1e6) / num(/(\d+) requests in/),
    wrkCpuUs: (wrkCpu * 1e6) / num(/(\d+) requests in/),
  };
}

function rssOfTree(pid: number): number {
  // The primary and its workers.
  const pids = [pid, ...spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number)];
  let kb = 0;
  for (const p of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

type Run = { ratio: number; cpuRatio: number; appCpuUs: number; nginxCpuUs: number; app: number; nginx: number; failures: number; md: string; loadBefore: string; loadAfter: string };

async function main() {
  ensureTools();
  log(`Preparing the ${RECORDS.toLocaleString("en")}-record register and the build (test/bench/run.ts --prepare-only) ...`);
  const prep = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "test/bench/run.ts", "--prepare-only", ...(process.argv.includes("--no-build") ? ["--no-build"] : [])], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, BENCH_RECORDS: String(RECORDS) },
  });
  if (prep.status !== 0) throw new Error("preparing the register failed");

  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    if (RUNS > 1) log(`\n=== Run ${i} of ${RUNS} ===`);
    runs.push(await oneRun(RUNS > 1 ? `run ${i} of ${RUNS}` : ""));
  }
  const failures = runs.reduce((a, r) => a + r.failures, 0);
  let report = runs.map((r) => r.md).join("\n");
  if (RUNS > 1) {
    const ratios = runs.map((r) => r.ratio);
    const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const median = medianOf(ratios);
    const summary = [
      `## Record page, app / nginx, ${RUNS} runs in a row`,
      ``,
      `| run | app requests/s | nginx requests/s | app / nginx | app CPU per request | nginx CPU per request | by CPU (with wrk's) | load average before | after |`,
      `|---|---:|---:|---:|---:|---:|---:|---|---|`,
      ...runs.map(
        (r, i) =>
          `| ${i + 1} | ${Math.round(r.app).toLocaleString("en")} | ${Math.round(r.nginx).toLocaleString("en")} | ${(r.ratio * 100).toFixed(0)}% | ${r.appCpuUs.toFixed(1)} µs | ${r.nginxCpuUs.toFixed(1)} µs | ${(r.cpuRatio * 100).toFixed(0)}% | ${r.loadBefore} | ${r.loadAfter} |`,
      ),
      ``,
      `Median of the ${RUNS} ratios: **${(median * 100).toFixed(0)}%** (issue 17 asks for 60% or more); spread ${(Math.min(...ratios) * 100).toFixed(0)}–${(Math.max(...ratios) * 100).toFixed(0)}%. By CPU per request: median ${(medianOf(runs.map((r) => r.cpuRatio)) * 100).toFixed(0)}%.`,
      ``,
    ].join("\n");
    log("\n" + summary);
    report += "\n" + summary;
  }
  if (process.env.BENCH_LOAD_OUT) {
    fs.writeFileSync(process.env.BENCH_LOAD_OUT, report);
    log(`Written to ${process.env.BENCH_LOAD_OUT}`);
  }
  if (failures) process.exitCode = 1;
}

async function oneRun(title: string): Promise<Run> {
  const loadBefore = loadAverage();
  // --------------------------------------------------------------- the app
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [process.env.BENCH_SERVER ?? "server.mjs"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: DB },
    stdio: "ignore",
  });
  children.push(app);
  await waitFor(`${base}/standard/v1.schema.json`, "the app");
  log(`App: node ${process.env.BENCH_SERVER ?? "server.mjs"}, pid ${app.pid}, ${os.availableParallelism()} workers, at ${base}`);

  const record = "/tools/ALG-000123";
  const scenarios: { name: string; paths: string[] }[] = [
    { name: "home", paths: ["/"] },
    { name: "record page", paths: [record] },
    { name: "filtered list", paths: ["/tools?kind=code_system&status=in_use", "/tools?kind=app", "/tools?level=IV&status=in_use", "/tools?sunset=lapsed", "/tools?jurisdiction=city&page=2", "/tools?category=health&sensitive=yes"] },
    { name: "search", paths: ["/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81", "/tools?q=%E9%97%A8%E7%A3%81", "/tools?q=%E6%95%B0%E6%8D%AE", "/tools?q=health%20code", "/tools?q=%E7%BA%A2%E7%A0%81", "/tools?q=wristband"] },
  ];
  // Warm: every URL a few times on fresh connections, so each worker has rendered it.
  for (const s of scenarios) for (const p of s.paths) for (let i = 0; i < 8; i++) await (await fetch(base + p, { headers: { "User-Agent": USER_AGENT, "Accept-Language": "zh-CN,zh;q=0.9", Connection: "close" } })).arrayBuffer();

  // --------------------------------------------------------------- the same bytes from nginx
  const pageRes = await fetch(base + record, { headers: { "User-Agent": USER_AGENT, "Accept-Language": "zh-CN,zh;q=0.9" } });
  const bytes = Buffer.from(await pageRes.arrayBuffer());
  const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), "register-nginx-"));
  fs.mkdirSync(path.join(nginxDir, "root/tools"), { recursive: true });
  fs.writeFileSync(path.join(nginxDir, "root/tools/ALG-000123"), bytes);
  // nginx's workers run as an unprivileged user: they must be able to read the file.
  for (const d of [nginxDir, path.join(nginxDir, "root"), path.join(nginxDir, "root/tools")]) fs.chmodSync(d, 0o755);
  fs.chmodSync(path.join(nginxDir, "root/tools/ALG-000123"), 0o644);
  const nginxPort = await freePort();
  fs.writeFileSync(
    path.join(nginxDir, "nginx.conf"),
    `worker_processes ${os.availableParallelism()};
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path ${nginxDir}/tmp;
  proxy_temp_path ${nginxDir}/tmp;
  fastcgi_temp_path ${nginxDir}/tmp;
  uwsgi_temp_path ${nginxDir}/tmp;
  scgi_temp_path ${nginxDir}/tmp;
  server { listen 127.0.0.1:${nginxPort}; root ${nginxDir}/root; }
}
`,
  );
  const nginx = spawn(fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf"), "-g", "daemon off;"], { stdio: "ignore" });
  children.push(nginx);
  await waitFor(`http://127.0.0.1:${nginxPort}${record}`, "nginx");
  const check = Buffer.from(await (await fetch(`http://127.0.0.1:${nginxPort}${record}`)).arrayBuffer());
  if (!check.equals(bytes)) throw new Error("nginx does not serve the same bytes");

  const results: { name: string; target: string; r: WrkResult }[] = [];
  let nginxResult: WrkResult | undefined;
  for (const s of scenarios) {
    log(`wrk ${SECONDS} s: ${s.name} (${s.paths.length} URL${s.paths.length > 1 ? "s" : ""})`);
    results.push({ name: `app: ${s.name}`, target: s.name, r: runWrk(base, s.paths, app.pid!) });
    if (s.paths[0] !== record) continue;
    // Right after the app's record page, so both meet about the same machine.
    log(`wrk ${SECONDS} s: nginx, the record page's ${bytes.length} bytes as a static file`);
    nginxResult = runWrk(`http://127.0.0.1:${nginxPort}`, [record], nginx.pid!);
  }
  nginx.kill("SIGTERM");
  results.push({ name: "nginx: record page (same bytes)", target: "nginx", r: nginxResult! });
  const appRss = rssOfTree(app.pid!);

  // --------------------------------------------------------------- cold renders
  // A write to one record's listed columns, as a published edit makes: the page cache's version
  // and the list index's both change, so the first list request in a worker rebuilds the index.
  // (An approved comment changes only the page cache's version: cheaper.)
  const db = new Database(DB);
  db.prepare(`UPDATE tools SET updated_at = updated_at WHERE seq = 7`).run();
  db.close();
  // 100 distinct URLs, none of them asked for before: 50 filtered lists, 50 searches.
  const kinds = ["app", "code_system", "algorithm", "platform", "sensor_device", "scoring_system", "ai_model", "mini_program", "other"];
  const words = ["健康码", "门磁", "数据", "红码", "行程卡", "手环", "积分", "文明码", "health", "code", "sensor", "score"];
  const lists = kinds.flatMap((k) => [1, 2, 3].flatMap((page) => ["updated", "sunset"].map((sort) => `/tools?kind=${k}&page=${page}&sort=${sort}`)));
  const searches = words.flatMap((w) => [1, 2, 3, 4, 5].map((page) => `/tools?q=${encodeURIComponent(w)}&page=${page}`));
  const coldPaths = lists.slice(0, 50).flatMap((list, i) => [list, searches[i]!]);
  const cold: number[] = [];
  let coldFailures = 0;
  const slowest: [number, string][] = [];
  for (const p of coldPaths) {
    const t0 = performance.now();
    const res = await fetch(base + p, { headers: { "User-Agent": USER_AGENT, "Accept-Language": "zh-CN,zh;q=0.9" } });
    await res.arrayBuffer();
    cold.push(performance.now() - t0);
    slowest.push([cold[cold.length - 1]!, decodeURIComponent(p)]);
    if (res.status !== 200) coldFailures++;
  }
  cold.sort((a, b) => a - b);
  slowest.sort((a, b) => b[0] - a[0]);
  const pct = (q: number) => cold[Math.min(cold.length - 1, Math.ceil(q * cold.length) - 1)]!;
  app.kill("SIGTERM");

  // --------------------------------------------------------------- report
  const appRecord = results.find((x) => x.target === "record page")!.r;
  const ratio = appRecord.rps / nginxResult!.rps;
  const list = results.find((x) => x.target === "filtered list")!.r;
  const search = results.find((x) => x.target === "search")!.r;
  const failures = results.reduce((a, x) => a + x.r.failures, 0) + coldFailures;
  const row = (name: string, r: WrkResult) =>
    `| ${name} | ${Math.round(r.rps).toLocaleString("en")} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.requests.toLocaleString("en")} | ${r.failures} | ${r.serverCpuUs.toFixed(1)} µs | ${r.wrkCpuUs.toFixed(1)} µs |`;
  // With the cores to themselves, wrk and the server split them: requests/s = cores / (server's
  // CPU per request + wrk's). The ratio that gives does not depend on what else the machine runs.
  const cpuRatio = (nginxResult!.serverCpuUs + nginxResult!.wrkCpuUs) / (appRecord.serverCpuUs + appRecord.wrkCpuUs);
  const checks = [
    [`record page: app ≥ 45% of nginx's requests/s`, `${(ratio * 100).toFixed(0)}%`, ratio >= 0.45],
    [`record page: p99 < 20 ms`, `${appRecord.p99.toFixed(2)} ms`, appRecord.p99 < 20],
    [`filtered list, warm: ≥ 5,000 requests/s`, Math.round(list.rps).toLocaleString("en"), list.rps >= 5000],
    [`search, warm: ≥ 5,000 requests/s`, Math.round(search.rps).toLocaleString("en"), search.rps >= 5000],
    [`list and search, cold (first render after a change): p95 < 50 ms`, `${pct(0.95).toFixed(1)} ms`, pct(0.95) < 50],
    [`no failed request`, String(failures), failures === 0],
  ] as const;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const machine = `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${spawnSync("sh", ["-c", "/usr/sbin/nginx -v 2>&1 || nginx -v 2>&1"], { encoding: "utf8" }).stdout.trim()}, ${spawnSync("wrk", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0]?.split(" Copyright")[0]}`;
  const md = [
    `# Load benchmark${title ? `, ${title}` : ""}`,
    ``,
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:load\` (test/bench/load.ts) on ${machine}. Load average (1, 5, 15 min) before the run: ${loadBefore}; after: ${loadAverage()}.`,
    ``,
    `${RECORDS.toLocaleString("en")} records. The app is \`node server.mjs\` (production build, ${os.availableParallelism()} worker processes, page cache on); nginx serves the record page's exact ${bytes.length.toLocaleString("en")} bytes as a static file with ${os.availableParallelism()} workers. wrk, 2 threads, 64 connections, ${SECONDS} s per row, on the same machine (so wrk, the server and nginx share the cores), browser User-Agent, \`Accept-Language: zh-CN\`, no compression. Lists and searches rotate over ${scenarios[2]!.paths.length} and ${scenarios[3]!.paths.length} URLs.`,
    ``,
    `| scenario | requests/s | p50 | p99 | requests | failed | server CPU per request | wrk CPU per request |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
    ...results.map((x) => row(x.name, x.r)),
    ``,
    `Record page, app / nginx: **${(ratio * 100).toFixed(0)}%**. By CPU per request (server plus wrk, which is what decides requests/s when they have the cores to themselves): ${(cpuRatio * 100).toFixed(0)}% (app ${appRecord.serverCpuUs.toFixed(1)} µs + wrk ${appRecord.wrkCpuUs.toFixed(1)} µs against nginx ${nginxResult!.serverCpuUs.toFixed(1)} µs + wrk ${nginxResult!.wrkCpuUs.toFixed(1)} µs). App memory after the runs (primary and workers): ${appRss.toFixed(0)} MB RSS.`,
    ``,
    `Cold renders: after a write to one record, the first render of each of ${cold.length} distinct list and search URLs, one request at a time over loopback: p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${cold[cold.length - 1]!.toFixed(1)} ms. The first list or search request after the write, in each worker, brings its list index up to date (a patch of the changed tools since issue 17; before, a full rebuild). Slowest: ${slowest
      .slice(0, 6)
      .map(([ms, p]) => `\`${p}\` ${ms.toFixed(0)} ms`)
      .join(", ")}.`,
    ``,
    `| target | measured | met |`,
    `|---|---:|:---:|`,
    ...checks.map(([what, value, ok]) => `| ${what} | ${value} | ${ok ? "yes" : "**no**"} |`),
    ``,
  ].join("\n");
  log("\n" + md);
  fs.rmSync(nginxDir, { recursive: true, force: true });
  return { ratio, cpuRatio, appCpuUs: appRecord.serverCpuUs, nginxCpuUs: nginxResult!.serverCpuUs, app: appRecord.rps, nginx: nginxResult!.rps, failures, md, loadBefore, loadAfter: loadAverage() };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
