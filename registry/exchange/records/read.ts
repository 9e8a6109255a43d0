// Reading a whole-record file (./format.ts) into raw entries, before any entry is checked: NDJSON
// (one entry per line), or JSON (a RecordsDocument, a single entry, or an array of entries).
// Whole-file problems are notices (a code and parameters, worded by app/i18n/strings-records.ts),
// never a parser's English.
import type { FileNotice } from "../import/columns";
import { IMPORT_MAX_BYTES, tooLargeNotice } from "../import/limits";
import { RECORDS_FORMAT, RECORDS_FORMAT_VERSION } from "./format";

/** At most this many entries (tools) in one file. */
export const MAX_ENTRIES_PER_FILE = 10_000;

export type RawEntry = {
  /** Where the entry is: its line (NDJSON) or its position, from 1 (JSON). */
  place: { line: number } | { item: number };
  value: unknown;
};
export type RecordsFileFormat = "ndjson" | "json";
export type ReadRecords = { ok: true; format: RecordsFileFormat; entries: RawEntry[] } | { ok: false; format: RecordsFileFormat | null; notices: FileNotice[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const tooMany = (): FileNotice => ({ code: "recordsFileTooManyEntries", params: { max: MAX_ENTRIES_PER_FILE } });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The entries of a file's text. */
export function readRecordsText(text: string): ReadRecords {
  const size = Buffer.byteLength(text, "utf8");
  if (size > IMPORT_MAX_BYTES) return { ok: false, format: null, notices: [tooLargeNotice(size)] };
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { ok: false, format: null, notices: [{ code: "recordsFileEmpty", params: {} }] };
  const whole = parseJson(body);
  if (whole.ok) return fromJson(whole.value);
  // Not one JSON value: NDJSON, one entry per non-blank line.
  const entries: RawEntry[] = [];
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const v = parseJson(line);
    if (!v.ok) return { ok: false, format: "ndjson", notices: [{ code: "recordsFileLineNotJson", params: { line: i + 1 } }] };
    if (entries.length >= MAX_ENTRIES_PER_FILE) return { ok: false, format: "ndjson", notices: [tooMany()] };
    entries.push({ place: { line: i + 1 }, value: v.value });
  }
  return { ok: true, format: "ndjson", entries };
}

function fromJson(value: unknown): ReadRecords {
  let list: unknown[];
  if (Array.isArray(value)) list = value;
  else if (isObject(value) && "format" in value) {
    // A RecordsDocument: its header is checked here, its entries one by one like the others.
    const known = new Set(["format", "formatVersion", "exportedAt", "source", "total", "records"]);
    const unknown = Object.keys(value).filter((k) => !known.has(k));
    if (value.format !== RECORDS_FORMAT || value.formatVersion !== RECORDS_FORMAT_VERSION || !Array.isArray(value.records) || unknown.length)
      return { ok: false, format: "json", notices: [{ code: "recordsFileWrongFormat", params: { format: RECORDS_FORMAT, version: RECORDS_FORMAT_VERSION } }] };
    list = value.records;
  } else if (isObject(value)) list = [value];
  else return { ok: false, format: "json", notices: [{ code: "recordsFileWrongFormat", params: { format: RECORDS_FORMAT, version: RECORDS_FORMAT_VERSION } }] };
  if (list.length > MAX_ENTRIES_PER_FILE) return { ok: false, format: "json", notices: [tooMany()] };
  if (!list.length) return { ok: false, format: "json", notices: [{ code: "recordsFileEmpty", params: {} }] };
  return { ok: true, format: "json", entries: list.map((v, i) => ({ place: { item: i + 1 }, value: v })) };
}

/** Whether a file's text looks like a whole-record file (for the command line when no format is given). */
export function looksLikeRecords(text: string): boolean {
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 4096);
  return /^[[{]/.test(head) && (head.includes(`"${RECORDS_FORMAT}"`) || /"revisions"\s*:/.test(head));
}
