// The crosswalk engine (issue 16): how a row of a foreign register's format (the US inventory
// CSV, a UK ATRS record, a Dutch register record) becomes a record of this register's standard,
// and how a record becomes a row again. Each format's mapping table is data (./<format>/mapping.ts):
// one entry per foreign field, naming the field of the standard it lands in, the codec that reads
// and writes its cells, and the language of its text. The importer, the exporter and the
// crosswalk page all read the same table, so what the page says is what the code does.
//
// The rule that makes a round trip exact without making it a copy:
//
// - A mapped cell is read into the standard's own field (a text, a date, one of its values).
// - A cell the standard cannot hold exactly (a value outside the codec's values, a date written
//   another way, text with spaces around it, a required field the source leaves empty and the
//   mapping had to fill) is also kept as published in the record's extension area,
//   `extensions[register][sourceField]`. A field with no home in the standard is kept only there.
// - Writing a row computes each cell from the standard's field. Where a cell was kept as
//   published, that text is written instead, but only while it still means what the standard's
//   field says: the kept row is read again, and a cell whose field now differs (someone edited
//   the record) is written from the standard. So an unedited record comes back cell for cell,
//   and an edited one says what the record now says.
//
// Pure: no database. Cells are strings; a format's reader and writer turn its file into rows of
// cells and back (./formats.ts).
import { getPath, sameJson, setPath, unsetPath } from "./path";

/** One row of a foreign format: every field of the format, as text ("" when empty). */
export type Cells = Record<string, string>;

/** The operating agency a row is of, as the whole-record format names agencies. */
export type DocAgency = {
  slug: string;
  name: Record<string, string | undefined>;
  jurisdictionLevel: string;
  place?: Record<string, string | undefined>;
  parentSlug?: string;
};

/** A record with its operating agency: what a row becomes, and what a row is written from. */
export type InteropDoc = { record: Record<string, unknown>; agency: DocAgency | null };

/** Reads a cell into a value of the standard (undefined: the standard cannot hold it) and writes one back. */
export type Codec = {
  read(cell: string, row: Cells): unknown;
  write(value: unknown, doc: InteropDoc): string;
};

export type Words = { en: string; zh: string };

export type InteropField = {
  /** The field's key in the foreign format (a CSV column, a JSON key). */
  key: string;
  /**
   * Where its value lives in the standard: a record path (./path.ts), or `@agency.<field>` for
   * the operating agency; null when the standard has no home for it (kept as is in extensions).
   */
  to: string | null;
  /** For a text of the standard (LocalizedText): the language the foreign text is in. */
  lang?: string;
  /** How cells are read and written; plain text when absent. */
  codec?: Codec;
  /** Record paths given a constant value whenever this field's value is set (a classification's scheme). */
  with?: Record<string, unknown>;
  /** A note for the crosswalk page: how the value is read, or why it has no home. */
  note?: Words;
};

export type InteropMapping = {
  /** The register the format belongs to (the extension area's key, externalIds, regime). */
  register: string;
  fields: readonly InteropField[];
  /** The record a row starts from: what the source implies for every row (kind, place, source). */
  base(row: Cells): { record: Record<string, unknown>; agency: DocAgency | null };
  /** Fills what the standard requires and the row left empty, and links the agency; deterministic. */
  complete?(doc: InteropDoc, row: Cells): void;
  /** The source register's address of the row's record (regime.sourceUrl of a mirrored record). */
  sourceUrl(row: Cells): string;
  /** The slug this register proposes for the row's tool (made unique by the importer). */
  slug(doc: InteropDoc, row: Cells): string;
};

const MAX_TEXT = 20_000;

/** Plain text (trimmed); longer than `max` is not held by the standard (kept as is). */
export const textCodec = (max = MAX_TEXT): Codec => ({
  read: (cell) => {
    const t = cell.trim();
    return t && t.length <= max ? t : undefined;
  },
  write: (v) => (typeof v === "string" ? v : ""),
});

/** One of a list of values: `table` maps each foreign value to the standard's. Writing takes the first foreign value of a standard value, or `write`'s. */
export const choiceCodec = (table: Record<string, unknown>, write: Record<string, string> = {}): Codec => ({
  read: (cell) => (Object.hasOwn(table, cell) ? table[cell] : undefined),
  write: (v) => {
    if (typeof v === "string" && Object.hasOwn(write, v)) return write[v]!;
    for (const [k, val] of Object.entries(table)) if (sameJson(val, v)) return k;
    return "";
  },
});

/** A web address (http or https, as the standard's Url takes them). */
export const urlCodec = (): Codec => ({
  read: (cell) => {
    const t = cell.trim();
    if (!t || t.length > 2_000 || !/^https?:\/\//i.test(t)) return undefined;
    try {
      new URL(t);
      return t;
    } catch {
      return undefined;
    }
  },
  write: (v) => (typeof v === "string" ? v : ""),
});

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** The order in which a text's languages are tried when the field's own language is missing. */
const FALLBACK_LANGS = ["en", "zh"];

function rootOf(doc: InteropDoc, to: string): { root: Record<string, unknown>; path: string } | null {
  if (to.startsWith("@agency.")) return doc.agency ? { root: doc.agency as unknown as Record<string, unknown>, path: to.slice("@agency.".length) } : null;
  return { root: doc.record, path: to };
}

/** The standard's value of a mapped field (for a text: the text in the field's language). */
export function valueOf(doc: InteropDoc, f: InteropField): unknown {
  if (!f.to) return undefined;
  const at = rootOf(doc, f.to);
  if (!at) return undefined;
  const v = getPath(at.root, at.path);
  return f.lang ? (isObj(v) ? v[f.lang] : undefined) : v;
}

/** The text of a mapped text field for writing: its own language, or else English, Chinese or any other. */
function textForWriting(doc: InteropDoc, f: InteropField): unknown {
  const at = f.to ? rootOf(doc, f.to) : null;
  const v = at ? getPath(at.root, at.path) : undefined;
  if (!f.lang || !isObj(v)) return f.lang ? undefined : v;
  for (const l of [f.lang, ...FALLBACK_LANGS, ...Object.keys(v)]) if (typeof v[l] === "string" && v[l]) return v[l];
  return undefined;
}

function setValue(doc: InteropDoc, f: InteropField, value: unknown): void {
  const at = rootOf(doc, f.to!);
  if (!at) return;
  setPath(at.root, f.lang ? `${at.path}.${f.lang}` : at.path, value);
  for (const [p, v] of Object.entries(f.with ?? {})) setPath(doc.record, p, structuredClone(v));
}

/** The extension area of the mapping's register in a record (made when `make`). */
export function extensionArea(record: Record<string, unknown>, register: string, make = false): Record<string, unknown> | undefined {
  let ext = record.extensions as Record<string, Record<string, unknown>> | undefined;
  if (!isObj(ext)) {
    if (!make) return undefined;
    ext = record.extensions = {};
  }
  if (!isObj(ext[register])) {
    if (!make) return undefined;
    ext[register] = {};
  }
  return ext[register];
}

/** Where a row's cell landed: a standard field (its path), "kept" (extensions only) or null (empty). */
export type Landing = string | "kept" | null;

export type RowDoc = { doc: InteropDoc; landed: Record<string, Landing> };

/** A row read into a record (without the kept-as-published cells: see rowToDoc). */
function readRow(m: InteropMapping, row: Cells): RowDoc {
  const base = m.base(row);
  const doc: InteropDoc = { record: base.record, agency: base.agency };
  const landed: Record<string, Landing> = {};
  for (const f of m.fields) {
    const cell = row[f.key] ?? "";
    if (cell === "") {
      landed[f.key] = null;
      continue;
    }
    const value = f.to ? (f.codec ?? textCodec()).read(cell, row) : undefined;
    if (value === undefined || !rootOf(doc, f.to!)) {
      extensionArea(doc.record, m.register, true)![f.key] = cell;
      landed[f.key] = "kept";
    } else {
      setValue(doc, f, value);
      landed[f.key] = f.to;
    }
  }
  m.complete?.(doc, row);
  return { doc, landed };
}

/** The cell the standard's field gives (no kept cell considered). */
function computedCell(m: InteropMapping, doc: InteropDoc, f: InteropField): string {
  if (!f.to) {
    const kept = extensionArea(doc.record, m.register)?.[f.key];
    return typeof kept === "string" ? kept : kept === undefined ? "" : String(kept);
  }
  const v = f.lang ? textForWriting(doc, f) : valueOf(doc, f);
  return v === undefined || v === null ? "" : (f.codec ?? textCodec()).write(v, doc);
}

/**
 * A row as a record of the standard, with each cell the standard cannot give back exactly kept as
 * published in the extension area. The record still needs its id, slug and regime (the importer's).
 */
export function rowToDoc(m: InteropMapping, row: Cells): RowDoc {
  const out = readRow(m, row);
  const { doc } = out;
  for (const f of m.fields) {
    if (!f.to) continue;
    const cell = row[f.key] ?? "";
    if (computedCell(m, doc, f) !== cell) extensionArea(doc.record, m.register, true)![f.key] = cell;
  }
  // Twins (fields read into the same place of the standard, as ATRS's phase and tool_phase, or
  // title and name) are kept together: when one is kept, the others' non-empty cells are too, so
  // writing a row reads them back together and an edit of that place rewrites them all, instead
  // of leaving a twin that says what the record said before the edit.
  const kept = extensionArea(doc.record, m.register);
  if (kept) {
    const place = (f: InteropField) => `${f.to}\u0000${f.lang ?? ""}`;
    const keptPlaces = new Set(m.fields.filter((f) => f.to && Object.hasOwn(kept, f.key)).map(place));
    for (const f of m.fields) if (f.to && keptPlaces.has(place(f)) && !Object.hasOwn(kept, f.key) && (row[f.key] ?? "") !== "") kept[f.key] = row[f.key]!;
  }
  return out;
}

/**
 * A record as a row: each cell from the standard's field, or the cell kept as published while it
 * still means what the record says (an edited field is written from the standard).
 *
 * `imported`: the record as it was imported (its first revision), when there is one. A kept cell
 * whose field still holds the value it was imported with is written as kept even where reading
 * the row again would now give another value: a field the mapping filled from another one (a
 * purpose repeating the name, a summary from the goal's first sentence) was not edited when only
 * the other one was, and its cell stays as the source published it (empty).
 */
export function docToRow(m: InteropMapping, doc: InteropDoc, imported?: InteropDoc): Cells {
  const computed: Cells = {};
  for (const f of m.fields) computed[f.key] = computedCell(m, doc, f);
  const kept = extensionArea(doc.record, m.register) ?? {};
  const keptKeys = m.fields.filter((f) => f.to && typeof kept[f.key] === "string");
  if (!keptKeys.length) return computed;
  const candidate: Cells = { ...computed };
  for (const f of keptKeys) candidate[f.key] = kept[f.key] as string;
  const again = readRow(m, candidate).doc;
  const keptThen = imported ? (extensionArea(imported.record, m.register) ?? {}) : {};
  const unchanged = (f: InteropField) => imported !== undefined && keptThen[f.key] === kept[f.key] && sameJson(valueOf(imported, f), valueOf(doc, f));
  const row: Cells = { ...computed };
  for (const f of keptKeys) if (sameJson(valueOf(again, f), valueOf(doc, f)) || unchanged(f)) row[f.key] = kept[f.key] as string;
  return row;
}

/** Removes a mapped field's value from a record (for tests that edit records). */
export function clearField(doc: InteropDoc, f: InteropField): void {
  const at = f.to ? rootOf(doc, f.to) : null;
  if (at) unsetPath(at.root, f.lang ? `${at.path}.${f.lang}` : at.path);
}

/**
 * The record every row of a register starts from: version 1.1, an algorithm, unreviewed by this
 * register, with no end date of this register, citing the source and naming the register in
 * `externalIds` (the row's id, if any, is a field of the mapping). `identity` adds what the
 * source implies for every row (its language, its country).
 */
export function recordSkeleton(opts: { register: string; identity: Record<string, unknown>; source: Record<string, unknown> }): Record<string, unknown> {
  return {
    standardVersion: "1.1",
    identity: { kind: "algorithm", ...opts.identity },
    responsibility: { agencies: [] },
    purpose: {},
    howItWorks: {},
    dataScope: {},
    oversight: {},
    lifecycle: { reviewStatus: "unreviewed", sunsetDate: null },
    assessments: {},
    sources: [{ kind: "public_record", ...opts.source }],
    externalIds: [{ register: opts.register }],
  };
}
