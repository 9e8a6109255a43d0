// The UK Algorithmic Transparency Recording Standard v3.0 as a format of the register
// (../formats.ts): records as JSON objects keyed by the standard's attributes (./fields.ts),
// mapped by ./mapping.ts. Pure: no database, no file system.
//
// Reading (the file as a sender would give it):
// - UTF-8 (a byte order mark is allowed), at most IMPORT_MAX_BYTES, valid JSON;
// - a single record (an object) or an array of records (at most ATRS_MAX_RECORDS, at least one);
// - every key is one of the standard's attributes (`tool_phase` for the second `phase`, see
//   ./fields.ts). A key the standard does not have is refused, naming the keys and the records
//   that have them: the register keeps only the standard's fields, so an unknown key would be
//   lost on the way back (a v4.0 record is refused this way, for its new keys);
// - every value is a string; `id`, an integer in the standard, may be a JSON integer (or a
//   string); `null` or an absent key is an empty field. Anything else is refused, naming the key;
// - quirks are reported, never refusing: an `id` given as a string of digits (written back as
//   the standard's integer), the same `id` on more than one record, a record with neither a name
//   nor a title.
//
// Writing: a JSON array of records, each with every key of the standard in the standard's order;
// an empty field is written as "" (the standard's type is a string), except `id`, which is written
// as a JSON integer when it is one (digits, no leading zero, within JavaScript's safe integers),
// as a string when it is something else, and as null when empty. Two spaces of indentation and a
// final line end. Reading what was written gives the same cells.
import { decodeForeignFile } from "../decode";
import { repeatedJsonKey } from "../json-keys";
import type { FileNotice } from "../../import/columns";
import type { InteropFormat, InteropRead, SourceRow } from "../formats";
import type { Cells } from "../mapping";
import { ATRS_3_FIELDS, ATRS_3_KEYS, ATRS_CATEGORIES } from "./fields";
import { ATRS_MAPPING } from "./mapping";

/** At most this many records in one file (GOV.UK publishes a few hundred in all). */
export const ATRS_MAX_RECORDS = 10_000;
/** At most this many records or keys are named in one notice (the count is always whole). */
const NAMED = 20;
const list = (xs: (string | number)[]) => xs.slice(0, NAMED).join(", ") + (xs.length > NAMED ? ", …" : "");
/** A key as a notice names it: at most 60 characters. */
const short = (k: string) => (k.length > 60 ? `${k.slice(0, 59)}…` : k);

const KNOWN = new Set<string>(ATRS_3_KEYS);
const INTEGER = /^(0|[1-9]\d*)$/;
const refuse = (code: string, params: FileNotice["params"] = {}): InteropRead => ({ ok: false, notices: [{ code, params }] });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An id the standard's integer can hold exactly. */
const integerId = (cell: string) => INTEGER.test(cell) && Number.isSafeInteger(Number(cell));

export function readAtrsJson(bytes: Uint8Array): InteropRead {
  const decoded = decodeForeignFile(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (!text.trim()) return refuse("interopAtrsEmpty");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse("importJsonInvalid");
  }
  const twice = repeatedJsonKey(text);
  if (twice !== null) return refuse("interopJsonRepeatedKey", { key: short(twice) });
  const items = Array.isArray(data) ? data : isObject(data) ? [data] : null;
  if (!items) return refuse("interopAtrsShape");
  if (!items.length) return refuse("interopAtrsEmpty");
  if (items.length > ATRS_MAX_RECORDS) return refuse("interopTooManyRows", { max: ATRS_MAX_RECORDS });

  const notObjects: number[] = [];
  const unknown = new Map<string, number[]>();
  const badValues: { item: number; key: string }[] = [];
  items.forEach((item, i) => {
    if (!isObject(item)) return void notObjects.push(i + 1);
    for (const [k, v] of Object.entries(item)) {
      if (!KNOWN.has(k)) {
        const at = unknown.get(k) ?? [];
        at.push(i + 1);
        unknown.set(k, at);
      } else if (!(v === null || typeof v === "string" || (k === "id" && typeof v === "number" && Number.isSafeInteger(v) && v >= 0))) badValues.push({ item: i + 1, key: k });
    }
  });
  const notices: FileNotice[] = [];
  if (notObjects.length) notices.push({ code: "interopAtrsNotRecord", params: { count: notObjects.length, items: list(notObjects) } });
  if (unknown.size)
    notices.push({
      code: "interopAtrsUnknownKeys",
      params: { count: unknown.size, keys: list([...unknown.keys()].map(short)), items: list([...new Set([...unknown.values()].flat())].sort((a, b) => a - b)) },
    });
  if (badValues.length) notices.push({ code: "interopAtrsNotText", params: { count: badValues.length, values: list(badValues.map((b) => `${b.key} (${b.item})`)) } });
  if (notices.length) return { ok: false, notices };

  const rows: SourceRow[] = [];
  const idAsText: number[] = [];
  const noName: number[] = [];
  const seen = new Map<string, number[]>();
  items.forEach((item, i) => {
    const record = item as Record<string, unknown>;
    const cells = Object.create(null) as Cells;
    for (const key of ATRS_3_KEYS) {
      const v = record[key];
      cells[key] = v === undefined || v === null ? "" : String(v);
    }
    if (typeof record.id === "string" && integerId(record.id)) idAsText.push(i + 1);
    if (cells.id!.trim()) seen.set(cells.id!, [...(seen.get(cells.id!) ?? []), i + 1]);
    if (!cells.name!.trim() && !cells.title!.trim()) noName.push(i + 1);
    rows.push({ place: { item: i + 1 }, cells });
  });
  const quirks: FileNotice[] = [];
  if (idAsText.length) quirks.push({ code: "interopAtrsIdAsText", params: { count: idAsText.length, items: list(idAsText) } });
  const repeated = [...seen].filter(([, at]) => at.length > 1);
  if (repeated.length) quirks.push({ code: "interopAtrsRepeatedIds", params: { count: repeated.length, ids: list(repeated.map(([id, at]) => `${id} (${at.join(", ")})`)) } });
  if (noName.length) quirks.push({ code: "interopAtrsNoName", params: { count: noName.length, items: list(noName) } });
  return { ok: true, rows, quirks };
}

/** The records as the standard's JSON (see the file's head). */
export function writeAtrsJson(rows: Cells[]): string {
  const records = rows.map((row) => {
    const out: Record<string, string | number | null> = {};
    for (const key of ATRS_3_KEYS) {
      const cell = row[key] ?? "";
      out[key] = key === "id" ? (cell === "" ? null : integerId(cell) ? Number(cell) : cell) : cell;
    }
    return out;
  });
  return `${JSON.stringify(records, null, 2)}\n`;
}

export const ATRS_3: InteropFormat = {
  key: "atrs-3",
  title: { en: "UK Algorithmic Transparency Recording Standard v3.0", zh: "英国算法透明度记录标准 3.0 版" },
  standardUrl: "https://github.com/co-cddo/algorithmic-transparency-recording-standard",
  extension: "json",
  mediaType: "application/json; charset=utf-8",
  fields: ATRS_3_FIELDS.map((f) => ({
    key: f.key,
    label: { en: `${f.ref} ${f.name}`, zh: `${f.ref} ${f.name}` },
    section: { en: f.category, zh: ATRS_CATEGORIES[f.category] },
  })),
  mapping: ATRS_MAPPING,
  read: readAtrsJson,
  write: (rows) => writeAtrsJson(rows),
};
