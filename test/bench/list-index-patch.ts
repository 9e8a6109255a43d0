// How long a worker's main thread is held by the list index after a write (issue 17): the full
// build it used to do, against the patch it does now, on a register of BENCH_RECORDS tools
// (default 100,000) made with plain SQL (the index reads only tools, their agencies and data
// categories, so the rows need not be whole records).
//
//   npx tsx test/bench/list-index-patch.ts            # 100,000 tools
//   BENCH_RECORDS=1000000 npx tsx test/bench/list-index-patch.ts
//
// Prints the full build time and, for each kind of write, the patch time (median and max over
// the repeats), and the heap the index holds. BENCH_KEEP=<file> keeps the register made, e.g. to
// start a server on it and read its workers' memory. Last, the longest main-thread stall while
// a bulk write (over PATCH_LIMIT tools) is rebuilt in the background, as in a server worker.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import Database from "better-sqlite3";
import { fromMessage, toMessage, type SentIndex } from "../../registry/records/list-index-build.server";
import { buildListIndex, getListIndex, listIndexBuilding, PATCH_LIMIT, warmListIndex } from "../../registry/records/list-index.server";

const N = Number(process.env.BENCH_RECORDS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 30);
const TODAY = "2026-12-03";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "list-index-patch-"));
const file = path.join(dir, "register.sqlite");

try {
  const db = openDatabase(file);
  migrateDatabase(db);
  const c = db.$client;
  const t0 = performance.now();
  c.exec(`
    INSERT INTO agencies (slug, name_zh, name_en, jurisdiction_level)
      WITH RECURSIVE a(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM a WHERE i < 2000)
      SELECT 'agency-' || i, '机构' || i, 'Agency ' || i, 'city' FROM a;
    INSERT INTO tools (id, slug, published_revision_id, name_zh, name_en, name_sort_zh, kind, jurisdiction_level, policy_domain,
                       deployment_status, review_status, impact_level, sunset_date, has_sensitive_data, created_at, updated_at)
      WITH RECURSIVE t(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM t WHERE i < ${N})
      SELECT printf('ALG-%07d', i), 'tool-' || i, 1, '工具' || i, 'Tool ' || (i * 7919 % ${N}), printf('gongju%07d', i * 104729 % ${N}),
             CASE i % 3 WHEN 0 THEN 'app' WHEN 1 THEN 'algorithm' ELSE 'code_system' END, CASE i % 2 WHEN 0 THEN 'city' ELSE 'province' END,
             'public_health', CASE i % 4 WHEN 0 THEN 'in_use' WHEN 1 THEN 'pilot' WHEN 2 THEN 'retired' ELSE 'proposed' END,
             CASE i % 3 WHEN 0 THEN 'approved' WHEN 1 THEN 'unreviewed' ELSE 'submitted' END, CASE i % 3 WHEN 0 THEN 'II' WHEN 1 THEN 'III' ELSE NULL END,
             CASE WHEN i % 5 = 0 THEN NULL ELSE date('2026-01-01', '+' || (i % 1500) || ' days') END, i % 2,
             '2026-01-01T00:00:00.000Z', strftime('%Y-%m-%dT%H:%M:%S.000Z', '2026-01-01', '+' || (i * 37 % 30000000) || ' seconds')
      FROM t;
    INSERT INTO tool_agencies (tool_seq, agency_id, role) SELECT seq, 1 + seq % 2000, 'owner' FROM tools;
    INSERT INTO tool_agencies (tool_seq, agency_id, role) SELECT seq, 1 + (seq * 13) % 2000, 'operator' FROM tools WHERE seq % 3 = 0;
    INSERT INTO tool_data_categories (tool_seq, category) SELECT seq, 'health' FROM tools WHERE seq % 2 = 0;
    INSERT INTO tool_data_categories (tool_seq, category) SELECT seq, 'location_trajectory' FROM tools WHERE seq % 3 = 0;
  `);
  console.log(`register: ${N.toLocaleString("en")} tools made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const heap = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const h0 = heap();
  let t = performance.now();
  const index = getListIndex(db, TODAY);
  const firstBuild = performance.now() - t;
  console.log(`first build: ${firstBuild.toFixed(0)} ms, about ${((heap() - h0) / 1048576).toFixed(0)} MB of heap and buffers`);
  t = performance.now();
  buildListIndex(db, TODAY);
  console.log(`full build (warm): ${(performance.now() - t).toFixed(0)} ms`);

  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)]!.toFixed(2)} ms, max ${s[s.length - 1]!.toFixed(2)} ms`;
  };
  let k = 0;
  const seq = () => 1 + ((k++ * 7919) % N);
  const writes: [string, () => void][] = [
    ["a new revision of one tool (updated_at, status)", () => c.prepare(`UPDATE tools SET updated_at = ?, deployment_status = 'suspended' WHERE seq = ?`).run(new Date(Date.UTC(2027, 0, 1) + k * 1000).toISOString(), seq())],
    ["one tool renamed", () => c.prepare(`UPDATE tools SET name_en = ?, name_sort_zh = ? WHERE seq = ?`).run(`Renamed ${k}`, `zz${k}`, seq())],
    ["one tool's agencies changed", () => c.prepare(`INSERT OR IGNORE INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, 'partner')`).run(seq(), 1 + (k % 2000))],
    ["a new tool published", () => c.prepare(`INSERT INTO tools (id, slug, published_revision_id, name_zh, name_en, kind, jurisdiction_level, policy_domain, deployment_status, review_status, created_at, updated_at) VALUES (?, ?, 1, '新工具', 'New tool', 'app', 'city', 'public_health', 'pilot', 'unreviewed', '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')`).run(`NEW-${k}`, `new-${k++}`)],
    ["one tool unpublished", () => c.prepare(`UPDATE tools SET published_revision_id = NULL WHERE seq = ?`).run(seq())],
    ["ten tools in one transaction", () => c.transaction(() => { for (let i = 0; i < 10; i++) c.prepare(`UPDATE tools SET updated_at = ? WHERE seq = ?`).run(new Date(Date.UTC(2027, 1, 1) + k * 1000).toISOString(), seq()); })()],
    ["an agency renamed", () => c.prepare(`UPDATE agencies SET name_en = ? WHERE id = ?`).run(`Agency renamed ${k}`, 1 + (k++ % 2000))],
  ];
  for (const [name, write] of writes) {
    const times: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      write();
      const s = performance.now();
      const next = getListIndex(db, TODAY);
      times.push(performance.now() - s);
      if (next !== index) throw new Error(`${name}: the index was rebuilt, not patched`);
    }
    console.log(`${name}: ${stat(times)} (${REPEATS} writes)`);
  }
  // A new day: every tool's sunset state is worked out again.
  t = performance.now();
  getListIndex(db, "2026-12-04");
  console.log(`a new day (sunset states recomputed): ${(performance.now() - t).toFixed(1)} ms`);

  // A bulk write from another connection (more than PATCH_LIMIT tools, as the import CLI makes):
  // in a server worker (warmListIndex) the index is rebuilt in a worker thread. Requests are
  // simulated by a loop reading the index while a writer changes a tool every 20 ms; the longest
  // time the main thread was held between two turns of the loop is the stall a request could see
  // (a getListIndex call, the swap, the patch forward).
  warmListIndex(db);
  const bulk = new Database(file);
  let current = getListIndex(db, TODAY);
  /** Reads the index in a loop for up to `ms` (or until it is current again after a rebuild), writing a tool every 20 ms. */
  async function readLoop(ms: number, untilCurrent: boolean) {
    const calls: number[] = [];
    const turns: number[] = [];
    let staleCalls = 0;
    const start = performance.now();
    let last = start;
    let lastWrite = start;
    while (performance.now() - start < ms) {
      await new Promise((r) => setImmediate(r));
      const now = performance.now();
      turns.push(now - last);
      if (now - lastWrite >= 20) {
        bulk.prepare(`UPDATE tools SET name_en = ? WHERE seq = ?`).run(`During ${k}`, seq());
        lastWrite = performance.now();
      }
      const building = listIndexBuilding(db) !== null;
      const s = performance.now();
      const index = getListIndex(db, TODAY);
      const took = performance.now() - s;
      calls.push(took);
      last = performance.now();
      // The turn in which the new index arrived (the swap), and the read that patched it forward.
      if (index !== current) {
        console.log(`  swap: the turn it arrived in ${turns.at(-1)!.toFixed(1)} ms, the next read (patch forward) ${took.toFixed(1)} ms`);
        current = index;
      }
      if (!building && listIndexBuilding(db) !== null) console.log(`  the read that started the build: ${took.toFixed(1)} ms`);
      if (index.stale) staleCalls++;
      else if (untilCurrent && listIndexBuilding(db) === null && staleCalls > 0) break;
    }
    const over = (xs: number[]) => xs.filter((x) => x > 20).length;
    return `${((performance.now() - start) / 1000).toFixed(1)} s, ${calls.length} reads (${staleCalls} stale): getListIndex ${stat(calls)}, ${over(calls)} over 20 ms; main-thread turns ${stat(turns)}, ${over(turns)} over 20 ms`;
  }
  console.log(`control, no rebuild (a write every 20 ms, each patched): ${await readLoop(8000, false)}`);
  t = performance.now();
  bulk.transaction(() => {
    const up = bulk.prepare(`UPDATE tools SET updated_at = ? WHERE seq = ?`);
    for (let i = 0; i <= PATCH_LIMIT * 2; i++) up.run(new Date(Date.UTC(2028, 0, 1) + i * 1000).toISOString(), seq());
  })();
  console.log(`bulk write of ${PATCH_LIMIT * 2 + 1} tools from another connection: ${(performance.now() - t).toFixed(0)} ms`);
  console.log(`big-delta rebuild in the background, until the index is current again: ${await readLoop(120_000, true)}`);
  // The swap alone, without the event loop's wait: a built index serialised with its columns
  // transferred and read back (structuredClone, the algorithm postMessage uses; in the server the
  // sending half runs in the worker thread), then made an index again; with no agency changed
  // since the old index (the usual case), and with every agency sent (after pruned changes).
  for (const all of [false, true]) {
    const swaps: number[] = [];
    for (let r = 0; r < 5; r++) {
      const built = buildListIndex(db, TODAY);
      const { message, transfer } = toMessage(built, all ? { all: [...built.agencies] } : { changed: [] });
      const s = performance.now();
      const got = fromMessage(structuredClone(message, { transfer }) as SentIndex, current.agencies);
      swaps.push(performance.now() - s);
      if (got.n !== current.n) throw new Error("swap: another index came back");
    }
    console.log(`swap (serialise, read back, make the index), ${all ? `all ${current.agencies.size} agencies sent` : "no agency changed"}: ${stat(swaps)} (5 builds)`);
  }
  bulk.close();
  db.$client.close();
  if (process.env.BENCH_KEEP) {
    fs.copyFileSync(file, process.env.BENCH_KEEP);
    console.log(`register kept in ${process.env.BENCH_KEEP}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
