// The Dutch algorithm register's format nl-1 through the register (issue 16): each fixture
// (the public API's list as fetched, and the same record keyed as the register's schema keys it)
// imported by an admin into a fresh register as a mirrored record, exported again in the same
// format and shape, and compared field by field (every difference listed; none allowed). Then the
// edit test: a new public revision with a different legal basis changes the export's
// lawful_basis (juridische_basis in the API's shape), and nothing else. An official's import
// makes drafts of their own agency only.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { importInterop } from "../../registry/exchange/interop/import.server";
import { interopRows } from "../../registry/exchange/interop/export.server";
import { NL_1 } from "../../registry/exchange/interop/nl-1/format";
import { sameJson } from "../../registry/exchange/interop/path";
import { recordsEntries } from "../../registry/exchange/records/export.server";
import { publishRevision } from "../../registry/records/publish.server";
import { ctxOf } from "../../registry/shared/context";
import { isMirrored } from "../../registry/standard/regime";
import { ToolRecord } from "../../registry/standard/v1";
import { checkRegister } from "../../registry/log/verify.server";
import type { Actor } from "../../registry/auth/roles";
import type { Db } from "../../db/client.server";

const DIR = path.join(__dirname, "../fixtures/interop/nl-algoritmeregister");
const FIXTURES = [
  { file: "sample_1_record.json", shape: "api" as const, basisKey: "juridische_basis" },
  { file: "nl-algoritmeregister.nl-1.json", shape: "schema" as const, basisKey: "lawful_basis" },
];
const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };
const NOW = new Date("2026-12-03T00:10:00Z");
const ORIGIN = "https://register.example";

const db = useFreshDb("seeded");
const bytesOf = (file: string) => fs.readFileSync(path.join(DIR, file));
const enc = (s: string) => new TextEncoder().encode(s);

function importAsAdmin(bytes: Uint8Array) {
  const report = importInterop(ctxOf({ actor: admin, db: db(), now: NOW }), { format: "nl-1", bytes, createAgencies: true });
  expect(report.fileNotices).toEqual([]);
  expect(report.rows.flatMap((r) => r.problems)).toEqual([]);
  expect(report.result).toBe("imported");
  return report;
}

/** The export of some tools in nl-1, in a shape, with the file's metadata when given. */
function exportOf(ids: string[], shape: "api" | "schema", file?: Record<string, string | number>, d: Db = db()): string {
  return NL_1.write(interopRows("nl-1", ids, ORIGIN, d), { exportedAt: "2026-12-03T00:20:00Z", source: `${ORIGIN}/`, shape, ...(file ? { file } : {}) });
}

/** Every difference between two files of the format, field by field: `item 1 lawful_basis`, `count`. */
function differences(a: string, b: string): string[] {
  const pa = JSON.parse(a) as unknown;
  const pb = JSON.parse(b) as unknown;
  const itemsOf = (p: unknown) => (Array.isArray(p) ? p : ((p as { algoritmes: unknown[] }).algoritmes ?? [])) as Record<string, unknown>[];
  const out: string[] = [];
  if (!Array.isArray(pa)) for (const k of ["count", "fetched_at", "source_url"]) if (!sameJson((pa as Record<string, unknown>)[k], (pb as Record<string, unknown>)[k])) out.push(k);
  const ia = itemsOf(pa);
  const ib = itemsOf(pb);
  if (ia.length !== ib.length) out.push(`items ${ia.length} ≠ ${ib.length}`);
  ia.forEach((x, i) => {
    const y = ib[i] ?? {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) if (!sameJson(x[k], y[k])) out.push(`item ${i + 1} ${k}`);
  });
  return out;
}

const newest = (id: string) => recordsEntries([id], ORIGIN, db())[0]!.revisions.at(-1)!.record as Record<string, unknown>;

describe("nl-1 through the register", () => {
  it.each(FIXTURES)("$file: imports as a mirrored, valid record and exports in the same shape field for field, byte for byte", ({ file, shape }) => {
    const bytes = bytesOf(file);
    const read = NL_1.read(bytes);
    if (!read.ok) throw new Error("read");
    const report = importAsAdmin(bytes);
    expect(report.as).toBe("mirrored");
    expect(report.written.tools).toBe(1);
    const id = report.rows[0]!.id!;
    const record = newest(id);
    expect(ToolRecord.safeParse(record).success).toBe(true);
    const parsed = ToolRecord.parse(record);
    expect(isMirrored(parsed)).toBe(true);
    expect(parsed.regime).toMatchObject({ governedBy: "source_register", register: "nl-algoritmeregister", sourceUrl: "https://algoritmes.overheid.nl/nl/algoritme/11243654" });
    // The API list's fetched_at is the day the record was taken; the schema-keyed file does not say.
    expect((parsed.regime as { retrievedOn?: string }).retrievedOn).toBe(shape === "api" ? "2026-08-08" : undefined);
    expect(parsed.identity.name).toEqual({ nl: "Inzet geautomatiseerde gezichtsvergelijking" });
    expect(parsed.identity.originalLanguage).toBe("nl");
    expect(parsed.purpose.legalBasis[0]!.citation).toMatch(/^Wet BRP art\. 2\.67/);
    expect(parsed.lifecycle.deploymentStatus).toBe("in_use");
    expect(parsed.lifecycle.sunsetDate).toBeNull();
    // The agency's Dutch name is its stored (English-column) name, untranslated, so it comes back.
    expect(db().$client.prepare(`SELECT name_en, name_zh, jurisdiction_level, place_en FROM agencies WHERE slug = 'nl-gemeente-gennep'`).get()).toEqual({
      name_en: "Gemeente Gennep",
      name_zh: null,
      jurisdiction_level: "city",
      place_en: "Gennep, Netherlands",
    });

    const out = exportOf([id], shape, read.meta);
    expect(differences(bytes.toString("utf8"), out)).toEqual([]);
    expect(out).toBe(bytes.toString("utf8"));
    expect(checkRegister(db().$client).problems).toEqual([]);
  });

  it("the API list exported without the file's metadata says what the export is; its records are the same", () => {
    const report = importAsAdmin(bytesOf("sample_1_record.json"));
    const out = exportOf([report.rows[0]!.id!], "api");
    expect(differences(bytesOf("sample_1_record.json").toString("utf8"), out)).toEqual(["count", "fetched_at", "source_url"]);
    expect(JSON.parse(out)).toMatchObject({ count: 1, fetched_at: "2026-12-03T00:20:00Z", source_url: `${ORIGIN}/` });
  });

  it.each(FIXTURES)("$file: THE EDIT TEST — a new public revision with another legal basis changes $basisKey in the export, and nothing else", ({ file, shape, basisKey }) => {
    const bytes = bytesOf(file);
    const read = NL_1.read(bytes);
    if (!read.ok) throw new Error("read");
    const id = importAsAdmin(bytes).rows[0]!.id!;
    const before = exportOf([id], shape, read.meta);

    const record = structuredClone(newest(id)) as { purpose: { legalBasis: { citation: string }[] } };
    const edited = "Wet basisregistratie personen, artikel 2.67, vierde lid";
    record.purpose.legalBasis[0]!.citation = edited;
    const published = publishRevision(record, { at: "2026-12-03T00:15:00Z" }, db());
    expect(published).toMatchObject({ toolId: id, revisionNumber: 2, unchanged: false });
    expect(ToolRecord.parse(newest(id)).purpose.legalBasis[0]!.citation).toBe(edited);

    const after = exportOf([id], shape, read.meta);
    expect(differences(before, after)).toEqual([`item 1 ${basisKey}`]);
    const items = (s: string) => {
      const p = JSON.parse(s) as unknown;
      return (Array.isArray(p) ? p : (p as { algoritmes: Record<string, unknown>[] }).algoritmes) as Record<string, unknown>[];
    };
    expect(items(after)[0]![basisKey]).toBe(edited);
    expect(items(before)[0]![basisKey]).toBe(items(bytes.toString("utf8"))[0]![basisKey]);
    // The other shape says the same.
    const other = shape === "api" ? "schema" : "api";
    const otherItem = items(exportOf([id], other))[0]!;
    expect(otherItem[other === "api" ? "juridische_basis" : "lawful_basis"]).toBe(edited);
  });

  it("an official's import makes drafts of their own agency only: another organisation's record is refused, their own becomes a draft", () => {
    const official = actorByEmail("official.shanghai@register.example");
    const own = db().$client.prepare(`SELECT id, name_en FROM agencies WHERE slug = 'shanghai-municipal-government'`).get() as { id: number; name_en: string };
    const tools = () => (db().$client.prepare(`SELECT count(*) AS n FROM tools`).get() as { n: number }).n;
    const count = tools();

    // Gemeente Gennep is not the official's agency: refused, nothing written.
    const refused = importInterop(ctxOf({ actor: official, db: db(), now: NOW }), { format: "nl-1", bytes: bytesOf("sample_1_record.json") });
    expect(refused.as).toBe("drafts");
    expect(refused.result).not.toBe("imported");
    expect(refused.rows[0]!.problems.length).toBeGreaterThan(0);
    expect(tools()).toBe(count);
    // Creating agencies is an admin's import only.
    expect(() => importInterop(ctxOf({ actor: official, db: db(), now: NOW }), { format: "nl-1", bytes: bytesOf("sample_1_record.json"), createAgencies: true })).toThrow();

    // The same record naming the official's own agency: one new draft of that agency, not public, not mirrored.
    const mine = (JSON.parse(bytesOf("nl-algoritmeregister.nl-1.json").toString("utf8")) as Record<string, string>[]).map((r) => ({ ...r, organization: own.name_en }));
    const report = importInterop(ctxOf({ actor: official, db: db(), now: NOW }), { format: "nl-1", bytes: enc(JSON.stringify(mine)) });
    expect(report.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(report).toMatchObject({ result: "imported", as: "drafts", written: { tools: 1 } });
    const tool = db().$client.prepare(`SELECT seq, owner_agency_id, published_revision_id, review_status, regime FROM tools WHERE id = ?`).get(report.rows[0]!.id) as {
      seq: number;
      owner_agency_id: number;
      published_revision_id: number | null;
      review_status: string;
    };
    expect(tool).toMatchObject({ owner_agency_id: own.id, published_revision_id: null, review_status: "draft" });
    expect(db().$client.prepare(`SELECT status FROM revisions WHERE tool_seq = ?`).all(tool.seq)).toEqual([{ status: "draft" }]);
    expect(tools()).toBe(count + 1);
  });
});
