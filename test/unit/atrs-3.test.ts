// The UK Algorithmic Transparency Recording Standard v3.0 as a format (registry/exchange/interop/atrs-3):
// every field of the standard's table, the JSON reader (what it refuses, what it reports), the
// writer (every key, the standard's order, the id as an integer), and the mapping of each field to
// the record standard, with the two published UK records of the fixture read field by field and
// written back unchanged.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths";
import { ATRS_3, ATRS_MAX_RECORDS, readAtrsJson, writeAtrsJson } from "../../registry/exchange/interop/atrs-3/format";
import { ATRS_3_FIELDS, ATRS_3_KEYS } from "../../registry/exchange/interop/atrs-3/fields";
import { ATRS_FIELDS, ATRS_MAPPING, ATRS_RECORDS_URL } from "../../registry/exchange/interop/atrs-3/mapping";
import { interopFormat } from "../../registry/exchange/interop/formats";
import { docToRow, rowToDoc, valueOf, type Cells, type InteropDoc } from "../../registry/exchange/interop/mapping";
import { getPath, setPath } from "../../registry/exchange/interop/path";
import { IMPORT_MAX_BYTES } from "../../registry/exchange/import/limits";
import { ToolRecord } from "../../registry/standard/v1";
import { STRINGS } from "../../app/i18n/strings";

const FIXTURE = path.join(ROOT, "test/fixtures/interop/uk-atrs/uk-atrs.atrs-3.json");
const TABLE = path.join(ROOT, "test/fixtures/interop/uk-atrs/template_table_v3.md");
const enc = (s: string) => new TextEncoder().encode(s);
const json = (v: unknown) => enc(JSON.stringify(v));

function rowsOf(bytes: Uint8Array) {
  const r = readAtrsJson(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.notices));
  return r;
}
function refused(bytes: Uint8Array) {
  const r = readAtrsJson(bytes);
  if (r.ok) throw new Error("read, not refused");
  for (const n of r.notices) {
    expect(STRINGS.en[n.code as keyof typeof STRINGS.en], n.code).toBeTruthy();
    expect(STRINGS.zh[n.code as keyof typeof STRINGS.zh], n.code).toBeTruthy();
  }
  return r.notices;
}
const empty = (): Cells => Object.fromEntries(ATRS_3_KEYS.map((k) => [k, ""]));

/** A record as the importer makes it valid: an id, a slug and the mirrored regime. */
function asRecord(doc: InteropDoc) {
  const r = structuredClone(doc.record);
  setPath(r, "identity.id", "ALG-000001");
  setPath(r, "identity.slug", "uk-test");
  r.regime = { governedBy: "source_register", register: "uk-atrs", sourceUrl: ATRS_RECORDS_URL };
  return ToolRecord.safeParse(r);
}

/** Every field filled with a value the standard holds. */
function fullRow(): Cells {
  const row = empty();
  for (const f of ATRS_3_FIELDS) row[f.key] = `${f.name} of the tool`;
  Object.assign(row, {
    id: "412",
    standard_version: "3.0",
    date_of_completion: "2024-05-01",
    date_updated: "2024-09-30",
    date_archived: "2025-01-15",
    phase: "Production",
    tool_phase: "Production",
    source_data_url: "https://data.example.gov.uk/set",
    contact_email: "team@example.gov.uk",
    companies_house_number: "01234567",
  });
  return row;
}

describe("the fields of ATRS v3.0", () => {
  it("are every row of the standard's table, in its order, with reference number, name, tier and category; the second phase is tool_phase", () => {
    const rows = fs
      .readFileSync(TABLE, "utf8")
      .split("\n")
      .filter((l) => /^\| \d/.test(l))
      .map((l) => l.split("|").slice(1, 6).map((c) => c.replace(/<br>/g, "").trim()));
    expect(rows).toHaveLength(65);
    expect(ATRS_3_FIELDS.map((f) => [f.ref, f.attribute, f.name, f.tier === null ? "N/A" : String(f.tier), f.category])).toEqual(rows);
    expect(new Set(ATRS_3_KEYS).size).toBe(65);
    expect(ATRS_3_FIELDS.filter((f) => f.attribute === "phase").map((f) => [f.ref, f.key])).toEqual([
      ["0.13", "phase"],
      ["2.4.1.2", "tool_phase"],
    ]);
    expect(ATRS_3_FIELDS.find((f) => f.key === "id")!.type).toBe("integer");
  });

  it("the format is registered, lists every field, and its mapping names each field once", () => {
    const f = interopFormat("atrs-3")!;
    expect(f).toBe(ATRS_3);
    expect(f.fields.map((x) => x.key)).toEqual([...ATRS_3_KEYS]);
    expect(f.fields.every((x) => x.section?.zh && x.label?.en)).toBe(true);
    expect(ATRS_FIELDS.map((x) => x.key)).toEqual([...ATRS_3_KEYS]);
    expect(f.mapping.register).toBe("uk-atrs");
  });
});

describe("reading and writing ATRS JSON", () => {
  const bytes = fs.readFileSync(FIXTURE);

  it("reads the fixture's two records, every key present, and writes them back byte for byte", () => {
    const r = rowsOf(bytes);
    expect(r.quirks).toEqual([]);
    expect(r.rows.map((x) => x.place)).toEqual([{ item: 1 }, { item: 2 }]);
    for (const row of r.rows) expect(Object.keys(row.cells)).toEqual([...ATRS_3_KEYS]);
    expect(r.rows.map((x) => x.cells.name)).toEqual(["MOT Risk Rating", "NHS Prescriptions and Dental Exemption check"]);
    expect(ATRS_3.write(r.rows.map((x) => x.cells), { exportedAt: "", source: "" })).toBe(bytes.toString("utf8"));
  });

  it("reads a single record object, with a byte order mark; an absent key or null is an empty field", () => {
    const r = rowsOf(enc(`\uFEFF${JSON.stringify({ name: "Tool", team: null })}`));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.cells.name).toBe("Tool");
    expect(r.rows[0]!.cells.team).toBe("");
    expect(r.rows[0]!.cells.risks_and_mitigations).toBe("");
  });

  it("writes every key in the standard's order, empty fields as \"\", and the id as an integer (null when empty, a string when not a number)", () => {
    const a = { ...empty(), id: "12", name: "A" };
    const b = { ...empty(), id: "UK-7", name: "B" };
    const c = { ...empty(), name: "C" };
    const out = JSON.parse(writeAtrsJson([a, b, c])) as Record<string, unknown>[];
    expect(out.map((o) => Object.keys(o))).toEqual([ATRS_3_KEYS, ATRS_3_KEYS, ATRS_3_KEYS]);
    expect(out.map((o) => o.id)).toEqual([12, "UK-7", null]);
    expect(out[0]!.team).toBe("");
    // read again: the same cells
    expect(rowsOf(enc(writeAtrsJson([a, b, c]))).rows.map((r) => r.cells)).toEqual([a, b, c]);
  });

  it("an integer id reads as its digits and is written back as an integer; an id of digits given as text is reported and written as the standard's integer", () => {
    const r = rowsOf(json([{ id: 7, name: "A" }, { id: "8", name: "B" }]));
    expect(r.rows.map((x) => x.cells.id)).toEqual(["7", "8"]);
    expect(r.quirks).toEqual([{ code: "interopAtrsIdAsText", params: { count: 1, items: "2" } }]);
    expect((JSON.parse(writeAtrsJson(r.rows.map((x) => x.cells))) as { id: unknown }[]).map((o) => o.id)).toEqual([7, 8]);
  });

  it("reports ids given to more than one record and records without a name or title, refusing nothing", () => {
    const r = rowsOf(json([{ id: 1, name: "A" }, { id: 1, title: "B" }, { id: 2 }]));
    expect(r.rows).toHaveLength(3);
    expect(r.quirks).toEqual([
      { code: "interopAtrsRepeatedIds", params: { count: 1, ids: "1 (1, 2)" } },
      { code: "interopAtrsNoName", params: { count: 1, items: "3" } },
    ]);
    for (const q of r.quirks) expect(STRINGS.zh[q.code as keyof typeof STRINGS.zh]).toBeTruthy();
  });

  it("refuses what is not a file of ATRS records, with notices worded in both languages", () => {
    expect(refused(new Uint8Array([0xff, 0xfe, 0x41]))).toEqual([{ code: "importNotUtf8", params: {} }]);
    expect(refused(enc("  \n"))).toEqual([{ code: "interopAtrsEmpty", params: {} }]);
    expect(refused(enc("[]"))).toEqual([{ code: "interopAtrsEmpty", params: {} }]);
    expect(refused(enc("{name: 'x'}"))).toEqual([{ code: "importJsonInvalid", params: {} }]);
    expect(refused(enc('"a record"'))).toEqual([{ code: "interopAtrsShape", params: {} }]);
    expect(refused(enc("42"))).toEqual([{ code: "interopAtrsShape", params: {} }]);
    expect(refused(json([{ name: "A" }, ["B"], "C"]))).toEqual([{ code: "interopAtrsNotRecord", params: { count: 2, items: "2, 3" } }]);
    const big = new Uint8Array(IMPORT_MAX_BYTES + 1);
    expect(refused(big)[0]!.code).toBe("importFileTooLarge");
    expect(refused(json(Array.from({ length: ATRS_MAX_RECORDS + 1 }, () => ({}))))).toEqual([{ code: "interopTooManyRows", params: { max: ATRS_MAX_RECORDS } }]);
  });

  it("refuses keys that are not attributes of v3.0 (they would be lost), naming them and the records; a v4.0-style key or a prototype key too", () => {
    const notices = refused(enc(`[{"name":"A","development_data_name":"x"},{"name":"B"},{"name":"C","__proto__":"y","Name":"z"}]`));
    expect(notices).toEqual([{ code: "interopAtrsUnknownKeys", params: { count: 3, keys: "development_data_name, __proto__, Name", items: "1, 3" } }]);
    const long = refused(json([{ ["k".repeat(5_000)]: "x" }]))[0]!;
    expect(String(long.params.keys)).toHaveLength(60);
  });

  it("refuses values that are not text (the id may be a whole number), naming the key and the record", () => {
    const notices = refused(json([{ name: "A", team: 5 }, { id: 1.5 }, { id: -3, tags: ["a"], phase: true }, { id: 4 }]));
    expect(notices).toEqual([{ code: "interopAtrsNotText", params: { count: 5, values: "team (1), id (2), id (3), tags (3), phase (3)" } }]);
  });
});

/** Where each field of the fixture lands in the standard, and the value it has there. */
const FIXTURE_LANDINGS: Record<string, string> = {
  one_sentence_description: "identity.summary.en",
  name: "identity.name.en",
  description: "purpose.purpose.en",
  contact_email: "responsibility.contactOffice.channel",
  organisation_or_department: "@agency.name.en",
  team: "responsibility.team.en",
  senior_responsible_owner: "responsibility.accountableOfficer.role.en",
  external_supplier: "responsibility.vendors[0].name.en",
  companies_house_number: "responsibility.vendors[0].companyNumber",
  procurement_procedure_type: "procurement.procedure.en",
  data_access_terms: "responsibility.vendors[0].dataAccess.en",
  detailed_description: "identity.description.en",
};
const FIXTURE_KEPT = ["website_url", "external_supplier_involvement", "external_supplier_role"];

describe("the mapping of ATRS v3.0 to the record standard", () => {
  const rows = rowsOf(fs.readFileSync(FIXTURE)).rows.map((r) => r.cells);

  it("puts each field of the two published records in its standard field (trimmed), keeps what has no home as published, and writes each record back field for field", () => {
    const problems: string[] = [];
    for (const row of rows) {
      const { doc, landed } = rowToDoc(ATRS_MAPPING, row);
      const ext = (doc.record.extensions as Record<string, Record<string, string>>)["uk-atrs"]!;
      for (const [key, cell] of Object.entries(row)) {
        if (cell === "") {
          if (landed[key] !== null) problems.push(`${row.name} ${key}: empty, landed ${landed[key]}`);
          continue;
        }
        const at = FIXTURE_LANDINGS[key];
        if (at && cell !== "N/A") {
          const v = at.startsWith("@agency.") ? getPath(doc.agency, at.slice(8)) : getPath(doc.record, at);
          if (v !== cell.trim()) problems.push(`${row.name} ${key}: ${JSON.stringify(v)}`);
        } else if (!FIXTURE_KEPT.includes(key) && cell !== "N/A") problems.push(`${row.name} ${key}: unexpected field`);
        else if (ext[key] !== cell || landed[key] !== "kept") problems.push(`${row.name} ${key}: not kept as published`);
      }
      const back = docToRow(ATRS_MAPPING, doc);
      for (const k of ATRS_3_KEYS) if (back[k] !== row[k]) problems.push(`${row.name} ${k}: written ${JSON.stringify(back[k])}`);
      const valid = asRecord(doc);
      if (!valid.success) problems.push(`${row.name}: ${JSON.stringify(valid.error.issues)}`);
    }
    expect(problems).toEqual([]);
  });

  it("the DVSA record: the agency uk-<name> operates it, the office is the organisation, Kainos is a vendor with its company number, the status is not stated, the cut-off description is kept with its trailing space", () => {
    const { doc } = rowToDoc(ATRS_MAPPING, rows[0]!);
    expect(doc.agency).toMatchObject({ slug: "uk-driver-and-vehicle-standards-agency-dvsa", name: { en: "Driver and Vehicle Standards Agency (DVSA)" }, jurisdictionLevel: "national", place: { en: "United Kingdom", zh: "英国" } });
    expect(getPath(doc.record, "responsibility.agencies")).toEqual([{ agency: "uk-driver-and-vehicle-standards-agency-dvsa", role: "operates" }]);
    expect(getPath(doc.record, "responsibility.contactOffice")).toEqual({ channel: "MIDS@dvsa.gov.uk", name: { en: "Driver and Vehicle Standards Agency (DVSA)" } });
    expect(getPath(doc.record, "responsibility.vendors")).toEqual([{ name: { en: "Kainos" }, role: "other", companyNumber: "NI019370" }]);
    expect(getPath(doc.record, "lifecycle.deploymentStatus")).toBe("not_stated");
    expect(getPath(doc.record, "identity.jurisdiction.place")).toEqual({ en: "United Kingdom", zh: "英国" });
    expect(getPath(doc.record, "externalIds")).toEqual([{ register: "uk-atrs" }]);
    const ext = getPath(doc.record, "extensions.uk-atrs") as Record<string, string>;
    expect(ext.detailed_description!.endsWith("it outputs ")).toBe(true);
    expect(ext.data_access_terms).toBe("N/A");
    expect(getPath(doc.record, "responsibility.vendors[0].dataAccess")).toBeUndefined();
  });

  it("the NHS BSA record: N/A is no company number (kept), the DWP's data access terms are the vendor's, no contact office without an address", () => {
    const { doc } = rowToDoc(ATRS_MAPPING, rows[1]!);
    expect(getPath(doc.record, "responsibility.vendors[0].companyNumber")).toBeUndefined();
    expect(getPath(doc.record, "extensions.uk-atrs.companies_house_number")).toBe("N/A");
    expect(getPath(doc.record, "responsibility.vendors[0].dataAccess.en")).toMatch(/^NHSBSA provides patient data to DWP/);
    expect(getPath(doc.record, "responsibility.contactOffice")).toBeUndefined();
    expect(getPath(doc.record, "procurement.procedure.en")).toContain("Single source procurement.\nThe ability");
  });

  it("a record with every field: each mapped field lands in a field the standard has (the record is valid), and comes back field for field", () => {
    const row = fullRow();
    const { doc, landed } = rowToDoc(ATRS_MAPPING, row);
    const valid = asRecord(doc);
    expect(valid.success ? [] : valid.error.issues).toEqual([]);
    for (const f of ATRS_FIELDS) {
      if (f.to === null) expect(landed[f.key], f.key).toBe("kept");
      else expect(landed[f.key], f.key).toBe(f.to);
    }
    expect(getPath(doc.record, "externalIds")).toEqual([{ register: "uk-atrs", id: "412", standardVersion: "3.0", publishedOn: "2024-05-01", updatedOn: "2024-09-30", archivedOn: "2025-01-15" }]);
    expect(getPath(doc.record, "lifecycle.deploymentStatus")).toBe("in_use");
    expect(getPath(doc.record, "models")).toEqual([{ name: { en: "Model name of the tool" }, description: { en: "Model task of the tool" } }]);
    expect(getPath(doc.record, "datasets")).toEqual([{ name: { en: "Source data name of the tool" }, description: { en: "Data description of the tool" }, url: "https://data.example.gov.uk/set", collection: { en: "Data collection of the tool" } }]);
    expect(getPath(doc.record, "oversight.appeal")).toEqual({ channel: { en: "Appeals and review of the tool" } });
    expect(getPath(doc.record, "assessments.documents")).toEqual([{ kind: "other", title: { en: "Impact assessment of the tool" } }]);
    expect(getPath(doc.record, "risks")).toEqual([{ risk: { en: "Risks and mitigations of the tool" } }]);
    expect(docToRow(ATRS_MAPPING, doc)).toEqual(row);
  });

  it("reads each phase as a deployment status, in any letter case (kept as written), and writes the standard's spelling; two phases that differ are both written back", () => {
    const cases: [string, string][] = [
      ["Pre-deployment", "proposed"],
      ["Beta/Pilot", "pilot"],
      ["Production", "in_use"],
      ["Retired", "retired"],
      ["production", "in_use"],
    ];
    for (const [cell, status] of cases) {
      const row = { ...empty(), name: "A", phase: cell };
      const { doc } = rowToDoc(ATRS_MAPPING, row);
      expect(getPath(doc.record, "lifecycle.deploymentStatus"), cell).toBe(status);
      expect(asRecord(doc).success, cell).toBe(true);
      expect(docToRow(ATRS_MAPPING, doc).phase).toBe(cell);
    }
    const odd = { ...empty(), name: "A", phase: "Discovery" };
    const o = rowToDoc(ATRS_MAPPING, odd);
    expect(getPath(o.doc.record, "lifecycle.deploymentStatus")).toBe("not_stated");
    expect(o.landed.phase).toBe("kept");
    expect(docToRow(ATRS_MAPPING, o.doc).phase).toBe("Discovery");
    const two = { ...empty(), name: "A", phase: "Production", tool_phase: "Beta/Pilot" };
    expect(docToRow(ATRS_MAPPING, rowToDoc(ATRS_MAPPING, two).doc)).toEqual(two);
  });

  it("a vendor's, model's or dataset's detail without the vendor, model or dataset is kept as published, not a half-made entry", () => {
    const row = { ...empty(), name: "A", companies_house_number: "123", data_access_terms: "Terms", model_task: "Sorts", data_collection: "Forms", source_data_url: "not an address" };
    const { doc, landed } = rowToDoc(ATRS_MAPPING, row);
    for (const k of ["companies_house_number", "data_access_terms", "model_task", "data_collection", "source_data_url"]) expect(landed[k], k).toBe("kept");
    expect(getPath(doc.record, "responsibility.vendors")).toBeUndefined();
    expect(getPath(doc.record, "models")).toBeUndefined();
    expect(getPath(doc.record, "datasets")).toBeUndefined();
    expect(asRecord(doc).success).toBe(true);
    expect(docToRow(ATRS_MAPPING, doc)).toEqual(row);
  });

  it("a record with neither name nor organisation is still a valid record, written back with the same empty fields", () => {
    const row = { ...empty(), id: "9", description: "Sorts letters." };
    const { doc } = rowToDoc(ATRS_MAPPING, row);
    expect(asRecord(doc).success).toBe(true);
    expect(getPath(doc.record, "identity.name.en")).toBe("9");
    expect(docToRow(ATRS_MAPPING, doc)).toEqual(row);
  });

  it("an edited field is written from the standard: only that field (and its twin key) changes", () => {
    const row = fullRow();
    const { doc } = rowToDoc(ATRS_MAPPING, row);
    setPath(doc.record, "responsibility.team.en", "Data Science Unit");
    setPath(doc.record, "lifecycle.deploymentStatus", "retired");
    const back = docToRow(ATRS_MAPPING, doc);
    const changed = ATRS_3_KEYS.filter((k) => back[k] !== row[k]);
    expect(changed).toEqual(["phase", "team", "tool_phase"]);
    expect([back.team, back.phase, back.tool_phase]).toEqual(["Data Science Unit", "Retired", "Retired"]);
    expect(valueOf(doc, ATRS_FIELDS.find((f) => f.key === "team")!)).toBe("Data Science Unit");
  });
});

describe("atrs-3: twin fields after an edit (independent check of issue 16)", () => {
  const empty = () => Object.fromEntries(ATRS_3_KEYS.map((k) => [k, ""])) as Record<string, string>;
  it("two phases that differ, then an edited status: both phases say the new status; a renamed organisation renames both organisation fields", () => {
    const two: Record<string, string> = { ...empty(), name: "A", phase: "Beta/Pilot", tool_phase: "Retired", organisation_name: "Org A", organisation_or_department: "Org B" };
    const unedited = rowToDoc(ATRS_MAPPING, two).doc;
    expect(docToRow(ATRS_MAPPING, unedited)).toEqual(two);
    const { doc } = rowToDoc(ATRS_MAPPING, two);
    setPath(doc.record, "lifecycle.deploymentStatus", "in_use");
    doc.agency!.name = { en: "Org C" };
    const back = docToRow(ATRS_MAPPING, doc);
    expect([back.phase, back.tool_phase, back.organisation_name, back.organisation_or_department]).toEqual(["Production", "Production", "Org C", "Org C"]);
    expect(ATRS_3_KEYS.filter((k) => back[k] !== two[k])).toEqual(["organisation_name", "phase", "organisation_or_department", "tool_phase"]);
  });
});
