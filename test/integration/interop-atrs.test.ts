// The UK Algorithmic Transparency Recording Standard v3.0 file in and out of the register (issue
// 16): the two published UK records of the fixture (test/fixtures/interop/uk-atrs/uk-atrs.atrs-3.json)
// imported by an admin as mirrored records, every one valid, then exported in the same format and
// compared field by field (every difference is listed). A record rebuilt with one field changed
// through the standard exports with that field changed only. An official importing the file gets
// drafts of their own agency only; the other agency's records are refused.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDb, freshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { ROOT } from "../helpers/paths";
import { ctxOf } from "../../registry/shared/context";
import { importInterop } from "../../registry/exchange/interop/import.server";
import { exportInterop, interopRows } from "../../registry/exchange/interop/export.server";
import { readAtrsJson } from "../../registry/exchange/interop/atrs-3/format";
import { ATRS_3_KEYS } from "../../registry/exchange/interop/atrs-3/fields";
import { recordsEntries } from "../../registry/exchange/records/export.server";
import { importRecords } from "../../registry/exchange/records/import.server";
import { parseToolQuery } from "../../registry/records/query";
import { getToolDetail } from "../../registry/records/detail.server";
import { isMirrored } from "../../registry/standard/regime";
import { ToolRecord } from "../../registry/standard/v1";
import { checkRegister } from "../../registry/log/verify.server";
import { setDb, type Db } from "../../db/client.server";
import { docToRow, rowToDoc, type Cells } from "../../registry/exchange/interop/mapping";
import { ATRS_MAPPING } from "../../registry/exchange/interop/atrs-3/mapping";
import type { Actor } from "../../registry/auth/roles";

const FIXTURE = path.join(ROOT, "test/fixtures/interop/uk-atrs/uk-atrs.atrs-3.json");
const ORIGIN = "https://register.example";
const NOW = new Date("2026-12-02T20:00:00Z");
const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };
const OFFICIAL = "official.shanghai@register.example";

const getDb = useFreshDb("seeded");
const bytes = () => new Uint8Array(fs.readFileSync(FIXTURE));

function source(b: Uint8Array): Cells[] {
  const r = readAtrsJson(b);
  if (!r.ok) throw new Error(JSON.stringify(r.notices));
  return r.rows.map((x) => x.cells);
}

/** Every field that differs between two lists of records, as "record key: expected → got". */
function differences(want: Cells[], got: Cells[]): string[] {
  const out: string[] = [];
  if (want.length !== got.length) out.push(`records: ${want.length} → ${got.length}`);
  want.forEach((w, i) => {
    for (const k of ATRS_3_KEYS) if ((got[i]?.[k] ?? "<absent>") !== w[k]) out.push(`${i + 1} ${k}: ${JSON.stringify(w[k])} → ${JSON.stringify(got[i]?.[k])}`);
  });
  return out;
}

function importAsAdmin(db: Db) {
  const report = importInterop(ctxOf({ actor: admin, db, now: NOW }), { format: "atrs-3", bytes: bytes(), createAgencies: true });
  expect(report.fileNotices).toEqual([]);
  expect(report.rows.flatMap((r) => r.problems)).toEqual([]);
  expect(report.result).toBe("imported");
  return report;
}

describe("ATRS v3.0 in and out", () => {
  it("an admin imports the two published UK records as mirrored records, each valid, and the chain verifies", async () => {
    const db = getDb();
    const report = importAsAdmin(db);
    expect(report.as).toBe("mirrored");
    expect(report.written).toEqual({ tools: 2, agencies: 2 });
    expect(report.rows.map((r) => r.name)).toEqual(["MOT Risk Rating", "NHS Prescriptions and Dental Exemption check"]);
    expect(report.rows[0]!.landed).toMatchObject({ team: "responsibility.team", website_url: "kept", organisation_or_department: "@agency.name" });
    for (const row of report.rows) {
      const d = await getToolDetail(ctxOf({ db }), { idOrSlug: row.id! });
      if (!d || !("found" in d)) throw new Error(`${row.id} not published`);
      const record = d.found.record;
      expect(isMirrored(record), row.id!).toBe(true);
      expect(record.regime).toMatchObject({ governedBy: "source_register", register: "uk-atrs" });
      expect(record.lifecycle.reviewStatus).toBe("unreviewed");
      const valid = ToolRecord.safeParse(record);
      expect(valid.success ? [] : valid.error.issues, row.id!).toEqual([]);
    }
    const agencies = db.$client.prepare(`SELECT slug, name_en, jurisdiction_level FROM agencies WHERE slug LIKE 'uk-%' ORDER BY slug`).all();
    expect(agencies).toEqual([
      { slug: "uk-driver-and-vehicle-standards-agency-dvsa", name_en: "Driver and Vehicle Standards Agency (DVSA)", jurisdiction_level: "national" },
      { slug: "uk-nhs-business-services-authority", name_en: "NHS Business Services Authority", jurisdiction_level: "national" },
    ]);
    expect(checkRegister(db.$client).problems).toEqual([]);
  });

  it("exported in the same format, every field of every record is as published (field by field), and the file is the fixture byte for byte", () => {
    const db = getDb();
    const report = importAsAdmin(db);
    const ids = report.rows.map((r) => r.id!);
    expect(differences(source(bytes()), interopRows("atrs-3", ids, ORIGIN, db))).toEqual([]);

    const { query } = parseToolQuery(new URLSearchParams("regime=uk-atrs"));
    const file = exportInterop("atrs-3", query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, db);
    expect(file.total).toBe(2);
    expect(differences(source(bytes()), source(new TextEncoder().encode(file.body)))).toEqual([]);
    expect(file.body).toBe(fs.readFileSync(FIXTURE, "utf8"));
  });

  it("the register's own records export as ATRS too (the crosswalk the other way): the file reads back without a refusal and each record's fields come back unchanged", () => {
    const db = getDb();
    const { query } = parseToolQuery(new URLSearchParams(""));
    const file = exportInterop("atrs-3", query, { origin: ORIGIN, order: "id", exportedAt: NOW.toISOString() }, db);
    expect(file.total).toBeGreaterThan(5);
    const rows = source(new TextEncoder().encode(file.body));
    expect(rows).toHaveLength(file.total);
    expect(rows.every((r) => r.name !== "" && r.organisation_or_department !== "")).toBe(true);
    const again = rows.map((r) => docToRow(ATRS_MAPPING, rowToDoc(ATRS_MAPPING, r).doc));
    expect(differences(rows, again)).toEqual([]);
  });

  it("a record whose team and purpose are changed through the standard (a new revision, imported through the records path) exports with those two fields changed only", () => {
    const db = getDb();
    const report = importAsAdmin(db);
    const id = report.rows[0]!.id!;
    const before = interopRows("atrs-3", [id], ORIGIN, db)[0]!;

    // The entry with a second revision, the record changed in two of its standard fields, rebuilt in a fresh register.
    const entry = recordsEntries([id], ORIGIN, db)[0]!;
    const revisions = entry.revisions.map(({ recordSha256: _s, ...r }) => r);
    const next = structuredClone(revisions.at(-1)!);
    const record = next.record as { responsibility: { team: { en: string } }; purpose: { purpose: { en: string } } };
    record.responsibility.team.en = "MOT Enforcement Analytics";
    record.purpose.purpose.en = "Prioritises visits to MOT testing stations.";
    revisions.push({ ...next, number: 2, createdAt: "2026-12-02T21:00:00Z", publishedAt: "2026-12-02T21:00:00Z" });
    const other = freshDb("seeded");
    try {
      setDb(other.db);
      const done = importRecords(ctxOf({ actor: admin, db: other.db, now: NOW }), { text: JSON.stringify([{ ...entry, revisions }]), createAgencies: true });
      expect(done.entries.flatMap((e) => e.problems)).toEqual([]);
      expect(done.result).toBe("imported");
      const after = interopRows("atrs-3", [id], ORIGIN, other.db)[0]!;
      expect(differences([before], [after])).toEqual([
        `1 description: ${JSON.stringify(before.description)} → "Prioritises visits to MOT testing stations."`,
        `1 team: "MOT Policy" → "MOT Enforcement Analytics"`,
      ]);
    } finally {
      setDb(db);
      other.close();
    }
  });

  it("an official importing the file gets drafts of their own agency only: a record of another organisation is refused, nothing is published", () => {
    const db = getDb();
    const official = actorByEmail(OFFICIAL);
    const own = db.$client.prepare(`SELECT slug, name_en FROM agencies WHERE id = ?`).get(official.agencyId) as { slug: string; name_en: string };
    const records = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, unknown>[];
    const mine = { ...records[1], organisation_or_department: own.name_en, phase: "Production", name: "Exemption check", external_supplier: "", companies_house_number: "", data_access_terms: "" };
    const file = new TextEncoder().encode(JSON.stringify([records[0], mine]));
    const published = () => (db.$client.prepare(`SELECT COUNT(*) AS n FROM tools WHERE published_revision_id IS NOT NULL`).get() as { n: number }).n;
    const tools = () => (db.$client.prepare(`SELECT COUNT(*) AS n FROM tools`).get() as { n: number }).n;
    const [p0, t0] = [published(), tools()];

    const all = importInterop(ctxOf({ actor: official, db, now: NOW }), { format: "atrs-3", bytes: file });
    expect(all.as).toBe("drafts");
    expect(all.result).toBe("refused");
    expect(all.rows[0]!.problems.length).toBeGreaterThan(0);
    expect(all.rows[1]!.problems).toEqual([]);
    expect(tools()).toBe(t0);

    const some = importInterop(ctxOf({ actor: official, db, now: NOW }), { format: "atrs-3", bytes: file, validOnly: true });
    expect(some.result).toBe("imported");
    expect(some.rows.map((r) => r.written)).toEqual([false, true]);
    expect(some.written.tools).toBe(1);
    expect(tools()).toBe(t0 + 1);
    expect(published()).toBe(p0);
    const draft = db.$client
      .prepare(`SELECT a.slug AS owner, t.published_revision_id AS pub, r.status FROM tools t JOIN agencies a ON a.id = t.owner_agency_id JOIN revisions r ON r.tool_seq = t.seq WHERE t.id = ?`)
      .get(some.rows[1]!.id!);
    expect(draft).toEqual({ owner: own.slug, pub: null, status: "draft" });
    expect(() => importInterop(ctxOf({ actor: official, db, now: NOW }), { format: "atrs-3", bytes: file, createAgencies: true, validOnly: true })).toThrow();
  });
});
