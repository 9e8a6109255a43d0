// Standard v1.1 (issue 15): the published JSON Schemas, checked with an independent validator
// (Ajv, JSON Schema 2020-12) as well as the zod schemas they are generated from. Every record
// the seeded register holds, every revision of it, meets the v1.1 schema and, being of version 1,
// the v1 schema; a record using every field version 1.1 added meets v1.1 and nothing else.
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as v11Loader } from "~/routes/standard.v1[.]1[.]schema[.]json";
import { loader as v1Loader } from "~/routes/standard.v1[.]schema[.]json";
import { loader as standardLoader } from "~/routes/standard._index";
import { recordJsonSchema, recordJsonSchemaV1, STANDARD_CHANGELOG } from "../../registry/standard/json-schema";
import { fieldName } from "../../registry/standard/field-names";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { createDraft, getDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { ctxOf } from "../../registry/shared/context";
import type { SectionName } from "../../registry/standard/sections";
import { GOVERNANCE_TOPICS, LIST_LIMITS, ToolRecord, V11_FIELDS, v11Uses, versionFor, type ToolRecordInput } from "../../registry/standard/v1";

const db = useFreshDb();

function validators() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return { v11: ajv.compile(recordJsonSchema()), v1: ajv.compile(recordJsonSchemaV1()) };
}

const revisions = () => db().$client.prepare(`SELECT tool_seq AS tool_id, number, status, record FROM revisions ORDER BY tool_seq, number`).all() as { tool_id: number; number: number; status: string; record: string }[];

/** A seeded record with every field version 1.1 added, filled with the kind of facts the other registers publish. */
function everyV11Field(base: ToolRecordInput): ToolRecordInput {
  const text = (en: string) => ({ en });
  const vendors = (base.responsibility.vendors ?? []).length ? base.responsibility.vendors! : [{ name: text("Example Ltd"), role: "developer" as const }];
  return {
    ...base,
    standardVersion: "1.1",
    identity: { ...base.identity, policyDomain: "justice" },
    responsibility: {
      ...base.responsibility,
      vendors: vendors.map((v) => ({ ...v, companyNumber: "01234567" })),
      accountableOfficer: { role: text("Chief Digital Officer"), name: "A. Officer" },
      team: text("Data science team"),
    },
    purpose: { ...base.purpose, benefits: text("Faster decisions.") },
    externalIds: [
      { register: "us-omb-ai-inventory", id: "DOJ-0042", url: "https://www.example.gov/inventory#DOJ-0042", standardVersion: "2025", publishedOn: "2025-01", updatedOn: "2025-06-30" },
      { register: "nl-algoritmeregister", id: "11243654", archivedOn: "2024" },
    ],
    classifications: [
      { scheme: "us-omb-high-impact", value: "high-impact", justification: text("Affects liberty."), date: "2025-04" },
      { scheme: "ca-aia-level", value: "III" },
    ],
    risks: [{ risk: text("Biased scores."), mitigation: text("Quarterly bias tests.") }, { risk: text("Outage.") }],
    procurement: { mode: "contracted", procedure: text("Open tender 2023/17.") },
    securityAuthorisation: { scheme: "US FISMA ATO", status: "done", date: "2024-11", note: text("Moderate baseline.") },
    models: [{ name: text("Gradient boosted trees"), description: text("Scores risk."), url: "https://example.org/model-card" }],
    datasets: [
      { name: text("Case files 2015-2020"), phase: "development", source: text("Case management system"), collection: text("Collected during casework.") },
      { name: text("Live case data"), phase: "operational", url: "https://example.org/data" },
    ],
    governance: Object.fromEntries(GOVERNANCE_TOPICS.map((t, i) => [t, { status: (["planned", "in_progress", "done", "not_applicable"] as const)[i % 4], detail: text(`About ${t}.`), date: "2025" }])),
    withheldRecord: { ground: text("National security."), legalCitation: "Section 1" },
    regime: { governedBy: "source_register", register: "us-omb-ai-inventory", sourceUrl: "https://www.example.gov/inventory", retrievedOn: "2026-12-01" },
    extensions: { "us-omb-ai-inventory": { "Use Case Topic Area": "Law & Justice", "Has ATO": true, "Year": 2025, "Bureaus": ["FBI", "USMS"] } },
  };
}

/** The record without its whole-record withholding (which would require the rest to be empty). */
function open(r: ToolRecordInput): ToolRecordInput {
  const { withheldRecord: _, ...rest } = r;
  return rest;
}

describe("/standard for version 1.1", () => {
  it("defines every field version 1.1 added in both languages, names it, and has a changelog entry in both languages", async () => {
    const { entries } = await callLoader<{ entries: { path: string; description: { en?: string; zh?: string } }[] }>(standardLoader, "/standard");
    const added = entries.filter((e) => V11_FIELDS.some((f) => e.path === f || e.path.startsWith(`${f}.`) || e.path.startsWith(`${f}[].`)));
    expect(added.length).toBeGreaterThan(60);
    for (const f of V11_FIELDS) expect(entries.map((e) => e.path), f).toContain(f);
    for (const e of added) {
      expect(e.description.en, e.path).toMatch(/\S/);
      expect(e.description.zh, e.path).toMatch(/[\u4e00-\u9fff]/);
      for (const lang of ["zh", "en"] as const) expect(fieldName(e.path.replace(/\[\]/g, ""), lang), e.path).toBeTruthy();
    }
    const v11 = STANDARD_CHANGELOG.find((c) => c.version === "1.1")!;
    expect(v11.en).toMatch(/justice/);
    expect(v11.zh).toMatch(/司法/);
  });
});

describe("the v1.1 JSON Schema", () => {
  it("is published beside the v1 schema, both as JSON Schema", async () => {
    const v11 = await (await callLoader<Response>(v11Loader, "/standard/v1.1.schema.json")).json();
    const v1 = await (await callLoader<Response>(v1Loader, "/standard/v1.schema.json")).json();
    expect(v11["x-standard-version"]).toBe("1.1");
    expect(v1["x-standard-version"]).toBe("1");
    expect(v11.properties.standardVersion.enum).toEqual(["1", "1.1"]);
    expect(v1.properties.standardVersion.const).toBe("1");
    for (const f of ["externalIds", "classifications", "risks", "governance", "regime", "extensions"]) {
      expect(v11.properties[f], f).toBeDefined();
      expect(v1.properties[f], f).toBeUndefined();
    }
    expect(v1.properties.identity.properties.policyDomain.enum).not.toContain("justice");
    expect(v1.properties.responsibility.properties.accountableOfficer).toBeUndefined();
  });

  it("validates every revision the seeded register holds, old ones included, and each of version 1 against the v1 schema too", () => {
    const { v11, v1 } = validators();
    const all = revisions();
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(all.every((r) => JSON.parse(r.record).standardVersion === "1")).toBe(true);
    const problems: string[] = [];
    for (const r of all) {
      const record = JSON.parse(r.record) as { standardVersion: string };
      const where = `${r.tool_id} #${r.number} (${r.status})`;
      if (!v11(record)) problems.push(`${where} v1.1: ${JSON.stringify(v11.errors?.slice(0, 3))}`);
      if (record.standardVersion === "1" && !v1(record)) problems.push(`${where} v1: ${JSON.stringify(v1.errors?.slice(0, 3))}`);
      const z = ToolRecord.safeParse(record);
      if (!z.success) problems.push(`${where} zod: ${JSON.stringify(z.error.issues.slice(0, 3))}`);
    }
    expect(problems).toEqual([]);
  });

  it("writes new drafts as version 1.1, and moves a draft of version 1 to 1.1 when a section uses a field of 1.1", async () => {
    const official = () => actorByEmail("official.shanghai@register.example");
    const { toolId } = await createDraft(ctxOf({ actor: official() }), { identity: newIdentity("v11-tool") });
    for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2027-06-30" })))
      await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: n as SectionName, value: v });
    expect((await getDraft(ctxOf({ actor: official() }), { toolId })).record.standardVersion).toBe("1.1");
    // A draft written before version 1.1 declares 1 and keeps it while it uses nothing new.
    db().$client.prepare(`UPDATE revisions SET record = json_set(record, '$.standardVersion', '1') WHERE status = 'draft'`).run();
    const { purpose } = completeSections({ level: "III", sunset: "2027-06-30" });
    await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: purpose });
    expect((await getDraft(ctxOf({ actor: official() }), { toolId })).record.standardVersion).toBe("1");
    await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: { ...purpose, benefits: { en: "Fewer disputes." } } });
    const draft = (await getDraft(ctxOf({ actor: official() }), { toolId })).record;
    expect(draft.standardVersion).toBe("1.1");
    const { v11, v1 } = validators();
    expect(v11(draft), JSON.stringify(v11.errors)).toBe(true);
    expect(v1(draft)).toBe(false);
    expect(ToolRecord.safeParse(draft).success).toBe(true);
  });

  it("validates a record that uses every field version 1.1 added, and refuses it as version 1", () => {
    const { v11, v1 } = validators();
    const base = JSON.parse(revisions().at(-1)!.record) as ToolRecordInput;
    const full = everyV11Field(base);
    expect(v11Uses(full).map((p) => p.filter((s) => typeof s === "string").join("."))).toEqual(
      expect.arrayContaining([...V11_FIELDS.map((f) => f.replace("[]", "")), "identity.policyDomain"]),
    );
    expect(v11(full), JSON.stringify(v11.errors)).toBe(true);
    // A record withheld in full may hold none of the rest (issue 15): every filled part is named.
    const withheldIssues = ToolRecord.safeParse(full).error?.issues ?? [];
    expect(withheldIssues.length).toBeGreaterThan(5);
    expect(new Set(withheldIssues.map((i) => i.message))).toEqual(new Set(["err_withheld_record_filled"]));
    expect(withheldIssues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["risks", "governance", "howItWorks", "responsibility.vendors", "identity.description", "extensions"]));
    const parsed = ToolRecord.safeParse(open(full));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // The same record declaring version 1: refused by both schemas, field by field by zod.
    const asV1 = { ...full, standardVersion: "1" as const };
    expect(v11(asV1)).toBe(false);
    expect(v1(asV1)).toBe(false);
    const issues = ToolRecord.safeParse(asV1).error!.issues.filter((i) => i.message === "err_needs_version_11");
    expect(issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["externalIds", "regime", "purpose.benefits", "responsibility.vendors.0.companyNumber", "identity.policyDomain"]));
    expect(issues.length).toBe(v11Uses(full).length);
    // The register moves a record to 1.1 when it comes to use a field of 1.1, never otherwise.
    expect(versionFor(asV1).standardVersion).toBe("1.1");
    expect(versionFor(base)).toBe(base);
  });

  it("refuses a mirrored record without its id in the source register, and extension areas past their bounds", () => {
    const { v11 } = validators();
    const full = open(everyV11Field(JSON.parse(revisions().at(-1)!.record) as ToolRecordInput));
    const noId = { ...full, externalIds: [] };
    expect(ToolRecord.safeParse(noId).error?.issues.map((i) => i.message)).toEqual(["err_regime_id_missing"]);
    const many = Object.fromEntries(Array.from({ length: LIST_LIMITS.extensionFields + 1 }, (_, i) => [`field ${i}`, "x"]));
    const tooMany = { ...full, extensions: { "uk-atrs": many } };
    expect(ToolRecord.safeParse(tooMany).error?.issues.map((i) => i.message)).toEqual(["err_extensions_too_many"]);
    expect(v11(tooMany)).toBe(false);
    const nested = { ...full, extensions: { "uk-atrs": { a: { b: "c" } } } };
    expect(ToolRecord.safeParse(nested).success).toBe(false);
    expect(v11(nested)).toBe(false);
    const badStatus = { ...full, governance: { testing: { status: "finished" } } };
    expect(ToolRecord.safeParse(badStatus).success).toBe(false);
    expect(v11(badStatus)).toBe(false);
  });
});
