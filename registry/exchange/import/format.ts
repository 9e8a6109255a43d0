// The bulk import format: the columns of /tools.csv (and the keys of /tools.json rows), read
// back. An agency's spreadsheet becomes drafts; the register's computed columns are accepted so
// an export can be uploaded as it is, and ignored. Pure functions: no database, no file system.
import { parse as parseCsv, CsvError } from "csv-parse/sync";
import { z } from "zod";
import { Identity, Lifecycle, ToolId } from "../../standard/v1";
import { zodIssues, type Issue } from "../../shared/errors";
import { TOOL_EXPORT_COLUMNS } from "../exports/columns";
import { isForbiddenKey } from "../../shared/safe-keys";

/** Files larger than this are refused before they are read. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A header (or the keys of JSON rows) with more columns than this is refused before any row is
 * read: the export has 23, and a file with a million made-up columns must cost no more to refuse
 * than one with a hundred.
 */
export const IMPORT_MAX_COLUMNS = 100;
/** Characters in one CSV record (header or row); well above any real row of the export. */
export const IMPORT_MAX_RECORD_CHARS = 1_000_000;
/** How many names a message about unknown or repeated columns lists before "and N more". */
const NAMES_LISTED = 20;

/**
 * A whole-file problem that the upload page words in the reader's language (the English text
 * stays in `errors` for the command line). Codes are keys of the import strings.
 */
export type FileNotice = { code: string; params: Record<string, string | number> };

/** The columns an import reads: what an agency states about its tool. */
export const IMPORT_COLUMNS = [
  "id",
  "name_zh",
  "name_en",
  "slug",
  "kind",
  "policy_domain",
  "jurisdiction_level",
  "place_zh",
  "place_en",
  "deployment_status",
  "sunset_date",
  "summary_zh",
  "summary_en",
  "retired_on",
  "retirement_reason_zh",
  "retirement_reason_en",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns the register computes (address, review state, counts, times): accepted and ignored. */
export const COMPUTED_COLUMNS = TOOL_EXPORT_COLUMNS.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));

/** Columns that must be present (for a pair of languages, at least one of the two). */
const REQUIRED_COLUMNS: (ImportColumn | [ImportColumn, ImportColumn])[] = [
  ["name_zh", "name_en"],
  "slug",
  "kind",
  "policy_domain",
  "jurisdiction_level",
  ["place_zh", "place_en"],
  "deployment_status",
  ["summary_zh", "summary_en"],
];

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

/** Up to NAMES_LISTED quoted names, and how many more there are. */
function listNames(names: string[]): { names: string; more: number } {
  const shown = names.slice(0, NAMES_LISTED).map((c) => `"${c.length > 60 ? `${c.slice(0, 60)}…` : c}"`);
  return { names: shown.join(", "), more: Math.max(0, names.length - NAMES_LISTED) };
}
const andMore = (more: number) => (more ? ` and ${more} more` : "");

function tooManyColumns(format: FileFormat, count: number | null): ReadResult {
  const counted = count === null ? `more than ${IMPORT_MAX_COLUMNS}` : String(count);
  return {
    ok: false,
    format,
    errors: [`The file has ${counted} columns; the register reads at most ${IMPORT_MAX_COLUMNS}. Use the columns of /tools.csv. Nothing was imported.`],
    notices: [{ code: "importTooManyColumns", params: { count: counted, max: IMPORT_MAX_COLUMNS } }],
  };
}

/**
 * The number of cells in the CSV header, counted without parsing the file: as soon as it passes
 * `limit`, null. Commas inside quoted cells are not counted.
 */
export function countHeaderCells(body: string, limit: number): number | null {
  let cells = 1;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (ch === 34 /* " */) quoted = !quoted;
    else if (!quoted && ch === 44 /* , */) {
      if (++cells > limit) return null;
    } else if (!quoted && (ch === 10 || ch === 13)) break;
  }
  return cells;
}

export function tooLargeMessage(size: number): string {
  return `The file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files (for example by place or kind) and import them one after another. Nothing was imported.`;
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
    return { ok: false, format: null, errors: [tooLargeMessage(bytes.byteLength)], notices: [{ code: "importFileTooLarge", params: { size: (bytes.byteLength / 1024 / 1024).toFixed(1), max: IMPORT_MAX_BYTES / 1024 / 1024 } }] };
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

function checkColumns(columns: string[]): { errors: string[]; notices: FileNotice[]; ignored: string[] } {
  const errors: string[] = [];
  const notices: FileNotice[] = [];
  const known = new Set<string>([...IMPORT_COLUMNS, ...COMPUTED_COLUMNS]);
  // "__proto__" and its kind are never columns, whatever the lists above say.
  const unknown = columns.filter((c) => !known.has(c) || isForbiddenKey(c));
  if (unknown.length) {
    const list = listNames(unknown);
    errors.push(
      `Unknown column${unknown.length > 1 ? "s" : ""}: ${list.names}${andMore(list.more)}. The columns are those of /tools.csv: ${IMPORT_COLUMNS.join(", ")} (and the computed ones, which are ignored: ${COMPUTED_COLUMNS.join(", ")}).`,
    );
    notices.push({ code: "importColumnsUnknown", params: list });
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) repeated.add(c);
    seen.add(c);
  }
  if (repeated.size) {
    const list = listNames([...repeated]);
    errors.push(`${repeated.size > 1 ? "These columns appear" : "The column appears"} more than once: ${list.names}${andMore(list.more)}. Keep one of each.`);
    notices.push({ code: "importColumnsRepeated", params: list });
  }
  for (const req of REQUIRED_COLUMNS) {
    if (Array.isArray(req)) {
      if (!req.some((c) => seen.has(c))) {
        errors.push(`Missing column: add "${req[0]}" or "${req[1]}" (or both).`);
        notices.push({ code: "importColumnMissingEither", params: { a: req[0], b: req[1] } });
      }
    } else if (!seen.has(req)) {
      errors.push(`Missing column: "${req}".`);
      notices.push({ code: "importColumnMissing", params: { name: req } });
    }
  }
  return { errors, notices, ignored: columns.filter((c) => (COMPUTED_COLUMNS as readonly string[]).includes(c)) };
}

/**
 * What the CSV parser's errors mean: the code the page words (app/i18n) and the English sentence
 * the import command line prints.
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

// ---------------------------------------------------------------- rows to record sections

const NewIdentity = Identity.omit({ id: true });
export type ImportedTool = {
  id: string | null;
  identity: z.output<typeof NewIdentity>;
  lifecycle: { deploymentStatus: string; sunsetDate: string | null; retirement?: { date: string; reason: { zh?: string; en?: string } } };
};

/** Which CSV column a record path comes from, so messages name what the official sees. */
const PATH_TO_COLUMN: [RegExp, string][] = [
  [/^identity\.name\.(zh|en)/, "name_$1"],
  [/^identity\.name/, "name_zh/name_en"],
  [/^identity\.jurisdiction\.place\.(zh|en)/, "place_$1"],
  [/^identity\.jurisdiction\.place/, "place_zh/place_en"],
  [/^identity\.jurisdiction\.level/, "jurisdiction_level"],
  [/^identity\.summary\.(zh|en)/, "summary_$1"],
  [/^identity\.summary/, "summary_zh/summary_en"],
  [/^identity\.policyDomain/, "policy_domain"],
  [/^identity\.(slug|kind)/, "$1"],
  [/^lifecycle\.deploymentStatus/, "deployment_status"],
  [/^lifecycle\.sunsetDate/, "sunset_date"],
  [/^lifecycle\.retirement\.reason\.(zh|en)/, "retirement_reason_$1"],
  [/^lifecycle\.retirement\.reason/, "retirement_reason_zh/retirement_reason_en"],
  [/^lifecycle\.retirement/, "retired_on"],
];

export function columnOf(path: string): string {
  for (const [re, col] of PATH_TO_COLUMN) if (re.test(path)) return path.replace(re, col).replace(/\..*$/, "");
  return path;
}

const text = (zh?: string, en?: string) => ({ ...(zh !== undefined ? { zh } : {}), ...(en !== undefined ? { en } : {}) });

/** A raw row as the identity and lifecycle of a draft, or the problems to fix, by column. */
export function toImportedTool(raw: RawRow): { ok: true; tool: ImportedTool } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [...raw.errors];
  const c = raw.cells;
  let id: string | null = null;
  if (c.id !== undefined) {
    const parsed = ToolId.safeParse(c.id.toUpperCase());
    if (parsed.success) id = parsed.data;
    else errors.push({ field: "id", code: "err_import_id_format", path: "identity.id" });
  }
  const identity = NewIdentity.safeParse({
    name: text(c.name_zh, c.name_en),
    slug: c.slug,
    originalLanguage: c.name_zh !== undefined ? "zh" : "en",
    kind: c.kind,
    jurisdiction: { level: c.jurisdiction_level, place: text(c.place_zh, c.place_en) },
    policyDomain: c.policy_domain,
    summary: text(c.summary_zh, c.summary_en),
  });
  if (!identity.success) for (const i of zodIssues(identity.error, "identity")) errors.push({ ...i, field: columnOf(i.path ?? "identity") });
  const retired = c.retired_on !== undefined || c.retirement_reason_zh !== undefined || c.retirement_reason_en !== undefined;
  const lifecycleInput = {
    deploymentStatus: c.deployment_status,
    reviewStatus: "draft",
    sunsetDate: c.sunset_date ?? null,
    renewals: [],
    ...(retired ? { retirement: { date: c.retired_on, reason: text(c.retirement_reason_zh, c.retirement_reason_en) } } : {}),
  };
  const lifecycle = Lifecycle.safeParse(lifecycleInput);
  if (!lifecycle.success)
    for (const i of zodIssues(lifecycle.error, "lifecycle"))
      errors.push(i.path === "lifecycle.retirement" && i.code === "err_retirement_mismatch" ? { field: columnOf(i.path), code: "err_import_retirement_mismatch" } : { ...i, field: columnOf(i.path ?? "lifecycle") });
  if (errors.length || !identity.success || !lifecycle.success) {
    // A cell refused on its own (a formula) is left out of the record; do not report the gap too.
    const refusedCells = new Set(raw.errors.map((e) => e.field));
    const follows = (e: FieldError) => !raw.errors.includes(e) && e.field.split("/").some((f) => refusedCells.has(f));
    return { ok: false, errors: errors.filter((e) => !follows(e)) };
  }
  const l = lifecycle.data;
  return {
    ok: true,
    tool: {
      id,
      identity: identity.data,
      lifecycle: { deploymentStatus: l.deploymentStatus, sunsetDate: l.sunsetDate, ...(l.retirement ? { retirement: l.retirement } : {}) },
    },
  };
}
