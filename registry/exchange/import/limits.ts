// How much an import reads before it refuses a file: its size, its columns, the length of one
// CSV record. Checked before anything is parsed, so a huge or hostile file costs little to refuse.
import type { FileNotice } from "./columns";

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

/** The refusal of a file of `size` bytes as a notice (worded by app/i18n: importFileTooLarge). */
export function tooLargeNotice(size: number): FileNotice {
  return { code: "importFileTooLarge", params: { size: (size / 1024 / 1024).toFixed(1), max: IMPORT_MAX_BYTES / 1024 / 1024 } };
}
