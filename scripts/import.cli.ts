// npm run import -- tools.csv --agency shanghai-municipal-government [--as official@example.org]
//                   [--check] [--valid-only] [--report report.csv]
// npm run import -- tools.csv --as admin@example.org [--check] [--valid-only] [--report report.csv]
//                   (an admin's table: each row's `agency` column names the agency it is a draft of)
// npm run import -- records.ndjson --format records [--create-agencies] [--as admin@example.org] [--check]
// npm run import -- records.ndjson --format records --as official@example.org [--check] [--valid-only] [--report report.csv]
// npm run import -- inventory.csv --format omb-2025|atrs-3|nl-1 [--create-agencies] [--as EMAIL] [--check] [--valid-only]
//                   [--report report.csv] [--retrieved-on YYYY-MM-DD]   (another register's file: scripts/import-interop.ts)
//
// Imports a CSV, JSON or NDJSON file in the export format as drafts of the agency's tools, with
// the same checks and report as the upload page. --check only checks; --valid-only writes each
// valid row on its own instead of nothing unless the whole file is valid. The report goes to
// standard output (and as CSV to --report); progress goes to standard error. Exit code 0 when
// everything was imported (or checked clean), 1 when rows or the file had problems, 2 on usage.
// Every problem is printed as the English sentence the upload page shows (app/i18n), with the
// field's label and the row number: never an issue code or a record path.
//
// With --format records (or a file that is plainly one: /records.ndjson or /records.json as the
// register exports them) the file holds whole records, imported as they were by an admin (the
// named one, or else the first active admin): registry/exchange/records/import.server.ts. Each
// entry is reported in a sentence; exit codes as above. Named with --as, an agency's official
// imports such a file as new drafts of their own agency instead, with the table import's report
// (registry/exchange/records/import-drafts.server.ts); --create-agencies is refused for them.
import { exitOnRefusal } from "./cli-refusal";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ctxOf } from "../registry/shared/context";
import { openDatabase } from "../db/client.server";
import { databasePath } from "../db/env.server";
import { registerNow } from "../registry/shared/clock.server";
import { csvRow } from "../registry/exchange/exports/csv";
import { IMPORT_MAX_BYTES, tooLargeNotice } from "../registry/exchange/import/limits";
import { COMPUTED_COLUMNS, IMPORT_COLUMNS } from "../registry/exchange/import/columns";
import { issueLine, noticeMessage } from "../app/i18n/refusal";
import { rowStateText } from "../app/i18n/import-rows";
import { rowState } from "../registry/exchange/import/row-state";
import { importActorFor, runImport, type ImportProgress, type ImportReport } from "../registry/exchange/import/import.server";
import type { FieldError } from "../registry/exchange/import/read-file";
import { looksLikeRecords } from "../registry/exchange/records/read";
import { importRecordsFile, recordsImportActor } from "./import-records";
import { importRecordsAsDrafts } from "../registry/exchange/records/import-drafts.server";
import { isInteropFormatKey, type InteropFormatKey } from "../registry/exchange/interop/formats";
import { importInteropFile } from "./import-interop";

const USAGE =
  "Usage: npm run import -- FILE --agency SLUG [--as EMAIL] [--check] [--valid-only] [--report REPORT.csv]\n" +
  "       npm run import -- FILE --as ADMIN-EMAIL [--check] [--valid-only] [--report REPORT.csv]   (rows name their agency)\n" +
  "       npm run import -- FILE --format records [--create-agencies] [--as ADMIN-EMAIL] [--check]\n" +
  "       npm run import -- FILE --format records --as OFFICIAL-EMAIL [--check] [--valid-only] [--report REPORT.csv]\n" +
  "       npm run import -- FILE --format omb-2025|atrs-3|nl-1 [--create-agencies] [--as EMAIL] [--check] [--valid-only] [--report REPORT.csv] [--retrieved-on DATE]";

/** A row problem in English, as the upload page words it. */
const problemText = (e: FieldError) => issueLine(e, "en");
/** Where a row problem is: the row of the file, its tool's name, and the column (not for the whole row). */
const rowPlace = (report: ImportReport, r: ImportReport["rows"][number], e: FieldError) =>
  `${report.records ? (report.format === "ndjson" ? "line" : "entry") : "row"} ${r.row}${r.name ? ` (${r.name})` : ""}${e.field && !e.field.startsWith("(") ? `, column ${e.field}` : ""}`;
/** The file's problems in English, as the upload page words them. */
const fileProblems = (report: ImportReport) => report.fileNotices.map((notice) => noticeMessage(notice, "en"));

function progressBar(): ImportProgress {
  let last = 0;
  return (phase, done, total) => {
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const label = phase === "check" ? "checking" : "writing ";
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

function printReport(report: ImportReport, file: string) {
  const c = report.counts;
  fileProblems(report).forEach((e, i) => {
    console.log(`${file}: ${e}`);
    // The page lists the columns below this problem; so does the command line.
    if (report.fileNotices[i]?.code === "importColumnsUnknown")
      console.log(`  The columns: ${IMPORT_COLUMNS.join(", ")}; computed by the register, and ignored: ${COMPUTED_COLUMNS.join(", ")}.`);
  });
  for (const w of report.warnings ?? []) console.log(`${file}: ${noticeMessage(w, "en")}`);
  for (const r of report.rows) for (const e of r.errors) console.log(`${file}: ${rowPlace(report, r, e)}: ${problemText(e)}`);
  if (report.ignoredColumns.length) console.log(`Ignored columns (computed by the register): ${report.ignoredColumns.join(", ")}`);
  // Rows are counted as written only when they were (row-state.ts): a check or a refused file says what would happen.
  const wouldBe = `${c.rows} rows: ${c.create} would be new drafts, ${c.update} would update drafts, ${c.unchanged} unchanged, ${c.error} with problems.`;
  const outcome = {
    file_refused: "The file was refused; nothing was imported.",
    checked: `Checked; nothing was written. ${wouldBe}`,
    refused_invalid_rows: `Nothing was imported because ${c.error} rows have problems (use --valid-only to import the others); no row was written. ${wouldBe}`,
    imported: `Imported: ${report.written.created} new drafts, ${report.written.updated} updated. ${c.rows} rows: ${report.written.created} new, ${report.written.updated} updated, ${c.unchanged} unchanged, ${c.error} with problems (not imported).`,
  }[report.result];
  console.log(outcome);
}

function writeReportCsv(report: ImportReport, target: string) {
  const lines = [csvRow(["row", "id", "name", "result", "column", "message"])];
  for (const e of fileProblems(report)) lines.push(csvRow(["", "", "", "file_refused", "", e]));
  // The result is what became of the row (created, would_create, held: valid but not written, …), never "create" for a row not written.
  for (const r of report.rows) {
    const state = rowState(report, r);
    if (!r.errors.length) lines.push(csvRow([r.row, r.id, r.name, state, "", rowStateText(report, r, "en")]));
    for (const e of r.errors) lines.push(csvRow([r.row, r.id, r.name, state, e.field, problemText(e)]));
  }
  fs.writeFileSync(target, `\uFEFF${lines.join("")}`);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: "string" },
      as: { type: "string" },
      check: { type: "boolean" },
      "valid-only": { type: "boolean" },
      report: { type: "string" },
      format: { type: "string" },
      "create-agencies": { type: "boolean" },
      "retrieved-on": { type: "string" },
    },
    strict: true,
  });
  const file = positionals[0];
  const foreign = isInteropFormatKey(values.format);
  if (!file || positionals.length > 1 || (values.format !== undefined && values.format !== "records" && values.format !== "table" && !foreign) || (values["retrieved-on"] !== undefined && !foreign)) {
    console.error(USAGE);
    process.exit(2);
  }
  if (foreign) {
    if (values.agency) {
      console.error(USAGE);
      process.exit(2);
    }
    let bytes: Uint8Array;
    try {
      if (fs.statSync(file).size > IMPORT_MAX_BYTES) {
        console.log(`${path.basename(file)}: ${noticeMessage(tooLargeNotice(fs.statSync(file).size), "en")}`);
        process.exit(1);
      }
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch {
      console.error(`Cannot read ${file}: no such file.`);
      process.exit(2);
    }
    const db = openDatabase(databasePath());
    let code = 1;
    try {
      code = importInteropFile(db, {
        file: path.basename(file),
        bytes,
        format: values.format as InteropFormatKey,
        as: values.as,
        createAgencies: Boolean(values["create-agencies"]),
        check: Boolean(values.check),
        validOnly: Boolean(values["valid-only"]),
        report: values.report,
        retrievedOn: values["retrieved-on"],
      });
    } catch (e) {
      db.$client.close();
      exitOnRefusal(e);
    }
    db.$client.close();
    process.exit(code);
  }
  let records = values.format === "records";
  // No format given and no agency: a file that is plainly a whole-record export is one.
  if (values.format === undefined && !values.agency && fs.existsSync(file)) {
    const fd = fs.openSync(file, "r");
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    records = looksLikeRecords(head.subarray(0, n).toString("utf8"));
  }
  // A table names its agency with --agency, or (for an admin named with --as) row by row in its agency column.
  if (records ? values.agency : (!values.agency && !values.as) || values["create-agencies"]) {
    console.error(USAGE);
    process.exit(2);
  }
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    console.error(`Cannot read ${file}: no such file.`);
    process.exit(2);
  }
  // Refuse a huge file before reading it into memory.
  if (size > IMPORT_MAX_BYTES) {
    console.log(`${path.basename(file)}: ${noticeMessage(tooLargeNotice(size), "en")}`);
    process.exit(1);
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  const db = openDatabase(databasePath());
  if (records) {
    let code: number;
    try {
      const actor = recordsImportActor(values.as, db);
      const text = new TextDecoder().decode(bytes);
      if (actor.role === "official") {
        // An official's whole records become new drafts of their own agency (the admin's option is refused there).
        const report = importRecordsAsDrafts(ctxOf({ actor, now: registerNow(), db }), {
          text,
          mode: values["valid-only"] ? "valid_only" : "all",
          dryRun: Boolean(values.check),
          ...(values["create-agencies"] ? { createAgencies: true } : {}),
        });
        printReport(report, path.basename(file));
        if (values.report) writeReportCsv(report, values.report);
        code = (report.result === "imported" || report.result === "checked") && report.counts.error === 0 ? 0 : 1;
      } else if (values["valid-only"] || values.report) {
        console.error(USAGE);
        code = 2;
      } else code = importRecordsFile(db, { file: path.basename(file), text, actor, createAgencies: Boolean(values["create-agencies"]), check: Boolean(values.check) });
    } catch (e) {
      db.$client.close();
      exitOnRefusal(e);
    }
    db.$client.close();
    process.exit(code);
  }
  try {
    const actor = values.agency ? importActorFor(values.agency, values.as, db) : recordsImportActor(values.as, db);
    const report = await runImport(ctxOf({ actor, now: registerNow(), db }), { file: { bytes, filename: path.basename(file) }, mode: values["valid-only"] ? "valid_only" : "all", dryRun: Boolean(values.check), onProgress: progressBar() });
    printReport(report, path.basename(file));
    if (values.report) writeReportCsv(report, values.report);
    const clean = (report.result === "imported" || report.result === "checked") && report.counts.error === 0;
    process.exit(clean ? 0 : 1);
  } catch (e) {
    exitOnRefusal(e);
  } finally {
    db.$client.close();
  }
}

await main();
