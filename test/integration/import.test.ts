// Bulk import: the round trip (export the seeded register, import it into an empty database,
// export again), the per-row report, all-or-nothing and valid-rows-only, bad files, the upload
// page and the agency's private inventory download.
import { issueMessage } from "~/i18n/errors";
import { noticeMessage } from "~/i18n/refusal";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { freshDb, useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, importRow, newIdentity } from "../helpers/factories";
import { callLoader } from "./load";
import { loader as csvLoader } from "~/routes/tools[.]csv";
import { loader as jsonLoader } from "~/routes/tools[.]json";
import * as importPage from "~/routes/drafts.import";
import { loader as inventoryCsv } from "~/routes/drafts.inventory[.]csv";
import { loader as inventoryJson } from "~/routes/drafts.inventory[.]json";
import { setDb, type Db } from "../../db/client.server";
import { upsertAgencies } from "../../registry/records/publish.server";
import { SEED_AGENCIES, DEMO_PASSWORD, seedId } from "../helpers/seed";
import { createUser } from "../../registry/auth/accounts.server";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { sessionCookie } from "~/auth.server";
import { IMPORT_COLUMNS } from "../../registry/exchange/import/columns";
import { IMPORT_MAX_BYTES } from "../../registry/exchange/import/limits";
import { runImport, type ImportReport } from "../../registry/exchange/import/import.server";
import { exportAgencyInventory } from "../../registry/exchange/import/inventory.server";
import { createDraft, getDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { ctxOf } from "../../registry/shared/context";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { csvRow, CSV_BOM } from "../../registry/exchange/exports/csv";
import type { Actor } from "../../registry/auth/roles";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const OFFICIAL = "official.shanghai@register.example";
const enc = (s: string) => new TextEncoder().encode(s);
const body = async (res: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
const rowsOf = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];
const project = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) => Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, r[c] === null || r[c] === undefined ? "" : String(r[c])])))
    .sort((a, b) => a.id!.localeCompare(b.id!));
const count = (db: Db, sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

/** A CSV in the export format from rows of import columns (missing cells empty). */
function csvFile(rows: Partial<Record<(typeof TOOL_EXPORT_COLUMNS)[number], string>>[], columns: readonly string[] = TOOL_EXPORT_COLUMNS): Uint8Array {
  return enc(CSV_BOM + csvRow([...columns]) + rows.map((r) => csvRow(columns.map((c) => r[c as keyof typeof r] ?? ""))).join(""));
}
const row = importRow;

/** An empty register holding only the agencies and one official of the Shanghai government. */
async function emptyRegister(): Promise<{ db: Db; actor: Actor; close: () => void }> {
  const fresh = freshDb("empty");
  setDb(fresh.db);
  upsertAgencies(SEED_AGENCIES, fresh.db);
  const actor = await createUser(ctxOf({ db: fresh.db }), { email: "importer@example.org", displayName: "Importer", role: "official", agency: "shanghai-municipal-government", password: "a long test password 1" });
  return { db: fresh.db, actor, close: fresh.close };
}

function inventoryRows(actor: Actor, db: Db): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const batch of exportAgencyInventory(actor, { origin: "http://localhost", today: "2026-03-01" }, db)) out.push(...batch);
  return out;
}

describe("round trip", () => {
  it("exports the seeded register as CSV, imports it into an empty database, and exports the same rows again", async () => {
    const exported = await body(await callLoader<Response>(csvLoader, "/tools.csv"));
    const before = rowsOf(exported);
    expect(before.length).toBe(22);
    expect(before.some((r) => r.deployment_status === "retired" && r.retired_on)).toBe(true);
    const seeded = getDb();
    const target = await emptyRegister();
    try {
      const report = await runImport(ctxOf({ actor: target.actor, now: NOW, db: target.db }), { file: { bytes: enc(exported), filename: "tools.csv" }, mode: "all", dryRun: false });
      expect(report.fileNotices).toEqual([]);
      expect(report.rows.filter((r) => r.errors.length)).toEqual([]);
      expect(report).toMatchObject({ result: "imported", written: { created: 22, updated: 0 } });
      expect(count(target.db, `SELECT count(*) AS n FROM revisions WHERE status = 'draft'`)).toBe(22);

      // Export again, in the same format, from the imported drafts.
      const again = inventoryRows(target.actor, target.db);
      expect(Object.keys(again[0]!)).toEqual([...TOOL_EXPORT_COLUMNS]);
      expect(project(again)).toEqual(project(before));
      // The same file imported again changes nothing.
      const second = await runImport(ctxOf({ actor: target.actor, now: NOW, db: target.db }), { file: { bytes: enc(exported), filename: "tools.csv" }, mode: "all", dryRun: false });
      expect(second.counts).toMatchObject({ rows: 22, unchanged: 22, create: 0, update: 0, error: 0 });
    } finally {
      setDb(seeded);
      target.close();
    }
  });

  it("does the same with the JSON export", async () => {
    const exported = await body(await callLoader<Response>(jsonLoader, "/tools.json"));
    const before = (JSON.parse(exported) as { items: Record<string, unknown>[] }).items;
    const seeded = getDb();
    const target = await emptyRegister();
    try {
      const report = await runImport(ctxOf({ actor: target.actor, now: NOW, db: target.db }), { file: { bytes: enc(exported), filename: "tools.json" }, mode: "all", dryRun: false });
      expect(report).toMatchObject({ result: "imported", format: "json", written: { created: 22 } });
      expect(project(inventoryRows(target.actor, target.db))).toEqual(project(before));
    } finally {
      setDb(seeded);
      target.close();
    }
  });
});

describe("the report and the two modes", () => {
  const bad = [row("good-one"), row("bad-kind", { kind: "spaceship" }), row("bad-date", { sunset_date: "2027-02-30" }), row("good-two")];

  it("checks without writing, naming row, column and what to fix", async () => {
    const db = getDb();
    const tools = count(db, `SELECT count(*) AS n FROM tools`);
    const r = await runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes: csvFile(bad), filename: "x.csv" }, mode: "all", dryRun: true });
    expect(r.result).toBe("checked");
    expect(r.counts).toMatchObject({ rows: 4, create: 2, error: 2 });
    expect(r.rows[1]).toMatchObject({ row: 3, outcome: "error", errors: [{ field: "kind" }] });
    expect(r.rows[2]!.errors).toEqual([{ field: "sunset_date", code: "err_date_unreal", path: "lifecycle.sunsetDate" }]);
    expect(issueMessage(r.rows[2]!.errors[0]!, "en")).toContain("is not a real calendar date");
    expect(issueMessage(r.rows[2]!.errors[0]!, "zh")).toContain("不是有效的日历日期");
    expect(r.ignoredColumns).toContain("review_status");
    expect(count(db, `SELECT count(*) AS n FROM tools`)).toBe(tools);
  });

  it("writes nothing in all-or-nothing mode when any row is invalid", async () => {
    const db = getDb();
    const before = count(db, `SELECT count(*) AS n FROM revisions`);
    const r = await runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes: csvFile(bad) }, mode: "all", dryRun: false });
    expect(r.result).toBe("refused_invalid_rows");
    expect(r.written).toEqual({ created: 0, updated: 0 });
    expect(count(db, `SELECT count(*) AS n FROM revisions`)).toBe(before);
  });

  it("writes each valid row on its own in valid-rows-only mode", async () => {
    const actor = actorByEmail(OFFICIAL);
    const r = await runImport(ctxOf({ actor, now: NOW }), { file: { bytes: csvFile(bad) }, mode: "valid_only", dryRun: false });
    expect(r).toMatchObject({ result: "imported", written: { created: 2, updated: 0 } });
    const created = r.rows.filter((x) => x.written).map((x) => x.id!);
    expect(created).toHaveLength(2);
    const draft = await getDraft(ctxOf({ actor }), { toolId: created[0]! });
    expect(draft.record.identity).toMatchObject({ slug: "good-one", kind: "app", policyDomain: "public_health", summary: { zh: "一个用于测试的工具，摘要里有逗号，和“引号”。" } });
    expect(draft.record.lifecycle).toMatchObject({ deploymentStatus: "pilot", sunsetDate: "2027-06-30", reviewStatus: "draft" });
    expect(draft.record.responsibility?.agencies).toEqual([{ agency: "shanghai-municipal-government", role: "operates" }]);
  });

  it("updates the agency's own drafts and published tools, and refuses other agencies' tools", async () => {
    const actor = actorByEmail(OFFICIAL);
    const { toolId } = await createDraft(ctxOf({ actor, now: NOW }), { identity: newIdentity("own-tool") });
    const rows = [
      row("own-tool", { id: toolId, name_zh: "新名称" }),
      row("not-ours", { id: HEALTH_CODE }),
      row("dupe-slug"),
      row("dupe-slug"),
      row("own-tool-2", { id: toolId }),
    ];
    const r = await runImport(ctxOf({ actor, now: NOW }), { file: { bytes: csvFile(rows) }, mode: "valid_only", dryRun: false });
    expect(r.rows.map((x) => x.outcome)).toEqual(["update", "error", "create", "error", "error"]);
    expect(r.rows[1]!.errors[0]).toMatchObject({ field: "id", code: "err_import_id_foreign", params: { id: "ALG-000001" } });
    expect(issueMessage(r.rows[1]!.errors[0]!, "en")).toContain("not a record of your agency");
    expect(issueMessage(r.rows[1]!.errors[0]!, "zh")).toContain("不是本机构的记录");
    expect(r.rows[3]!.errors[0]).toMatchObject({ field: "slug", code: "err_import_slug_repeated", params: { row: 4 } });
    expect(issueMessage(r.rows[3]!.errors[0]!, "en")).toContain("row 4");
    expect(issueMessage(r.rows[3]!.errors[0]!, "zh")).toContain("第 4 行");
    expect(r.rows[4]!.errors[0]).toMatchObject({ field: "id", code: "err_import_id_repeated", params: { row: 2 } });
    expect(issueMessage(r.rows[4]!.errors[0]!, "en")).toContain("row 2");
    expect(issueMessage(r.rows[4]!.errors[0]!, "zh")).toContain("第 2 行");
    expect((await getDraft(ctxOf({ actor }), { toolId })).record.identity.name).toEqual({ zh: "新名称", en: "Tool own-tool" });
  });

  it("starts a new draft revision for a tool whose changes were requested, and leaves a submitted one alone", async () => {
    const actor = actorByEmail(OFFICIAL);
    const db = getDb();
    const { toolId } = await createDraft(ctxOf({ actor, now: NOW }), { identity: newIdentity("in-review-tool") });
    db.$client.prepare(`UPDATE revisions SET status = 'submitted' WHERE tool_seq = (SELECT seq FROM tools WHERE id = ?)`).run(toolId);
    const refused = await runImport(ctxOf({ actor, now: NOW }), { file: { bytes: csvFile([row("in-review-tool", { id: toolId })]) }, mode: "all", dryRun: false });
    expect(refused.rows[0]!.errors[0]).toMatchObject({ code: "err_import_id_locked", params: { status: "submitted" } });
    expect(issueMessage(refused.rows[0]!.errors[0]!, "en")).toContain("an import cannot change it now");
    expect(issueMessage(refused.rows[0]!.errors[0]!, "zh")).toContain("不能通过导入更改");
    // A shortcut past the review: only a logged event may change a submitted revision's status (migration 0015).
    db.$client.exec(`DROP TRIGGER revisions_status_guard`);
    db.$client.prepare(`UPDATE revisions SET status = 'changes_requested' WHERE tool_seq = (SELECT seq FROM tools WHERE id = ?)`).run(toolId);
    const r = await runImport(ctxOf({ actor, now: NOW }), { file: { bytes: csvFile([row("in-review-tool", { id: toolId })]) }, mode: "all", dryRun: false });
    expect(r).toMatchObject({ result: "imported", written: { updated: 1 } });
    expect((await getDraft(ctxOf({ actor }), { toolId })).number).toBe(2);
  });

  it("is refused to anyone but an official", async () => {
    await expect(runImport(ctxOf({ actor: actorByEmail("reviewer.samr@register.example"), now: NOW }), { file: { bytes: csvFile([row("x-tool")]) }, mode: "all", dryRun: true })).rejects.toThrow("forbidden");
    await expect(runImport(ctxOf({ actor: null, now: NOW }), { file: { bytes: csvFile([row("x-tool")]) }, mode: "all", dryRun: true })).rejects.toThrow("forbidden");
  });

  it("imports 500 rows in one go", async () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(`bulk-${i}`, { name_zh: `批量 ${i}` }));
    const r = await runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes: csvFile(rows) }, mode: "all", dryRun: false });
    expect(r.written.created).toBe(500);
    expect(count(getDb(), `SELECT count(*) AS n FROM tools WHERE slug LIKE 'bulk-%'`)).toBe(500);
  });
});

describe("bad files", () => {
  const check = (bytes: Uint8Array, filename = "f.csv"): Promise<ImportReport> => runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes, filename }, mode: "all", dryRun: false });
  const refused = async (bytes: Uint8Array, filename?: string) => {
    const before = count(getDb(), `SELECT count(*) AS n FROM revisions`);
    const r = await check(bytes, filename);
    expect(r.result).toBe("file_refused");
    expect(count(getDb(), `SELECT count(*) AS n FROM revisions`)).toBe(before);
    // The report carries codes and parameters; the page and the command line word them.
    return {
      notices: r.fileNotices,
      codes: r.fileNotices.map((n) => n.code),
      en: r.fileNotices.map((n) => noticeMessage(n, "en")).join(" "),
      zh: r.fileNotices.map((n) => noticeMessage(n, "zh")).join(" "),
    };
  };

  it("refuses GBK with the way to save UTF-8", async () => {
    const text = csvRow([...TOOL_EXPORT_COLUMNS]) + csvRow(TOOL_EXPORT_COLUMNS.map((c) => (row("gbk-tool") as Record<string, string>)[c] ?? ""));
    const r = await refused(new Uint8Array(iconv.encode(text, "gbk")));
    expect(r.codes).toEqual(["importNotUtf8Gbk"]);
    expect(r.en).toMatch(/GBK.*CSV UTF-8/);
    expect(r.zh).toMatch(/GBK.*CSV UTF-8/);
    expect(r.zh).toContain("不是 UTF-8 编码");
  });

  it("refuses broken quoting, with the line", async () => {
    const text = `${TOOL_EXPORT_COLUMNS.join(",")}\r\n,,"unclosed,name\r\n`;
    const r = await refused(enc(text));
    expect(r.notices).toEqual([{ code: "importCsvQuoteNotClosed", params: { line: expect.any(Number), max: expect.any(Number) } }]);
    expect(r.en).toMatch(/line \d+: a quoted cell is never closed/);
    expect(r.zh).toMatch(/无法读取 CSV 第 \d+ 行：有带引号的单元格没有闭合/);
  });

  it("refuses missing columns, naming them; a column the format does not have is not a refusal", async () => {
    const r = await refused(csvFile([{ slug: "x" }], ["slug", "colour", "kind"]));
    expect(r.notices).toEqual(
      expect.arrayContaining([
        { code: "importColumnMissingEither", params: { a: "name_zh", b: "name_en" } },
        { code: "importColumnMissing", params: { name: "policy_domain" } },
      ]),
    );
    expect(r.notices.map((n) => n.code)).not.toContain("importColumnsUnknown");
    expect(r.en).toContain("Missing column: add “name_zh” or “name_en” (or both).");
    expect(r.en).toContain("Missing column: “policy_domain”.");
    expect(r.zh).toContain("缺少列：请添加“name_zh”或“name_en”（或两者）。");
    expect(r.zh).toContain("缺少列：“policy_domain”。");
    // A column no record could keep (a prototype key, a name longer than the standard's keys) still refuses the file.
    const long = "x".repeat(201);
    const bad = await refused(csvFile([row("x")], [...TOOL_EXPORT_COLUMNS, long]));
    expect(bad.notices).toEqual([{ code: "importColumnsUnknown", params: { names: `"${"x".repeat(60)}…"`, more: 0 } }]);
  });

  it("refuses rows of the wrong length", async () => {
    const r = await refused(enc(`${TOOL_EXPORT_COLUMNS.join(",")}\r\na,b\r\n`));
    expect(r.notices).toEqual([{ code: "importCsvCellCount", params: { line: 2, max: expect.any(Number) } }]);
    expect(r.en).toContain("The CSV cannot be read at line 2: this row has a different number of cells");
    expect(r.zh).toContain("无法读取 CSV 第 2 行：该行的单元格数与表头行不同");
  });

  it("refuses a header without rows", async () => {
    const r = await refused(enc(`${TOOL_EXPORT_COLUMNS.join(",")}\r\n`));
    expect(r.codes).toEqual(["importNoRows"]);
    expect(r.en).toBe("The file has a header but no rows. Add one row per tool.");
    expect(r.zh).toBe("文件只有表头，没有数据行。请每个工具填写一行。");
  });

  it("refuses a 50 MB file before reading it", async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const r = await refused(big);
    expect(r.notices).toEqual([{ code: "importFileTooLarge", params: { size: "50.0", max: 20 } }]);
    expect(r.en).toContain("The file is 50.0 MB; the limit is 20 MB.");
    expect(r.zh).toContain("文件大小为 50.0 MB，上限为 20 MB。");
    expect(IMPORT_MAX_BYTES).toBeLessThan(big.byteLength);
  });

  it("refuses an empty file and invalid JSON", async () => {
    const empty = await refused(enc(""));
    expect(empty.codes).toEqual(["importFileEmpty"]);
    expect(empty.en).toContain("The file is empty.");
    expect(empty.zh).toContain("文件是空的。");
    const json = await refused(enc('{"items": [1,'), "x.json");
    expect(json.codes).toEqual(["importJsonInvalid"]);
    expect(json.en).toContain("The file is not valid JSON.");
    expect(json.zh).toContain("文件不是有效的 JSON。");
    // Where the parser names the place it stopped, the message gives its line.
    const at = await refused(enc('[\n{"slug": "a"},\n{slug: "b"}\n]'), "x.json");
    expect(at.notices).toEqual([{ code: "importJsonInvalidAt", params: { line: 3 } }]);
    expect(at.en).toContain("The file is not valid JSON (the first error is on line 3).");
    expect(at.zh).toContain("文件不是有效的 JSON（第一个错误在第 3 行）。");
  });

  it("reports formulas per row, and reads back the exports' neutralised cells", async () => {
    const rows = [row("formula-a", { name_zh: "=HYPERLINK(\"http://evil\")" }), row("formula-b", { summary_zh: "@SUM(A1)" }), row("formula-c", { name_en: "=not a formula" })];
    // csvRow would neutralise the formulas; write them raw, as a spreadsheet would save them.
    const raw = new TextDecoder().decode(csvFile(rows)).replace(`"'=HYPERLINK`, `"=HYPERLINK`).replace(",'@SUM", ",@SUM");
    expect(raw).toContain(`"=HYPERLINK`);
    expect(raw).toContain(",@SUM(A1)");
    const r = await runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes: enc(raw) }, mode: "valid_only", dryRun: false });
    expect(r.rows.map((x) => x.errors.map((e) => e.field))).toEqual([["name_zh"], ["summary_zh"], []]);
    expect(r.rows[0]!.errors[0]).toMatchObject({ code: "err_import_formula", params: { char: "=" } });
    expect(issueMessage(r.rows[0]!.errors[0]!, "en")).toContain("formula");
    expect(issueMessage(r.rows[0]!.errors[0]!, "zh")).toContain("公式");
    expect((await getDraft(ctxOf({ actor: actorByEmail(OFFICIAL) }), { toolId: r.rows[2]!.id! })).record.identity.name.en).toBe("=not a formula");
  });
});

describe("the upload page and the inventory download", () => {
  async function session(email: string) {
    const r = await login(ctxOf({ address: "10.1.2.3" }), { email, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error("login");
    return { cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!, csrf: sessionFor(r.sessionToken)!.csrfToken };
  }
  async function upload(who: { cookie: string; csrf: string }, file: Uint8Array, fields: Record<string, string>) {
    const form = new FormData();
    form.set("csrf", who.csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new File([new Uint8Array(file)], "tools.csv", { type: "text/csv" }));
    const request = new Request("http://localhost/drafts/import", { method: "POST", body: form, headers: { Cookie: who.cookie } });
    try {
      return (await importPage.action({ request, params: {}, context: {} })) as { data: { report?: ImportReport; problem?: string }; init: { status?: number } | null };
    } catch (e) {
      if (e instanceof Response) return { data: {}, init: { status: e.status } };
      throw e;
    }
  }

  it("checks, then imports, a multipart upload; refuses a wrong CSRF token and non-officials", async () => {
    const who = await session(OFFICIAL);
    const file = csvFile([row("page-tool")]);
    const checked = await upload(who, file, { intent: "check", mode: "all" });
    expect(checked.data.report).toMatchObject({ result: "checked", counts: { create: 1 } });
    expect(count(getDb(), `SELECT count(*) AS n FROM tools WHERE slug = 'page-tool'`)).toBe(0);
    const imported = await upload(who, file, { intent: "import", mode: "all" });
    expect(imported.data.report).toMatchObject({ result: "imported", written: { created: 1 } });
    expect(count(getDb(), `SELECT count(*) AS n FROM tools WHERE slug = 'page-tool'`)).toBe(1);

    expect((await upload({ ...who, csrf: "wrong" }, csvFile([row("csrf-tool")]), { intent: "import" })).init?.status).toBe(403);
    const reviewer = await session("reviewer.samr@register.example");
    expect((await upload(reviewer, csvFile([row("rev-tool")]), { intent: "import" })).init?.status).toBe(403);
    expect(count(getDb(), `SELECT count(*) AS n FROM tools WHERE slug IN ('csrf-tool', 'rev-tool')`)).toBe(0);
  });

  it("answers 400 with the report for a refused file, and asks for a file when none is sent", async () => {
    const who = await session(OFFICIAL);
    const bad = await upload(who, enc("just,some,words\r\n1,2,3\r\n"), { intent: "import" });
    expect(bad.init?.status).toBe(400);
    const notices = bad.data.report?.fileNotices ?? [];
    expect(notices[0]).toEqual({ code: "importColumnMissingEither", params: { a: "name_zh", b: "name_en" } });
    expect(noticeMessage(notices[0]!, "en")).toBe("Missing column: add “name_zh” or “name_en” (or both).");
    expect(noticeMessage(notices[0]!, "zh")).toBe("缺少列：请添加“name_zh”或“name_en”（或两者）。");
    expect(notices.map((n) => n.code)).not.toContain("importColumnsUnknown");
    const none = await upload(who, new Uint8Array(0), { intent: "import" });
    expect(none.data.problem).toBe("no_file");
  });

  it("lets an official download their agency's inventory, drafts included, and nobody else", async () => {
    const actor = actorByEmail(OFFICIAL);
    await createDraft(ctxOf({ actor, now: NOW }), { identity: newIdentity("inventory-draft") });
    const who = await session(OFFICIAL);
    const res = await callLoader<Response>(inventoryCsv, "/drafts/inventory.csv", {}, { headers: { Cookie: who.cookie } });
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const rows = rowsOf(await body(res));
    expect(rows.map((r) => r.slug)).toContain("inventory-draft");
    expect(rows.find((r) => r.slug === "inventory-draft")!.review_status).toBe("draft");
    const json = JSON.parse(await body(await callLoader<Response>(inventoryJson, "/drafts/inventory.json", {}, { headers: { Cookie: who.cookie } })));
    expect(json.items.length).toBe(rows.length);
    // Another agency's official does not see this draft; anonymous visitors are sent to log in.
    const other = await session("official.hangzhou@register.example");
    const theirs = rowsOf(await body(await callLoader<Response>(inventoryCsv, "/drafts/inventory.csv", {}, { headers: { Cookie: other.cookie } })));
    expect(theirs.map((r) => r.slug)).not.toContain("inventory-draft");
    await expect(callLoader(inventoryCsv, "/drafts/inventory.csv")).rejects.toMatchObject({ status: 302 });
  });

  it("an imported row is an ordinary draft: completed in the register, it can be submitted", async () => {
    const actor = actorByEmail(OFFICIAL);
    const r = await runImport(ctxOf({ actor, now: NOW }), { file: { bytes: csvFile([row("to-submit", { sunset_date: "2027-02-01" })]) }, mode: "all", dryRun: false });
    const id = r.rows[0]!.id!;
    await expect(submitDraft(ctxOf({ actor, now: NOW }), { toolId: id })).rejects.toThrow(/purpose|legal|invalid/i);
    const { lifecycle: _l, ...rest } = completeSections({ level: "III", sunset: "2027-02-01" });
    for (const [n, v] of Object.entries(rest)) await saveDraftSection(ctxOf({ actor }), { toolId: id, section: n as SectionName, value: v });
    expect(await submitDraft(ctxOf({ actor, now: NOW }), { toolId: id })).toMatchObject({ toolId: id, impactLevel: "III" });
  });
});
