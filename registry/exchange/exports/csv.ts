// CSV as RFC 4180 says: fields separated by commas, records by CRLF, a field quoted when it
// holds a comma, quote, CR or LF, quotes doubled inside. Exports start with a UTF-8 byte order
// mark so Excel opens Chinese text correctly. A text cell that starts with =, +, - or @ is
// prefixed with an apostrophe, so a spreadsheet shows it instead of running it as a formula.
// The import (registry/exchange/import/read-file.ts, cleanCsvCell) takes one apostrophe off
// such a cell; so that text which itself starts with apostrophes and then one of those
// characters comes back whole, it gets an apostrophe too. Export then import gives every text back.
export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const LOOKS_NEUTRALISED = /^'+[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : typeof value === "boolean" ? (value ? "true" : "false") : String(value);
  if (typeof value === "string" && (FORMULA_START.test(s) || LOOKS_NEUTRALISED.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A cell as written by csvCell, read back: one apostrophe taken off a cell that starts with
 * apostrophes and then =, +, -, @, tab or CR; every other cell exactly as it is. Foreign CSV
 * readers (registry/exchange/interop) read every cell this way, so what csvCell writes comes back.
 */
export function readNeutralisedCell(cell: string): string {
  return LOOKS_NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
