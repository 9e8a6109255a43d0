// Issue 13: the import report never contradicts itself (a row is never called created when nothing
// was written), on the page in both languages, on the command line and in the report CSV; the
// import page lists the codes of every coded column next to their names; the account and drafts
// pages name the agency instead of showing its slug.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { parse } from "csv-parse/sync";
import { freshDb, useFreshDb } from "../helpers/db";
import { TMP } from "../helpers/paths";
import { actorByEmail, importRow } from "../helpers/factories";
import { DEMO_PASSWORD, SEED_AGENCIES } from "../helpers/seed";
import { callLoader } from "./load";
import { ImportReportView } from "~/components/import-report";
import { ImportCodeList } from "~/components/import-codes";
import { rowStateText } from "~/i18n/import-rows";
import { loader as accountLoader } from "~/routes/account";
import { loader as draftsLoader } from "~/routes/drafts._index";
import { sessionCookie } from "~/auth.server";
import { login } from "../../registry/auth/sessions.server";
import { runImport, type ImportReport } from "../../registry/exchange/import/import.server";
import { CODED_COLUMNS } from "../../registry/exchange/import/columns";
import { LABELS } from "../../registry/standard/labels";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { CSV_BOM, csvRow } from "../../registry/exchange/exports/csv";
import { ctxOf } from "../../registry/shared/context";

useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const OFFICIAL = "official.shanghai@register.example";

async function render(lang: "zh" | "en", element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ lang }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}
/** The text a reader sees, without tags or React's comment markers. */
const visible = (html: string) => html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const cells = (html: string) => [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => visible(m[1]!));

function csvFile(rows: Record<string, string>[]): Uint8Array {
  return new TextEncoder().encode(CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]) + rows.map((r) => csvRow(TOOL_EXPORT_COLUMNS.map((c) => r[c] ?? ""))).join(""));
}
const file = csvFile([importRow("wording-good"), importRow("wording-bad", { kind: "rocket" }), importRow("wording-good-2")]);
const run = (over: { mode?: "all" | "valid_only"; dryRun: boolean }, bytes = file): Promise<ImportReport> =>
  runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW }), { file: { bytes }, mode: over.mode ?? "all", dryRun: over.dryRun });

describe("an import report's rows", () => {
  it("in a whole-file import refused for other rows, valid rows are worded as not written, in zh and en", async () => {
    const report = await run({ dryRun: false });
    expect(report.result).toBe("refused_invalid_rows");
    expect(report.rows.map((r) => r.written)).toEqual([false, false, false]);
    const zh = await render("zh", createElement(ImportReportView, { report }));
    const en = await render("en", createElement(ImportReportView, { report }));
    expect(visible(zh)).toContain("未导入任何内容");
    expect(visible(zh)).not.toMatch(/已新建草稿|已更新草稿/);
    expect(visible(en)).not.toMatch(/draft created|draft updated/i);
    expect(cells(zh)).toContain("未写入：本行无误，但其他行有问题");
    expect(cells(zh)).toContain("有问题，未写入");
    expect(cells(en)).toContain("not written: this row is valid, but other rows have problems");
    expect(report.rows.map((r) => rowStateText(report, r, "zh"))).toEqual(["未写入：本行无误，但其他行有问题", "有问题，未写入", "未写入：本行无误，但其他行有问题"]);
    // Nothing written: no row links to a draft.
    expect(zh).not.toContain("/edit");
  });

  it("a check says what an import would do, and a real import what it did", async () => {
    const checked = await run({ dryRun: true });
    expect(report(checked, "zh")).toEqual(["将新建草稿", "有问题，未写入", "将新建草稿"]);
    expect(report(checked, "en")).toEqual(["would create a draft", "problem, not written", "would create a draft"]);
    expect(visible(await render("zh", createElement(ImportReportView, { report: checked })))).toContain("已检查，未写入任何内容：导入时将新建草稿 2 个");

    const imported = await run({ mode: "valid_only", dryRun: false });
    expect(report(imported, "zh")).toEqual(["已新建草稿", "有问题，未写入", "已新建草稿"]);
    expect(report(imported, "en")).toEqual(["draft created", "problem, not written", "draft created"]);
    const zh = await render("zh", createElement(ImportReportView, { report: imported }));
    expect(cells(zh).filter((c) => c === "已新建草稿")).toHaveLength(2);
  });

  function report(r: ImportReport, lang: "zh" | "en") {
    return r.rows.map((row) => rowStateText(r, row, lang));
  }

  it("the command line and its report CSV never count a refused file's rows as new", () => {
    const f = freshDb();
    const csv = path.join(TMP, `${randomUUID()}-refused.csv`);
    const out = path.join(TMP, `${randomUUID()}-report.csv`);
    fs.writeFileSync(csv, file);
    try {
      const r = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/import.cli.ts", csv, "--agency", "shanghai-municipal-government", "--report", out], {
        env: { ...process.env, DATABASE_PATH: f.file },
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain("no row was written. 3 rows: 2 would be new drafts, 0 would update drafts, 0 unchanged, 1 with problems.");
      expect(r.stdout).not.toMatch(/\b2 new\b/);
      const rows = parse(fs.readFileSync(out, "utf8"), { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((x) => x.result)).toEqual(["held", "error", "held"]);
      expect(rows[0]!.message).toBe("not written: this row is valid, but other rows have problems");
    } finally {
      for (const p of [csv, out]) fs.rmSync(p, { force: true });
      f.close();
    }
  }, 60_000);
});

describe("the import page's code list", () => {
  it("lists every code of every coded column next to its name, in zh and en", async () => {
    const zh = visible(await render("zh", createElement(ImportCodeList)));
    const en = visible(await render("en", createElement(ImportCodeList)));
    expect(CODED_COLUMNS.map((c) => c.column)).toEqual(expect.arrayContaining(["kind", "policy_domain", "jurisdiction_level", "deployment_status"]));
    for (const c of CODED_COLUMNS) {
      const labels = LABELS[c.labels] as Record<string, { zh: string; en: string }>;
      for (const code of c.codes) {
        expect(zh).toContain(`${code} = ${labels[code]!.zh}`);
        expect(en).toContain(`${code} = ${labels[code]!.en}`);
      }
    }
    expect(zh).toContain("algorithm = 算法");
    expect(zh).toContain("app = 应用程序");
    expect(zh).toContain("public_health = 公共卫生");
    expect(en).toContain("public_health = Public health");
    expect(zh).toContain("工具类型（kind）");
    expect(en).toContain("Policy domain (policy_domain)");
  });

  it("marks every code as Latin text, so a Chinese page has no unmarked Latin words", async () => {
    const zh = await render("zh", createElement(ImportCodeList));
    const unmarked = zh.replace(/<code lang="en">[^<]*<\/code>/g, "").replace(/<[^>]+>/g, "");
    expect(unmarked).not.toMatch(/[A-Za-z]{2,}/);
  });
});

describe("the account and drafts pages name the agency", () => {
  it("the loaders give the agency's name from the agencies table, never only its slug", async () => {
    const r = await login(ctxOf({ address: "10.1.2.3" }), { email: OFFICIAL, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error("login");
    const cookie = (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!;
    const shanghai = SEED_AGENCIES.find((a) => a.slug === "shanghai-municipal-government")!;
    const account = await callLoader<{ agency: { slug: string; name: { zh?: string } } | null; actor: Record<string, unknown> }>(accountLoader, "/account", {}, { headers: { Cookie: cookie } });
    expect(account.agency).toEqual({ slug: shanghai.slug, name: expect.objectContaining({ zh: "上海市人民政府" }) });
    expect(JSON.stringify(account.actor)).not.toContain(shanghai.slug);
    const drafts = await callLoader<{ agency: { slug: string; name: { zh?: string } } | null }>(draftsLoader, "/drafts", {}, { headers: { Cookie: cookie } });
    expect(drafts.agency?.name.zh).toBe("上海市人民政府");
  });
});
