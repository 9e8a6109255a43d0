// The benchmark generator makes and prepares its records in a worker thread (test/bench/
// generate-worker.ts) while its main thread writes the batch before; the register it leaves must
// be the one made in one thread, every row of every table, the search index's own included,
// and the same after resuming a generation that stopped.
import { afterAll, describe, expect, it } from "vitest";
import { freshDb } from "../helpers/db";
import type { Db } from "../../db/client.server";
import { publishMany, upsertAgencies } from "../../registry/records/publish.server";
import { createRandom, generateAgencies, generatedBatches, generateRegister, SEED } from "../bench/generate";

function dump(db: Db): Record<string, string[]> {
  const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const out: Record<string, string[]> = {};
  for (const t of tables) out[t] = (db.$client.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v))).sort();
  return out;
}

describe("generateRegister", () => {
  const dbs: ReturnType<typeof freshDb>[] = [];
  const fresh = () => {
    const d = freshDb("empty");
    dbs.push(d);
    return d.db;
  };
  afterAll(() => dbs.forEach((d) => d.close()));

  it("writes the same register with its records prepared in a thread as in one thread", { timeout: 120_000 }, async () => {
    const one = fresh();
    const threaded = fresh();
    const a = await generateRegister(one, 1_500, "2026-06-01", () => {}, { threads: false });
    const b = await generateRegister(threaded, 1_500, "2026-06-01", () => {}, { threads: true });
    expect(b).toMatchObject({ records: a.records, revisions: a.revisions, agencies: a.agencies });
    expect(a.revisions).toBeGreaterThan(1_500);
    const da = dump(one);
    const db = dump(threaded);
    expect(Object.keys(db)).toEqual(Object.keys(da));
    expect(da.tool_search_content!.length).toBe(1_500);
    for (const t of Object.keys(da)) expect(db[t], t).toEqual(da[t]);

    // A generation stopped after its first batch (written here as generateRegister writes
    // them), resumed with the records made in the thread: the same register again.
    const resumed = fresh();
    const rand = createRandom(SEED);
    const agencies = generateAgencies(rand);
    upsertAgencies(agencies, resumed);
    const batches = generatedBatches(rand, agencies, 1_500, "2026-06-01");
    publishMany(batches.next().value!.items, resumed);
    expect(dump(resumed).tools!.length).toBe(1_000);
    await generateRegister(resumed, 1_500, "2026-06-01", () => {}, { threads: true, resumeAfter: 1_000 });
    const dr = dump(resumed);
    for (const t of Object.keys(da)) expect(dr[t], t).toEqual(da[t]);
  });
});
