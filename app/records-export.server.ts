// The whole-record exports (/records.ndjson, /records.json): the tools of a list query, with the
// same filters and order as /tools, each as a complete entry with every public revision
// (registry/exchange/records). Streamed batch by batch like the other exports.
import { exportRecords } from "../registry/exchange/records/export.server";
import { RECORDS_FORMAT, RECORDS_FORMAT_VERSION, type RecordsEntry } from "../registry/exchange/records/format";
import { exportFilename } from "../registry/exchange/exports/filename";
import { registerNow } from "../registry/shared/clock.server";
import { exportContext, streamDownload, TYPES, type ExportArgs } from "./exports.server";

export function recordsExportResponse(args: ExportArgs, format: "json" | "ndjson"): Response {
  const { query, today, opts } = exportContext(args);
  let first = true;
  const encode = (entries: RecordsEntry[]) => {
    if (format === "ndjson") return entries.map((e) => `${JSON.stringify(e)}\n`).join("");
    const text = entries.map((e, i) => `${first && i === 0 ? "" : ",\n"}${JSON.stringify(e)}`).join("");
    if (entries.length) first = false;
    return text;
  };
  const head = `{"format":${JSON.stringify(RECORDS_FORMAT)},"formatVersion":${RECORDS_FORMAT_VERSION},"exportedAt":${JSON.stringify(registerNow().toISOString())},"source":${JSON.stringify(`${opts.origin}/`)},"records":[\n`;
  return streamDownload(exportRecords(query, opts), {
    head: format === "json" ? head : "",
    encode,
    // `total` after the entries: it is known once the selection is made, and a streamed document
    // cannot go back. JSON objects are unordered; RecordsDocument reads it wherever it is.
    tail: format === "json" ? (r) => `\n],"total":${r.total}}\n` : undefined,
    contentType: TYPES[format],
    filename: exportFilename("records", query, today, format),
  });
}
