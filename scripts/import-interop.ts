// Importing another register's file on the command line (issue 16):
//   npm run import -- FILE --format omb-2025|atrs-3|nl-1 [--create-agencies] [--as EMAIL]
//                     [--check] [--valid-only] [--report REPORT.csv] [--retrieved-on YYYY-MM-DD]
// An admin (the named one, or else the first active admin) makes mirrored records; an agency's
// official, named with --as, makes drafts of their own agency (registry/exchange/interop/import.server.ts).
// Standard output: the file's quirks, every row's problems and a count of where each source
// field landed, in English sentences (app/i18n); --report writes one CSV line per non-empty source
// field of every row: where it landed. Exit code 0 when everything was imported (or checked
// clean), 1 when the file or a row had problems.
import fs from "node:fs";
import { csvRow, CSV_BOM } from "../registry/exchange/exports/csv";
import { importInterop, type InteropImportReport } from "../registry/exchange/interop/import.server";
import { interopFormat, type InteropFormatKey } from "../registry/exchange/interop/formats";
import { ctxOf } from "../registry/shared/context";
import { registerNow } from "../registry/shared/clock.server";
import type { Db } from "../registry/shared/db.server";
import { fieldName } from "../registry/standard/field-names";
import { issueLine, noticeMessage } from "../app/i18n/refusal";
import { recordsImportActor } from "./import-records";

const placeText = (p: InteropImportReport["rows"][number]["place"]) => ("line" in p ? `line ${p.line}` : `record ${p.item}`);

/** A standard path as its English field name ("identity.name" → "Name"), or "kept as published". */
function whereText(path: string): string {
  if (path === "kept") return "kept as published (extension area)";
  const plain = path.replace(/\[[^\]]*\]/g, "").replace(/^@agency\./, "agency.");
  const name = plain.startsWith("agency.") ? `agency ${plain.slice(7)}` : fieldName(plain, "en");
  return `${name} (${path})`;
}

export function printInteropReport(report: InteropImportReport, file: string): void {
  for (const n of report.fileNotices) console.log(`${file}: ${noticeMessage(n, "en")}`);
  for (const q of report.quirks) console.log(`${file}: ${noticeMessage(q, "en")}`);
  for (const r of report.rows)
    for (const p of r.problems) console.log(`${file}: ${placeText(r.place)}${r.name ? ` (${r.name})` : ""}: ${p.field ? `${p.field}: ` : ""}${issueLine(p, "en")}`);
  if (report.result !== "file_refused") {
    const counts = new Map<string, Map<string, number>>();
    for (const r of report.rows)
      for (const [k, v] of Object.entries(r.landed)) {
        const m = counts.get(k) ?? new Map<string, number>();
        m.set(v, (m.get(v) ?? 0) + 1);
        counts.set(k, m);
      }
    console.log("Where the source fields landed (rows):");
    for (const [k, m] of counts) console.log(`  ${k}: ${[...m].map(([w, n]) => `${whereText(w)} ${n}`).join("; ")}`);
  }
  const bad = report.rows.filter((r) => r.problems.length).length;
  const what = report.as === "mirrored" ? "mirrored records" : "drafts";
  console.log(
    {
      file_refused: "The file was refused; nothing was imported.",
      refused: `Nothing was imported because ${bad} of ${report.rows.length} rows have problems (use --valid-only to import the others).`,
      checked: `Checked; nothing was written. ${report.rows.length - bad} of ${report.rows.length} rows can be imported as ${what}.`,
      imported: `Imported ${report.written.tools} ${what}${report.written.agencies ? ` and created ${report.written.agencies} agencies` : ""}; ${bad} rows with problems were not imported.`,
    }[report.result],
  );
}

function writeInteropReportCsv(report: InteropImportReport, target: string): void {
  const lines = [csvRow(["place", "id", "name", "result", "source_field", "landed_in", "message"])];
  for (const n of [...report.fileNotices, ...report.quirks]) lines.push(csvRow(["", "", "", "file", "", "", noticeMessage(n, "en")]));
  for (const r of report.rows) {
    const result = r.problems.length ? "refused" : r.written ? "imported" : report.result === "checked" ? "can_be_imported" : "not_written";
    for (const p of r.problems) lines.push(csvRow([placeText(r.place), r.id ?? "", r.name, result, (p as { field?: string }).field ?? "", "", issueLine(p, "en")]));
    for (const [k, v] of Object.entries(r.landed)) lines.push(csvRow([placeText(r.place), r.id ?? "", r.name, result, k, v === "kept" ? "kept as published" : v, ""]));
  }
  fs.writeFileSync(target, `${CSV_BOM}${lines.join("")}`);
}

export function importInteropFile(
  db: Db,
  opts: { file: string; bytes: Uint8Array; format: InteropFormatKey; as?: string; createAgencies: boolean; check: boolean; validOnly: boolean; report?: string; retrievedOn?: string },
): number {
  if (!interopFormat(opts.format)) {
    console.error(`The format ${opts.format} is not built yet.`);
    return 2;
  }
  const actor = recordsImportActor(opts.as, db);
  const started = Date.now();
  const report = importInterop(ctxOf({ actor, now: registerNow(), db }), {
    format: opts.format,
    bytes: opts.bytes,
    createAgencies: opts.createAgencies,
    dryRun: opts.check,
    validOnly: opts.validOnly,
    ...(opts.retrievedOn ? { retrievedOn: opts.retrievedOn } : {}),
  });
  printInteropReport(report, opts.file);
  if (opts.report) writeInteropReportCsv(report, opts.report);
  process.stderr.write(`${opts.file}: ${report.rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return (report.result === "imported" || report.result === "checked") && !report.rows.some((r) => r.problems.length) ? 0 : 1;
}
