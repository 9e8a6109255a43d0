// Reading an uploaded file of the bulk import format: its size and encoding, CSV, JSON or
// NDJSON, its columns, and one raw row per record with the problems found in its cells. Pure
// functions: no database, no file system.
import { parse as parseCsv, CsvError } from "csv-parse/sync";
import type { Issue } from "../../shared/errors";
import { IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS, IMPORT_MAX_RECORD_CHARS, countHeaderCells, tooLargeMessage, tooLargeNotice } from "./limits";
import { IMPORT_COLUMNS, checkColumns, type FileNotice, type ImportColumn } from "./columns";

export type FileFormat = "csv" | "json" | "ndjson";

/** A problem of one row: the column it is in, and an issue code (worded by app/i18n) with the record path and parameters. */
export type FieldError = Issue & { field: string };

export type RawRow = { row: number; cells: Partial<Record<ImportColumn, string>>; errors: FieldError[] };

export type ReadResult =
  | { ok: true; format: FileFormat; ignoredColumns: string[]; rows: RawRow[] }
  /** `notices` has one entry per error: the same problem as a code for the page. */
  | { ok: false; format: FileFormat | null; errors: string[]; notices: FileNotice[] };

/** Cells of a row without a prototype: a cell is read only if the file gave it. */
const newCells = (): RawRow["cells"] => Object.create(null) as RawRow["cells"];

function tooManyColumns(format: FileFormat, count: number | null): ReadResult {
  const counted = count === null ? `more than ${IMPORT_MAX_COLUMNS}` : String(count);
  return {
    ok: false,
    format,
    errors: [`The file has ${counted} columns; the register reads at most ${IMPORT_MAX_COLUMNS}. Use the columns of /tools.csv. Nothing was imported.`],
    notices: [{ code: "importTooManyColumns", params: { count: counted, max: IMPORT_MAX_COLUMNS } }],
  };
}

const FORMULA_START = /^[=+\-@]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * Reads an uploaded file: checks its size and encoding, detects CSV, JSON or NDJSON, checks the
 * columns, and returns one raw row per record with the problems found in its cells. Anything
 * that makes the file as a whole unreadable is a file error; nothing is imported then.
 */
export function readImportFile(bytes: Uint8Array, filename = ""): ReadResult {
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    return { ok: false, format: null, errors: [tooLargeMessage(bytes.byteLength)], notices: [tooLargeNotice(bytes.byteLength)] };
  const text = decodeUtf8(bytes);
  if (!text.ok) return { ok: false, format: null, errors: [text.error], notices: [{ code: text.gbk ? "importNotUtf8Gbk" : "importNotUtf8", params: {} }] };
  const body = text.text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { ok: false, format: null, errors: ["The file is empty. Upload a CSV file with a header row, or a JSON file in the format of /tools.json."], notices: [{ code: "importFileEmpty", params: {} }] };
  const format = detectFormat(body, filename);
  return format === "csv" ? readCsv(body) : readJson(body, format);
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string; gbk: boolean } {
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
    return {
      ok: false,
      gbk,
      error: gbk
        ? "The file is not UTF-8: it looks like GBK/GB18030, the encoding Excel uses for \"CSV\" on Chinese Windows. In Excel choose Save As > \"CSV UTF-8 (Comma delimited)\", or in WPS choose UTF-8 encoding, and upload again."
        : "The file is not UTF-8 text. Save it as \"CSV UTF-8\" (or as JSON in UTF-8) and upload again.",
    };
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

/**
 * What the CSV parser's errors mean: the code the page and the command line word (app/i18n),
 * and the English of the result's `errors`.
 */
const CSV_ERRORS = {
  CSV_QUOTE_NOT_CLOSED: { code: "importCsvQuoteNotClosed", cli: 'a quoted cell is never closed (a " is missing)' },
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: { code: "importCsvCellCount", cli: "this row has a different number of cells from the header row" },
  CSV_INVALID_CLOSING_QUOTE: { code: "importCsvQuoteNotDoubled", cli: 'a quote inside a cell is not doubled (write "" for a quote inside a quoted cell)' },
  CSV_MAX_RECORD_SIZE: { code: "importCsvRowTooLong", cli: `a row is longer than ${IMPORT_MAX_RECORD_CHARS.toLocaleString("en")} characters` },
} as const;

function readCsv(body: string): ReadResult {
  // Refuse a runaway header before parsing anything.
  if (countHeaderCells(body, IMPORT_MAX_COLUMNS) === null) return tooManyColumns("csv", null);
  let records: string[][];
  try {
    records = parseCsv(body, { relax_column_count: false, skip_empty_lines: true, max_record_size: IMPORT_MAX_RECORD_CHARS }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      const known = CSV_ERRORS[e.code as keyof typeof CSV_ERRORS];
      const reason = known?.code ?? "importCsvOther";
      const what = known?.cli ?? e.message;
      return {
        ok: false,
        format: "csv",
        errors: [`The CSV cannot be read${line ? ` at line ${line}` : ""}: ${what}. Nothing was imported.`],
        notices: [{ code: reason, params: { line: line ?? "?", max: IMPORT_MAX_RECORD_CHARS } }],
      };
    }
    throw e;
  }
  const [header, ...data] = records;
  const columns = (header ?? []).map((c) => c.trim());
  if (columns.length > IMPORT_MAX_COLUMNS) return tooManyColumns("csv", columns.length);
  const check = checkColumns(columns);
  if (check.errors.length) return { ok: false, format: "csv", errors: check.errors, notices: check.notices };
  const rows = data.map((cells, i): RawRow => {
    // The spreadsheet's row number: the header is row 1.
    const row: RawRow = { row: i + 2, cells: newCells(), errors: [] };
    columns.forEach((col, j) => {
      if (!(IMPORT_COLUMNS as readonly string[]).includes(col)) return;
      const value = cleanCsvCell(cells[j] ?? "");
      if (value.error) row.errors.push({ field: col, code: "err_import_formula", params: { char: value.error } });
      else if (value.text !== "") row.cells[col as ImportColumn] = value.text;
    });
    return row;
  });
  return { ok: true, format: "csv", ignoredColumns: check.ignored, rows };
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
        return { ok: false, format, errors: [`Line ${i + 1} is not valid JSON. Each line of an NDJSON file must be one JSON object. Nothing was imported.`], notices: [{ code: "importNdjsonLine", params: { line: i + 1 } }] };
      }
    }
  } else {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch (e) {
      return { ok: false, format, errors: [`The file is not valid JSON (${(e as Error).message}). Nothing was imported.`], notices: [{ code: "importJsonInvalid", params: {} }] };
    }
    const list = Array.isArray(doc) ? doc : doc && typeof doc === "object" && Array.isArray((doc as { items?: unknown }).items) ? (doc as { items: unknown[] }).items : null;
    if (!list)
      return { ok: false, format, errors: ['The JSON must be an array of rows, or an object with an "items" array as /tools.json gives. Nothing was imported.'], notices: [{ code: "importJsonShape", params: {} }] };
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
  if (check.errors.length) return { ok: false, format, errors: check.errors.map((e) => e.replace(/column/g, "key")), notices: check.notices };
  const rows = items.map((item, i): RawRow => {
    const row: RawRow = { row: i + 1, cells: newCells(), errors: [] };
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
    return row;
  });
  return { ok: true, format, ignoredColumns: check.ignored, rows };
}
