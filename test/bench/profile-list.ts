// Where the time of one list or search page goes: runs listTools() in-process against the bench
// register and times every SQL statement it prepares, then prints the slowest ones with their
// EXPLAIN QUERY PLAN. Use it after run.ts reports a slow list or search scenario.
//
//   npx tsx test/bench/profile-list.ts                       # the bench scenarios
//   npx tsx test/bench/profile-list.ts "kind=app&review=approved" "q=门磁"
//   BENCH_RECORDS=10000 npx tsx test/bench/profile-list.ts   # the smaller register
//
// Needs the database that run.ts generates (test/bench/.data/bench-<n>k.sqlite).
import type Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client.server";
import { parseToolQuery } from "../../registry/records/query";
import { listTools } from "../../registry/records/list.server";
import { ctxOf } from "../../registry/shared/context";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 15);
const label = RECORDS % 1000 === 0 ? `${RECORDS / 1000}k` : String(RECORDS);
const file = process.env.BENCH_DB ?? path.join(ROOT, `test/bench/.data/bench-${label}.sqlite`);
if (!fs.existsSync(file)) {
  console.error(`No ${path.relative(ROOT, file)}: run \`BENCH_RECORDS=${RECORDS} npm run bench\` first.`);
  process.exit(1);
}

const queries = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["kind=code_system&status=in_use", "jurisdiction=city&level=III", "category=health&sensitive=yes", "agency=national-health&status=in_use", "q=门磁", "q=数据", "q=health+code", "q=红码", ""];

const db = openDatabase(file, { readonly: true });
const client = db.$client;

// Every statement listTools prepares goes through client.prepare (via registry/shared/db.server stmt()).
type Timing = { sql: string; params: unknown[]; ms: number[]; rows: number };
let current = new Map<string, Timing>();
const prepare = client.prepare.bind(client);
(client as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
  const real = prepare(sql);
  const timed = (method: "get" | "all" | "run") =>
    (...params: unknown[]) => {
      const started = performance.now();
      const out = (real[method] as (...p: unknown[]) => unknown)(...params);
      const elapsed = performance.now() - started;
      const t = current.get(sql) ?? { sql, params, ms: [], rows: 0 };
      t.ms.push(elapsed);
      t.rows = Array.isArray(out) ? out.length : out ? 1 : 0;
      current.set(sql, t);
      return out;
    };
  // Everything else (raw, pluck, iterate, columns…) is the real statement's; a method that returns
  // the statement itself (raw(), pluck()) returns the timed one, so chained calls stay timed.
  const proxy: Database.Statement = new Proxy(real, {
    get(target, prop) {
      if (prop === "get" || prop === "all" || prop === "run") return timed(prop);
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== "function") return v;
      return (...args: unknown[]) => {
        const out = (v as (...a: unknown[]) => unknown).apply(target, args);
        return out === target ? proxy : out;
      };
    },
  });
  return proxy;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const short = (sql: string) => sql.replace(/\s+/g, " ").trim();

function plan(sql: string, params: unknown[]): string {
  const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${"    ".repeat(d)}${r.detail}`;
    })
    .join("\n");
}

console.log(`${path.relative(ROOT, file)}, ${ROUNDS} rounds per query (first round discarded: it prepares statements)\n`);
for (const qs of queries) {
  const { query, notices } = parseToolQuery(new URLSearchParams(qs));
  await listTools(ctxOf({ db }), { query, lang: "zh", notices }); // prepares and warms the page cache
  current = new Map();
  const totals: number[] = [];
  let total = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    total = (await listTools(ctxOf({ db }), { query, lang: "zh", notices })).total;
    totals.push(performance.now() - started);
  }
  console.log(`=== /tools?${qs}   matches ${total.toLocaleString("en")}   listTools median ${median(totals).toFixed(1)} ms`);
  const timings = [...current.values()].map((t) => ({ ...t, median: median(t.ms) })).sort((a, b) => b.median - a.median);
  const sum = timings.reduce((s, t) => s + t.median, 0);
  for (const t of timings) console.log(`  ${t.median.toFixed(2).padStart(7)} ms  ${String(t.rows).padStart(4)} rows  ${short(t.sql).slice(0, 150)}`);
  console.log(`  ${sum.toFixed(2).padStart(7)} ms  (sum of statement medians); ${(median(totals) - sum).toFixed(2)} ms outside SQL`);
  for (const t of timings.slice(0, 3)) console.log(`\n  plan of ${short(t.sql).slice(0, 90)}...\n${plan(t.sql, t.params)}`);
  console.log("");
}
client.close();
