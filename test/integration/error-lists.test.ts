// Issue 10, finding 13: an import of a million unknown columns answered with a 37.8 MB page. The
// pages that list problems list the first ones and count the rest, in the reader's language.
import { describe, expect, it } from "vitest";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { ImportReportView, REPORT_PROBLEMS_SHOWN } from "~/components/import-report";
import { FieldErrorSummary, SUMMARY_ITEMS_SHOWN } from "~/components/form-page";
import type { ImportReport } from "../../registry/exchange/import/import.server";

async function render(lang: "zh" | "en", element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ lang }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

const rows = Array.from({ length: 1000 }, (_, i) => ({
  row: i + 2,
  id: null,
  name: `工具 ${i}`,
  outcome: "error" as const,
  errors: [
    { field: "kind", code: "zod_invalid_value", path: "identity.kind" },
    { field: "sunset_date", code: "err_date_unreal", path: "lifecycle.sunsetDate" },
  ],
  written: false,
}));
const report = (over: Partial<ImportReport>): ImportReport => ({
  result: "checked",
  format: "csv",
  mode: "all",
  dryRun: true,
  fileNotices: [],
  ignoredColumns: [],
  rows: [],
  counts: { rows: 0, create: 0, update: 0, unchanged: 0, error: 0, problems: 0 },
  written: { created: 0, updated: 0 },
  ...over,
});

describe("error lists", () => {
  it("an import report lists the first problems and counts the rest, in both languages", async () => {
    const r = report({ rows, counts: { rows: 1000, create: 0, update: 0, unchanged: 0, error: 1000, problems: 2000 } });
    const en = await render("en", createElement(ImportReportView, { report: r }));
    const problemTable = en.slice(0, en.indexOf("<details"));
    expect((problemTable.match(/<tr>/g) ?? []).length).toBe(REPORT_PROBLEMS_SHOWN + 1); // and the header row
    expect(en).toContain("and 1,800 more problems");
    const zh = await render("zh", createElement(ImportReportView, { report: r }));
    expect(zh).toContain("另有 1,800 个问题");
    // Row problems are codes, worded per page language by the field's label.
    expect(zh).toContain("请为“工具类型”选择列出的选项之一。");
    expect(zh).toContain("“终止日期”不是有效的日历日期。");
    expect(en).toContain("Choose one of the listed options for “Kind of tool”.");
  });

  it("words whole-file problems of the import in the page's language", async () => {
    const r = report({
      result: "file_refused",
      fileNotices: [
        { code: "importTooManyColumns", params: { count: 1000001, max: 100 } },
        { code: "importColumnsUnknown", params: { names: '"a", "b"', more: 40 } },
      ],
    });
    const zh = await render("zh", createElement(ImportReportView, { report: r }));
    expect(zh).toContain("文件有 1,000,001 列，登记簿最多读取 100 列");
    expect(zh).toContain("另有 40 个");
    const en = await render("en", createElement(ImportReportView, { report: r }));
    expect(en).toContain("The file has 1,000,001 columns; the register reads at most 100.");
    expect(en).toContain("and 40 more");
  });

  it("a form's error summary lists the first problems and counts the rest", async () => {
    const errors = Array.from({ length: 5000 }, (_, i) => ({ path: `dataScope.elements.${i}.category`, message: `Choose one of the listed options for “Category of data (item ${i + 1})”.` }));
    const html = await render("en", createElement(FieldErrorSummary, { errors }));
    expect((html.match(/<li>/g) ?? []).length).toBe(SUMMARY_ITEMS_SHOWN + 1);
    expect(html).toContain("and 4,800 more problems");
    expect(html.length).toBeLessThan(100_000);
  });
});
