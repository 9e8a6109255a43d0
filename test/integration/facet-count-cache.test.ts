// The facet counts of a selection are remembered for the list index's version and day (issue 17):
// the pages, orders and languages of one selection share them, but a write, a new day, other
// filters, other agencies or another search never get someone else's counts.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { getListIndex } from "../../registry/records/list-index.server";
import { filterAndCount } from "../../registry/records/facet-count.server";
import { countStats } from "../../registry/records/facet-count-delta.server";
import { FACETS } from "../../registry/records/query";
import { selectTools } from "../../registry/records/list.server";
import { parseToolQuery } from "../../registry/records/query";

const getDb = useFreshDb();
const TODAY = "2026-06-01";

const QUERIES = ["", "kind=app", "kind=app&status=in_use", "category=health", "sunset=no_sunset", "q=健康码", "q=health&kind=app", "agency=shanghai-municipal-government", "agency=zhejiang-provincial-government"];

/** What selectTools answers, and what counting from scratch on the same index gives. */
function both(qs: string, today = TODAY) {
  const db = getDb();
  const { query } = parseToolQuery(new URLSearchParams(qs));
  const sel = selectTools(query, { today, lang: "zh", notices: [] }, db);
  const index = getListIndex(db, today);
  // The agency filter and the search, resolved as selectTools does, counted without the cache.
  const agencyIds = query.agency ? (query.agency.map((slug) => (db.$client.prepare(`SELECT id FROM agencies WHERE slug = ?`).pluck().get(slug) as number)) ?? null) : null;
  const ranked = query.q ? Array.from(sel.order) : null;
  const fresh = filterAndCount(index, sel.query, agencyIds, ranked);
  return { sel, fresh };
}

describe("facet counts remembered per selection", () => {
  it("the pages and orders of one selection share one count; other selections get their own", () => {
    const first = both("kind=app").sel;
    const again = both("kind=app&page=2&sort=updated").sel;
    expect(again.pass).toBe(first.pass);
    expect(again.facets).toBe(first.facets);
    for (const qs of QUERIES) {
      const { sel, fresh } = both(qs);
      expect({ total: sel.total, facets: sel.facets, pass: Array.from(sel.pass) }, qs).toEqual({ total: fresh.total, facets: fresh.facets, pass: Array.from(fresh.pass) });
    }
    // Two agencies, two counts.
    expect(both("agency=shanghai-municipal-government").sel.total).not.toBe(both("agency=zhejiang-provincial-government").sel.total);
  });

  it("after a write from another connection, and on a new day, the counts are counted again", () => {
    const db = getDb();
    for (const qs of QUERIES) both(qs);
    const other = new Database(db.$client.name);
    try {
      const before = both("kind=app").sel.total;
      const seq = other.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL AND kind <> 'app' ORDER BY seq LIMIT 1`).pluck().get() as number;
      other.prepare(`UPDATE tools SET kind = 'app' WHERE seq = ?`).run(seq);
      expect(both("kind=app").sel.total).toBe(before + 1);
      other.prepare(`UPDATE tools SET sunset_date = NULL WHERE seq = ?`).run(seq);
      other.prepare(`UPDATE tools SET published_revision_id = NULL WHERE seq = (SELECT seq FROM tools WHERE published_revision_id IS NOT NULL AND seq <> ? LIMIT 1)`).run(seq);
      for (const qs of QUERIES) {
        const { sel, fresh } = both(qs);
        expect({ total: sel.total, facets: sel.facets }, qs).toEqual({ total: fresh.total, facets: fresh.facets });
      }
      // A tool whose sunset date is today lapses tomorrow: the sunset facet moves with the day.
      other.prepare(`UPDATE tools SET sunset_date = ? WHERE seq = ?`).run(TODAY, seq);
      const today = both("kind=app", TODAY).sel.facets.sunset;
      const tomorrow = both("kind=app", "2026-06-02");
      expect(tomorrow.sel.facets.sunset).toEqual(tomorrow.fresh.facets.sunset);
      expect(tomorrow.sel.facets.sunset).not.toEqual(today);
    } finally {
      other.close();
    }
  });

  it("counts brought forward from the index's patches equal counts made afresh, after random writes", () => {
    const db = getDb();
    const sql = db.$client;
    let s = 11;
    const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const seqs = sql.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL`).pluck().all() as number[];
    const agencies = sql.prepare(`SELECT id FROM agencies`).pluck().all() as number[];
    const writes: ((seq: number) => void)[] = [
      (seq) => sql.prepare(`UPDATE tools SET deployment_status = ? WHERE seq = ?`).run(pick(FACETS.status), seq),
      (seq) => sql.prepare(`UPDATE tools SET kind = ?, has_sensitive_data = 1 - has_sensitive_data WHERE seq = ?`).run(pick(FACETS.kind), seq),
      (seq) => sql.prepare(`UPDATE tools SET jurisdiction_level = ?, sunset_date = CASE WHEN sunset_date IS NULL THEN '2026-06-20' ELSE NULL END WHERE seq = ?`).run(pick(FACETS.jurisdiction), seq),
      (seq) => sql.prepare(`INSERT OR IGNORE INTO tool_data_categories (tool_seq, category) VALUES (?, ?)`).run(seq, pick(FACETS.category)),
      (seq) => sql.prepare(`DELETE FROM tool_data_categories WHERE rowid IN (SELECT rowid FROM tool_data_categories WHERE tool_seq = ? LIMIT 1)`).run(seq),
      (seq) => sql.prepare(`INSERT OR IGNORE INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, 'operates')`).run(seq, pick(agencies)),
      (seq) => sql.prepare(`DELETE FROM tool_agencies WHERE rowid IN (SELECT rowid FROM tool_agencies WHERE tool_seq = ? ORDER BY agency_id DESC LIMIT 1)`).run(seq),
      // Taken off the list and back: positions move, so these are counted afresh.
      (seq) => sql.prepare(`UPDATE tools SET published_revision_id = NULL WHERE seq = ?`).run(seq),
    ];
    const hidden = new Map<number, number>();
    const before = { ...countStats };
    for (let round = 0; round < 60; round++) {
      // Two or three writes between reads, sometimes none.
      const n = Math.floor(rand() * 4);
      for (let i = 0; i < n; i++) {
        const seq = pick(seqs);
        if (hidden.has(seq)) {
          sql.prepare(`UPDATE tools SET published_revision_id = ? WHERE seq = ?`).run(hidden.get(seq), seq);
          hidden.delete(seq);
          continue;
        }
        const w = pick(writes);
        if (w === writes[writes.length - 1]) hidden.set(seq, sql.prepare(`SELECT published_revision_id FROM tools WHERE seq = ?`).pluck().get(seq) as number);
        w(seq);
      }
      // Every fifth round one tool leaves the list and another comes back: as many tools as
      // before, but positions moved.
      if (round % 5 === 4 && hidden.size) {
        const [back, revision] = hidden.entries().next().value!;
        const away = pick(seqs.filter((q) => !hidden.has(q)));
        hidden.set(away, sql.prepare(`SELECT published_revision_id FROM tools WHERE seq = ?`).pluck().get(away) as number);
        sql.prepare(`UPDATE tools SET published_revision_id = NULL WHERE seq = ?`).run(away);
        sql.prepare(`UPDATE tools SET published_revision_id = ? WHERE seq = ?`).run(revision, back);
        hidden.delete(back);
      }
      for (const qs of QUERIES.filter((q) => !q.includes("q="))) {
        const { sel, fresh } = both(qs);
        expect({ total: sel.total, facets: sel.facets, pass: Array.from(sel.pass) }, `${qs}, round ${round}`).toEqual({ total: fresh.total, facets: fresh.facets, pass: Array.from(fresh.pass) });
      }
    }
    // The counts were brought forward often, and counted afresh when tools came and went.
    expect(countStats.forward - before.forward).toBeGreaterThan(100);
    expect(countStats.counted - before.counted).toBeGreaterThan(10);
  });
});
