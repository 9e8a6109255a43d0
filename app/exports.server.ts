// Streaming export responses: rows are encoded batch by batch as the client reads, so a full
// export never sits in memory.
import { parseToolQuery } from "../registry/records/query";
import { exportTools, labelledRow, TOOL_EXPORT_COLUMNS, type ToolExportRow } from "../registry/exchange/exports/tools-export.server";
import { LABELLED_TOOL_COLUMNS, withLabelColumns } from "../registry/exchange/exports/columns";
import { CSV_BOM, csvRow } from "../registry/exchange/exports/csv";
import { exportNested, labelledNestedRow, nestedColumns, type NestedExport } from "../registry/exchange/exports/nested-export.server";
import { contentDisposition, exportFilename } from "../registry/exchange/exports/filename";
import { requestLang } from "./i18n/lang.server";
import { registerNow } from "../registry/shared/clock.server";
import { todayIso } from "../registry/lifecycle/sunset";
import { exportAgencyInventory } from "../registry/exchange/import/inventory.server";
import type { Actor } from "../registry/auth/roles";

export type ExportFormat = "csv" | "json" | "ndjson";

export const TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/**
 * A download streamed from a generator of row batches: `head` first, then each batch encoded as
 * the client reads, then `tail` with the generator's result. Closing the download stops the
 * generator.
 */
export function streamDownload<B, R>(
  gen: Generator<B, R>,
  parts: { head: string; encode: (batch: B) => string; tail?: (result: R) => string; contentType: string; filename: { ascii: string; full: string }; private?: boolean },
): Response {
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(parts.head));
        return;
      }
      const next = gen.next();
      if (next.done) {
        if (parts.tail) controller.enqueue(encoder.encode(parts.tail(next.value)));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(parts.encode(next.value)));
    },
    cancel() {
      gen.return(undefined as R);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": parts.contentType,
      "Content-Disposition": contentDisposition(parts.filename),
      // Public exports may be read from any site; an agency's private download may not.
      ...(parts.private ? { "Cache-Control": "private, no-store" } : { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" }),
    },
  });
}

/** A loader's request and the load context server.mjs gave it (the language it resolved). */
export type ExportArgs = { request: Request; context?: unknown };

/**
 * The parsed list query of an export URL: lenient like the HTML list; the page is ignored, an
 * export is every matching row. The language (of the address, /en/tools.csv, else negotiated)
 * orders rows by name as the list page in that language does. `labels=on` adds a label column
 * after each coded column in that language (`labels=zh` / `labels=en` name the language); without
 * it the columns never change.
 */
export function exportContext({ request, context }: ExportArgs) {
  const url = new URL(request.url);
  const { query } = parseToolQuery(url.searchParams);
  const given = url.searchParams.get("labels");
  const lang = requestLang({ request, context }).lang;
  const labels = given === "zh" || given === "en" ? given : given === "on" ? lang : null;
  const today = todayIso(registerNow());
  return { query: { ...query, page: 1 }, labels, today, opts: { origin: url.origin, today, lang } };
}

/** Encodes batches of tool rows as CSV, NDJSON or the items of the JSON envelope. */
function toolRowEncoder(format: ExportFormat, labels: "zh" | "en" | null = null, columns: readonly string[] = TOOL_EXPORT_COLUMNS) {
  let first = true;
  const shape = (r: ToolExportRow): Record<string, unknown> => (labels ? labelledRow(r, labels) : r);
  return (rows: ToolExportRow[]) => {
    if (format === "csv") return rows.map((r) => shape(r)).map((r) => csvRow(columns.map((c) => r[c]))).join("");
    if (format === "ndjson") return rows.map((r) => `${JSON.stringify(shape(r))}\n`).join("");
    const text = rows.map((r, i) => `${first && i === 0 ? "" : ",\n"}${JSON.stringify(shape(r))}`).join("");
    if (rows.length) first = false;
    return text;
  };
}

export function toolsExportResponse(args: ExportArgs, format: ExportFormat): Response {
  const { query, labels, today, opts } = exportContext(args);
  const columns = withLabelColumns(TOOL_EXPORT_COLUMNS, LABELLED_TOOL_COLUMNS, labels !== null);
  const encode = toolRowEncoder(format, labels, columns);
  return streamDownload(exportTools(query, opts), {
    head:
      format === "csv"
        ? CSV_BOM + csvRow(columns)
        : format === "json"
          ? `{"columns":${JSON.stringify(columns)},"query":${JSON.stringify({ ...query, page: undefined })},"items":[\n`
          : "",
    encode,
    tail: format === "json" ? (r) => `\n],"total":${r.total}}\n` : undefined,
    contentType: TYPES[format],
    filename: exportFilename("tools", query, today, format),
  });
}

/** One of the nested CSV files (data elements, agencies, incidents, findings, comments). */
export function nestedCsvResponse(args: ExportArgs, kind: NestedExport): Response {
  const { query, labels, today, opts } = exportContext(args);
  return streamDownload(exportNested(kind, query, opts), {
    head: CSV_BOM + csvRow(nestedColumns(kind, labels !== null)),
    encode: (rows) => rows.map((r) => csvRow(labels ? labelledNestedRow(kind, r, labels) : r)).join(""),
    contentType: TYPES.csv,
    filename: exportFilename(kind, query, today, "csv"),
  });
}

/** An official's download of their agency's tools, drafts included, in the import format. */
export function inventoryResponse(request: Request, actor: Actor, format: "csv" | "json"): Response {
  const origin = new URL(request.url).origin;
  const today = todayIso(registerNow());
  return streamDownload(exportAgencyInventory(actor, { origin, today }), {
    head: format === "csv" ? CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]) : `{"columns":${JSON.stringify(TOOL_EXPORT_COLUMNS)},"agency":${JSON.stringify(actor.agencySlug)},"items":[\n`,
    encode: toolRowEncoder(format),
    tail: format === "json" ? (r) => `\n],"total":${r.total}}\n` : undefined,
    contentType: TYPES[format],
    filename: exportFilename(`${actor.agencySlug ?? "agency"}-inventory`, {}, today, format),
    private: true,
  });
}
