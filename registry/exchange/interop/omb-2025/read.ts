// Reading the US federal AI use case inventory of 2025 as OMB publishes it (./columns.ts): UTF-8
// with a byte order mark, a header of exactly its 36 columns, one row per use case. Pure: no
// database, no file system. The rows come back as the file has them, cell for cell; what the
// file does that a register would not (its quirks) is reported, never silently mended:
//
// - rows without an `id` (the agencies may drop the column from public inventories: 704 rows);
// - the same (agency, id) on more than one row (a few, e.g. DOJ-0357 and STB's "TBD");
// - a row without a `use_case_name`;
// - list columns (demographic_features, hi_public_consultation) hold the text of a Python list,
//   `['a', 'b']`, or `a;b`; a cell that is neither is reported, and kept as text;
// - cells that start with -, =, + or @ (31 in the real file: lists written with dashes). They
//   are text and stay text. Whoever writes them into a CSV for a spreadsheet neutralises them
//   with a leading apostrophe (registry/exchange/exports/csv.ts csvCell, as the /interop export
//   does), and this reader takes one apostrophe off a cell that starts with apostrophes and then
//   one of those characters (readNeutralisedCell), as every CSV import of the register does. The
//   published file itself has two such cells (`'-save time…`, `'- No custom models…`: an agency
//   kept Excel from running them): they read as the text after the apostrophe, and are written
//   back with it, byte for byte.
import { parse as parseCsv, CsvError } from "csv-parse/sync";
import { IMPORT_MAX_RECORD_CHARS } from "../../import/limits";
import { decodeForeignFile } from "../decode";
import type { FileNotice } from "../../import/columns";
import { readListCell } from "../list-cell";
import { readNeutralisedCell } from "../../exports/csv";
import { OMB_2025_COLUMNS, OMB_2025_COLUMN_NAMES, type OmbColumnName } from "./columns";

/** At most this many rows (the whole 2025 inventory has 3,611). */
export const OMB_MAX_ROWS = 50_000;

export type OmbRow = {
  /** The row's first line in the file (the header is line 1). */
  line: number;
  cells: Record<OmbColumnName, string>;
};

export type OmbQuirks = {
  /** Lines of rows without an id. */
  missingId: number[];
  /** Each (agency, id) given on more than one row, with the lines. */
  repeatedIds: { agency: string; id: string; lines: number[] }[];
  /** Lines of rows without a use case name. */
  missingName: number[];
  /** List cells that are neither a Python list of strings nor `a;b`. */
  unreadableLists: { line: number; column: OmbColumnName }[];
  /** Cells that start with -, =, + or @ (text a spreadsheet would run as a formula). */
  formulaLike: { line: number; column: OmbColumnName }[];
  /** Choice cells outside the data dictionary's values (kept as they are). */
  offListChoices: { line: number; column: OmbColumnName; value: string }[];
};

export type OmbRead =
  | { ok: true; bom: boolean; rows: OmbRow[]; quirks: OmbQuirks }
  | { ok: false; notices: FileNotice[] };

const refuse = (code: string, params: FileNotice["params"] = {}): OmbRead => ({ ok: false, notices: [{ code, params }] });

/** Reads the bytes of an inventory file; a file that is not one is refused with notices worded by app/i18n. */
export function readOmbCsv(bytes: Uint8Array): OmbRead {
  const decoded = decodeForeignFile(bytes);
  if (!decoded.ok) return decoded;
  const { bom, text: body } = decoded;
  if (!body.trim()) return refuse("importFileEmpty");
  let records: string[][];
  let lines: number[];
  try {
    const parsed = parseCsv(body, { relax_column_count: false, max_record_size: IMPORT_MAX_RECORD_CHARS, info: true, to: OMB_MAX_ROWS + 2 }) as { record: string[]; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    // info.lines is the line the record ends on; a record starts after the previous one ends.
    lines = parsed.map((_, i) => (i === 0 ? 1 : parsed[i - 1]!.info.lines + 1));
  } catch (e) {
    if (e instanceof CsvError) return refuse("importCsvUnreadable", { line: (e as CsvError & { lines?: number }).lines ?? 0 });
    throw e;
  }
  const header = records[0] ?? [];
  const expected = OMB_2025_COLUMN_NAMES;
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    const missing = expected.filter((c) => !header.includes(c));
    const unknown = header.filter((h) => !(expected as readonly string[]).includes(h));
    if (missing.length || unknown.length) return refuse("interopOmbHeader", { missing: missing.join(", "), unknown: unknown.join(", ") });
    // The inventory's names only: some given twice, or all of them once in another order.
    const repeated = [...new Set(header.filter((h, i) => header.indexOf(h) !== i))];
    if (repeated.length) return refuse("interopOmbHeaderRepeated", { repeated: repeated.join(", ") });
    const at = header.findIndex((h, i) => h !== expected[i]);
    return refuse("interopOmbHeaderOrder", { column: at + 1, found: header[at]!, expected: expected[at]! });
  }
  if (records.length - 1 > OMB_MAX_ROWS) return refuse("interopTooManyRows", { max: OMB_MAX_ROWS });

  const rows: OmbRow[] = [];
  const quirks: OmbQuirks = { missingId: [], repeatedIds: [], missingName: [], unreadableLists: [], formulaLike: [], offListChoices: [] };
  const seen = new Map<string, number[]>();
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const line = lines[r]!;
    const cells = Object.create(null) as Record<OmbColumnName, string>;
    OMB_2025_COLUMNS.forEach((col, i) => {
      const raw = record[i] ?? "";
      const v = readNeutralisedCell(raw);
      cells[col.name] = v;
      if (/^[-=+@]/.test(raw)) quirks.formulaLike.push({ line, column: col.name });
      if (v === "") return;
      if (col.kind === "list" && !readListCell(v).ok) quirks.unreadableLists.push({ line, column: col.name });
      if (col.kind === "choice" && "values" in col && !(col.values as readonly string[]).includes(v)) quirks.offListChoices.push({ line, column: col.name, value: v });
    });
    if (!cells.id.trim()) quirks.missingId.push(line);
    else {
      const key = `${cells.agency}\u0000${cells.id}`;
      const at = seen.get(key);
      if (at) at.push(line);
      else seen.set(key, [line]);
    }
    if (!cells.use_case_name.trim()) quirks.missingName.push(line);
    rows.push({ line, cells });
  }
  for (const [key, at] of seen) {
    if (at.length < 2) continue;
    const [agency, id] = key.split("\u0000") as [string, string];
    quirks.repeatedIds.push({ agency, id, lines: at });
  }
  return { ok: true, bom, rows, quirks };
}
