// An independent check of issue 16 with cases its own tests do not use: a random 200-row subset of
// the whole US inventory with a row of each quirk, written as its own CSV; a UK ATRS v3.0 record
// filling every attribute (Chinese, quotes, newlines, leading = - + @) beside a second with odd
// values; a Dutch record filling every key of the schema, and the API list with a second item.
// Each goes in as mirrored records and comes back cell for cell; an edit through the standard
// changes its own cells only. Hostile files (too large, not UTF-8, extra or missing columns,
// prototype keys, deep nesting) are refused in both languages and write nothing.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freshDb, useFreshDb } from "../helpers/db";
import { ROOT } from "../helpers/paths";
import { ctxOf } from "../../registry/shared/context";
import { importInterop } from "../../registry/exchange/interop/import.server";
import { exportInterop } from "../../registry/exchange/interop/export.server";
import { interopFormat, type InteropFormatKey } from "../../registry/exchange/interop/formats";
import { recordsEntries } from "../../registry/exchange/records/export.server";
import { parseToolQuery } from "../../registry/records/query";
import { publishRevision } from "../../registry/records/publish.server";
import type { Cells } from "../../registry/exchange/interop/mapping";
import type { Actor } from "../../registry/auth/roles";
import { setDb, type Db } from "../../db/client.server";
import { issueLine, noticeMessage } from "../../app/i18n/refusal";
import { STRINGS } from "../../app/i18n/strings";
import { ATRS_FULL, NL_FULL } from "../helpers/interop-full";

const ORIGIN = "https://register.example";
const NOW = new Date("2026-12-03T08:00:00Z");
const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };
const db = useFreshDb("seeded");
const enc = (s: string) => new TextEncoder().encode(s);
const REGISTER: Record<InteropFormatKey, string> = { "omb-2025": "us-omb-ai-inventory", "atrs-3": "uk-atrs", "nl-1": "nl-algoritmeregister" };

function cellsOf(key: InteropFormatKey, bytes: Uint8Array): Cells[] {
  const r = interopFormat(key)!.read(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.notices));
  return r.rows.map((x) => x.cells);
}
function roundTrip(key: InteropFormatKey, bytes: Uint8Array, d: Db = db(), shape?: string) {
  const report = importInterop(ctxOf({ actor: admin, db: d, now: NOW }), { format: key, bytes, createAgencies: true });
  const problems = report.rows.flatMap((r) => r.problems.map((p) => `${JSON.stringify(r.place)} ${JSON.stringify(p)}`));
  const { query } = parseToolQuery(new URLSearchParams(`regime=${REGISTER[key]}`));
  const out = exportInterop(key, query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString(), ...(shape ? { shape } : {}) }, d);
  return { report, problems, out, back: report.result === "imported" ? cellsOf(key, enc(out.body)) : [] };
}
function diffs(key: InteropFormatKey, a: Cells[], b: Cells[]): string[] {
  const out: string[] = [];
  if (a.length !== b.length) out.push(`rows ${a.length} → ${b.length}`);
  const keys = interopFormat(key)!.fields.map((f) => f.key);
  a.forEach((r, i) => {
    for (const k of keys) if ((r[k] ?? "") !== (b[i]?.[k] ?? "")) out.push(`${i + 1} ${k}: ${JSON.stringify(r[k])} → ${JSON.stringify(b[i]?.[k])}`);
  });
  return out;
}


const WHOLE = path.join(ROOT, "test/fixtures/interop/us-omb-2025/2025_individually_reported_AI_use_cases.csv");
/** A CSV as the inventory is published: BOM, LF, a cell quoted only when it must be, no apostrophes added. */
function rawCsv(header: readonly string[], rows: Cells[]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return "\uFEFF" + [header.join(","), ...rows.map((r) => header.map((h) => cell(r[h] ?? "")).join(","))].join("\n") + "\n";
}
function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe("US: rows other than the sample", () => {
  it("a random 200-row subset plus a row of each quirk, written as its own CSV, round trips cell for cell; an edit changes only its cell", { timeout: 120_000 }, () => {
    const all = cellsOf("omb-2025", fs.readFileSync(WHOLE));
    const header = interopFormat("omb-2025")!.fields.map((f) => f.key);
    const r = rng(16);
    const pick = new Set<number>();
    while (pick.size < 200) pick.add(Math.floor(r() * all.length));
    // each quirk
    pick.add(all.findIndex((c) => !c.id));
    pick.add(all.findIndex((c) => !c.use_case_name));
    all.forEach((c, i) => { if (Object.values(c).some((v) => /^[-=+@]/.test(v))) pick.add(i); });
    all.forEach((c, i) => { if (c.id === "DOJ-0357" || c.id === "TBD") pick.add(i); });
    const rows = [...pick].sort((a, b) => a - b).map((i) => all[i]!);
    const bytes = enc(rawCsv(header, rows));
    const source = cellsOf("omb-2025", bytes);
    expect(source).toEqual(rows);
    const { report, problems, out, back } = roundTrip("omb-2025", bytes);
    expect(problems).toEqual([]);
    expect(report.result).toBe("imported");
    expect(diffs("omb-2025", source, back)).toEqual([]);
    // formula cells: never starting with = + - @ in the export
    for (const line of out.body.split("\n")) for (const c of line.split(",")) expect(c).not.toMatch(/^[=+@]/);

    const ids = report.rows.map((x) => x.id!);
    const i = source.findIndex((c) => c.problem_solved && c.development_stage === "Deployed" && c.topic_area === "Science");
    const [entry] = recordsEntries([ids[i]!], ORIGIN, db());
    const rec = structuredClone(entry!.revisions.at(-1)!.record) as any;
    rec.purpose.purpose = { en: "=Edited purpose, with a comma" };
    rec.identity.policyDomain = "public_health";
    publishRevision(rec, { at: "2026-12-03T09:00:00.000Z" }, db());
    const { query } = parseToolQuery(new URLSearchParams("regime=us-omb-ai-inventory"));
    const again = cellsOf("omb-2025", enc(exportInterop("omb-2025", query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, db()).body));
    expect(diffs("omb-2025", source, again)).toEqual([
      `${i + 1} topic_area: "Science" → "Health and Medical"`,
      `${i + 1} problem_solved: ${JSON.stringify(source[i]!.problem_solved)} → "=Edited purpose, with a comma"`,
    ]);
  });
});


describe("UK: a record filling every attribute", () => {
  it("imports and comes back field for field; and with a second record (other organisation) in the same file", () => {
    const other = { ...ATRS_FULL, id: "A-7", title: "", name: "Prescription check 处方核查", organisation_name: "NHS Business Services Authority", organisation_or_department: "NHS Business Services Authority", phase: "beta/pilot", tool_phase: "Retired", website_url: "N/A", companies_house_number: "N/A", source_data_url: "not a link", date_of_completion: "15/03/2024", one_sentence_description: "x".repeat(450) };
    const bytes = enc(JSON.stringify([ATRS_FULL, other], null, 2));
    const source = cellsOf("atrs-3", bytes);
    const { problems, back, report } = roundTrip("atrs-3", bytes);
    expect(problems).toEqual([]);
    expect(report.result).toBe("imported");
    expect(diffs("atrs-3", source, back)).toEqual([]);
  });
});


describe("UK: an edit through the standard", () => {
  it("a new revision with another status and team: both phases and the team change in the export, nothing else", () => {
    const rec = { ...ATRS_FULL, phase: "Beta/Pilot", tool_phase: "Production" };
    const bytes = enc(JSON.stringify([rec]));
    const source = cellsOf("atrs-3", bytes);
    const { report, back } = roundTrip("atrs-3", bytes);
    expect(diffs("atrs-3", source, back)).toEqual([]);
    const [entry] = recordsEntries([report.rows[0]!.id!], ORIGIN, db());
    const record = structuredClone(entry!.revisions.at(-1)!.record) as any;
    record.lifecycle.deploymentStatus = "retired";
    record.responsibility.team = { en: "Enforcement Analytics" };
    publishRevision(record, { at: "2026-12-03T09:00:00.000Z" }, db());
    const { query } = parseToolQuery(new URLSearchParams("regime=uk-atrs"));
    const again = cellsOf("atrs-3", enc(exportInterop("atrs-3", query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, db()).body));
    expect(diffs("atrs-3", source, again)).toEqual([`1 phase: "Beta/Pilot" → "Retired"`, `1 team: "MOT Policy" → "Enforcement Analytics"`, `1 tool_phase: "Production" → "Retired"`]);
  });
});

describe("NL: a record filling every key of the schema", () => {
  it("schema shape: imports and comes back key for key, the JSON identical", () => {
    const bytes = enc(JSON.stringify([NL_FULL], null, 2));
    const source = cellsOf("nl-1", bytes);
    const { problems, back, report, out } = roundTrip("nl-1", bytes);
    expect(problems).toEqual([]);
    expect(report.result).toBe("imported");
    expect(diffs("nl-1", source, back)).toEqual([]);
    expect(JSON.parse(out.body)).toEqual([NL_FULL]);
  });
  it("api shape (the sample and a full item): imports and comes back key for key", () => {
    const sample = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/interop/nl-algoritmeregister/sample_1_record.json"), "utf8"));
    sample.algoritmes.push({ doel: NL_FULL.goal, geregistreerd: "2024-01-02", id: "999", impactassessment: "DPIA, IAMA", juridische_basis: NL_FULL.lawful_basis, organisatie: "Provincie Fryslân", status: "buiten_gebruik", title: "Één algoritme", toegevoegd: "2024-01-03", url: "https://algoritmes.overheid.nl/nl/algoritme/999" });
    sample.count = 2;
    const bytes = enc(JSON.stringify(sample, null, 2));
    const source = cellsOf("nl-1", bytes);
    const { problems, back, report, out } = roundTrip("nl-1", bytes, db(), "api");
    expect(problems).toEqual([]);
    expect(report.result).toBe("imported");
    expect(diffs("nl-1", source, back)).toEqual([]);
    expect(JSON.parse(out.body).algoritmes).toEqual(sample.algoritmes);
  });
});

const toolCount = () => (db().$client.prepare(`SELECT count(*) AS n FROM tools`).get() as { n: number }).n;
const agencyCount = () => (db().$client.prepare(`SELECT count(*) AS n FROM agencies`).get() as { n: number }).n;

function refusedClearly(key: InteropFormatKey, bytes: Uint8Array, code?: string) {
  const [t0, a0] = [toolCount(), agencyCount()];
  const report = importInterop(ctxOf({ actor: admin, db: db(), now: NOW }), { format: key, bytes, createAgencies: true, validOnly: true });
  expect(toolCount()).toBe(t0);
  expect(agencyCount()).toBe(a0);
  const notices = [...report.fileNotices];
  const rowProblems = report.rows.flatMap((r) => r.problems);
  expect(report.written.tools, key).toBe(0);
  if (notices.length) {
    expect(report.result).toBe("file_refused");
    for (const n of notices) {
      expect(Object.hasOwn(STRINGS.en, n.code), n.code).toBe(true);
      expect(Object.hasOwn(STRINGS.zh, n.code), n.code).toBe(true);
      const zh = noticeMessage(n, "zh");
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(noticeMessage(n, "en")).not.toMatch(/[\u4e00-\u9fff]/);
    }
    if (code) expect(notices.map((n) => n.code)).toContain(code);
  } else {
    expect(rowProblems.length, `${key}: neither refused nor with row problems: ${report.result}`).toBeGreaterThan(0);
    for (const p of rowProblems) expect(issueLine(p, "zh")).toMatch(/[\u4e00-\u9fff]/);
  }
  return report;
}

describe("hostile files: refused in both languages, nothing written", () => {
  const header = interopFormat("omb-2025")!.fields.map((f) => f.key).join(",");
  const row = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? "DOI" : i === 3 ? "A name" : "")).join(",");
  const atrs = (extra: string) => enc(`[{"name":"A","organisation_name":"Org"${extra}}]`);
  const nl = (extra: string) => enc(`[{"name":"A","organization":"Gemeente X"${extra}}]`);
  it.each([
    ["omb-2025", "over the size limit", new Uint8Array(21 * 1024 * 1024).fill(0x41), "importFileTooLarge"],
    ["atrs-3", "over the size limit", new Uint8Array(21 * 1024 * 1024).fill(0x20), "importFileTooLarge"],
    ["nl-1", "over the size limit", new Uint8Array(21 * 1024 * 1024).fill(0x20), "importFileTooLarge"],
    ["omb-2025", "Latin-1 bytes", new Uint8Array([...enc(`${header}\nDOI,Dept,,Caf`), 0xe9, 0x0a]), "importNotUtf8"],
    ["atrs-3", "UTF-16", new Uint8Array([0xff, 0xfe, 0x5b, 0x00, 0x5d, 0x00]), "importNotUtf8"],
    ["nl-1", "Latin-1", new Uint8Array([0x5b, 0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x5d]), "importNotUtf8"],
    ["omb-2025", "an extra column", enc(`${header},extra\n${row(37)}\n`), "interopOmbHeader"],
    ["omb-2025", "a missing column", enc(`${header.split(",").slice(0, 35).join(",")}\n${row(35)}\n`), "interopOmbHeader"],
    ["omb-2025", "the columns in another order", enc(`${[...header.split(",").slice(1, 2), ...header.split(",").slice(0, 1), ...header.split(",").slice(2)].join(",")}\n${row(36)}\n`), "interopOmbHeaderOrder"],
    ["omb-2025", "a column twice", enc(`${header},id\n${row(37)}\n`), "interopOmbHeaderRepeated"],
    ["omb-2025", "a row with an extra cell", enc(`${header}\n${row(37)}\n`), "importCsvUnreadable"],
    ["omb-2025", "a row with a missing cell", enc(`${header}\n${row(35)}\n`), "importCsvUnreadable"],
    ["omb-2025", "an unclosed quote", enc(`${header}\n"${row(36)}\n`), "importCsvUnreadable"],
    ["omb-2025", "a JSON file", atrs(""), undefined],
    ["omb-2025", "empty", enc("\uFEFF"), undefined],
    ["atrs-3", "a __proto__ key", atrs(`,"__proto__":{"polluted":"yes"}`), "interopAtrsUnknownKeys"],
    ["atrs-3", "a constructor key", atrs(`,"constructor":"x"`), "interopAtrsUnknownKeys"],
    ["atrs-3", "deep nesting", enc("[".repeat(200_000) + "]".repeat(200_000)), undefined],
    ["atrs-3", "a nested value", atrs(`,"team":{"a":[1]}`), undefined],
    ["atrs-3", "a v4.0 record", atrs(`,"development_data_description":"x"`), "interopAtrsUnknownKeys"],
    ["atrs-3", "a CSV", enc(`${header}\n`), "importJsonInvalid"],
    ["nl-1", "a __proto__ key", nl(`,"__proto__":{"polluted":"yes"}`), "interopNlUnknownKeys"],
    ["nl-1", "a __proto__ key in a grouping", nl(`,"lawful_basis_grouping":[{"__proto__":{"polluted":"yes"}}]`), undefined],
    ["nl-1", "an API list with a __proto__ item key", enc(`{"algoritmes":[{"title":"A","__proto__":{"x":1}}]}`), "interopNlUnknownKeys"],
    ["nl-1", "deep nesting", enc(`{"algoritmes":` + "[".repeat(200_000) + "]".repeat(200_000) + "}"), undefined],
    ["nl-1", "deep nesting in a grouping", nl(`,"source_data_grouping":[{"a":` + "[".repeat(50_000) + "]".repeat(50_000) + "}]"), undefined],
    ["nl-1", "a number where text is", nl(`,"goal":12`), "interopNlValue"],
    ["nl-1", "nothing", enc("   "), undefined],
  ] as [InteropFormatKey, string, Uint8Array, string | undefined][])("%s: %s", (key, _what, bytes, code) => {
    refusedClearly(key, bytes, code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("odd text", () => {
  it.each([
    ["a lone surrogate", "Name \ud800 end"],
    ["a NUL", "Name \u0000 end"],
    ["a tab start", "\tName"],
    ["CRLF inside", "Line one\r\nLine two"],
    ["long text", "x".repeat(30_000)],
  ])("ATRS description with %s: imported and identical, or refused with a reason", (_w, text) => {
    const bytes = enc(JSON.stringify([{ name: "A", organisation_name: "Org", description: text, detailed_description: text }]));
    const source = cellsOf("atrs-3", bytes);
    const { problems, back, report } = roundTrip("atrs-3", bytes);
    if (report.result === "imported") expect(diffs("atrs-3", source, back)).toEqual([]);
    else {
      expect(problems.length).toBeGreaterThan(0);
      // Each problem names the source field it is about, not only the register's extension area.
      expect(report.rows[0]!.problems.map((p) => p.field).sort()).toEqual(["description", "detailed_description"]);
    }
  });
  it("US: a description over the length the register keeps is refused naming the source column", () => {
    const header = interopFormat("omb-2025")!.fields.map((f) => f.key);
    const cells = Object.fromEntries(header.map((h) => [h, ""]));
    const long = "y".repeat(20_001);
    const bytes = enc(rawCsv(header, [{ ...cells, agency: "DOI", agency_name: "Department of the Interior", use_case_name: "Fine", problem_solved: long }]));
    const report = importInterop(ctxOf({ actor: admin, db: db(), now: NOW }), { format: "omb-2025", bytes, createAgencies: true });
    expect(report.result).toBe("refused");
    expect(report.rows[0]!.problems.map((p) => p.field)).toEqual(["problem_solved"]);
  });
});

describe("this register's own records, out and in again", () => {
  it.each(["omb-2025", "atrs-3", "nl-1"] as InteropFormatKey[])("%s: the seeded register exported, imported into another register and exported again gives the same cells", (key) => {
    const { query } = parseToolQuery(new URLSearchParams(""));
    const first = exportInterop(key, query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, db());
    const source = cellsOf(key, enc(first.body));
    expect(source.length).toBeGreaterThan(10);
    const other = freshDb("seeded");
    try {
      setDb(other.db);
      const { problems, back, report } = roundTrip(key, enc(first.body), other.db);
      expect(problems.slice(0, 5)).toEqual([]);
      expect(report.result).toBe("imported");
      expect(diffs(key, source, back).slice(0, 20)).toEqual([]);
    } finally {
      setDb(db());
      other.close();
    }
  });
});

describe("an edit of a field another one was filled from", () => {
  const newestRecord = (id: string) => structuredClone(recordsEntries([id], ORIGIN, db())[0]!.revisions.at(-1)!.record) as any;
  const exportAgain = (key: InteropFormatKey) => {
    const { query } = parseToolQuery(new URLSearchParams(`regime=${REGISTER[key]}`));
    return cellsOf(key, enc(exportInterop(key, query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, db()).body));
  };
  it("US: a new name for a row without a description changes use_case_name only (problem_solved stays empty)", () => {
    const bytes = fs.readFileSync(path.join(ROOT, "test/fixtures/interop/us-omb-2025/sample_12_rows.csv"));
    const source = cellsOf("omb-2025", bytes);
    const { report } = roundTrip("omb-2025", bytes);
    const i = source.findIndex((r) => r.problem_solved === "");
    expect(i).toBeGreaterThanOrEqual(0);
    const rec = newestRecord(report.rows[i]!.id!);
    rec.identity.name = { en: "Renamed use case" };
    publishRevision(rec, { at: "2026-12-03T09:00:00.000Z" }, db());
    expect(diffs("omb-2025", source, exportAgain("omb-2025"))).toEqual([`${i + 1} use_case_name: ${JSON.stringify(source[i]!.use_case_name)} → "Renamed use case"`]);
  });
  it("NL (schema shape): a new goal changes goal only (description_short stays empty); a new summary then changes description_short", () => {
    const bytes = fs.readFileSync(path.join(ROOT, "test/fixtures/interop/nl-algoritmeregister/nl-algoritmeregister.nl-1.json"));
    const source = cellsOf("nl-1", bytes);
    expect(source[0]!.description_short).toBe("");
    const { report } = roundTrip("nl-1", bytes);
    const id = report.rows[0]!.id!;
    const rec = newestRecord(id);
    rec.purpose.purpose = { nl: "Nieuw doel. Tweede zin." };
    publishRevision(rec, { at: "2026-12-03T09:00:00.000Z" }, db());
    expect(diffs("nl-1", source, exportAgain("nl-1"))).toEqual([`1 goal: ${JSON.stringify(source[0]!.goal)} → "Nieuw doel. Tweede zin."`]);
    const rec2 = newestRecord(id);
    rec2.identity.summary = { nl: "Nieuwe samenvatting." };
    publishRevision(rec2, { at: "2026-12-03T10:00:00.000Z" }, db());
    expect(diffs("nl-1", source, exportAgain("nl-1"))).toEqual([`1 description_short: "" → "Nieuwe samenvatting."`, `1 goal: ${JSON.stringify(source[0]!.goal)} → "Nieuw doel. Tweede zin."`]);
  });
});

describe("records of all three registers in one register, each format written from all of them", () => {
  it.each(["omb-2025", "atrs-3", "nl-1"] as InteropFormatKey[])("%s: the whole register exported reads back, and goes into another register and out again with the same cells", (key) => {
    const files: [InteropFormatKey, string][] = [
      ["omb-2025", "us-omb-2025/sample_12_rows.csv"],
      ["atrs-3", "uk-atrs/uk-atrs.atrs-3.json"],
      ["nl-1", "nl-algoritmeregister/sample_1_record.json"],
    ];
    for (const [k, f] of files) {
      const r = importInterop(ctxOf({ actor: admin, db: db(), now: NOW }), { format: k, bytes: fs.readFileSync(path.join(ROOT, "test/fixtures/interop", f)), createAgencies: true, validOnly: true });
      expect(r.written.tools, f).toBeGreaterThan(0);
    }
    const { query } = parseToolQuery(new URLSearchParams(""));
    const out = exportInterop(key, query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, db());
    const source = cellsOf(key, enc(out.body));
    expect(source.length).toBe(out.total);
    const other = freshDb("seeded");
    try {
      setDb(other.db);
      const report = importInterop(ctxOf({ actor: admin, db: other.db, now: NOW }), { format: key, bytes: enc(out.body), createAgencies: true });
      expect(report.rows.flatMap((r) => r.problems).slice(0, 5)).toEqual([]);
      const { query: q } = parseToolQuery(new URLSearchParams(`regime=${REGISTER[key]}`));
      const back = cellsOf(key, enc(exportInterop(key, q, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, other.db).body));
      expect(diffs(key, source, back).slice(0, 20)).toEqual([]);
    } finally {
      setDb(db());
      other.close();
    }
  });
});
