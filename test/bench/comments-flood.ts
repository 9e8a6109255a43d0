// Comment flood and crash test (`npm run bench:flood`): is every acknowledged comment stored
// exactly once, even when the server process is killed mid-flood?
//
// 1. A fresh register (migrations + the embedded dataset) in test/bench/.data/flood.sqlite.
// 2. The production build served by `node server.mjs` on 127.0.0.1 with TRUST_PROXY=loopback,
//    so each simulated client can present its own address in X-Forwarded-For (otherwise the
//    per-address limit of 3 comments a minute would refuse almost everything).
// 3. Phase "flood": 200 concurrent clients post comments (plain form posts, as a browser without
//    JavaScript does) for 30 seconds, at most 20,000 in all. Each comment carries a unique marker.
//    A comment is acknowledged when the server answers 200. Afterwards every acknowledged
//    marker must be in the database exactly once.
// 4. Phase "kill": the same, but halfway through the server gets SIGKILL and is started again;
//    requests that fail while it is down are not acknowledged and are not retried.
//
// Options: FLOOD_CLIENTS (200), FLOOD_SECONDS (30), FLOOD_MAX (20000), --no-build.
// Exit code 1 if anything acknowledged is missing or duplicated, or the set-up fails.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort } from "./free-port";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { seedDatabase } from "../helpers/seed";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA = path.join(ROOT, "test/bench/.data");
const DB_FILE = path.join(DATA, "flood.sqlite");
const CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 200);
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 30);
const MAX = Number(process.env.FLOOD_MAX ?? 20_000);
const TOOL = "ALG-000002";

function freshDatabase() {
  fs.mkdirSync(DATA, { recursive: true });
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(DB_FILE + s, { force: true });
  const db = openDatabase(DB_FILE);
  migrateDatabase(db);
  seedDatabase(db);
  db.$client.close();
}

function build() {
  if (process.argv.includes("--no-build") && fs.existsSync(path.join(ROOT, "build/index.js"))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`remix build failed:\n${r.stdout}${r.stderr}`);
}

let server: ChildProcess | undefined;
async function startServer(port: number): Promise<void> {
  server = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: DB_FILE, TRUST_PROXY: "loopback" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  server.stderr!.on("data", () => {});
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/standard/v1.schema.json`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}
function killServer(): Promise<void> {
  return new Promise((resolve) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGKILL");
  });
}
process.on("exit", () => server?.kill("SIGKILL"));

type PhaseResult = { phase: string; sent: number; acknowledged: number; refused: number; failed: number; seconds: number; stored: number; missing: number; duplicated: number };

async function flood(phase: "flood" | "kill", port: number): Promise<PhaseResult> {
  const run = `${phase}-${Date.now().toString(36)}`;
  const acknowledged: string[] = [];
  let sent = 0;
  let refused = 0;
  let failed = 0;
  const started = Date.now();
  const stopAt = started + SECONDS * 1000;
  let killed = false;
  let restarting: Promise<void> | null = null;

  const client = async (c: number) => {
    let n = 0;
    while (Date.now() < stopAt && sent < MAX) {
      sent++;
      n++;
      const marker = `${run}-${c}-${n}`;
      // A distinct address per request, so the per-address limit does not hide the load.
      const address = `10.${(c >> 8) & 255}.${c & 255}.${n % 250}`;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/tools/${TOOL}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://127.0.0.1:${port}`, "X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 flood-test" },
          body: new URLSearchParams({ intent: "comment", body: `Flood comment ${marker}`, displayName: `client ${c}` }),
        });
        await res.arrayBuffer();
        if (res.status === 200) acknowledged.push(marker);
        else refused++;
      } catch {
        failed++;
        if (restarting) await restarting;
        else await new Promise((r) => setTimeout(r, 50));
      }
      if (phase === "kill" && !killed && Date.now() > started + (SECONDS * 1000) / 2) {
        killed = true;
        restarting = (async () => {
          await killServer();
          console.log(`  SIGKILL at ${((Date.now() - started) / 1000).toFixed(1)} s; restarting`);
          await startServer(port);
          console.log(`  back at ${((Date.now() - started) / 1000).toFixed(1)} s`);
          restarting = null;
        })();
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  if (restarting) await restarting;
  const seconds = (Date.now() - started) / 1000;

  const db = openDatabase(DB_FILE, { readonly: true });
  const rows = db.$client.prepare(`SELECT body FROM comments WHERE body LIKE ?`).all(`Flood comment ${run}-%`) as { body: string }[];
  db.$client.close();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const m = r.body.slice("Flood comment ".length);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const missing = acknowledged.filter((m) => !counts.has(m)).length;
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  return { phase, sent, acknowledged: acknowledged.length, refused, failed, seconds, stored: rows.length, missing, duplicated };
}

async function main() {
  console.log(`Comment flood: ${CLIENTS} concurrent clients, ${SECONDS} s per phase, at most ${MAX} comments, on ${TOOL}`);
  build();
  freshDatabase();
  const port = await freePort();
  await startServer(port);
  const results: PhaseResult[] = [];
  for (const phase of ["flood", "kill"] as const) {
    console.log(`Phase ${phase} ...`);
    results.push(await flood(phase, port));
  }
  await killServer();
  console.log("\nphase   sent    acknowledged  refused  failed   stored  missing  duplicated  acknowledged/s");
  for (const r of results)
    console.log(
      `${r.phase.padEnd(6)}  ${String(r.sent).padStart(6)}  ${String(r.acknowledged).padStart(12)}  ${String(r.refused).padStart(7)}  ${String(r.failed).padStart(6)}  ${String(r.stored).padStart(7)}  ${String(r.missing).padStart(7)}  ${String(r.duplicated).padStart(10)}  ${(r.acknowledged / r.seconds).toFixed(1).padStart(14)}`,
    );
  console.log("\nstored may exceed acknowledged: a comment committed just before SIGKILL whose answer never arrived. Loss is missing + duplicated.");
  const lost = results.reduce((n, r) => n + r.missing + r.duplicated, 0);
  console.log(lost === 0 ? "Result: nothing acknowledged was lost or duplicated." : `Result: ${lost} acknowledged comments lost or duplicated.`);
  process.exit(lost === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
