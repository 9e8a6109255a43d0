// Streaming export responses: rows are encoded batch by batch as the client reads, so a full
// export never sits in memory.
import { parseToolQuery } from "../registry/query";
import { exportTools, TOOL_EXPORT_COLUMNS, type ToolExportRow } from "../registry/exports/tools-export.server";
import { CSV_BOM, csvRow } from "../registry/exports/csv";
import { exportNested, NESTED_EXPORTS, type NestedExport } from "../registry/exports/nested-export.server";
import { resolveLang } from "./i18n/lang.server";
import { registerNow } from "../registry/clock.server";
import { todayIso } from "../registry/sunset";

export type ExportFormat = "csv" | "json" | "ndjson";

const TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

export async function toolsExportResponse(request: Request, format: ExportFormat): Promise<Response> {
  const url = new URL(request.url);
  // The same lenient parsing as the HTML list: unknown values are dropped, not errors. The page
  // number is ignored: an export is every matching row.
  const { query } = parseToolQuery(url.searchParams);
  const lang = await resolveLang(request);
  const gen = exportTools({ ...query, page: 1 }, { origin: url.origin, today: todayIso(registerNow()), lang });
  const encoder = new TextEncoder();
  let started = false;
  let first = true;
  const head = () => {
    if (format === "csv") return CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]);
    if (format === "json") return `{"columns":${JSON.stringify(TOOL_EXPORT_COLUMNS)},"query":${JSON.stringify({ ...query, page: undefined })},"items":[\n`;
    return "";
  };
  const encode = (rows: ToolExportRow[]) => {
    if (format === "csv") return rows.map((r) => csvRow(TOOL_EXPORT_COLUMNS.map((c) => r[c]))).join("");
    if (format === "ndjson") return rows.map((r) => `${JSON.stringify(r)}\n`).join("");
    const text = rows.map((r, i) => `${first && i === 0 ? "" : ",\n"}${JSON.stringify(r)}`).join("");
    if (rows.length) first = false;
    return text;
  };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head()));
        return;
      }
      const next = gen.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode(`\n],"total":${next.value.total}}\n`));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(encode(next.value)));
    },
    cancel() {
      gen.return({ total: 0, notices: [] });
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="tools.${format}"`,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-cache",
    },
  });
}

/** One of the nested CSV files (data elements, agencies, incidents, findings, comments). */
export async function nestedCsvResponse(request: Request, kind: NestedExport): Promise<Response> {
  const url = new URL(request.url);
  const { query } = parseToolQuery(url.searchParams);
  const lang = await resolveLang(request);
  const gen = exportNested(kind, { ...query, page: 1 }, { origin: url.origin, today: todayIso(registerNow()), lang });
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow([...NESTED_EXPORTS[kind]])));
        return;
      }
      const next = gen.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => csvRow(r)).join("")));
    },
    cancel() {
      gen.return(undefined);
    },
  });
  const file = kind === "data-elements" ? "data-elements" : kind;
  return new Response(stream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file}.csv"`, "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" },
  });
}
