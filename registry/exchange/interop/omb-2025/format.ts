// The US federal AI use case inventory of 2025 as a format of the register (../formats.ts): read
// as OMB publishes it (./read.ts), written back the same way (UTF-8 with a byte order mark, the
// 36 columns in order, LF line ends, a cell quoted only when it must be), mapped by ./mapping.ts.
// Text a spreadsheet would run as a formula is written with a leading apostrophe (csvCell), which
// the reader takes off again: the export is safe to open and reads back cell for cell.
import { csvCell, CSV_BOM } from "../../exports/csv";
import type { FileNotice } from "../../import/columns";
import type { InteropFormat, InteropRead } from "../formats";
import type { Cells } from "../mapping";
import { OMB_2025_COLUMNS, OMB_2025_COLUMN_NAMES } from "./columns";
import { OMB_MAPPING } from "./mapping";
import { readOmbCsv, type OmbQuirks } from "./read";

/** At most this many lines are named in a quirk's report (the count is always whole). */
const LINES_NAMED = 20;
/** Each line once (a line with two such cells is one line), in order. */
const lines = (all: number[]) => {
  const ls = [...new Set(all)];
  return ls.slice(0, LINES_NAMED).join(", ") + (ls.length > LINES_NAMED ? ", …" : "");
};

/** The file's quirks as notices (worded by app/i18n/strings-omb.ts): they refuse nothing. */
export function ombQuirkNotices(q: OmbQuirks): FileNotice[] {
  const out: FileNotice[] = [];
  if (q.missingId.length) out.push({ code: "interopOmbMissingId", params: { count: q.missingId.length, lines: lines(q.missingId) } });
  if (q.repeatedIds.length)
    out.push({ code: "interopOmbRepeatedIds", params: { count: q.repeatedIds.length, rows: q.repeatedIds.reduce((n, r) => n + r.lines.length, 0), ids: q.repeatedIds.map((r) => `${r.agency} ${r.id} (${r.lines.join(", ")})`).join("; ") } });
  if (q.missingName.length) out.push({ code: "interopOmbMissingName", params: { count: q.missingName.length, lines: lines(q.missingName) } });
  if (q.unreadableLists.length) out.push({ code: "interopOmbUnreadableLists", params: { count: q.unreadableLists.length, lines: lines(q.unreadableLists.map((u) => u.line)) } });
  if (q.formulaLike.length) out.push({ code: "interopOmbFormulaLike", params: { count: q.formulaLike.length, lines: lines(q.formulaLike.map((u) => u.line)) } });
  if (q.offListChoices.length) out.push({ code: "interopOmbOffList", params: { count: q.offListChoices.length, lines: lines(q.offListChoices.map((u) => u.line)) } });
  return out;
}

export const OMB_2025: InteropFormat = {
  key: "omb-2025",
  title: { en: "US federal AI use case inventory (OMB, 2025)", zh: "美国联邦政府人工智能用例清单（OMB，2025 年）" },
  standardUrl: "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory",
  extension: "csv",
  mediaType: "text/csv; charset=utf-8",
  fields: OMB_2025_COLUMNS.map((c) => ({ key: c.name, ...("header" in c ? { label: { en: c.header, zh: c.header } } : {}) })),
  mapping: OMB_MAPPING,
  read(bytes: Uint8Array): InteropRead {
    const r = readOmbCsv(bytes);
    if (!r.ok) return r;
    return { ok: true, rows: r.rows.map((row) => ({ place: { line: row.line }, cells: row.cells as Cells })), quirks: ombQuirkNotices(r.quirks) };
  },
  write(rows: Cells[]): string {
    const line = (values: string[]) => `${values.map(csvCell).join(",")}\n`;
    let out = CSV_BOM + line([...OMB_2025_COLUMN_NAMES]);
    for (const r of rows) out += line(OMB_2025_COLUMN_NAMES.map((c) => r[c] ?? ""));
    return out;
  },
};
