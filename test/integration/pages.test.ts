import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { callAction, callLoader, thrownResponse } from "./load";
import { loader as detailLoader } from "~/routes/tools.$id/route";
import { loader as agencyLoader } from "~/routes/agencies.$slug";
import { loader as agenciesLoader } from "~/routes/agencies._index";
import { loader as homeLoader } from "~/routes/_index";
import { loader as splatLoader } from "~/routes/$";
import { loader as rootLoader } from "~/root";
import { action as langAction } from "~/routes/lang";
import { loader as schemaLoader } from "~/routes/standard.v1[.]schema[.]json";
import { loader as standardLoader } from "~/routes/standard._index";
import type { ToolDetail } from "../../registry/records/detail.server";
import type { HomeSummary } from "../../registry/records/home.server";
import type { AgencyPage } from "../../registry/records/agencies.server";
import { ToolRecord } from "../../registry/standard/v1";
import { seedId } from "../helpers/seed";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");
const SUISHEN_CODE = seedId("shanghai-suishen-code");
const TRIP_CARD = seedId("communication-trip-card");
const HEALTH_INDEX = seedId("hangzhou-health-index-code");

const getDb = useFreshDb();

describe("/tools/<id>", () => {
  const detail = (id: string) => callLoader<{ tool: ToolDetail; descriptionHtml: { zh: string; en: string } }>(detailLoader, `/tools/${id}`, { id });

  it("shows the trip card as retired on 13 December 2022", async () => {
    const { tool } = await detail(TRIP_CARD);
    expect(tool.record.lifecycle.deploymentStatus).toBe("retired");
    expect(tool.record.lifecycle.retirement?.date).toBe("2022-12-13");
    expect(tool.sunsetState).toBe("retired");
  });
  it("shows the health index code as a rejected proposal", async () => {
    const { tool } = await detail(HEALTH_INDEX);
    expect(tool.record.lifecycle.reviewStatus).toBe("rejected");
    expect(tool.sunsetState).toBe("not_applicable");
  });
  it("records the Suishen code data offer as a breach of 48.5 million users' data", async () => {
    const { tool } = await detail(SUISHEN_CODE);
    const breach = tool.record.incidents.find((i) => i.kind === "data_breach");
    expect(breach?.date).toMatch(/^2022-07/);
    expect(breach?.peopleAffected).toBe(48_500_000);
  });
  it("renders the description as safe HTML and links every agency", async () => {
    const { tool, descriptionHtml } = await detail(HEALTH_CODE);
    expect(descriptionHtml.zh + descriptionHtml.en).not.toMatch(/<script/i);
    for (const ref of tool.record.responsibility.agencies) expect(tool.agencies[ref.agency]?.slug).toBe(ref.agency);
  });
  it("accepts a lower-case id and redirects a slug to the id", async () => {
    expect((await detail(HEALTH_CODE.toLowerCase())).tool.id).toBe(HEALTH_CODE);
    const { tool } = await detail(HEALTH_CODE);
    const res = await thrownResponse(detail(tool.record.identity.slug));
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe(`/tools/${HEALTH_CODE}`);
  });
  it.each(["ALG-999999", "nope", "ALG-0000011", "%00", "x".repeat(500)])("answers %j with 404", async (id) => {
    expect((await thrownResponse(detail(id))).status).toBe(404);
  });
});

describe("stored revisions", () => {
  it("cannot be changed or deleted once published", () => {
    const db = getDb().$client;
    expect(() => db.prepare("UPDATE revisions SET record = '{}' WHERE id = 1").run()).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM revisions WHERE id = 1").run()).toThrow(/immutable/);
  });
  it("hold records that still validate against the standard", () => {
    const rows = getDb().$client.prepare("SELECT record FROM revisions").all() as { record: string }[];
    expect(rows).toHaveLength(22);
    for (const r of rows) expect(ToolRecord.safeParse(JSON.parse(r.record)).success).toBe(true);
  });
});

describe("home", () => {
  it("counts the register and lists tools running without a lawful end date", async () => {
    const { summary } = await callLoader<{ summary: HomeSummary }>(homeLoader, "/");
    expect(summary.total).toBe(22);
    expect(summary.byKind.reduce((s, c) => s + c.count, 0)).toBe(22);
    expect(summary.byDeployment.reduce((s, c) => s + c.count, 0)).toBe(22);
    expect(summary.byLevel.reduce((s, c) => s + c.count, 0)).toBe(22);
    expect(summary.unlawfulCount).toBeGreaterThan(0);
    for (const t of summary.unlawful) expect(["lapsed", "no_sunset"]).toContain(t.sunsetState);
    expect(summary.recent.length).toBeGreaterThan(0);
  });
});

describe("agencies", () => {
  it("lists agencies and shows each one's tools with its roles", async () => {
    const { agencies } = await callLoader<{ agencies: { slug: string; toolCount: number }[] }>(agenciesLoader, "/agencies");
    const withTools = agencies.filter((a) => a.toolCount > 0);
    expect(withTools.length).toBeGreaterThan(5);
    for (const a of withTools) {
      const { agency } = await callLoader<{ agency: AgencyPage }>(agencyLoader, `/agencies/${a.slug}`, { slug: a.slug });
      expect(agency.tools).toHaveLength(a.toolCount);
      for (const t of agency.tools) expect(t.roles.length).toBeGreaterThan(0);
    }
  });
  it.each(["no-such-agency", "UPPER", "../etc", ""])("answers unknown slug %j with 404", async (slug) => {
    expect((await thrownResponse(callLoader(agencyLoader, `/agencies/${slug}`, { slug }))).status).toBe(404);
  });
});

describe("not found", () => {
  it("answers any unknown address with 404", async () => {
    expect((await thrownResponse(callLoader(splatLoader, "/no/such/page", { "*": "no/such/page" }))).status).toBe(404);
  });
});

describe("language", () => {
  it("follows Accept-Language, then the switch's cookie", async () => {
    expect(await callLoader(rootLoader, "/", {}, { headers: { "Accept-Language": "en-US,en;q=0.9,zh;q=0.5" } })).toMatchObject({ lang: "en", user: null });
    expect(await callLoader(rootLoader, "/", {}, { headers: { "Accept-Language": "fr, zh-CN;q=0.8" } })).toMatchObject({ lang: "zh", user: null });
    expect(await callLoader(rootLoader, "/")).toMatchObject({ lang: "zh", user: null });
    const res = await callAction(langAction, "/lang", { lang: "en", to: "/tools?q=门磁" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/tools?q=${encodeURIComponent("门磁")}`);
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(await callLoader(rootLoader, "/", {}, { headers: { Cookie: cookie, "Accept-Language": "zh" } })).toMatchObject({ lang: "en", user: null });
  });
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])("never redirects off the site (%s)", async (to) => {
    const res = await callAction(langAction, "/lang", { lang: "zh", to });
    expect(res.headers.get("Location")).toBe("/");
  });
});

describe("standard", () => {
  it("publishes the JSON Schema generated from the zod schemas", async () => {
    const res = await callLoader<Response>(schemaLoader, "/standard/v1.schema.json");
    expect(res.headers.get("Content-Type")).toContain("application/schema+json");
    const schema = await res.json();
    expect(schema.required).toEqual(expect.arrayContaining(["identity", "responsibility", "purpose", "howItWorks", "dataScope", "oversight", "lifecycle", "assessments", "sources"]));
    expect(schema.properties.lifecycle.required).toContain("sunsetDate");
  });
  it("lists every field in the data dictionary with its meaning in both languages", async () => {
    const { entries } = await callLoader<{ entries: { path: string; description: { en?: string; zh?: string } }[] }>(standardLoader, "/standard");
    expect(entries.length).toBeGreaterThan(100);
    for (const e of entries) {
      expect(e.description.en, e.path).toBeTruthy();
      expect(e.description.zh, e.path).toBeTruthy();
    }
    expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(["lifecycle.sunsetDate", "dataScope.elements[].retention", "withheld[].ground", "incidents[].kind"]));
  });
  it("says for each field its CSV column and JSON path", async () => {
    type Entry = { path: string; exports: { csv: { file: string; columns: string[] } | null; recordJsonPath: string } };
    const { entries, computed } = await callLoader<{ entries: Entry[]; computed: Record<string, unknown> }>(standardLoader, "/standard");
    const byPath = new Map(entries.map((e) => [e.path, e.exports]));
    expect(byPath.get("lifecycle.sunsetDate")).toEqual({ csv: { file: "tools.csv", columns: ["sunset_date"] }, listJsonKeys: ["sunset_date"], recordJsonPath: "$.record.lifecycle.sunsetDate" });
    expect(byPath.get("dataScope.elements[].retention")!.csv).toEqual({ file: "tools/data-elements.csv", columns: ["retention_zh", "retention_en"] });
    for (const e of entries) expect(e.exports.recordJsonPath, e.path).toMatch(/^\$\.record\./);
    expect(Object.keys(computed)).toEqual(expect.arrayContaining(["url", "sunset_state", "impact_level"]));
  });
});
