// Reading the Dutch algorithm register's records (./fields.ts) in either of the two shapes it
// publishes them in. Pure: no database, no file system.
//
// - Schema-keyed: a JSON list of records keyed as AlgoritmeVersionContent keys them (the
//   register's downloads), or one such record. Every key must be one of the schema's (or `lars`);
//   a text is a string or null; `category` and `impacttoetsen` a string, a list of strings or
//   null; a `*_grouping` a list of objects or null.
// - The public API's list: `{count, fetched_at, source_url, algoritmes: [...]}`, each item with
//   the API's Dutch keys (doel, title, juridische_basis…), read into the schema's cells
//   (./fields.ts NL_API_KEYS). `count`, `fetched_at` and `source_url` describe the listing, not a
//   record: they are the file's metadata, and `fetched_at`'s day is each record's retrievedOn.
//
// Cells are strings: null and a missing key are "" (the same: not given); a list of strings and
// a grouping are their JSON text (`["a","b"]`, compact), which the writer gives back as JSON. A
// file with a key or a value of a kind the shape does not have is refused, never guessed.
import { decodeForeignFile } from "../decode";
import { repeatedJsonKey } from "../json-keys";
import type { FileNotice } from "../../import/columns";
import type { InteropRead, SourceRow } from "../formats";
import type { Cells } from "../mapping";
import { NL_API_DOC_KEYS, NL_API_KEYS, NL_CELL_KEYS, NL_GROUPING_KEYS, NL_LIST_KEYS, NL_SCHEMA_KEYS } from "./fields";

/** At most this many records in one file (the whole register listed 1,530 in 2026). */
export const NL_MAX_RECORDS = 50_000;
/** At most this many unknown keys are named in a refusal. */
const KEYS_NAMED = 10;
const STATUSES = ["In gebruik", "In ontwikkeling", "Buiten gebruik", "in_gebruik", "in_ontwikkeling", "buiten_gebruik"];

export type NlShape = "schema" | "api";

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const refuse = (code: string, params: FileNotice["params"] = {}): InteropRead => ({ ok: false, notices: [{ code, params }] });
const named = (keys: string[]) => keys.slice(0, KEYS_NAMED).join(", ") + (keys.length > KEYS_NAMED ? ", …" : "");

function emptyCells(): Cells {
  const c = Object.create(null) as Cells;
  for (const k of NL_CELL_KEYS) c[k] = "";
  return c;
}

/** A schema-keyed record's value as a cell, or null when the key cannot hold it. */
function schemaCell(key: string, v: unknown): string | null {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (NL_LIST_KEYS.has(key)) return Array.isArray(v) && v.every((x) => typeof x === "string") ? JSON.stringify(v) : null;
  if (NL_GROUPING_KEYS.has(key))
    return Array.isArray(v) && v.every((o) => isObj(o) && Object.values(o).every((x) => x === null || ["string", "number", "boolean"].includes(typeof x))) ? JSON.stringify(v) : null;
  return null;
}

/** Reads a file of either shape; a file of neither is refused with notices worded by app/i18n (strings-nl.ts). */
export function readNl(bytes: Uint8Array): InteropRead & { shape?: NlShape } {
  const decoded = decodeForeignFile(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (!text.trim()) return refuse("importFileEmpty");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refuse("importJsonInvalid");
  }
  const twice = repeatedJsonKey(text);
  if (twice !== null) return refuse("interopJsonRepeatedKey", { key: twice.length > 60 ? `${twice.slice(0, 59)}…` : twice });

  const rows: SourceRow[] = [];
  const missingName: number[] = [];
  const offList: number[] = [];
  const note = (item: number, cells: Cells) => {
    if (!(cells.name ?? "").trim()) missingName.push(item);
    if (cells.status && !STATUSES.includes(cells.status)) offList.push(item);
  };

  if (isObj(doc) && Object.hasOwn(doc, "algoritmes")) {
    const unknown = Object.keys(doc).filter((k) => !(NL_API_DOC_KEYS as readonly string[]).includes(k));
    if (unknown.length) return refuse("interopNlApiDocKeys", { unknown: named(unknown) });
    const list = doc.algoritmes;
    if (!Array.isArray(list)) return refuse("interopNlApiNoList");
    if (doc.count !== undefined && !(typeof doc.count === "number" && Number.isInteger(doc.count) && doc.count >= 0)) return refuse("interopNlApiMeta", { key: "count" });
    for (const k of ["fetched_at", "source_url"] as const) if (doc[k] !== undefined && typeof doc[k] !== "string") return refuse("interopNlApiMeta", { key: k });
    if (list.length > NL_MAX_RECORDS) return refuse("interopTooManyRows", { max: NL_MAX_RECORDS });
    const apiKeys = new Map<string, string>(NL_API_KEYS.map((a) => [a.key, a.cell]));
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isObj(item)) return refuse("interopNlNotRecord", { item: i + 1 });
      const bad = Object.keys(item).filter((k) => !apiKeys.has(k));
      if (bad.length) return refuse("interopNlUnknownKeys", { item: i + 1, keys: named(bad) });
      const cells = emptyCells();
      for (const [k, v] of Object.entries(item)) {
        if (v !== null && typeof v !== "string") return refuse("interopNlValue", { item: i + 1, key: k });
        cells[apiKeys.get(k)!] = v ?? "";
      }
      note(i + 1, cells);
      rows.push({ place: { item: i + 1 }, cells });
    }
    const meta: Record<string, string | number> = { shape: "api" };
    if (typeof doc.count === "number") meta.count = doc.count;
    if (typeof doc.fetched_at === "string") meta.fetched_at = doc.fetched_at;
    if (typeof doc.source_url === "string") meta.source_url = doc.source_url;
    const day = typeof doc.fetched_at === "string" ? doc.fetched_at.match(/^(\d{4}-\d{2}-\d{2})(?:T|$)/)?.[1] : undefined;
    const retrievedOn = day && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? day : undefined;
    return { ok: true, rows, quirks: quirks(missingName, offList), meta, ...(retrievedOn ? { retrievedOn } : {}), shape: "api" };
  }

  const list = Array.isArray(doc) ? doc : isObj(doc) ? [doc] : null;
  if (!list) return refuse("interopNlShape");
  if (!list.length) return refuse("importFileEmpty");
  if (list.length > NL_MAX_RECORDS) return refuse("interopTooManyRows", { max: NL_MAX_RECORDS });
  const schemaKeys = new Set(NL_SCHEMA_KEYS);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isObj(item)) return refuse("interopNlNotRecord", { item: i + 1 });
    const bad = Object.keys(item).filter((k) => !schemaKeys.has(k));
    if (bad.length) return refuse("interopNlUnknownKeys", { item: i + 1, keys: named(bad) });
    const cells = emptyCells();
    for (const [k, v] of Object.entries(item)) {
      const cell = schemaCell(k, v);
      if (cell === null) return refuse("interopNlValue", { item: i + 1, key: k });
      cells[k] = cell;
    }
    note(i + 1, cells);
    rows.push({ place: { item: i + 1 }, cells });
  }
  return { ok: true, rows, quirks: quirks(missingName, offList), meta: { shape: "schema" }, shape: "schema" };
}

const ITEMS_NAMED = 20;
const items = (n: number[]) => n.slice(0, ITEMS_NAMED).join(", ") + (n.length > ITEMS_NAMED ? ", …" : "");

function quirks(missingName: number[], offList: number[]): FileNotice[] {
  const out: FileNotice[] = [];
  if (missingName.length) out.push({ code: "interopNlMissingName", params: { count: missingName.length, items: items(missingName) } });
  if (offList.length) out.push({ code: "interopNlOffListStatus", params: { count: offList.length, items: items(offList) } });
  return out;
}
