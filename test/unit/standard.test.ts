import { describe, expect, it } from "vitest";
import { SEED_RECORDS, SEED_AGENCIES, seedId, seedRecord } from "../helpers/seed";
import { AgencySchema } from "../../registry/standard/agency";
import { ToolRecord, fieldErrors, IsoDate, PartialDate, Incident } from "../../registry/standard/v1";
import { recordJsonSchema, dataDictionary } from "../../registry/standard/json-schema";

// Seed records, found by slug (test/helpers/seed.ts).
const TRIP_CARD = seedId("communication-trip-card");
const HEALTH_INDEX = seedId("hangzhou-health-index-code");
const CIVILITY_CODE = seedId("suzhou-civility-code");

const clone = <T>(v: T): T => structuredClone(v);
const errorsOf = (input: unknown) => {
  const r = ToolRecord.safeParse(input);
  if (r.success) throw new Error("expected the record to be rejected");
  return fieldErrors(r.error);
};

describe("the embedded dataset", () => {
  it("has the 22 cases with ids ALG-000001 to ALG-000022", () => {
    expect(SEED_RECORDS.map((r) => r.identity.id)).toEqual(Array.from({ length: 22 }, (_, i) => `ALG-${String(i + 1).padStart(6, "0")}`));
    expect(new Set(SEED_RECORDS.map((r) => r.identity.slug)).size).toBe(22);
  });
  it.each(SEED_RECORDS.map((r) => [r.identity.id, r] as const))("%s satisfies the standard", (_id, record) => {
    const r = ToolRecord.safeParse(record);
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({});
  });
  it("names only agencies that exist, and every agency is valid", () => {
    const slugs = new Set(SEED_AGENCIES.map((a) => a.slug));
    for (const a of SEED_AGENCIES) {
      expect(AgencySchema.safeParse(a).success, a.slug).toBe(true);
      if (a.parent) expect(slugs.has(a.parent), `${a.slug}.parent`).toBe(true);
    }
    for (const r of SEED_RECORDS) for (const ref of r.responsibility.agencies) expect(slugs.has(ref.agency), `${r.identity.id} ${ref.agency}`).toBe(true);
  });
  it("cites a seed text on every record", () => {
    for (const r of SEED_RECORDS) expect(r.sources.some((s) => s.seedFile), r.identity.id).toBe(true);
  });
  it("keeps the documented statuses", () => {
    const byId = Object.fromEntries(SEED_RECORDS.map((r) => [r.identity.id, r]));
    expect(byId[TRIP_CARD]!.lifecycle).toMatchObject({ deploymentStatus: "retired", retirement: { date: "2022-12-13" } });
    expect(byId[HEALTH_INDEX]!.lifecycle).toMatchObject({ deploymentStatus: "proposed", reviewStatus: "rejected" });
    expect(byId[CIVILITY_CODE]!.lifecycle.deploymentStatus).toBe("retired");
  });
});

describe("ToolRecord rejects incomplete records with field-level messages", () => {
  const base = seedRecord("health-code");
  it.each([
    ["identity.summary", (r: any) => delete r.identity.summary],
    ["identity.kind", (r: any) => delete r.identity.kind],
    ["purpose.purpose", (r: any) => delete r.purpose.purpose],
    ["lifecycle.sunsetDate", (r: any) => delete r.lifecycle.sunsetDate],
    ["responsibility.agencies", (r: any) => (r.responsibility.agencies = [])],
    ["sources", (r: any) => (r.sources = [])],
    ["identity.id", (r: any) => (r.identity.id = "ALG-12")],
    ["identity.name", (r: any) => (r.identity.name = {})],
    ["dataScope.elements.0.category", (r: any) => (r.dataScope.elements = [{ name: { en: "x" }, sensitive: false }])],
    ["lifecycle.sunsetDate", (r: any) => (r.lifecycle.sunsetDate = "2026-02-30")],
  ])("%s", (path, mutate) => {
    const r = clone(base);
    mutate(r);
    const errors = errorsOf(r);
    expect(Object.keys(errors)).toContain(path);
    expect(errors[path]![0]!.length).toBeGreaterThan(5);
  });

  it("refuses unknown fields", () => {
    const r = clone(base) as any;
    r.identity.colour = "red";
    expect(Object.keys(errorsOf(r))).toContain("identity");
  });
  it("refuses a retired tool without a retirement reason", () => {
    const r = clone(base) as any;
    r.lifecycle.deploymentStatus = "retired";
    delete r.lifecycle.retirement;
    expect(Object.keys(errorsOf(r))).toContain("lifecycle.retirement");
  });
  it("refuses withholding a field that is also filled in, or that may never be withheld", () => {
    const r = clone(base) as any;
    r.dataScope.elements = [{ name: { en: "x" }, category: "health", sensitive: true }];
    r.withheld = [{ field: "dataScope.elements", ground: { en: "state secret" } }];
    expect(Object.keys(errorsOf(r))).toContain("withheld.0.field");
    const s = clone(base) as any;
    s.withheld = [{ field: "lifecycle.sunsetDate", ground: { en: "secret" } }];
    expect(Object.keys(errorsOf(s))).toContain("withheld.0.field");
  });
  it("refuses an incident citing a source the record does not list", () => {
    const r = clone(base) as any;
    r.incidents = [{ kind: "outage", date: "2022", title: { en: "x" }, description: { en: "y" }, sources: ["nope"] }];
    expect(Object.keys(errorsOf(r))).toContain("incidents.0.sources.0");
  });
  it("refuses javascript: links", () => {
    const r = clone(base) as any;
    r.sources[0].url = "javascript:alert(1)";
    expect(Object.keys(errorsOf(r))).toContain("sources.0.url");
  });
});

describe("dates", () => {
  it("accepts partial dates for history and only real full dates for the sunset", () => {
    for (const d of ["2020", "2020-03", "2020-02-29"]) expect(PartialDate.safeParse(d).success, d).toBe(true);
    for (const d of ["2020-13", "2021-02-29", "20", "2020-3"]) expect(PartialDate.safeParse(d).success, d).toBe(false);
    expect(IsoDate.safeParse("2022-12-13").success).toBe(true);
    expect(IsoDate.safeParse("2022-12").success).toBe(false);
  });
});

describe("the published JSON Schema", () => {
  it("is generated from the zod schemas and documents every section", () => {
    const s = recordJsonSchema() as any;
    expect(Object.keys(s.properties)).toEqual(Object.keys(ToolRecord.shape));
    expect(s["x-standard-version"]).toBe("1.1");
    const paths = dataDictionary().map((e) => e.path);
    expect(paths).toContain("identity.summary");
    expect(paths).toContain("withheld[].ground");
  });
});

describe("the incident schema", () => {
  const ok = { kind: "data_breach", date: "2022-07", title: { zh: "数据被兜售" }, description: { en: "Offered for sale." }, peopleAffected: 48_500_000, regulatorNotified: false };
  it("accepts a documented incident, with partial dates", () => {
    expect(Incident.safeParse(ok).success).toBe(true);
    for (const date of ["2022", "2022-07", "2022-07-31"]) expect(Incident.safeParse({ ...ok, date }).success, date).toBe(true);
  });
  it.each([
    ["kind", { kind: "rumour" }],
    ["date", { date: "2022-13" }],
    ["date", { date: "July 2022" }],
    ["title", { title: {} }],
    ["description", { description: undefined }],
    ["peopleAffected", { peopleAffected: -1 }],
    ["peopleAffected", { peopleAffected: 1.5 }],
  ] as const)("rejects a bad %s", (field, change) => {
    const r = Incident.safeParse({ ...ok, ...change });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(fieldErrors(r.error))).toContain(field);
  });
});
