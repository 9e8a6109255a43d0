// Issue 10: the import reads only the keys a file gives (never "__proto__" or an inherited
// value), refuses a runaway header before reading rows, and answers with a report of bounded size.
import { afterEach, describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, importRow } from "../helpers/factories";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { sessionCookie } from "~/auth.server";
import { DEMO_PASSWORD } from "../helpers/seed";
import * as importPage from "~/routes/drafts.import";
import { IMPORT_MAX_COLUMNS } from "../../registry/exchange/import/limits";
import { readImportFile } from "../../registry/exchange/import/read-file";
import { noticeMessage } from "~/i18n/refusal";
import { runImport, type ImportReport } from "../../registry/exchange/import/import.server";
import { ctxOf } from "../../registry/shared/context";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { csvRow, CSV_BOM } from "../../registry/exchange/exports/csv";

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const OFFICIAL = "official.shanghai@register.example";
const enc = (s: string) => new TextEncoder().encode(s);
const count = (sql: string) => (getDb().$client.prepare(sql).get() as { n: number }).n;
const row = importRow;
const csvFile = (rows: Record<string, string>[], columns: readonly string[] = TOOL_EXPORT_COLUMNS) =>
  enc(CSV_BOM + csvRow([...columns]) + rows.map((r) => csvRow(columns.map((c) => r[c] ?? ""))).join(""));
const run = (bytes: Uint8Array, filename: string, dryRun = false): Promise<ImportReport> =>
  runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes, filename }, mode: "all", dryRun });

afterEach(() => {
  for (const k of ["id", "slug", "polluted"]) delete (Object.prototype as Record<string, unknown>)[k];
});

describe("keys that reach a prototype", () => {
  it("refuses __proto__, constructor and prototype as JSON keys, NDJSON keys and CSV columns", async () => {
    const json = `[${JSON.stringify(row("proto-json")).replace(/^\{/, '{"__proto__":{"polluted":"yes","id":"ALG-000777"},')}]`;
    const ndjson = `${JSON.stringify(row("proto-nd")).replace(/^\{/, '{"constructor":{"prototype":{"polluted":"yes"}},')}\n${JSON.stringify(row("proto-nd2"))}\n`;
    const csv = csvFile([row("proto-csv")], [...TOOL_EXPORT_COLUMNS, "prototype"]);
    for (const [bytes, name] of [
      [enc(json), "x.json"],
      [enc(ndjson), "x.ndjson"],
      [csv, "x.csv"],
    ] as const) {
      const r = await run(bytes, name);
      expect(r.result, name).toBe("file_refused");
      const unknown = r.fileNotices.find((n) => n.code === "importColumnsUnknown");
      expect(unknown?.params.names, name).toMatch(/"(__proto__|constructor|prototype)"/);
      expect(noticeMessage(unknown!, "en"), name).toMatch(/^Unknown columns: "(__proto__|constructor|prototype)"/);
      expect(noticeMessage(unknown!, "zh"), name).toMatch(/^无法识别的列："(__proto__|constructor|prototype)"/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(count(`SELECT count(*) AS n FROM tools WHERE slug LIKE 'proto-%'`)).toBe(0);
  });

  it("reads only a row's own cells: an inherited id or slug is never taken for one", () => {
    // Whatever polluted the prototype elsewhere, the parser must not pick it up as a cell.
    const noSlug = { ...row("x") } as Record<string, string>;
    delete noSlug.slug;
    const json = enc(JSON.stringify([noSlug]));
    const csv = csvFile([row("own-csv")]);
    (Object.prototype as Record<string, unknown>).id = "ALG-000777";
    (Object.prototype as Record<string, unknown>).slug = "inherited-slug";
    const fromJson = readImportFile(json, "x.json");
    const fromCsv = readImportFile(csv, "x.csv");
    delete (Object.prototype as Record<string, unknown>).id;
    delete (Object.prototype as Record<string, unknown>).slug;
    for (const r of [fromJson, fromCsv]) {
      if (!r.ok) throw new Error(r.notices.map((n) => noticeMessage(n, "en")).join(" "));
      expect(r.rows[0]!.cells.id).toBeUndefined();
      expect(Object.keys(r.rows[0]!.cells)).not.toContain("id");
    }
    if (fromJson.ok) expect(fromJson.rows[0]!.cells.slug).toBeUndefined();
  });
});

describe("the cost of a bad file", () => {
  async function upload(file: Uint8Array, name = "tools.csv") {
    const r = await login(ctxOf({ address: "10.1.2.3" }), { email: OFFICIAL, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error("login");
    const cookie = (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!;
    const form = new FormData();
    form.set("csrf", sessionFor(r.sessionToken)!.csrfToken);
    form.set("intent", "check");
    form.set("file", new File([new Uint8Array(file)], name, { type: "text/csv" }));
    const request = new Request("http://localhost/drafts/import", { method: "POST", body: form, headers: { Cookie: cookie } });
    return (await importPage.action({ request, params: {}, context: {} })) as unknown as { data: { report: ImportReport }; init: { status?: number } | null };
  }

  it("refuses a header of a million unknown columns before reading rows, with a short message", async () => {
    const names = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`);
    const header = `${TOOL_EXPORT_COLUMNS.join(",")},${names.join(",")}\r\n`;
    const res = await upload(enc(header + "x\r\n".repeat(3)));
    expect(res.init?.status).toBe(400);
    expect(res.data.report.result).toBe("file_refused");
    expect(res.data.report.fileNotices).toEqual([{ code: "importTooManyColumnsOver", params: { max: IMPORT_MAX_COLUMNS } }]);
    expect(noticeMessage(res.data.report.fileNotices[0]!, "en")).toBe(`The file has more than ${IMPORT_MAX_COLUMNS} columns; the register reads at most ${IMPORT_MAX_COLUMNS}. Use the columns of /tools.csv. Nothing was imported.`);
    expect(noticeMessage(res.data.report.fileNotices[0]!, "zh")).toBe(`文件超过 ${IMPORT_MAX_COLUMNS} 列，登记簿最多读取 ${IMPORT_MAX_COLUMNS} 列。请使用 /tools.csv 的列。未导入任何内容。`);
    expect(JSON.stringify(res.data.report).length).toBeLessThan(5_000);

    // The same as JSON keys.
    const wide = Object.fromEntries([...Object.entries(row("wide")), ...names.slice(0, 5000).map((n) => [n, "1"])]);
    const json = await upload(enc(JSON.stringify([wide])), "tools.json");
    expect(json.data.report.result).toBe("file_refused");
    expect(json.data.report.fileNotices).toEqual([{ code: "importTooManyColumnsOver", params: { max: IMPORT_MAX_COLUMNS } }]);
    expect(JSON.stringify(json.data.report).length).toBeLessThan(5_000);
  });

  it("lists at most 20 unknown or repeated columns by name, and counts the rest", async () => {
    const extra = Array.from({ length: 60 }, (_, i) => `extra_${i}`);
    // Columns the format does not have are kept, not refused: the warning names 20 and counts the rest.
    const kept = await run(csvFile([row("many")], [...TOOL_EXPORT_COLUMNS, ...extra]), "x.csv", true);
    expect(kept.result).toBe("checked");
    expect(kept.warnings).toEqual([{ code: "importColumnsKept", params: { names: expect.stringContaining('"extra_0"'), more: 40 } }]);
    for (const [lang, more] of [["en", "and 40 more"], ["zh", "另有 40 个"]] as const) {
      const text = (kept.warnings ?? []).map((n) => noticeMessage(n, lang)).join(" ");
      expect(text).toContain('"extra_19"');
      expect(text).not.toContain('"extra_20"');
      expect(text).toContain(more);
    }
    const r = await run(csvFile([row("many")], [...TOOL_EXPORT_COLUMNS, ...extra, "slug", "kind"]), "x.csv");
    expect(r.result).toBe("file_refused");
    expect(r.fileNotices).toEqual([{ code: "importColumnsRepeated", params: { names: '"slug", "kind"', more: 0 } }]);
  });

  it("answers a file of a thousand bad rows with the first problems and the count of all", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(`bad-${i}`, { kind: "spaceship", sunset_date: "2027-02-30" }));
    const res = await upload(csvFile(rows));
    const report = res.data.report;
    expect(report.counts).toMatchObject({ rows: 1000, error: 1000, problems: 2000 });
    expect(report.rows.filter((r) => r.outcome === "error").length).toBeLessThanOrEqual(200);
  });
});
