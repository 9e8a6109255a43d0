// A cached list page is kept across a write only when the write left it exactly as it was
// (registry/records/list-page-deps.server.ts, issue 17). The property: whenever
// listPageUnchanged says so, listing the same selection again gives the same page; and it does
// say so for writes elsewhere (else the cache would gain nothing), never for a write it cannot see.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { ctxOf } from "../../registry/shared/context";
import { listTools } from "../../registry/records/list.server";
import { listPageUnchanged } from "../../registry/records/list-page-deps.server";
import { pageCacheVersion } from "../../registry/shared/page-version.server";
import { changesBetween } from "../../registry/shared/page-changes.server";
import { FACETS, parseToolQuery } from "../../registry/records/query";

const getDb = useFreshDb();

const SELECTIONS = [
  "",
  "sort=updated",
  "page=2",
  "kind=app",
  "kind=app&status=in_use",
  "kind=code_system&sunset=no_sunset",
  "status=in_use&sort=updated",
  "jurisdiction=city",
  "category=health",
  "category=location&kind=app",
  "review=unreviewed&kind=algorithm",
  "sensitive=yes&status=suspended",
  "sunset=no_sunset&jurisdiction=province",
  "agency=shanghai-municipal-government",
  "agency=zhejiang-provincial-government&kind=app",
  "regime=this_register&level=high",
];

async function page(qs: string, lang: "zh" | "en") {
  const { query, notices } = parseToolQuery(new URLSearchParams(qs));
  const list = await listTools(ctxOf(), { query, lang, notices });
  const { deps, stale: _stale, ...shown } = list;
  return { shown: JSON.stringify(shown), deps };
}

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe("list pages kept across writes that did not touch them", () => {
  it("whenever a page is said to be unchanged, it is the same page; and writes elsewhere keep pages", async () => {
    const db = getDb();
    const sql = db.$client;
    const rand = random(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const seqs = sql.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL`).pluck().all() as number[];
    const agencies = sql.prepare(`SELECT id FROM agencies`).pluck().all() as number[];
    const writes: ((seq: number) => void)[] = [
      (seq) => sql.prepare(`UPDATE tools SET deployment_status = ? WHERE seq = ?`).run(pick(FACETS.status), seq),
      (seq) => sql.prepare(`UPDATE tools SET kind = ? WHERE seq = ?`).run(pick(FACETS.kind), seq),
      (seq) => sql.prepare(`UPDATE tools SET updated_at = ? WHERE seq = ?`).run(new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 3e10)).toISOString(), seq),
      (seq) => sql.prepare(`UPDATE tools SET has_sensitive_data = 1 - has_sensitive_data WHERE seq = ?`).run(seq),
      (seq) => sql.prepare(`UPDATE tools SET jurisdiction_level = ? WHERE seq = ?`).run(pick(FACETS.jurisdiction), seq),
      (seq) => sql.prepare(`UPDATE tools SET comment_count = comment_count + 1 WHERE seq = ?`).run(seq),
      (seq) => sql.prepare(`UPDATE tools SET summary_en = coalesce(summary_en, '') || ' (amended)' WHERE seq = ?`).run(seq),
      (seq) => sql.prepare(`INSERT OR IGNORE INTO tool_data_categories (tool_seq, category) VALUES (?, ?)`).run(seq, pick(FACETS.category)),
      (seq) => sql.prepare(`DELETE FROM tool_data_categories WHERE rowid IN (SELECT rowid FROM tool_data_categories WHERE tool_seq = ? LIMIT 1)`).run(seq),
      (seq) => sql.prepare(`UPDATE tools SET sunset_date = CASE WHEN sunset_date IS NULL THEN '2027-03-01' ELSE NULL END WHERE seq = ?`).run(seq),
      // Another agency made responsible for the tool, or one taken off it.
      (seq) => sql.prepare(`INSERT OR IGNORE INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, 'operates')`).run(seq, pick(agencies)),
      (seq) => sql.prepare(`DELETE FROM tool_agencies WHERE rowid IN (SELECT rowid FROM tool_agencies WHERE tool_seq = ? ORDER BY agency_id DESC LIMIT 1)`).run(seq),
    ];
    let kept = 0;
    let renderedAgain = 0;
    for (let round = 0; round < 60; round++) {
      const lang = round % 2 ? "en" : "zh";
      const from = pageCacheVersion(db);
      const before = new Map<string, Awaited<ReturnType<typeof page>>>();
      for (const qs of SELECTIONS) before.set(qs, await page(qs, lang));
      pick(writes)(pick(seqs));
      const to = pageCacheVersion(db);
      for (const qs of SELECTIONS) {
        const b = before.get(qs)!;
        expect(b.deps, qs).toBeDefined();
        const unchanged = listPageUnchanged(b.deps!, from, to);
        if (unchanged) {
          kept++;
          expect((await page(qs, lang)).shown, `${qs} after round ${round}`).toBe(b.shown);
        } else renderedAgain++;
      }
    }
    // Both answers happen: the test would pass vacuously if every page were rendered again.
    expect(kept).toBeGreaterThan(100);
    expect(renderedAgain).toBeGreaterThan(40);
  });

  it("a search declares nothing; a change the list does not read keeps every page; an agency's or a day's change keeps none", async () => {
    const db = getDb();
    const sql = db.$client;
    expect((await page("q=健康码", "zh")).deps).toBeUndefined();
    const v0 = pageCacheVersion(db);
    const pages = await Promise.all(SELECTIONS.map((qs) => page(qs, "zh")));
    // A comment's row changes its record page, not a list: the list shows the count from the
    // tools row (registry/voice/comments.server.ts writes it, a change of that tool).
    const seq = sql.prepare(`SELECT min(seq) FROM tools WHERE published_revision_id IS NOT NULL`).pluck().get() as number;
    sql.prepare(`INSERT INTO comments (tool_seq, revision_number, body, status, address_hash, created_at) VALUES (?, 1, 'A comment.', 'published', 'test', '2026-06-01T00:00:00Z')`).run(seq);
    const v1 = pageCacheVersion(db);
    expect(v1).not.toBe(v0);
    expect(changesBetween(db, v0, v1)?.tables.has("comments")).toBe(true);
    for (const [i, p] of pages.entries()) {
      expect(listPageUnchanged(p.deps!, v0, v1), SELECTIONS[i]).toBe(true);
      expect((await page(SELECTIONS[i]!, "zh")).shown).toBe(p.shown);
    }
    // An agency renamed: its name is on list pages (facets, cards).
    sql.prepare(`UPDATE agencies SET name_en = name_en || ' (renamed)' WHERE id = (SELECT min(id) FROM agencies)`).run();
    const v2 = pageCacheVersion(db);
    for (const p of pages) expect(listPageUnchanged(p.deps!, v1, v2)).toBe(false);
    // Another day: sunset states move with nothing written.
    const tomorrow = v2.replace(/\.(.*)$/, ".2099-01-01");
    for (const p of pages) expect(listPageUnchanged(p.deps!, v2, tomorrow)).toBe(false);
    // Rows pruned (or bumps from before migration 0025): not known, so rendered again.
    sql.prepare(`DELETE FROM page_changes`).run();
    const v3 = pageCacheVersion(db);
    expect(changesBetween(db, v0, v3)).toBeNull();
    expect(listPageUnchanged(pages[0]!.deps!, v0, v3)).toBe(false);
  });

  it("every trigger that bumps the page version writes what it changed", () => {
    const sql = getDb().$client;
    const version = sql.prepare(`SELECT version FROM page_version`).pluck().get() as number;
    const rows = sql.prepare(`SELECT count(*) FROM page_changes`).pluck().get() as number;
    // The seeded register was written after migration 0025: one row per bump, none missing.
    expect(version).toBeGreaterThan(100);
    expect(rows).toBe(version);
    const triggers = sql.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%page_version%'`).all() as { name: string; sql: string }[];
    expect(triggers.length).toBeGreaterThanOrEqual(39);
    for (const t of triggers) expect(t.sql, t.name).toContain("page_changes");
  });
});
