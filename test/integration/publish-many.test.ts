// The bulk write path (publishMany) must leave the register exactly as publishing the same
// records one by one does: every row of every table (the version counters aside: they only have
// to move, and move fewer times), the same search hits with the same scores, and a log that
// verifies. The records: the 22 seed cases and generated ones (test/bench/generate.ts), with
// second revisions of some tools in the same batch and records published again unchanged.
import { afterAll, describe, expect, it } from "vitest";
import { freshDb } from "../helpers/db";
import type { Db } from "../../db/client.server";
import { prepareRevision, publishMany, publishRevision, upsertAgencies, type PublishResult } from "../../registry/records/publish.server";
import { buildMatchExpression } from "../../registry/records/search/tokenize";
import { verifyLog } from "../../registry/log/log.server";
import { SEED_AGENCIES } from "../../scripts/seed/agencies";
import { SEED_RECORDS } from "../../scripts/seed/cases";
import { agencySearchNames, createRandom, generateAgencies, generateRecord } from "../bench/generate";

// Counters bumped by triggers: a batch moves them too, only not as many times.
const COUNTERS = new Set(["page_version", "list_version", "list_changes"]);
// FTS5's internal b-tree: segment layout depends on when rows were flushed; compared through queries.
const FTS_INTERNALS = new Set(["tool_search_data", "tool_search_idx"]);

function items(): { input: unknown; at: string }[] {
  const rand = createRandom(11);
  const agencies = generateAgencies(rand, 40);
  const out: { input: unknown; at: string }[] = SEED_RECORDS.map((r, i) => ({ input: r, at: `2024-01-01T00:00:${String(i).padStart(2, "0")}.000Z` }));
  for (let i = 1; i <= 300; i++) {
    const record = generateRecord(rand, i, agencies, "2026-06-01");
    const at = new Date(Date.UTC(2024, 1, 1) + i * 60_000).toISOString();
    out.push({ input: record, at });
    if (i % 17 === 0) out.push({ input: { ...record, lifecycle: { ...record.lifecycle, reviewStatus: "approved" } }, at: new Date(Date.UTC(2024, 5, 1) + i * 60_000).toISOString() });
    // The same record again: nothing is written.
    if (i % 41 === 0) out.push({ input: record, at: new Date(Date.UTC(2024, 7, 1) + i * 60_000).toISOString() });
  }
  return out;
}

function agenciesOf(): unknown[] {
  return [...SEED_AGENCIES, ...generateAgencies(createRandom(11), 40)];
}

function dump(db: Db): Record<string, unknown[]> {
  const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    if (COUNTERS.has(t) || FTS_INTERNALS.has(t) || t === "tool_search") continue;
    // Some tables have no rowid: rows in the order of their JSON.
    out[t] = (db.$client.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const QUERIES = ["健康码", "health code", "数据", "门磁", "zhengzhou", "jkm", "system", "红码 隔离", "data breach", "码", "郑州 平台", "ALG-000042"];

function hits(db: Db, q: string): { rowid: number; score: number }[] {
  const { match } = buildMatchExpression(q);
  return db.$client
    .prepare(`SELECT rowid, bm25(tool_search, 10.0, 1.0, 0.5) AS score FROM tool_search WHERE tool_search MATCH ? ORDER BY score, rowid`)
    .all(match) as { rowid: number; score: number }[];
}

describe("publishMany", () => {
  const one = freshDb("empty");
  const many = freshDb("empty");
  afterAll(() => {
    one.close();
    many.close();
  });

  it("leaves the same register as publishing one by one", { timeout: 120_000 }, () => {
    const list = items();
    upsertAgencies(agenciesOf(), one.db);
    upsertAgencies(agenciesOf(), many.db);
    const single: PublishResult[] = list.map((i) => publishRevision(i.input, { at: i.at }, one.db));
    const batched: PublishResult[] = [];
    for (let s = 0; s < list.length; s += 97) batched.push(...publishMany(list.slice(s, s + 97), many.db));
    expect(batched).toEqual(single);
    expect(single.filter((r) => r.unchanged).length).toBeGreaterThan(3);

    const a = dump(one.db);
    const b = dump(many.db);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    // The generated ids start at ALG-000001 like the seed cases: those become new revisions of seed tools.
    expect((a.tools as unknown[]).length).toBe(300);
    expect((a.events as unknown[]).length).toBeGreaterThan(322);
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);

    for (const q of QUERIES) {
      const ha = hits(one.db, q);
      expect(ha.length, q).toBeGreaterThan(0);
      const hb = hits(many.db, q);
      expect(hb.map((h) => h.rowid), q).toEqual(ha.map((h) => h.rowid));
      hb.forEach((h, i) => expect(h.score).toBeCloseTo(ha[i]!.score, 9));
    }
    expect(verifyLog(many.db)).toEqual(verifyLog(one.db));
    expect(verifyLog(many.db).ok).toBe(true);
  });

  it("takes search rows and sort keys prepared ahead only for the agency names it finds", { timeout: 120_000 }, () => {
    // Prepared as generate-worker.ts does, from the agencies' names as stored, but with one
    // agency's name wrong: the records naming it must get their rows from the writer.
    const db = freshDb("empty");
    const ref = freshDb("empty");
    try {
      const list = items();
      upsertAgencies(agenciesOf(), ref.db);
      for (const i of list) publishRevision(i.input, { at: i.at }, ref.db);
      upsertAgencies(agenciesOf(), db.db);
      const names = agencySearchNames(db.db);
      // An agency of the last record: its rows are the ones left (the generated records are later revisions of the seed tools).
      const wrong = (list.at(-1)!.input as { responsibility: { agencies: { agency: string }[] } }).responsibility.agencies[0]!.agency;
      const prepared = list.map((i) => prepareRevision(i.input, i.at, (slug) => (slug === wrong ? "Not this name" : names[slug])));
      expect(prepared.filter((p) => p.search).length).toBeGreaterThan(200);
      expect(prepared.filter((p) => p.search?.agencyNames.includes("Not this name")).length).toBeGreaterThan(0);
      expect(prepared.every((p) => p.nameSortZh !== undefined)).toBe(true);
      for (let s = 0; s < prepared.length; s += 97) publishMany(prepared.slice(s, s + 97), db.db);
      const a = dump(ref.db);
      const b = dump(db.db);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
      for (const q of QUERIES) expect(hits(db.db, q).map((h) => h.rowid), q).toEqual(hits(ref.db, q).map((h) => h.rowid));
    } finally {
      db.close();
      ref.close();
    }
  });

  it("writes nothing of a batch when one record fails", () => {
    const db = freshDb("empty");
    try {
      upsertAgencies(agenciesOf(), db.db);
      const list = items().slice(22, 30);
      const bad = { ...(list[3]!.input as object), identity: { ...(list[3]!.input as { identity: object }).identity, slug: (list[0]!.input as { identity: { slug: string } }).identity.slug } };
      expect(() => publishMany([...list.slice(0, 3), { input: bad, at: list[3]!.at }], db.db)).toThrow();
      expect(db.db.$client.prepare(`SELECT count(*) FROM tools`).pluck().get()).toBe(0);
      expect(db.db.$client.prepare(`SELECT count(*) FROM events`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
