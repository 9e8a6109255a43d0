// Reading an uploaded file of the bulk import format: its size and encoding, CSV, JSON or
// NDJSON, its columns, and one raw row per record with the problems found in its cells. Pure
// functions: no database, no file system.
import { parse as parseCsv, CsvError } from "csv-parse/sync";
import type { Issue } from "../../shared/errors";
import { IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS, IMPORT_MAX_RECORD_CHARS, countHeaderCells, tooLargeNotice } from "./limits";
import { IMPORT_COLUMNS, checkColumns, type FileNotice, type ImportColumn } from "./columns";

export type FileFormat = "csv" | "json" | "ndjson";

/** A problem of one row: the column it is in, and an issue code (worded by app/i18n) with the record path and parameters. */
export type FieldError = Issue & { field: string };

/**
 * `extra`: the non-empty values of the row's columns the format does not have, by column name (kept
 * in the draft's extension area), without a prototype.
 */
export type RawRow = { row: number; cells: Partial<Record<ImportColumn, string>>; extra: Record<string, ExtraValue>; errors: FieldError[] };
/** A value of a column the format does not have: text, or a number or yes/no from a JSON file. */
export type ExtraValue = string | number | boolean;
/** The longest value kept from a column the format does not have (the standard's limit on an extension value). */
export const EXTRA_VALUE_MAX = 20_000;

export type ReadResult =
  /** `warnings`: what the file's reader should know but which refuses nothing (columns kept as extension fields). */
  | { ok: true; format: FileFormat; ignoredColumns: string[]; warnings: FileNotice[]; rows: RawRow[] }
  /** Why the file as a whole was refused: codes and parameters, worded by app/i18n (refusal.ts). */
  | { ok: false; format: FileFormat | null; notices: FileNotice[] };

/** Cells of a row without a prototype: a cell is read only if the file gave it. */
const newCells = (): RawRow["cells"] => Object.create(null) as RawRow["cells"];
const newExtra = (): RawRow["extra"] => Object.create(null) as RawRow["extra"];

/** `count` is null when counting stopped past the limit. */
function tooManyColumns(format: FileFormat, count: number | null): ReadResult {
  const notice: FileNotice =
    count === null ? { code: "importTooManyColumnsOver", params: { max: IMPORT_MAX_COLUMNS } } : { code: "importTooManyColumns", params: { count, max: IMPORT_MAX_COLUMNS } };
  return { ok: false, format, notices: [notice] };
}

const refuse = (format: FileFormat | null, code: string, params: FileNotice["params"] = {}): ReadResult => ({ ok: false, format, notices: [{ code, params }] });

const FORMULA_START = /^[=+\-@]/;
// An exported cell whose text starts with =, +, -, @ (after any apostrophes of its own) has one
// apostrophe more (registry/exchange/exports/csv.ts); taking one off gives the text back.
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Reads an uploaded file: checks its size and encoding, detects CSV, JSON or NDJSON, checks the
 * columns, and returns one raw row per record with the problems found in its cells. Anything
 * that makes the file as a whole unreadable is a file error; nothing is imported then.
 */
export function readImportFile(bytes: Uint8Array, filename = ""): ReadResult {
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    return { ok: false, format: null, notices: [tooLargeNotice(bytes.byteLength)] };
  const text = decodeUtf8(bytes);
  if (!text.ok) return refuse(null, text.gbk ? "importNotUtf8Gbk" : "importNotUtf8");
  const body = text.text.replace(/^\uFEFF/, "");
  if (!body.trim()) return refuse(null, "importFileEmpty");
  const format = detectFormat(body, filename);
  return format === "csv" ? readCsv(body) : readJson(body, format);
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; gbk: boolean } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Excel on Chinese Windows saves "CSV" as GBK; say so, rather than importing mojibake.
    let gbk = false;
    try {
      new TextDecoder("gb18030", { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      gbk = false;
    }
    return { ok: false, gbk };
  }
}

function detectFormat(body: string, filename: string): FileFormat {
  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext === "csv") return "csv";
  if (ext === "ndjson" || ext === "jsonl") return "ndjson";
  if (ext === "json") return "json";
  const first = body.trimStart()[0];
  if (first === "[") return "json";
  if (first === "{") {
    // One object per line is NDJSON; one object over many lines is the /tools.json envelope.
    const firstLine = body.trimStart().split("\n", 1)[0]!.trim();
    try {
      JSON.parse(firstLine);
      return body.trim().includes("\n") ? "ndjson" : "json";
    } catch {
      return "json";
    }
  }
  return "csv";
}

/** What the CSV parser's errors mean: the code the page and the command line word (app/i18n). */
const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "importCsvQuoteNotClosed",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "importCsvCellCount",
  CSV_INVALID_CLOSING_QUOTE: "importCsvQuoteNotDoubled",
  CSV_MAX_RECORD_SIZE: "importCsvRowTooLong",
};

function readCsv(body: string): ReadResult {
  // Refuse a runaway header before parsing anything.
  if (countHeaderCells(body, IMPORT_MAX_COLUMNS) === null) return tooManyColumns("csv", null);
  let records: string[][];
  try {
    records = parseCsv(body, { relax_column_count: false, skip_empty_lines: true, max_record_size: IMPORT_MAX_RECORD_CHARS }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) {
      // The parser names the line it stopped at; without one, the file is unreadable as CSV.
      const line = (e as CsvError & { lines?: number }).lines;
      if (!line) return refuse("csv", "importCsvUnreadable");
      return refuse("csv", (Object.hasOwn(CSV_ERRORS, e.code) && CSV_ERRORS[e.code]) || "importCsvOther", { line, max: IMPORT_MAX_RECORD_CHARS });
    }
    throw e;
  }
  const [header, ...data] = records;
  const columns = (header ?? []).map((c) => c.trim());
  if (columns.length > IMPORT_MAX_COLUMNS) return tooManyColumns("csv", columns.length);
  const check = checkColumns(columns);
  if (check.notices.length) return { ok: false, format: "csv", notices: check.notices };
  const kept = new Set(check.kept);
  const rows = data.map((cells, i): RawRow => {
    // The spreadsheet's row number: the header is row 1.
    const row: RawRow = { row: i + 2, cells: newCells(), extra: newExtra(), errors: [] };
    columns.forEach((col, j) => {
      const known = (IMPORT_COLUMNS as readonly string[]).includes(col);
      if (!known && !kept.has(col)) return;
      const value = cleanCsvCell(cells[j] ?? "");
      if (value.error !== undefined) row.errors.push({ field: col, code: "err_import_formula", params: { char: value.error } });
      else if (value.text === "") return;
      else if (known) row.cells[col as ImportColumn] = value.text;
      else keepExtra(row, col, value.text);
    });
    return row;
  });
  return { ok: true, format: "csv", ignoredColumns: check.ignored, warnings: check.warnings, rows };
}

/** Keeps a value of a column the format does not have, or says why it cannot be kept. */
function keepExtra(row: RawRow, col: string, value: ExtraValue): void {
  if (typeof value === "string" && value.length > EXTRA_VALUE_MAX) row.errors.push({ field: col, code: "err_import_extra_too_long", params: { max: EXTRA_VALUE_MAX } });
  else row.extra[col] = value;
}

/** Undoes the exports' formula neutralisation and refuses formulas typed into a spreadsheet. */
/** `error`, when set, is the character that starts the formula. */
export function cleanCsvCell(raw: string): { text: string; error?: undefined } | { text?: undefined; error: string } {
  const text = raw.trim();
  if (NEUTRALISED.test(raw)) return { text: raw.slice(1).trim() };
  if (FORMULA_START.test(text))
    return { error: text[0]! };
  return { text };
}

function readJson(body: string, format: "json" | "ndjson"): ReadResult {
  let items: unknown[];
  if (format === "ndjson") {
    items = [];
    const lines = body.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.trim()) continue;
      try {
        items.push(JSON.parse(lines[i]!));
      } catch {
        return refuse(format, "importNdjsonLine", { line: i + 1 });
      }
    }
  } else {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch (e) {
      // V8 names the character it stopped at ("… in JSON at position 12"): give its line.
      const at = /at position (\d+)/.exec((e as Error).message)?.[1];
      return at === undefined ? refuse(format, "importJsonInvalid") : refuse(format, "importJsonInvalidAt", { line: body.slice(0, Number(at)).split("\n").length });
    }
    const list = Array.isArray(doc) ? doc : doc && typeof doc === "object" && Array.isArray((doc as { items?: unknown }).items) ? (doc as { items: unknown[] }).items : null;
    if (!list)
      return refuse(format, "importJsonShape");
    items = list;
  }
  const keys = new Set<string>();
  for (const item of items) {
    if (!item || typeof item !== "object" || Array.isArray(item)) continue;
    // for-in, not Object.keys: a row with a million keys is refused after the 101st.
    for (const k in item) {
      keys.add(k);
      if (keys.size > IMPORT_MAX_COLUMNS) return tooManyColumns(format, null);
    }
  }
  const check = checkColumns([...keys]);
  if (check.notices.length) return { ok: false, format, notices: check.notices };
  const rows = items.map((item, i): RawRow => {
    const row: RawRow = { row: i + 1, cells: newCells(), extra: newExtra(), errors: [] };
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      row.errors.push({ field: "(row)", code: "err_import_row_not_object" });
      return row;
    }
    for (const col of IMPORT_COLUMNS) {
      // Only the row's own keys: never a value inherited through a prototype.
      const v = Object.hasOwn(item, col) ? (item as Record<string, unknown>)[col] : undefined;
      if (v === null || v === undefined) continue;
      if (typeof v !== "string" && typeof v !== "number") row.errors.push({ field: col, code: "err_import_cell_not_text" });
      else if (String(v).trim() !== "") row.cells[col] = String(v).trim();
    }
    for (const col of check.kept) {
      const v = Object.hasOwn(item, col) ? (item as Record<string, unknown>)[col] : undefined;
      if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
      if (typeof v === "string") keepExtra(row, col, v.trim());
      else if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean") keepExtra(row, col, v);
      else row.errors.push({ field: col, code: "err_import_cell_not_text" });
    }
    return row;
  });
  return { ok: true, format, ignoredColumns: check.ignored, warnings: check.warnings, rows };
}
