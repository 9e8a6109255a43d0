import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as incidentsLoader } from "~/routes/incidents._index";
import { SEED_RECORDS, seedId, seedRecord } from "../helpers/seed";
import { publishRevision } from "../../registry/records/publish.server";
import type { IncidentList } from "../../registry/lifecycle/incidents.server";

// Seed records, found by slug (test/helpers/seed.ts).
const SUISHEN_CODE = seedId("shanghai-suishen-code");
const RED_CODING = seedId("henan-health-code-red-coding");

const getDb = useFreshDb();
const load = async (qs = "") => (await callLoader<{ list: IncidentList }>(incidentsLoader, `/incidents${qs}`)).list;
const seededIncidents = SEED_RECORDS.flatMap((r) => (r.incidents ?? []).map((i) => ({ id: r.identity.id, ...i })));

describe("/incidents", () => {
  it("lists every incident of the embedded cases, newest first", async () => {
    const list = await load();
    expect(list.total).toBe(seededIncidents.length);
    const dates = list.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const breach = list.items.find((i) => i.toolId === SUISHEN_CODE && i.kind === "data_breach");
    expect(breach).toMatchObject({ date: "2022-07", peopleAffected: 48_500_000 });
    expect(list.items.find((i) => i.toolId === RED_CODING)).toMatchObject({ kind: "misuse_of_power", date: "2022-06" });
  });
  it("filters by kind and year, each facet counted without its own filter", async () => {
    const all = await load();
    for (const k of all.byKind) {
      const f = await load(`?kind=${k.value}`);
      expect(f.total).toBe(k.count);
      expect(f.items.every((i) => i.kind === k.value)).toBe(true);
    }
    const y2022 = await load("?year=2022");
    expect(y2022.items.every((i) => i.date.startsWith("2022"))).toBe(true);
    expect(y2022.byKind.reduce((n, k) => n + k.count, 0)).toBe(y2022.total);
    const both = await load("?kind=data_breach&year=2022");
    expect(both.items.map((i) => i.toolId)).toContain(SUISHEN_CODE);
  });
  it("ignores bad filters instead of failing", async () => {
    for (const qs of ["?kind=<script>", "?year=20x2", "?page=-4", "?page=99999"]) expect((await load(qs)).total).toBeGreaterThan(0);
  });
  it("follows a record's new revision", async () => {
    const copy = structuredClone(seedRecord("shanghai-suishen-code"));
    copy.incidents = [...copy.incidents!, { kind: "security_flaw", date: "2023-01", title: { en: "A test flaw" }, description: { en: "x" }, regulatorNotified: true, sources: [] }];
    publishRevision(copy, { at: "2026-02-01T00:00:00.000Z" });
    const list = await load("?kind=security_flaw");
    expect(list.items).toEqual([expect.objectContaining({ toolId: SUISHEN_CODE, title: { en: "A test flaw" }, regulatorNotified: true })]);
    expect((await load()).total).toBe(seededIncidents.length + 1);
  });
  it("backfills incidents of records published before the table existed (migration 0007)", () => {
    const db = getDb().$client;
    const before = db.prepare(`SELECT count(*) AS n FROM tool_incidents`).get() as { n: number };
    db.exec(`DELETE FROM tool_incidents`);
    const sql = fs.readFileSync("db/migrations/0007_tool_incidents_backfill.sql", "utf8");
    db.exec(sql);
    expect(db.prepare(`SELECT count(*) AS n FROM tool_incidents`).get()).toEqual(before);
  });
});
