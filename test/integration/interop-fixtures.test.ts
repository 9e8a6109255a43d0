// The real samples of other registers (test/fixtures/interop, copied from ../shared/interop with
// their attribution), converted by hand into whole records (issue 15): each file imports into a
// fresh register without a refusal, every record meets the v1.1 JSON Schema, the mapped facts are
// in the standard's own fields (not only the extension area), every record is mirrored (governed
// by its source register's rules), and no non-empty cell of the 12 US rows was silently dropped.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { useFreshDb } from "../helpers/db";
import { importRecords } from "../../registry/exchange/records/import.server";
import { RecordsEntry } from "../../registry/exchange/records/format";
import { getToolDetail, type ToolDetail } from "../../registry/records/detail.server";
import { ctxOf } from "../../registry/shared/context";
import { recordJsonSchema, recordJsonSchemaV1 } from "../../registry/standard/json-schema";
import { isMirrored } from "../../registry/standard/regime";
import { ToolRecord } from "../../registry/standard/v1";
import { checkRegister } from "../../registry/log/verify.server";
import type { Actor } from "../../registry/auth/roles";

const DIR = path.join(__dirname, "../fixtures/interop");
const FILES = { us: "us-omb-2025.records.json", uk: "uk-atrs.records.json", nl: "nl-algoritmeregister.records.json" } as const;
const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };

const text = (file: string) => fs.readFileSync(path.join(DIR, file), "utf8");
const entries = (file: string) => (JSON.parse(text(file)) as unknown[]).map((e) => RecordsEntry.parse(e));
const recordOf = (e: RecordsEntry) => e.revisions.at(-1)!.record as Record<string, unknown>;

const db = useFreshDb("seeded");

async function imported(file: string) {
  const report = importRecords(ctxOf({ actor: admin, db: db() }), { text: text(file), createAgencies: true });
  return report;
}
async function detail(id: string): Promise<ToolDetail> {
  const d = await getToolDetail(ctxOf({ db: db() }), { idOrSlug: id });
  if (!d || !("found" in d)) throw new Error(`${id} not published`);
  return d.found;
}

describe("the interop fixtures", () => {
  it.each(Object.entries(FILES))("%s: imports into a seeded register without a refusal, every record mirrored, and the chain verifies", async (_, file) => {
    const report = await imported(file);
    expect(report.fileNotices).toEqual([]);
    expect(report.entries.flatMap((e) => e.problems.map((p) => ({ id: e.id, ...p })))).toEqual([]);
    expect(report.result).toBe("imported");
    const list = entries(file);
    expect(report.written.tools).toBe(list.length);
    for (const e of list) {
      const d = await detail(e.id);
      expect(d.record.identity.slug).toBe(e.slug);
      expect(isMirrored(d.record), e.id).toBe(true);
      expect(d.record.lifecycle.reviewStatus).toBe("unreviewed");
    }
    expect(checkRegister(db().$client).problems).toEqual([]);
  });

  it("every fixture record meets the v1.1 JSON Schema (Ajv) and the standard, not the v1 schema, and its ids cannot clash with the seeded tools", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const v11 = ajv.compile(recordJsonSchema());
    const v1 = ajv.compile(recordJsonSchemaV1());
    const seeded = new Set((db().$client.prepare(`SELECT id FROM tools`).all() as { id: string }[]).map((r) => r.id));
    const problems: string[] = [];
    for (const file of Object.values(FILES))
      for (const e of entries(file)) {
        const r = recordOf(e);
        if (!v11(r)) problems.push(`${e.id} v1.1: ${JSON.stringify(v11.errors?.slice(0, 3))}`);
        const z = ToolRecord.safeParse(r);
        if (!z.success) problems.push(`${e.id} zod: ${JSON.stringify(z.error.issues.slice(0, 3))}`);
        expect(v1(r), e.id).toBe(false);
        expect(e.id).toMatch(/^ALG-9\d{5}$/);
        expect(seeded.has(e.id), e.id).toBe(false);
      }
    expect(problems).toEqual([]);
  });

  it("US: the mapped facts are in the standard's own fields", async () => {
    await imported(FILES.us);
    const doe = (await detail("ALG-900003")).record;
    expect(doe.externalIds).toEqual([{ register: "us-omb-ai-inventory", id: "DOE-595" }]);
    expect(doe.responsibility.vendors.map((v) => v.name.en)).toEqual(["OpenText"]);
    expect(doe.securityAuthorisation).toMatchObject({ status: "done", note: { en: "OpenText Axcelerate" } });
    expect(doe.classifications).toEqual([{ scheme: "us-omb-high-impact", value: "Not High-impact", justification: { en: "Does not fall within the requirements for high impact." } }]);
    expect(doe.procurement).toEqual({ mode: "contracted" });
    expect(doe.purpose.benefits).toEqual({ en: "Efficienct retrieval of records." });
    expect(doe.howItWorks.outputs).toEqual({ en: "Open Text will generate a search results report." });
    expect(doe.lifecycle).toMatchObject({ deploymentStatus: "in_use", goLiveDate: "2019-01-02", sunsetDate: null });
    expect(doe.responsibility.team).toEqual({ en: "EE HQ - EE Headquarters (EE)" });
    expect(doe.regime).toMatchObject({ governedBy: "source_register", register: "us-omb-ai-inventory", retrievedOn: "2026" });

    const doj = (await detail("ALG-900006")).record;
    expect(doj.governance).toEqual({
      testing: { status: "in_progress" },
      independentReview: { status: "in_progress" },
      monitoring: { status: "in_progress" },
      training: { status: "in_progress" },
      failSafe: { status: "in_progress" },
      appeal: { status: "in_progress" },
      consultation: { status: "in_progress" },
    });
    expect(doj.responsibility.contactOffice).toEqual({ name: { en: "Department of Justice" }, channel: "AI@usdoj.gov" });
    expect(doj.lifecycle.goLiveDate).toBe("2023-08");
    expect(doj.classifications?.[0]?.value).toBe("High-impact");

    // A retired row with no date and no reason: retired, and no retirement is made up.
    const retired = (await detail("ALG-900004")).record;
    expect(retired.lifecycle.deploymentStatus).toBe("retired");
    expect(retired.lifecycle.retirement).toBeUndefined();
    // A row without an id in the inventory: named by its register, no id made up.
    const ed = (await detail("ALG-900007")).record;
    expect(ed.externalIds).toEqual([{ register: "us-omb-ai-inventory" }]);
    // The agency came from the row and is this register's now.
    const agency = db().$client.prepare(`SELECT name_en, jurisdiction_level FROM agencies WHERE slug = 'us-doe'`).get();
    expect(agency).toEqual({ name_en: "Department of Energy", jurisdiction_level: "national" });
  });

  it("UK: the mapped facts are in the standard's own fields", async () => {
    await imported(FILES.uk);
    const mot = (await detail("ALG-900101")).record;
    expect(mot.responsibility.vendors).toEqual([{ name: { en: "Kainos" }, role: "developer", companyNumber: "NI019370" }]);
    expect(mot.responsibility.team).toEqual({ en: "MOT Policy" });
    expect(mot.responsibility.accountableOfficer).toEqual({ role: { en: "Head of MOT Policy / MOT Testing" } });
    expect(mot.responsibility.contactOffice?.channel).toBe("MIDS@dvsa.gov.uk");
    expect(mot.procurement?.procedure?.en).toBe("Open competition for full contract of which this was a small part.");
    expect(mot.identity.summary.en).toMatch(/^An algorithm to identify potential non-compliance in MOT testing/);
    expect(mot.regime).toEqual({ governedBy: "source_register", register: "uk-atrs", sourceUrl: "https://www.gov.uk/algorithmic-transparency-records/dvsa-mot-risk-rating" });
    const nhs = (await detail("ALG-900102")).record;
    expect(nhs.responsibility.team).toEqual({ en: "Health Exemption Services" });
    expect(nhs.responsibility.vendors[0]?.dataAccess?.en).toMatch(/^NHSBSA provides patient data to DWP/);
    expect(nhs.responsibility.vendors[0]?.companyNumber).toBeUndefined();
    expect(nhs.procurement?.procedure?.en).toMatch(/^Single source procurement\./);
    expect(nhs.responsibility.contactOffice).toBeUndefined();
  });

  it("NL: the mapped facts are in the standard's own fields, the text under nl", async () => {
    await imported(FILES.nl);
    const r = (await detail("ALG-900201")).record;
    expect(r.identity.originalLanguage).toBe("nl");
    expect(r.identity.name).toEqual({ nl: "Inzet geautomatiseerde gezichtsvergelijking" });
    expect(r.purpose.purpose.nl).toMatch(/^Het doel van dit algoritme is om de identiteit van personen/);
    expect(r.purpose.purpose.en).toBeUndefined();
    expect(r.purpose.legalBasis).toHaveLength(1);
    expect(r.purpose.legalBasis[0]!.citation).toMatch(/^Wet BRP art\. 2\.67/);
    expect(r.externalIds).toEqual([{ register: "nl-algoritmeregister", id: "11243654", url: "https://algoritmes.overheid.nl/nl/algoritme/11243654" }]);
    expect(r.lifecycle.deploymentStatus).toBe("in_use");
    expect(r.regime).toMatchObject({ register: "nl-algoritmeregister", retrievedOn: "2026-08-08" });
    // "Onbekend" (unknown) is the source's answer on impact assessment: kept as it is, not read as "not assessed".
    expect(r.extensions?.["nl-algoritmeregister"]?.impactassessment).toBe("Onbekend");
    expect(r.assessments.documents).toEqual([]);
    // The agency's list keeps names in Chinese and English only: the fixture gives the Dutch name
    // with its translations (see the fixtures' README), so the agency is named on every page.
    const agency = db().$client.prepare(`SELECT name_zh, name_en, jurisdiction_level FROM agencies WHERE slug = 'nl-gemeente-gennep'`).get();
    expect(agency).toEqual({ name_zh: "亨讷普市", name_en: "Municipality of Gennep", jurisdiction_level: "city" });
  });
});

// ---------------------------------------------------------------- nothing silently dropped

/** A CSV parser enough for the sample (quoted fields with commas, quotes and new lines). */
function parseCsv(src: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = src.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  const [head, ...body] = rows.filter((r) => r.some((c) => c !== ""));
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])));
}

/** Every string in a value, deep. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object") return Object.values(v).flatMap(strings);
  return [];
}

/**
 * Where a coded US column lands in the standard (its values are converted, so they are not found
 * verbatim): the column, and the field and value each source value gives. Any other column's
 * non-empty cell must appear verbatim somewhere in its record.
 */
const US_CODED: Record<string, { field: string; values: Record<string, unknown> } | { date: true }> = {
  development_stage: { field: "lifecycle.deploymentStatus", values: { "Pre-deployment": "proposed", Pilot: "pilot", Deployed: "in_use", Retired: "retired" } },
  contracting_usage: { field: "procurement.mode", values: { "Vendor Purchased": "contracted", "In-house Development": "in_house", "Contracting and In House": "mixed" } },
  have_ato: { field: "securityAuthorisation.status", values: { Yes: "done" } },
  hi_testing_conducted: { field: "governance.testing.status", values: { "In-progress": "in_progress" } },
  hi_independent_review: { field: "governance.independentReview.status", values: { "In-progress": "in_progress" } },
  hi_ongoing_monitoring: { field: "governance.monitoring.status", values: { "In-progress": "in_progress" } },
  hi_training_established: { field: "governance.training.status", values: { "Training In-progress": "in_progress" } },
  hi_failsafe_presence: { field: "governance.failSafe.status", values: { "In-progress": "in_progress" } },
  hi_appeal_process: { field: "governance.appeal.status", values: { "Appeal Process In-progress": "in_progress" } },
  hi_public_consultation: { field: "governance.consultation.status", values: { "['In-progress']": "in_progress" } },
  operational_date: { date: true },
};
const at = (o: unknown, p: string) => p.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);

describe("the US fixture keeps every cell of its 12 source rows", () => {
  it("each non-empty cell is in its record (standard field or extension), coded ones converted as the README says", () => {
    const rows = parseCsv(fs.readFileSync(path.join(DIR, "us-omb-2025/sample_12_rows.csv"), "utf8"));
    const list = entries(FILES.us);
    expect(rows).toHaveLength(12);
    expect(list).toHaveLength(12);
    const missing: string[] = [];
    rows.forEach((row, i) => {
      const e = list[i]!;
      const r = recordOf(e);
      expect(at(r, "identity.name.en"), `row ${i + 1}`).toBe(row.use_case_name);
      const all = new Set(strings(r).map((s) => s.trim()));
      for (const [col, raw] of Object.entries(row)) {
        const cell = raw.trim();
        // An empty cell, and the inventory's empty list "[]", stay absent.
        if (!cell || cell === "[]") continue;
        const where = `row ${i + 1} (${row.id || row.use_case_name}) ${col}`;
        if (col === "agency") {
          if ((r.responsibility as { agencies: { agency: string }[] }).agencies[0]!.agency !== `us-${cell.toLowerCase()}`) missing.push(where);
          continue;
        }
        if (col === "agency_name") {
          if (e.agencies[0]!.name.en !== cell) missing.push(where);
          continue;
        }
        const coded = US_CODED[col];
        if (coded && "date" in coded) {
          if (typeof at(r, "lifecycle.goLiveDate") !== "string") missing.push(where);
          continue;
        }
        if (coded && cell in coded.values) {
          if (at(r, coded.field) !== coded.values[cell]) missing.push(`${where}: ${coded.field} is ${JSON.stringify(at(r, coded.field))}`);
          continue;
        }
        if (!all.has(cell)) missing.push(`${where}: ${JSON.stringify(cell.slice(0, 60))}`);
      }
    });
    expect(missing).toEqual([]);
  });

  it("operational dates are read as the inventory writes them (month/day/year, month/year, Mon-yy)", () => {
    const got = entries(FILES.us).map((e) => [e.id, at(recordOf(e), "lifecycle.goLiveDate")]).filter(([, d]) => d);
    expect(Object.fromEntries(got)).toEqual({
      "ALG-900003": "2019-01-02", // "2019-01-02 00:00:00"
      "ALG-900005": "2021-10-01", // "10/1/2021"
      "ALG-900006": "2023-08", // "08/2023"
      "ALG-900009": "2023-09", // "Sep-23"
      "ALG-900011": "2020-07-01", // "07/01/2020 00:00:00"
    });
  });

  it("the facts are mostly in the standard's own fields: fewer than a third of the kept cells are only in the extension area", () => {
    let inExtensions = 0;
    let kept = 0;
    for (const e of entries(FILES.us)) {
      const ext = (recordOf(e).extensions as Record<string, Record<string, unknown>> | undefined)?.["us-omb-ai-inventory"] ?? {};
      inExtensions += Object.keys(ext).length;
    }
    for (const row of parseCsv(fs.readFileSync(path.join(DIR, "us-omb-2025/sample_12_rows.csv"), "utf8")))
      kept += Object.values(row).filter((c) => c.trim() && c.trim() !== "[]").length;
    expect(inExtensions).toBeGreaterThan(0);
    expect(inExtensions / kept).toBeLessThan(1 / 3);
  });
});
