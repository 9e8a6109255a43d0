// The Dutch algorithm register's format nl-1 (registry/exchange/interop/nl-1): both shapes read
// (schema-keyed records and the public API's list), written back identical, malformed files
// refused with notices worded in both languages, and every mapped field landing where the
// mapping table says, and coming back.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NL_1, writeNl } from "../../registry/exchange/interop/nl-1/format";
import { NL_API_KEYS, NL_CELL_KEYS, NL_FIELDS, NL_SCHEMA_KEYS } from "../../registry/exchange/interop/nl-1/fields";
import { NL_MAPPING, firstSentence, nlAgencyOf } from "../../registry/exchange/interop/nl-1/mapping";
import { interopFormat } from "../../registry/exchange/interop/formats";
import { docToRow, rowToDoc, type Cells } from "../../registry/exchange/interop/mapping";
import { getPath, setPath } from "../../registry/exchange/interop/path";
import { ToolRecord } from "../../registry/standard/v1";
import { noticeMessage } from "../../app/i18n/refusal";
import type { FileNotice } from "../../registry/exchange/import/columns";

const DIR = path.join(__dirname, "../fixtures/interop/nl-algoritmeregister");
const API = fs.readFileSync(path.join(DIR, "sample_1_record.json"));
const SCHEMA = fs.readFileSync(path.join(DIR, "nl-algoritmeregister.nl-1.json"));
const enc = (s: string) => new TextEncoder().encode(s);
const json = (v: unknown) => enc(JSON.stringify(v));

function rowsOf(bytes: Uint8Array) {
  const r = NL_1.read(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.notices));
  return r;
}
function refusedWith(bytes: Uint8Array): FileNotice {
  const r = NL_1.read(bytes);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error("read");
  expect(r.notices).toHaveLength(1);
  return r.notices[0]!;
}
/** A record of the standard from cells, with what the importer adds (id, slug, regime). */
function recordOf(cells: Cells) {
  const { doc, landed } = rowToDoc(NL_MAPPING, cells);
  setPath(doc.record, "identity.id", "ALG-000001");
  setPath(doc.record, "identity.slug", "nl-test");
  doc.record.regime = { governedBy: "source_register", register: "nl-algoritmeregister", sourceUrl: NL_MAPPING.sourceUrl(cells) };
  return { doc, landed };
}
const cellsWith = (given: Record<string, string>): Cells => {
  const c: Cells = {};
  for (const k of NL_CELL_KEYS) c[k] = given[k] ?? "";
  return c;
};

describe("nl-1: the fields", () => {
  it("has every key of the register's schema (AlgoritmeVersionContent), in its order, and each of ch02's fields by its Dutch name", () => {
    const py = fs.readFileSync(path.join(DIR, "algoritme_version_schema.py"), "utf8");
    const block = py.slice(py.indexOf("class AlgoritmeVersionContent"), py.indexOf("model_config", py.indexOf("class AlgoritmeVersionContent")));
    const keys = [...block.matchAll(/^\s{4}(\w+):/gm)].map((m) => m[1]);
    expect(keys).toHaveLength(51);
    expect(NL_SCHEMA_KEYS.slice(0, keys.length)).toEqual(keys);
    // Then the keys the register's own files add (lars, publication_dt…: see the last describe).
    expect(NL_SCHEMA_KEYS.slice(keys.length)).toEqual(["lars", "publication_dt", "state", "create_dt", "owner", "language", "code", "org_id"]);
    const ch02 = fs.readFileSync(path.join(DIR, "publicatiestandaard_ch02.md"), "utf8");
    const headings = [...ch02.matchAll(/^### (.+)$/gm)].map((m) => m[1]!.trim());
    const labelled = NL_FIELDS.filter((x) => x.nl).map((x) => x.nl);
    // Every ch02 field but one has its key ("Toelichting op impacttoetsen" has none the schema makes certain).
    expect(headings.filter((h) => !labelled.includes(h))).toEqual(["Toelichting op impacttoetsen"]);
    expect(labelled.every((l) => headings.includes(l!))).toBe(true);
    expect(NL_1.fields.map((x) => x.key)).toEqual(NL_CELL_KEYS);
    expect(NL_MAPPING.fields.map((x) => x.key)).toEqual(NL_CELL_KEYS);
  });

  it("the API's keys name the schema's: title↔name, doel↔goal, juridische_basis↔lawful_basis, organisatie↔organization, id↔lars; its url is the register's page, not the schema's url", () => {
    const by = Object.fromEntries(NL_API_KEYS.map((a) => [a.key, a.cell]));
    expect(by).toMatchObject({ title: "name", doel: "goal", juridische_basis: "lawful_basis", organisatie: "organization", status: "status", id: "lars", url: "register_url" });
    expect(Object.keys(by)).toEqual(Object.keys((JSON.parse(API.toString("utf8")) as { algoritmes: Record<string, unknown>[] }).algoritmes[0]!));
  });

  it("is the registered format nl-1", () => {
    expect(interopFormat("nl-1")).toBe(NL_1);
    expect(NL_1.mapping.register).toBe("nl-algoritmeregister");
  });
});

describe("nl-1: reading", () => {
  it("reads the API list: its items as cells by the schema's keys, the listing's metadata kept and its day the retrieval date", () => {
    const r = rowsOf(API);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.place).toEqual({ item: 1 });
    const c = r.rows[0]!.cells;
    expect(c.name).toBe("Inzet geautomatiseerde gezichtsvergelijking");
    expect(c.organization).toBe("Gemeente Gennep");
    expect(c.status).toBe("in_gebruik");
    expect(c.lars).toBe("11243654");
    expect(c.register_url).toBe("https://algoritmes.overheid.nl/nl/algoritme/11243654");
    expect(c.goal).toMatch(/^Het doel van dit algoritme/);
    expect(c.lawful_basis).toMatch(/^Wet BRP art\. 2\.67/);
    expect([c.geregistreerd, c.toegevoegd, c.impactassessment]).toEqual(["2024-12-03", "2026-05-13", "Onbekend"]);
    expect(c.url).toBe("");
    expect(r.meta).toEqual({ shape: "api", count: 1530, fetched_at: "2026-08-08T06:20:11Z", source_url: "https://algoritmes.overheid.nl/api/algoritme/NLD" });
    expect(r.retrievedOn).toBe("2026-08-08");
    expect(r.quirks).toEqual([]);
  });

  it("reads schema-keyed records: the fixture gives the same cells as the API list for the fields both have", () => {
    const a = rowsOf(API).rows[0]!.cells;
    const s = rowsOf(SCHEMA).rows[0]!.cells;
    for (const k of ["name", "organization", "status", "goal", "lawful_basis", "lars"]) expect(s[k], k).toBe(a[k]);
    expect(s.register_url).toBe("");
    expect(rowsOf(SCHEMA).meta).toEqual({ shape: "schema" });
    expect(rowsOf(SCHEMA).retrievedOn).toBeUndefined();
  });

  it("reads one record given alone, lists as JSON text, null as empty, and reports a record without a name and a status off the list", () => {
    const r = rowsOf(json({ name: "", organization: "Gemeente X", status: "Gepland", category: ["Verkeer", "Wonen"], impacttoetsen: "DPIA", tags: null, lawful_basis_grouping: [{ title: "Wet", link: "https://wetten.overheid.nl/x" }] }));
    expect(r.rows).toHaveLength(1);
    const c = r.rows[0]!.cells;
    expect(c.category).toBe('["Verkeer","Wonen"]');
    expect(c.impacttoetsen).toBe("DPIA");
    expect(c.tags).toBe("");
    expect(c.lawful_basis_grouping).toBe('[{"title":"Wet","link":"https://wetten.overheid.nl/x"}]');
    expect(r.quirks.map((q) => q.code)).toEqual(["interopNlMissingName", "interopNlOffListStatus"]);
    expect(r.quirks[0]!.params).toEqual({ count: 1, items: "1" });
    for (const q of r.quirks) for (const lang of ["en", "zh"] as const) expect(noticeMessage(q, lang)).not.toMatch(/\{|interopNl/);
  });

  it.each([
    ["not UTF-8", new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]), "importNotUtf8"],
    ["empty", enc("  \n"), "importFileEmpty"],
    ["an empty list", enc("[]"), "importFileEmpty"],
    ["not JSON", enc("[{name: 'x'}]"), "importJsonInvalid"],
    ["a JSON text", enc('"Gemeente Gennep"'), "interopNlShape"],
    ["a list of texts", enc('["a"]'), "interopNlNotRecord"],
    ["a key the schema does not have", json([{ name: "x" }, { name: "y", naam: "y", id: 3 }]), "interopNlUnknownKeys"],
    ["a number where text goes", json([{ name: "x", lars: 11243654 }]), "interopNlValue"],
    ["a list where text goes", json([{ name: ["x"] }]), "interopNlValue"],
    ["a list of numbers as themes", json([{ category: [1, 2] }]), "interopNlValue"],
    ["a grouping that is not a list of objects", json([{ source_data_grouping: ["BRP"] }]), "interopNlValue"],
    ["an API list with another key", json({ count: 1, algoritmes: [], page: 2 }), "interopNlApiDocKeys"],
    ["an API list whose algoritmes is not a list", json({ algoritmes: { id: "1" } }), "interopNlApiNoList"],
    ["an API list whose count is not a whole number", json({ count: "1530", algoritmes: [] }), "interopNlApiMeta"],
    ["an API item with a schema key", json({ algoritmes: [{ title: "x", name: "x" }] }), "interopNlUnknownKeys"],
    ["an API item with a number", json({ algoritmes: [{ title: "x", id: 11243654 }] }), "interopNlValue"],
  ])("refuses %s, in both languages", (_, bytes, code) => {
    const n = refusedWith(bytes);
    expect(n.code).toBe(code);
    const en = noticeMessage(n, "en");
    const zh = noticeMessage(n, "zh");
    expect(en).not.toBe(zh);
    expect(en).not.toMatch(/\{\w+\}/);
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    if (code === "interopNlUnknownKeys" && n.params.keys === "naam, id") expect(en).toContain("Record 2");
  });
});

describe("nl-1: writing", () => {
  it("writes the API list read from the sample back identical, byte for byte, given the file's metadata", () => {
    const r = rowsOf(API);
    const out = NL_1.write(r.rows.map((x) => x.cells), { exportedAt: "2026-12-03T00:00:00Z", source: "https://register.example/", shape: "api", file: r.meta });
    expect(out).toBe(API.toString("utf8"));
  });

  it("writes the schema-keyed fixture back identical", () => {
    const r = rowsOf(SCHEMA);
    expect(NL_1.write(r.rows.map((x) => x.cells), { exportedAt: "x", source: "y" })).toBe(SCHEMA.toString("utf8"));
  });

  it("without the file's metadata the API list says what the export is; every key is written, null where empty; a status of the standard in the API's form", () => {
    const cells = cellsWith({ name: "A", status: "In gebruik" });
    const doc = JSON.parse(writeNl([cells, cellsWith({ name: "B", status: "in_ontwikkeling" })], { exportedAt: "2026-12-03T01:02:03Z", source: "https://register.example/", shape: "api" }));
    expect(doc.count).toBe(2);
    expect(doc.fetched_at).toBe("2026-12-03T01:02:03Z");
    expect(doc.source_url).toBe("https://register.example/");
    expect(Object.keys(doc.algoritmes[0])).toEqual(NL_API_KEYS.map((a) => a.key));
    expect(doc.algoritmes[0]).toMatchObject({ title: "A", status: "in_gebruik", doel: null, id: null, url: null });
    expect(doc.algoritmes[1].status).toBe("in_ontwikkeling");
  });

  it("writes lists and groupings back as the JSON they were, texts as texts, empty keys out", () => {
    const given = [{ name: "x", category: ["Verkeer", "Wonen"], impacttoetsen: "DPIA", lawful_basis_grouping: [{ title: "Wet", link: "https://wetten.overheid.nl/x" }], source_data_grouping: [] }];
    const r = rowsOf(json(given));
    expect(JSON.parse(NL_1.write(r.rows.map((x) => x.cells), { exportedAt: "x", source: "y" }))).toEqual(given);
    // A theme that is text starting with a bracket, but not a list, stays text.
    expect(JSON.parse(writeNl([cellsWith({ category: "[concept] Verkeer" })], { exportedAt: "x", source: "y" }))).toEqual([{ category: "[concept] Verkeer" }]);
  });
});

/** A record giving every field a value the standard can hold. */
const FULL: Record<string, string> = {
  name: "Automatische Verkeersregeling Ringweg",
  organization: "Gemeente Noorderhaaks",
  preferred_name: "Noorderhaaks",
  department: "Afdeling Verkeer",
  description_short: "Dit algoritme zorgt met sensoren in het wegdek ervoor dat het verkeer zo makkelijk mogelijk doorstroomt.",
  type: "Regelgebaseerd",
  category: '["Verkeer"]',
  website: "https://www.noorderhaaks.nl/verkeer",
  status: "In gebruik",
  goal: "Het doel is dat het verkeer doorstroomt. De impact is een kortere wachttijd.",
  impact: "Kortere wachttijd.",
  proportionality: "Sneller dan handmatige regeling.",
  decision_making_process: "Geen besluiten.",
  documentation: "https://www.noorderhaaks.nl/doc",
  competent_authority: "College van B&W",
  lawful_basis: "Wegenverkeerswet 1994",
  iama: "Nee",
  iama_description: "Niet nodig.",
  dpia: "Ja",
  dpia_description: "Uitgevoerd in 2022.",
  objection_procedure: "Bezwaar bij de gemeente.",
  standard_version: "1.0.0",
  uuid: "3f1c1d6e-0000-4000-8000-000000000000",
  url: "https://algoritmes.noorderhaaks.nl/vri",
  contact_email: "algoritmes@noorderhaaks.nl",
  area: "Noorderhaaks",
  lang: "nld",
  revision_date: "2024-01",
  description: "Een lange beschrijving.",
  application_url: "https://vri.noorderhaaks.nl",
  publiccode: "https://github.com/haakssoftwarebedrijf/vrisoftware",
  mprd: "Nee",
  source_data: "Sensorgegevens van de voorsorteerstroken.",
  methods_and_models: "Een eenvoudige beslisboom; niet zelflerend.",
  monitoring: "Maandelijks.",
  human_intervention: "Een verkeersregelaar kan ingrijpen.",
  risks: "Storing van sensoren: periodieke controle.",
  performance_standard: "Nee",
  provider: "Haaks Softwarebedrijf",
  process_index_url: "https://www.noorderhaaks.nl/verwerkingen",
  tags: "Verkeer, Mobiliteit, VRI",
  source_id: "VRI-01",
  begin_date: "2023-01",
  end_date: "2025-06",
  lawful_basis_link: "https://wetten.overheid.nl/BWBR0006622",
  impacttoetsen: '["DPIA"]',
  source_data_link: "https://data.noorderhaaks.nl/sensoren",
  publication_category: "Impactvolle algoritmes",
  lawful_basis_grouping: '[{"title":"Wegenverkeerswet 1994","link":"https://wetten.overheid.nl/BWBR0006622"}]',
  impacttoetsen_grouping: '[{"title":"DPIA","link":"https://www.noorderhaaks.nl/dpia"}]',
  source_data_grouping: '[{"title":"Sensoren","link":"https://data.noorderhaaks.nl/sensoren"}]',
  lars: "12345678",
  publication_dt: "2024-05-01T10:00:00",
  state: "PUBLISHED",
  create_dt: "2024-04-30T09:00:00",
  owner: "gm9999",
  language: "NLD",
  code: "gm9999",
  org_id: "gm9999",
  register_url: "https://algoritmes.overheid.nl/nl/algoritme/12345678",
  geregistreerd: "2024-12-03",
  toegevoegd: "2026-05-13",
  impactassessment: "DPIA",
};

describe("nl-1: the mapping, field by field", () => {
  it("puts each field where the table says, makes a valid record, and gives back every cell", () => {
    expect(Object.keys(FULL).sort()).toEqual([...NL_CELL_KEYS].sort());
    const cells = cellsWith(FULL);
    const { doc, landed } = recordOf(cells);
    const r = doc.record;
    const nl = (p: string) => getPath(r, `${p}.nl`);
    expect(nl("identity.name")).toBe(FULL.name);
    expect(doc.agency).toEqual({ slug: "nl-gemeente-noorderhaaks", name: { nl: "Gemeente Noorderhaaks", en: "Gemeente Noorderhaaks" }, jurisdictionLevel: "city", place: { nl: "Noorderhaaks", en: "Noorderhaaks, Netherlands" } });
    expect(getPath(r, "identity.jurisdiction")).toEqual({ level: "city", place: { nl: "Noorderhaaks", en: "Noorderhaaks, Netherlands" } });
    expect(getPath(r, "responsibility.agencies")).toEqual([{ agency: "nl-gemeente-noorderhaaks", role: "operates" }]);
    expect(nl("responsibility.team")).toBe(FULL.department);
    expect(nl("identity.summary")).toBe(FULL.description_short);
    expect(getPath(r, "sources[key=nl-publiekspagina]")).toEqual({ key: "nl-publiekspagina", url: FULL.website, kind: "official_document", title: { nl: "Publiekspagina" } });
    expect(getPath(r, "lifecycle.deploymentStatus")).toBe("in_use");
    expect(nl("purpose.purpose")).toBe(FULL.goal);
    expect(nl("purpose.necessity")).toBe(FULL.proportionality);
    expect(getPath(r, "purpose.legalBasis")).toEqual([{ citation: FULL.lawful_basis, url: FULL.lawful_basis_link }]);
    expect(nl("oversight.appeal.channel")).toBe(FULL.objection_procedure);
    expect(getPath(r, "externalIds")).toEqual([{ register: "nl-algoritmeregister", standardVersion: "1.0.0", id: "12345678", url: FULL.register_url }]);
    expect(getPath(r, "responsibility.contactOffice")).toEqual({ channel: FULL.contact_email, name: { nl: "Gemeente Noorderhaaks" } });
    expect(getPath(r, "identity.originalLanguage")).toBe("nl");
    expect(nl("identity.description")).toBe(FULL.description);
    expect(getPath(r, "howItWorks.sourceCode.url")).toBe(FULL.publiccode);
    expect(getPath(r, "datasets")).toEqual([{ description: { nl: FULL.source_data }, url: FULL.source_data_link }]);
    expect(nl("howItWorks.method")).toBe(FULL.methods_and_models);
    expect(nl("oversight.humanOversight")).toBe(FULL.human_intervention);
    expect(getPath(r, "risks")).toEqual([{ risk: { nl: FULL.risks } }]);
    expect(getPath(r, "responsibility.vendors")).toEqual([{ name: { nl: FULL.provider }, role: "other" }]);
    expect(getPath(r, "lifecycle.goLiveDate")).toBe("2023-01");
    expect(getPath(r, "lifecycle.sunsetDate")).toBeNull();
    expect(getPath(r, "lifecycle.retirement")).toBeUndefined();
    expect(getPath(r, "classifications")).toEqual([{ scheme: "nl-publication-category", value: FULL.publication_category }]);
    expect(getPath(r, "sources[key=algoritmeregister].url")).toBe(FULL.register_url);
    expect(getPath(r, "identity.policyDomain")).toBe("other");
    // Kept as published: every field without a home, under its own key.
    const kept = Object.entries(landed).filter(([, v]) => v === "kept").map(([k]) => k).sort();
    expect(kept).toEqual(
      ["preferred_name", "type", "category", "impact", "decision_making_process", "documentation", "competent_authority", "iama", "iama_description", "dpia", "dpia_description", "uuid", "url", "area", "revision_date", "application_url", "mprd", "monitoring", "performance_standard", "process_index_url", "tags", "source_id", "end_date", "impacttoetsen", "lawful_basis_grouping", "impacttoetsen_grouping", "source_data_grouping", "geregistreerd", "toegevoegd", "impactassessment", "publication_dt", "state", "create_dt", "owner", "language", "code", "org_id"].sort(),
    );
    const ext = getPath(r, "extensions.nl-algoritmeregister") as Record<string, string>;
    for (const k of kept) expect(ext[k], k).toBe(FULL[k]);
    const parsed = ToolRecord.safeParse(r);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    // And back: every cell as it was.
    expect(docToRow(NL_MAPPING, doc)).toEqual(cells);
  });

  it("the sample: mirrored Gennep record as the hand conversion has it, where the standard holds it", () => {
    const cells = rowsOf(API).rows[0]!.cells;
    const { doc } = recordOf(cells);
    const r = doc.record;
    expect(getPath(r, "identity.summary.nl")).toBe("Het doel van dit algoritme is om de identiteit van personen die zich inschrijven in de BRP te verifiëren.");
    expect(getPath(r, "purpose.legalBasis")).toEqual([{ citation: cells.lawful_basis }]);
    expect(doc.agency?.slug).toBe("nl-gemeente-gennep");
    expect(getPath(r, "identity.jurisdiction.level")).toBe("city");
    expect(getPath(r, "extensions.nl-algoritmeregister")).toMatchObject({ geregistreerd: "2024-12-03", toegevoegd: "2026-05-13", impactassessment: "Onbekend", status: "in_gebruik" });
    expect(ToolRecord.safeParse(r).success).toBe(true);
    expect(NL_MAPPING.slug(doc, cells)).toBe("nl-gennep-inzet-geautomatiseerde-gezichtsvergelijking");
  });

  it.each([
    ["In gebruik", "in_use"],
    ["in_gebruik", "in_use"],
    ["In ontwikkeling", "proposed"],
    ["in_ontwikkeling", "proposed"],
    ["Buiten gebruik", "retired"],
    ["buiten_gebruik", "retired"],
    ["", "not_stated"],
    ["Gepland", "not_stated"],
  ])("status %j is %s, and comes back as given", (status, expected) => {
    const cells = cellsWith({ name: "x", organization: "Ministerie van Financiën", status });
    const { doc } = recordOf(cells);
    expect(getPath(doc.record, "lifecycle.deploymentStatus")).toBe(expected);
    expect(ToolRecord.safeParse(doc.record).success).toBe(true);
    expect(docToRow(NL_MAPPING, doc).status).toBe(status);
  });

  it("agencies: a municipality is a city, a province a province, anything else national in the Netherlands; the name is kept, not translated", () => {
    expect(nlAgencyOf("Gemeente 's-Hertogenbosch")).toMatchObject({ slug: "nl-gemeente-s-hertogenbosch", jurisdictionLevel: "city", place: { nl: "'s-Hertogenbosch" } });
    expect(nlAgencyOf("Provincie Fryslân")).toMatchObject({ slug: "nl-provincie-fryslan", jurisdictionLevel: "province", place: { nl: "Fryslân" }, name: { nl: "Provincie Fryslân", en: "Provincie Fryslân" } });
    expect(nlAgencyOf("Belastingdienst")).toEqual({ slug: "nl-belastingdienst", name: { nl: "Belastingdienst", en: "Belastingdienst" }, jurisdictionLevel: "national", place: { nl: "Nederland", en: "Netherlands", zh: "荷兰" } });
  });

  it("what the standard cannot hold exactly is kept and comes back: in-house provider, a date another way, a legal basis over 500 characters, a link without a basis, trimmed text", () => {
    const long = "Wet ".repeat(140);
    const cells = cellsWith({ name: " Naam ", organization: "Gemeente X", provider: "Intern ontwikkeld", begin_date: "januari 2023", lawful_basis: long, lawful_basis_link: "https://wetten.overheid.nl/x", lang: "eng" });
    const { doc, landed } = recordOf(cells);
    expect(landed.provider).toBe("kept");
    expect(landed.begin_date).toBe("kept");
    expect(landed.lawful_basis).toBe("kept");
    expect(landed.lawful_basis_link).toBe("kept");
    expect(landed.lang).toBe("kept");
    expect(getPath(doc.record, "responsibility.vendors")).toBeUndefined();
    expect(getPath(doc.record, "purpose.legalBasis")).toBeUndefined();
    expect(getPath(doc.record, "identity.name.nl")).toBe("Naam");
    expect(ToolRecord.safeParse(doc.record).success).toBe(true);
    expect(docToRow(NL_MAPPING, doc)).toEqual(cells);
  });

  it("an edited legal basis is written from the standard; nothing else changes", () => {
    const cells = rowsOf(API).rows[0]!.cells;
    const { doc } = recordOf(cells);
    setPath(doc.record, "purpose.legalBasis[0].citation", "Wet BRP art. 2.67");
    const row = docToRow(NL_MAPPING, doc);
    expect(row.lawful_basis).toBe("Wet BRP art. 2.67");
    expect(Object.keys(row).filter((k) => row[k] !== cells[k])).toEqual(["lawful_basis"]);
  });

  it("the summary is the goal's first sentence, verbatim", () => {
    expect(firstSentence("Eerste zin. Tweede zin.")).toBe("Eerste zin.");
    expect(firstSentence("Geen punt")).toBe("Geen punt");
    expect(firstSentence(`${"a".repeat(500)}.`).length).toBeLessThanOrEqual(400);
  });
});

describe("nl-1: the register's own download and export files (independent check of issue 16)", () => {
  // The schema file's classes of whole records: AlgoritmeVersionDownload (content + lars,
  // publication_dt), AlgoritmeVersionDownloadJson (content + state, create_dt, owner),
  // AlgoritmeVersionExport (content + language, owner, lars, create_dt, state), and the API's
  // AlgoritmeVersionGetOne / AlgoritmeVersionQuery (content + lars, create_dt, language, code, org_id).
  const py = fs.readFileSync(path.join(DIR, "algoritme_version_schema.py"), "utf8");
  const extraKeys = (cls: string) => {
    const at = py.indexOf(`class ${cls}(AlgoritmeVersionContent):`);
    const body = py.slice(at, py.indexOf("\n\n\n", at));
    return [...body.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]!);
  };
  const content = { name: "Parkeerscan", organization: "Gemeente Utrecht", goal: "Controle.", status: "In gebruik", lawful_basis: "Gemeentewet art. 225" };
  const values: Record<string, string> = { lars: "12345678", publication_dt: "2024-05-01T10:00:00", state: "PUBLISHED", create_dt: "2024-04-30T09:00:00", owner: "gm0344", language: "NLD", code: "gm0344", org_id: "gm0344" };
  it.each(["AlgoritmeVersionDownload", "AlgoritmeVersionDownloadJson", "AlgoritmeVersionExport", "AlgoritmeVersionGetOne", "AlgoritmeVersionQuery"])("a record as %s is read, kept and written back with every key", (cls) => {
    const keys = extraKeys(cls);
    expect(keys.length).toBeGreaterThan(1);
    const record = { ...content, ...Object.fromEntries(keys.map((k) => [k, values[k]])) };
    const read = NL_1.read(json([record]));
    expect(read.ok ? [] : read.notices).toEqual([]);
    if (!read.ok) return;
    const cells = read.rows[0]!.cells;
    const { doc } = rowToDoc(NL_MAPPING, cells);
    expect(docToRow(NL_MAPPING, doc)).toEqual(cells);
    expect(JSON.parse(writeNl([docToRow(NL_MAPPING, doc)], { exportedAt: "2026-12-03T00:00:00Z", source: "x" }))).toEqual([record]);
  });
});
