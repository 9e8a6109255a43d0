// Migration 0024 on a register with data: unused indexes go, and every search answers as
// before (same tools, same order, same scores).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase, type Db } from "../../db/client.server";
import { MIGRATIONS_FOLDER } from "../../db/migrate.server";
import { seedDatabase } from "../../scripts/seed/run.server";
import { buildMatchExpression } from "../../registry/records/search/tokenize";
import { publishMany, upsertAgencies } from "../../registry/records/publish.server";
import { createRandom, generateAgencies, generateRecord } from "../bench/generate";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mig0024-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder that stops before `tag`. */
function migrationsBefore(tag: string): string {
  const to = path.join(dir, "migrations");
  fs.mkdirSync(path.join(to, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(path.join(to, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(to, `${e.tag}.sql`));
  return to;
}

const QUERIES = ["健康码", "health code", "数据", "门磁", "zhengzhou", "jkm", "suishenma", "system", "红码 隔离", "data breach", "码", "郑州 平台", "随申码"];

function answers(db: Db) {
  return QUERIES.map((q) => {
    const { match } = buildMatchExpression(q);
    return db.$client.prepare(`SELECT rowid, bm25(tool_search, 10.0, 1.0, 0.5) AS score FROM tool_search WHERE tool_search MATCH ? ORDER BY score, rowid`).all(match) as {
      rowid: number;
      score: number;
    }[];
  });
}

describe("migration 0024", () => {
  it("keeps every search answer on a seeded register with generated records", { timeout: 120_000 }, () => {
    const db = openDatabase(path.join(dir, "r.sqlite"));
    migrate(db, { migrationsFolder: migrationsBefore("0024_lean_indexes") });
    seedDatabase(db, "2024-01-01T00:00:00.000Z");
    const rand = createRandom(5);
    const agencies = generateAgencies(rand, 30);
    upsertAgencies(agencies, db);
    publishMany(Array.from({ length: 200 }, (_, i) => ({ input: generateRecord(rand, 1000 + i, agencies, "2026-06-01"), at: `2024-02-01T00:00:${String(i % 60).padStart(2, "0")}.000Z` })), db);
    const before = answers(db);
    expect(before.filter((a) => a.length > 0).length).toBeGreaterThan(10);
    const indexes = () => db.$client.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('tools_kind_idx', 'tools_name_en_idx', 'tool_data_categories_category_idx')`).pluck().get();
    expect(indexes()).toBe(3);

    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(indexes()).toBe(0);
    const after = answers(db);
    after.forEach((a, i) => {
      expect(a.map((h) => h.rowid), QUERIES[i]).toEqual(before[i]!.map((h) => h.rowid));
      a.forEach((h, k) => expect(h.score).toBeCloseTo(before[i]![k]!.score, 9));
    });
    // Publishing again replaces the tool's search row.
    const again = generateRecord(createRandom(5), 1000, agencies, "2026-06-01");
    publishMany([{ input: { ...again, identity: { ...again.identity, name: { zh: "独一无二测试名称", en: "Unique test name" } } }, at: "2024-03-01T00:00:00.000Z" }], db);
    const seq = db.$client.prepare(`SELECT seq FROM tools WHERE id = ?`).pluck().get(again.identity.id);
    const hit = (q: string) => db.$client.prepare(`SELECT rowid FROM tool_search WHERE tool_search MATCH ?`).pluck().all(buildMatchExpression(q).match);
    expect(hit("独一无二")).toEqual([seq]);
    expect(hit("Unique test name")).toEqual([seq]);
    expect(db.$client.prepare(`SELECT count(*) FROM tool_search`).pluck().get()).toBe(db.$client.prepare(`SELECT count(*) FROM tools WHERE published_revision_id IS NOT NULL`).pluck().get());
    db.$client.close();
  });
});
