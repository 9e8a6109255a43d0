// Export benchmark (`npm run bench:export`): full downloads of /tools.csv, /tools.json and
// /tools.ndjson from the 100,000-record bench register (test/bench/.data/bench-100k.sqlite, made
// by `npm run bench`), over loopback HTTP from `node server.mjs`. Prints the time to the last
// byte, the size and the row count of each, and the server's peak RSS while it streamed
// (sampled from /proc every 20 ms). Targets from issue 5: under 5 s each, peak RSS under 300 MB.
//
//   --no-build   reuse build/
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort } from "./free-port";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DB = path.join(ROOT, "test/bench/.data/bench-100k.sqlite");

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main() {
  if (!fs.existsSync(DB)) {
    console.error("No bench register: run `npm run bench` first (it generates test/bench/.data/bench-100k.sqlite).");
    process.exit(1);
  }
  if (!process.argv.includes("--no-build") || !fs.existsSync(path.join(ROOT, "build/index.js"))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  }
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    // One process, so the RSS sampled is that of the process that streams the download.
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: DB, WEB_CONCURRENCY: "1" },
    stdio: "ignore",
  });
  process.on("exit", () => server.kill("SIGKILL"));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/standard/v1.schema.json`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // Warm the list index (built once per process) so it is not part of the timing.
  await (await fetch(`${base}/tools?kind=app`)).arrayBuffer();
  console.log(`Server pid ${server.pid}, RSS after warm-up ${rssMb(server.pid!).toFixed(0)} MB`);
  console.log("\nexport         seconds   size MB    rows   peak RSS MB   < 5 s   < 300 MB");
  let ok = true;
  for (const file of ["tools.csv", "tools.ndjson", "tools.json"]) {
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 20);
    const started = performance.now();
    const res = await fetch(`${base}/${file}`, { headers: { "Accept-Encoding": "identity" } });
    let bytes = 0;
    let newlines = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, rssMb(server.pid!));
    // Rows: CSV and JSON have a header line; summaries may contain newlines inside quotes, so
    // this is the line count, a close upper bound.
    const rows = file.endsWith(".csv") ? newlines - 1 : file.endsWith(".json") ? newlines - 2 : newlines;
    const pass = seconds < 5 && peak < 300;
    ok &&= pass;
    console.log(
      `${file.padEnd(13)}  ${seconds.toFixed(2).padStart(7)}  ${(bytes / 1e6).toFixed(1).padStart(8)}  ${String(rows).padStart(6)}  ${peak.toFixed(0).padStart(12)}   ${seconds < 5 ? "PASS" : "FAIL"}    ${peak < 300 ? "PASS" : "FAIL"}`,
    );
  }
  server.kill("SIGTERM");
  process.exit(ok ? 0 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
