// The list index is patched after a write, not rebuilt (issue 17): after every step of random
// writes (new tools, renamed ones, new dates, other agencies and categories, tools unpublished and
// deleted, agencies renamed), from this connection or another, the patched index must hold
// exactly what a full build holds: the same tools, the same bytes, categories, agencies and
// sunset dates per tool, and the same order for every sort.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { buildListIndex, getListIndex, PATCH_LIMIT } from "../../registry/records/list-index.server";
import { canonical } from "../helpers/list-index";

const getDb = useFreshDb();
const TODAY = "2026-06-01";

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T,>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

let made = 0;
function writer(client: Database.Database, rnd: () => number) {
  const distinct = (col: string) => (client.prepare(`SELECT DISTINCT ${col} FROM tools`).pluck().all() as unknown[]);
  const values = {
    kind: distinct("kind"),
    jurisdiction_level: distinct("jurisdiction_level"),
    deployment_status: distinct("deployment_status"),
    review_status: distinct("review_status"),
    impact_level: [...distinct("impact_level"), null],
    regime: ["this_register", "us-omb-2025", "uk-atrs"],
  };
  const categories = client.prepare(`SELECT DISTINCT category FROM tool_data_categories`).pluck().all() as string[];
  const revision = client.prepare(`SELECT min(id) FROM revisions`).pluck().get() as number;
  // Names that collide, differ only in case, or are missing, so ties and collation are exercised.
  const NAMES = ["apple", "Apple", "APPLE", "banana", "Ähre", "éclair", "zebra", "健康码", "行程卡", null];
  const SORT_KEYS = ["jiankangma", "xingchengka", "a", "A", "zz", null];
  const DATES = ["2025-01-01", "2026-06-01", "2026-06-02", "2027-12-31", null];
  const STAMPS = ["2026-01-01T00:00:00.000Z", "2026-05-01T08:00:00.000Z", "2026-05-01T08:00:00.000Z", "2026-06-01T00:00:00.000Z"];
  const seqs = () => client.prepare(`SELECT seq FROM tools`).pluck().all() as number[];
  const agencies = () => client.prepare(`SELECT id FROM agencies`).pluck().all() as number[];
  const ops: (() => void)[] = [
    () => {
      made++;
      client
        .prepare(
          `INSERT INTO tools (id, slug, published_revision_id, name_zh, name_en, kind, jurisdiction_level, policy_domain, deployment_status, review_status, impact_level, sunset_date, has_sensitive_data, created_at, updated_at, name_sort_zh, regime)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'public_health', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(`TST-${String(made).padStart(5, "0")}`, `test-${made}`, rnd() < 0.9 ? revision : null, pick(rnd, NAMES), pick(rnd, NAMES), pick(rnd, values.kind), pick(rnd, values.jurisdiction_level), pick(rnd, values.deployment_status), pick(rnd, values.review_status), pick(rnd, values.impact_level), pick(rnd, DATES), rnd() < 0.5 ? 1 : 0, pick(rnd, STAMPS), pick(rnd, STAMPS), pick(rnd, SORT_KEYS), pick(rnd, values.regime));
    },
    () => client.prepare(`UPDATE tools SET name_en = ?, name_zh = ? WHERE seq = ?`).run(pick(rnd, NAMES), pick(rnd, NAMES), pick(rnd, seqs())),
    () => client.prepare(`UPDATE tools SET name_sort_zh = ? WHERE seq = ?`).run(pick(rnd, SORT_KEYS), pick(rnd, seqs())),
    () => client.prepare(`UPDATE tools SET updated_at = ? WHERE seq = ?`).run(pick(rnd, STAMPS), pick(rnd, seqs())),
    () => client.prepare(`UPDATE tools SET sunset_date = ?, deployment_status = ? WHERE seq = ?`).run(pick(rnd, DATES), pick(rnd, values.deployment_status), pick(rnd, seqs())),
    () => client.prepare(`UPDATE tools SET kind = ?, review_status = ?, impact_level = ?, has_sensitive_data = ?, regime = ? WHERE seq = ?`).run(pick(rnd, values.kind), pick(rnd, values.review_status), pick(rnd, values.impact_level), rnd() < 0.5 ? 1 : 0, pick(rnd, values.regime), pick(rnd, seqs())),
    () => client.prepare(`UPDATE tools SET published_revision_id = ? WHERE seq = ?`).run(rnd() < 0.5 ? null : revision, pick(rnd, seqs())),
    () => client.prepare(`INSERT OR IGNORE INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, ?)`).run(pick(rnd, seqs()), pick(rnd, agencies()), pick(rnd, ["owner", "operator", "partner"])),
    () => client.prepare(`DELETE FROM tool_agencies WHERE rowid = (SELECT rowid FROM tool_agencies ORDER BY random() LIMIT 1)`).run(),
    () => client.prepare(`INSERT OR IGNORE INTO tool_data_categories (tool_seq, category) VALUES (?, ?)`).run(pick(rnd, seqs()), pick(rnd, categories)),
    () => client.prepare(`DELETE FROM tool_data_categories WHERE rowid = (SELECT rowid FROM tool_data_categories ORDER BY random() LIMIT 1)`).run(),
    () => client.prepare(`UPDATE agencies SET name_en = ? WHERE id = ?`).run(`Renamed ${Math.floor(rnd() * 1000)}`, pick(rnd, agencies())),
    () => {
      // A test tool with nothing pointing at it can be deleted outright.
      const seq = client.prepare(`SELECT seq FROM tools WHERE id LIKE 'TST-%' ORDER BY random() LIMIT 1`).pluck().get() as number | undefined;
      if (seq === undefined) return;
      client.prepare(`DELETE FROM tool_agencies WHERE tool_seq = ?`).run(seq);
      client.prepare(`DELETE FROM tool_data_categories WHERE tool_seq = ?`).run(seq);
      client.prepare(`DELETE FROM tools WHERE seq = ?`).run(seq);
    },
  ];
  return () => pick(rnd, ops)();
}

describe("the list index after writes", () => {
  it("a patched index equals a full build after every step of random writes, from this connection or another", () => {
    const db = getDb();
    const other = new Database(db.$client.name);
    const rnd = random(20261203);
    const write = [writer(db.$client, rnd), writer(other, rnd)];
    let index = getListIndex(db, TODAY);
    let patched = 0;
    for (let step = 0; step < 250; step++) {
      const by = write[step % 2]!;
      const ops = 1 + Math.floor(rnd() * 4);
      if (rnd() < 0.3) (step % 2 ? other : db.$client).transaction(() => { for (let i = 0; i < ops; i++) by(); })();
      else for (let i = 0; i < ops; i++) by();
      const next = getListIndex(db, TODAY);
      if (next === index) patched++;
      index = next;
      expect(canonical(index), `after step ${step}`).toEqual(canonical(buildListIndex(db, TODAY)));
    }
    other.close();
    // Nearly every step was a patch, not a rebuild.
    expect(patched).toBeGreaterThan(240);
  });

  it("is rebuilt, correctly, when too many tools changed or the changes were pruned", () => {
    const db = getDb();
    const client = db.$client;
    const first = getListIndex(db, TODAY);
    // Changes pruned past the index: it cannot know what changed.
    client.prepare(`UPDATE tools SET updated_at = '2026-02-02T00:00:00.000Z' WHERE seq = (SELECT min(seq) FROM tools)`).run();
    client.prepare(`DELETE FROM list_changes`).run();
    client.prepare(`UPDATE tools SET sunset_date = '2030-01-01' WHERE seq = (SELECT max(seq) FROM tools)`).run();
    const second = getListIndex(db, TODAY);
    expect(second).not.toBe(first);
    expect(canonical(second)).toEqual(canonical(buildListIndex(db, TODAY)));
    // More than PATCH_LIMIT tools changed at once.
    const revision = client.prepare(`SELECT min(id) FROM revisions`).pluck().get() as number;
    const insert = client.prepare(
      `INSERT INTO tools (id, slug, published_revision_id, name_zh, kind, jurisdiction_level, policy_domain, deployment_status, review_status, created_at, updated_at)
       SELECT ?, ?, ?, name_zh, kind, jurisdiction_level, policy_domain, deployment_status, review_status, created_at, updated_at FROM tools WHERE seq = (SELECT min(seq) FROM tools)`,
    );
    client.transaction(() => {
      for (let i = 0; i <= PATCH_LIMIT; i++) insert.run(`BULK-${i}`, `bulk-${i}`, revision);
    })();
    const third = getListIndex(db, TODAY);
    expect(third).not.toBe(second);
    expect(third.n).toBe(second.n + PATCH_LIMIT + 1);
    expect(canonical(third)).toEqual(canonical(buildListIndex(db, TODAY)));
  });

  it("a write to a column the index does not hold changes nothing", () => {
    const db = getDb();
    const index = getListIndex(db, TODAY);
    const before = db.$client.prepare(`SELECT coalesce(max(id), 0) FROM list_changes`).pluck().get();
    db.$client.prepare(`UPDATE tools SET comment_count = comment_count + 1`).run();
    expect(db.$client.prepare(`SELECT coalesce(max(id), 0) FROM list_changes`).pluck().get()).toBe(before);
    expect(getListIndex(db, TODAY)).toBe(index);
  });
});

describe("the sunset column from one day to another", () => {
  it("moving the day, forwards, backwards, by a day or by months, gives the states a full build gives", () => {
    const db = getDb();
    const client = db.$client;
    // Dates around the days the test moves through, so boundaries are crossed.
    const seqs = client.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL`).pluck().all() as number[];
    const dates = ["2026-05-30", "2026-05-31", "2026-06-01", "2026-06-02", "2026-07-30", "2026-07-31", "2026-08-01", "2026-08-02", "2026-09-15", null];
    seqs.forEach((seq, i) => client.prepare(`UPDATE tools SET sunset_date = ?, deployment_status = 'in_use' WHERE seq = ?`).run(dates[i % dates.length], seq));
    const index = getListIndex(db, "2026-05-29");
    for (const day of ["2026-05-31", "2026-06-01", "2026-06-02", "2026-05-30", "2026-08-01", "2026-06-01", "2027-12-01", "2026-06-03"]) {
      expect(getListIndex(db, day)).toBe(index);
      expect(Array.from(index.bytes.sunset.subarray(0, index.n)), day).toEqual(Array.from(buildListIndex(db, day).bytes.sunset.subarray(0, index.n)));
    }
  });
});
