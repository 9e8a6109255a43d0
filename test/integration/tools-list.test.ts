import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as listLoader } from "~/routes/tools._index/route";
import { FACETS, ENUM_FACETS, regimeValueOf, type FacetName } from "../../registry/records/query";
import { listTools, type ToolList } from "../../registry/records/list.server";
import { getToolDetail } from "../../registry/records/detail.server";
import { ctxOf } from "../../registry/shared/context";
import { parseToolQuery } from "../../registry/records/query";
import { sunsetState, todayIso } from "../../registry/lifecycle/sunset";
import { publishRevision } from "../../registry/records/publish.server";
import type { ToolRecordInput } from "../../registry/standard/v1";
import Database from "better-sqlite3";
import { seedId } from "../helpers/seed";
import { sortKeyZh } from "../../registry/records/search/pinyin";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");
const TRIP_CARD = seedId("communication-trip-card");
const RED_CODING = seedId("henan-health-code-red-coding");
const DOOR_SENSORS = seedId("lucheng-smart-door-sensors");
const SUISHEN_PAI = seedId("shanghai-suishen-pai");

const getCurrentDb = useFreshDb();
type Data = { list: ToolList; title: string };
const list = async (qs: string) => (await callLoader<Data>(listLoader, `/tools${qs}`)).list;
const record = async (id: string) => {
  const d = await getToolDetail(ctxOf(), { idOrSlug: id });
  if (!d || !("found" in d)) throw new Error(`no ${id}`);
  return d.found.record;
};

describe("/tools list", () => {
  it("lists all 22 embedded cases, 20 per page, sorted by name", async () => {
    const first = await list("");
    expect(first.total).toBe(22);
    expect(first.items).toHaveLength(20);
    expect(first.pageCount).toBe(2);
    const second = await list("?page=2");
    expect(second.items).toHaveLength(2);
    const ids = new Set([...first.items, ...second.items].map((t) => t.id));
    expect(ids.size).toBe(22);
  });

  // Every facet: each value with a count gives exactly that many tools, all of which match.
  const matches: Record<FacetName, (id: string, item: ToolList["items"][number], value: string) => boolean | Promise<boolean>> = {
    kind: (_id, t, v) => t.kind === v,
    jurisdiction: (_id, t, v) => t.jurisdictionLevel === v,
    status: (_id, t, v) => t.deploymentStatus === v,
    review: (_id, t, v) => t.reviewStatus === v,
    level: (_id, t, v) => (t.impactLevel ?? "none") === v,
    sunset: (_id, t, v) => t.sunsetState === v,
    category: async (id, _t, v) => (await record(id)).dataScope.elements.some((e) => e.category === v),
    sensitive: async (id, _t, v) => (await record(id)).dataScope.elements.some((e) => e.sensitive) === (v === "yes"),
    agency: async (id, _t, v) => (await record(id)).responsibility.agencies.some((a) => a.agency === v),
    regime: (_id, t, v) => regimeValueOf(t.regime) === v,
  };

  it.each([...ENUM_FACETS, "agency"] as FacetName[])("filters by %s and its counts are right", async (facet) => {
    const all = await list("");
    const counts = all.facets[facet];
    expect(counts.length, `facet ${facet} has values`).toBeGreaterThan(0);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBeGreaterThanOrEqual(facet === "category" || facet === "agency" ? 1 : 22);
    for (const c of counts) {
      if (facet !== "agency") expect(FACETS[facet as keyof typeof FACETS] as readonly string[]).toContain(c.value);
      const filtered = await list(`?${facet}=${encodeURIComponent(c.value)}`);
      expect(filtered.total, `${facet}=${c.value}`).toBe(c.count);
      expect(filtered.notices).toEqual([]);
      for (const item of filtered.items) expect(await matches[facet](item.id, item, c.value), `${item.id} ${facet}=${c.value}`).toBe(true);
    }
  });

  it("combines facets and keeps them in the shareable query", async () => {
    const r = await list("?kind=code_system&status=retired");
    expect(r.total).toBeGreaterThan(0);
    for (const t of r.items) expect([t.kind, t.deploymentStatus]).toEqual(["code_system", "retired"]);
    expect(r.query).toMatchObject({ kind: ["code_system"], status: ["retired"] });
  });

  it("shows each tool's sunset state as registry/lifecycle/sunset.ts computes it", async () => {
    const today = todayIso();
    const all = [...(await list("")).items, ...(await list("?page=2")).items];
    for (const t of all) {
      const r = await record(t.id);
      expect(t.sunsetState, t.id).toBe(sunsetState({ ...r.lifecycle, reviewStatus: t.reviewStatus }, today));
    }
  });

  it("sorts by name, last change and sunset date", async () => {
    for (const sort of ["name", "updated", "sunset"]) {
      const r = await list(`?sort=${sort}`);
      expect(r.query.sort).toBe(sort);
      expect(r.items).toHaveLength(20);
    }
    // Sorted by the name in the reader's language: English case-insensitively; Chinese by pinyin
    // (test/integration/search-people.test.ts checks the pinyin order itself).
    const en = await callLoader<Data>(listLoader, "/tools?sort=name", {}, { headers: { "Accept-Language": "en" } });
    const byName = en.list.items.map((t) => (t.name.en ?? t.name.zh)!.toLowerCase());
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byZh = (await list("?sort=name")).items.map((t) => sortKeyZh(t.name.zh ?? t.name.en)!);
    expect(byZh).toEqual([...byZh].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe("/tools search", () => {
  const ids = async (q: string) => (await list(`?q=${encodeURIComponent(q)}`)).items.map((t) => t.id);

  it("finds the smart door sensors by the two-character word 门磁", async () => {
    expect(await ids("门磁")).toContain(DOOR_SENSORS);
  });
  it("finds the Henan red-coding by 红码", async () => {
    expect(await ids("红码")).toContain(RED_CODING);
  });
  it("finds 数据 in many records", async () => {
    expect((await ids("数据")).length).toBeGreaterThan(3);
  });
  it('finds the health code by "health code" and ranks it first', async () => {
    const r = await ids("health code");
    expect(r).toContain(HEALTH_CODE);
  });
  it("highlights the matched words in the result snippet", async () => {
    const r = await list("?q=门磁");
    const hit = r.items.find((t) => t.id === DOOR_SENSORS)!;
    const marked = [...(hit.snippet?.zh ?? []), ...(hit.snippet?.en ?? [])].filter((s) => s.match).map((s) => s.text);
    expect(marked).toContain("门磁");
  });
  it("finds nothing for a word that is in no record, with an empty list rather than an error", async () => {
    const r = await list("?q=zzzqqxy");
    expect(r.total).toBe(0);
    expect(r.items).toEqual([]);
  });
  it.each(['"', '"health', "*", "code*", "NEAR(a b)", "-x", "a OR b", "health -code", "^", "col:val", "(", "\u0000", "'; DROP TABLE tools; --"])(
    "treats FTS syntax %j as text, never an error",
    async (q) => {
      const r = await list(`?q=${encodeURIComponent(q)}`);
      expect(r.total).toBeGreaterThanOrEqual(0);
    },
  );
  it("survives a 10,000-character query and says it was shortened", async () => {
    const r = await list(`?q=${"健康码".repeat(3400)}`);
    expect(r.notices).toContainEqual({ code: "query_truncated", max: 200 });
  });
  it("answers bad parameters with notices, not errors", async () => {
    const r = await list("?kind=nope&page=-1&level=9&sort=zzz&agency=NOT%20A%20SLUG");
    expect(r.total).toBe(22);
    expect(r.notices.length).toBe(5);
    const far = await list("?page=999");
    expect(far.page).toBe(2);
    expect(far.notices).toContainEqual({ code: "page_out_of_range", page: 999 });
    const unknownAgency = await list("?agency=no-such-agency");
    expect(unknownAgency.notices).toContainEqual({ code: "unknown_agency", value: "no-such-agency" });
  });
});

describe("the in-memory list index", () => {
  const getDb = getCurrentDb;

  it("follows a record published through this connection", async () => {
    const before = await list("?kind=sensor_device");
    const copy = structuredClone(await record(DOOR_SENSORS)) as ToolRecordInput;
    copy.identity.id = "ALG-000900";
    copy.identity.slug = "copy-of-door-sensors";
    publishRevision(copy, { at: "2026-01-01T00:00:00.000Z" });
    const after = await list("?kind=sensor_device");
    expect(after.total).toBe(before.total + 1);
    expect(after.facets.kind.find((c) => c.value === "sensor_device")?.count).toBe(before.total + 1);
  });

  it("moves a tool from due soon to lapsed when the date passes its sunset date", async () => {
    const copy = structuredClone(await record(SUISHEN_PAI)) as ToolRecordInput;
    copy.identity.id = "ALG-000901";
    copy.identity.slug = "copy-with-sunset";
    copy.lifecycle.sunsetDate = "2030-06-30";
    publishRevision(copy, { at: "2026-01-01T00:00:00.000Z" });
    const on = (today: string) => listTools(ctxOf(), { query: parseToolQuery(new URLSearchParams("sunset=lapsed")).query, today });
    expect((await on("2030-06-30")).items.map((t) => t.id)).not.toContain("ALG-000901");
    const after = await on("2030-07-01");
    expect(after.items.map((t) => t.id)).toContain("ALG-000901");
    expect(after.facets.sunset.find((c) => c.value === "due_soon")).toBeUndefined();
    expect((await listTools(ctxOf(), { query: parseToolQuery(new URLSearchParams("sunset=due_soon")).query, today: "2030-06-30" })).items.map((t) => t.id)).toEqual(["ALG-000901"]);
  });

  it("follows a change written by another connection to the same file", async () => {
    const before = await list("?status=retired");
    const other = new Database(getDb().$client.name);
    other.prepare(`UPDATE tools SET deployment_status = 'in_use' WHERE id = '${TRIP_CARD}'`).run();
    other.close();
    const after = await list("?status=retired");
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((t) => t.id)).not.toContain(TRIP_CARD);
  });
});
