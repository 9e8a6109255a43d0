// The table import's columns (issue 15): a column the format does not have is a warning, and its
// values are kept in the draft's extension area, not a refusal; the `agency` column may name only
// the official's own agency (authorization); a date the source does not give may be written
// "unknown" (or 未知) and is left empty, never invented; partial dates stay partial.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, importRow } from "../helpers/factories";
import { ctxOf } from "../../registry/shared/context";
import { runImport } from "../../registry/exchange/import/import.server";
import { IMPORT_EXTENSION_REGISTER } from "../../registry/exchange/import/extensions.server";
import { getDraft } from "../../registry/review/drafts.server";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { csvRow, CSV_BOM } from "../../registry/exchange/exports/csv";
import { issueMessage } from "~/i18n/errors";
import { noticeMessage } from "~/i18n/refusal";
import type { Db } from "../../db/client.server";

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const OFFICIAL = "official.shanghai@register.example";
const enc = (s: string) => new TextEncoder().encode(s);
const count = (db: Db, sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { n: number }).n;

function csvFile(rows: Record<string, string>[], columns: readonly string[]): Uint8Array {
  return enc(CSV_BOM + csvRow([...columns]) + rows.map((r) => csvRow(columns.map((c) => r[c] ?? ""))).join(""));
}
const run = (bytes: Uint8Array, opts: { dryRun?: boolean; mode?: "all" | "valid_only"; filename?: string } = {}) =>
  runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes, filename: opts.filename ?? "tools.csv" }, mode: opts.mode ?? "all", dryRun: opts.dryRun ?? false });
const draftOf = async (toolId: string) => (await getDraft(ctxOf({ actor: actorByEmail(OFFICIAL) }), { toolId })).record as Record<string, unknown> & { standardVersion: string };

describe("columns the format does not have", () => {
  const columns = [...TOOL_EXPORT_COLUMNS, "source_register_id", "provenance note"];

  it("are a warning, not a refusal; their non-empty values are kept in the draft's extension area", async () => {
    const file = csvFile([importRow("kept-a", { source_register_id: "US-DOJ-0042", "provenance note": "from the 2025 inventory" }), importRow("kept-b")], columns);
    const checked = await run(file, { dryRun: true });
    expect(checked.fileNotices).toEqual([]);
    expect(checked.warnings).toEqual([{ code: "importColumnsKept", params: { names: '"source_register_id", "provenance note"', more: 0 } }]);
    expect(noticeMessage(checked.warnings![0]!, "en")).toContain("Nothing was refused for them");
    expect(noticeMessage(checked.warnings![0]!, "zh")).toContain("不会导致拒绝");
    expect(checked.counts).toMatchObject({ create: 2, error: 0 });

    const r = await run(file);
    expect(r).toMatchObject({ result: "imported", written: { created: 2 } });
    const a = await draftOf(r.rows[0]!.id!);
    expect(a.extensions).toEqual({ [IMPORT_EXTENSION_REGISTER]: { source_register_id: "US-DOJ-0042", "provenance note": "from the 2025 inventory" } });
    expect(a.standardVersion).toBe("1.1");
    // An empty cell is not a fact: nothing is kept for the row without values.
    const b = await draftOf(r.rows[1]!.id!);
    expect(b.extensions).toBeUndefined();

    // Imported again with a changed value: the draft is updated; the same file once more changes nothing.
    const again = csvFile([importRow("kept-a", { id: r.rows[0]!.id!, source_register_id: "US-DOJ-0043" })], columns);
    expect((await run(again)).written.updated).toBe(1);
    expect((await draftOf(r.rows[0]!.id!)).extensions).toEqual({ [IMPORT_EXTENSION_REGISTER]: { source_register_id: "US-DOJ-0043", "provenance note": "from the 2025 inventory" } });
    expect((await run(again, { dryRun: true })).counts).toMatchObject({ unchanged: 1, update: 0 });
  });

  it("keeps a JSON file's extra keys too (text, numbers, yes/no); an object there is a row problem", async () => {
    const items = [
      { ...importRow("json-kept"), ato_year: 2023, high_impact: true, note: "  " },
      { ...importRow("json-bad"), ato_year: { nested: 1 } },
    ];
    const r = await run(enc(JSON.stringify(items)), { filename: "tools.json", mode: "valid_only" });
    expect(r.warnings?.[0]?.code).toBe("importColumnsKept");
    expect(r.rows[1]!.errors).toEqual([{ field: "ato_year", code: "err_import_cell_not_text" }]);
    expect((await draftOf(r.rows[0]!.id!)).extensions).toEqual({ [IMPORT_EXTENSION_REGISTER]: { ato_year: 2023, high_impact: true } });
  });

  it("refuses a formula in a kept column as in any other", async () => {
    // Written raw: the exports' own CSV writer would neutralise the formula.
    const raw = new TextDecoder().decode(csvFile([importRow("formula-kept", { source_register_id: "FORMULA" })], columns)).replace("FORMULA", "=HYPERLINK(1)");
    const r = await run(enc(raw), { dryRun: true });
    expect(r.rows[0]!.errors).toEqual([{ field: "source_register_id", code: "err_import_formula", params: { char: "=" } }]);
  });
});

describe("the agency column", () => {
  const columns = [...TOOL_EXPORT_COLUMNS, "agency"];

  it("may name the official's own agency, or be empty", async () => {
    const r = await run(csvFile([importRow("own-agency", { agency: "shanghai-municipal-government" }), importRow("no-agency")], columns));
    expect(r.rows.flatMap((x) => x.errors)).toEqual([]);
    expect(r.written.created).toBe(2);
  });

  it("naming another agency is a problem of the row, never a draft of that agency (authorization)", async () => {
    const db = getDb();
    const hangzhou = (db.$client.prepare(`SELECT id FROM agencies WHERE slug = 'hangzhou-health-commission'`).get() as { id: number }).id;
    const before = count(db, `SELECT count(*) AS n FROM tools WHERE owner_agency_id = ?`, hangzhou);
    const file = csvFile([importRow("mine", { agency: "shanghai-municipal-government" }), importRow("theirs", { agency: "hangzhou-health-commission" })], columns);
    const all = await run(file);
    expect(all.result).toBe("refused_invalid_rows");
    expect(all.rows[1]!.errors).toEqual([{ field: "agency", code: "err_import_agency_not_own", params: { agency: "杭州市卫生健康委员会 (Hangzhou Municipal Health Commission)" } }]);
    expect(issueMessage(all.rows[1]!.errors[0]!, "en")).toContain("This row is for 杭州市卫生健康委员会 (Hangzhou Municipal Health Commission)");
    expect(issueMessage(all.rows[1]!.errors[0]!, "zh")).toContain("该行属于杭州市卫生健康委员会");
    const some = await run(file, { mode: "valid_only" });
    expect(some.written.created).toBe(1);
    expect(count(db, `SELECT count(*) AS n FROM tools WHERE owner_agency_id = ?`, hangzhou)).toBe(before);
    expect(count(db, `SELECT count(*) AS n FROM tools WHERE slug = 'theirs'`)).toBe(0);
    // An agency the register does not have is a problem of the row too (named as written).
    const none = await run(csvFile([importRow("nowhere", { agency: "ministry-of-nowhere" })], columns), { dryRun: true });
    expect(none.rows[0]!.errors.map((e) => e.code)).toEqual(["err_import_agency_unknown_row"]);
  });
});

describe("an admin's table", () => {
  const columns = [...TOOL_EXPORT_COLUMNS, "agency"];
  const asAdmin = (bytes: Uint8Array, opts: { dryRun?: boolean; mode?: "all" | "valid_only" } = {}) =>
    runImport(ctxOf({ actor: actorByEmail("admin@register.example"), now: NOW }), { file: { bytes, filename: "tools.csv" }, mode: opts.mode ?? "all", dryRun: opts.dryRun ?? false });

  it("makes each row a draft of the agency it names, written by that agency's official; a row without an existing agency is a problem", async () => {
    const db = getDb();
    const r = await asAdmin(
      csvFile(
        [
          importRow("admin-sh", { agency: "shanghai-municipal-government" }),
          importRow("admin-hz", { agency: "hangzhou-health-commission" }),
          importRow("admin-none"),
          importRow("admin-nowhere", { agency: "ministry-of-nowhere" }),
        ],
        columns,
      ),
      { mode: "valid_only" },
    );
    expect(r.rows.map((x) => x.errors.map((e) => e.code))).toEqual([[], [], ["err_import_agency_required"], ["err_import_agency_unknown_row"]]);
    const owner = (slug: string) =>
      db.$client.prepare(`SELECT a.slug AS agency, u.role FROM tools t JOIN agencies a ON a.id = t.owner_agency_id JOIN revisions r ON r.tool_seq = t.seq JOIN users u ON u.id = r.created_by WHERE t.slug = ?`).get(slug);
    expect(owner("admin-sh")).toEqual({ agency: "shanghai-municipal-government", role: "official" });
    expect(owner("admin-hz")).toEqual({ agency: "hangzhou-health-commission", role: "official" });
    expect(count(db, `SELECT count(*) AS n FROM tools WHERE slug IN ('admin-none', 'admin-nowhere')`)).toBe(0);
    expect(issueMessage(r.rows[3]!.errors[0]!, "zh")).toContain("本登记簿中没有机构");
  });

  it("cannot update a tool of another agency than the row names, and whole records are not drafts for an admin", async () => {
    const first = await run(csvFile([importRow("owned-by-sh")], columns));
    const id = first.rows[0]!.id!;
    const r = await asAdmin(csvFile([importRow("owned-by-sh", { id, agency: "hangzhou-health-commission" })], columns), { dryRun: true });
    expect(r.rows[0]!.errors.map((e) => e.code)).toEqual(["err_import_id_foreign"]);
    const records = enc(JSON.stringify({ id: "ALG-000001", slug: "x", standardVersion: "1", agencies: [], revisions: [] }));
    await expect(asAdmin(records)).rejects.toMatchObject({ code: "forbidden" });
    // A reviewer imports nothing.
    await expect(
      runImport(ctxOf({ actor: actorByEmail("reviewer.samr@register.example"), now: NOW }), { file: { bytes: csvFile([importRow("rev", { agency: "samr" })], columns) }, mode: "all", dryRun: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("dates a source does not give", () => {
  it("'unknown' and 未知 leave a date empty; a year or a month stays partial; a retired tool still needs its year", async () => {
    const r = await run(
      csvFile(
        [
          importRow("sunset-unknown", { sunset_date: "unknown" }),
          importRow("sunset-weizhi", { sunset_date: "未知", retired_on: "Unknown" }),
          importRow("retired-year", { deployment_status: "retired", retired_on: "2024", retirement_reason_en: "Replaced." }),
          importRow("retired-month", { deployment_status: "retired", retired_on: "2024-05", retirement_reason_en: "Replaced." }),
          importRow("retired-unknown", { deployment_status: "retired", retired_on: "unknown", retirement_reason_en: "Replaced." }),
          importRow("retired-blank", { deployment_status: "retired", retirement_reason_en: "Replaced." }),
        ],
        TOOL_EXPORT_COLUMNS,
      ),
      { mode: "valid_only" },
    );
    expect(r.rows.map((x) => x.errors.map((e) => `${e.field}:${e.code}`))).toEqual([
      [],
      [],
      [],
      [],
      ["retired_on:err_import_retired_on_unknown"],
      ["retired_on:err_import_retired_on_missing"],
    ]);
    const lifecycle = async (i: number) => (await draftOf(r.rows[i]!.id!)).lifecycle as { sunsetDate: string | null; retirement?: { date: string } };
    expect((await lifecycle(0)).sunsetDate).toBeNull();
    expect(await lifecycle(1)).toMatchObject({ sunsetDate: null });
    expect((await lifecycle(1)).retirement).toBeUndefined();
    expect((await lifecycle(2)).retirement?.date).toBe("2024");
    expect((await lifecycle(3)).retirement?.date).toBe("2024-05");
    const msg = r.rows[4]!.errors[0]!;
    expect(issueMessage(msg, "en")).toContain("the retirement date is unknown");
    expect(issueMessage(msg, "zh")).toContain("停用日期未知");
  });
});
