// The published crosswalk (issue 16, /standard/crosswalk): what the mapping tables of the foreign
// formats (./formats.ts INTEROP_FORMATS) say, both ways, generated from the same tables the
// importer and the exporter run, so the page is what the code does.
//
// - Each foreign format's fields, in its own order, each with the field of this standard it lands
//   in (by the standard's name for it, registry/standard/field-names.ts), the operating agency's
//   entry, or "kept as is" (the standard has no home for it; it is kept in the record's fields from
//   other registers), and the mapping's note.
// - Each field of this standard (the data dictionary's order) with the foreign fields that land in it.
//
// Pure: no database, no words of its own (the page words the kinds through app/i18n).
import { dataDictionary } from "../../standard/json-schema";
import { fieldName } from "../../standard/field-names";
import { INTEROP_FORMAT_KEYS, INTEROP_FORMATS, type InteropFormat, type InteropFormatKey } from "./formats";
import type { Words } from "./mapping";

/** The fields of an operating agency a mapping may name (`@agency.<field>`), as the page words them. */
export const AGENCY_FIELDS = ["slug", "name", "jurisdictionLevel", "place", "parentSlug"] as const;
export type AgencyField = (typeof AGENCY_FIELDS)[number];

export type CrosswalkTarget =
  /** A field of the standard: its data dictionary path (`datasets[].description`) and its name. */
  /** `within`: the names of the fields it is part of, outermost first (a "Status" is a security authorisation's). */
  | { kind: "field"; path: string; name: Words; within: Words[] }
  /** A field of the operating agency's entry in the register's list of agencies. */
  | { kind: "agency"; field: AgencyField }
  /** No home in the standard: kept as published in the record's fields from other registers. */
  | { kind: "kept" }
  /** The mapping table does not read the field at all. */
  | { kind: "unread" }
  /** A mapping names a place the standard has no named field for (a bug: the unit test fails on it). */
  | { kind: "unknown"; to: string };

export type CrosswalkRow = { key: string; label?: Words; section?: Words; target: CrosswalkTarget; note?: Words };

export type CrosswalkFormat = {
  key: InteropFormatKey;
  title: Words;
  standardUrl: string;
  extension: "csv" | "json";
  rows: CrosswalkRow[];
};

/** A foreign field as the standard side lists it. */
export type ForeignRef = { format: InteropFormatKey; key: string; label?: Words };

export type StandardRow = {
  /** The data dictionary's path (`responsibility.vendors[].name`), for anchors only. */
  path: string;
  depth: number;
  name: Words;
  /** The foreign fields that land in it, per built format, in each format's order. */
  from: Record<string, ForeignRef[]>;
};

export type AgencyRow = { field: AgencyField; from: Record<string, ForeignRef[]> };

export type Crosswalk = { formats: CrosswalkFormat[]; standard: StandardRow[]; agency: AgencyRow[] };

/** A mapping's record path as the data dictionary writes it: list selectors as `[]`. */
export const dictionaryPath = (to: string) => to.replace(/\[[^\]]*\]/g, "[]");

/** The standard's name of a data dictionary path, in both languages, or null when it has none. */
export function standardName(path: string): Words | null {
  const bare = path.replace(/\[\]/g, "");
  const en = fieldName(bare, "en");
  const zh = fieldName(bare, "zh");
  return en && zh ? { en, zh } : null;
}

/** Where a mapping's `to` lands, as the page says it. */
export function targetOf(to: string | null | undefined, dictionary: ReadonlySet<string>): CrosswalkTarget {
  if (to === undefined) return { kind: "unread" };
  if (to === null) return { kind: "kept" };
  if (to.startsWith("@agency.")) {
    const field = to.slice("@agency.".length);
    return (AGENCY_FIELDS as readonly string[]).includes(field) ? { kind: "agency", field: field as AgencyField } : { kind: "unknown", to };
  }
  const path = dictionaryPath(to);
  const name = standardName(path);
  if (!name || !dictionary.has(path)) return { kind: "unknown", to };
  const parts = path.split(".");
  const within: Words[] = [];
  for (let i = 1; i < parts.length; i++) {
    const outer = standardName(parts.slice(0, i).join("."));
    if (!outer) return { kind: "unknown", to };
    within.push(outer);
  }
  return { kind: "field", path, name, within };
}

/** The built formats, in the registry's order. */
export function builtFormats(): InteropFormat[] {
  return INTEROP_FORMAT_KEYS.map((k) => INTEROP_FORMATS[k]).filter((f): f is InteropFormat => Boolean(f));
}

/** The crosswalk of some formats (by default every built one). */
export function crosswalk(formats: readonly InteropFormat[] = builtFormats()): Crosswalk {
  const entries = dataDictionary();
  const dictionary = new Set(entries.map((e) => e.path));
  const out: CrosswalkFormat[] = formats.map((f) => {
    const byKey = new Map(f.mapping.fields.map((m) => [m.key, m]));
    return {
      key: f.key,
      title: f.title,
      standardUrl: f.standardUrl,
      extension: f.extension,
      rows: f.fields.map((field) => {
        const m = byKey.get(field.key);
        return {
          key: field.key,
          ...(field.label ? { label: field.label } : {}),
          ...(field.section ? { section: field.section } : {}),
          target: targetOf(m ? m.to : undefined, dictionary),
          ...(m?.note ? { note: m.note } : {}),
        };
      }),
    };
  });

  const empty = () => Object.fromEntries(out.map((f) => [f.key, [] as ForeignRef[]]));
  const standard: StandardRow[] = entries.map((e) => ({
    path: e.path,
    depth: e.depth,
    name: standardName(e.path) ?? { en: e.path, zh: e.path },
    from: empty(),
  }));
  const byPath = new Map(standard.map((s) => [s.path, s]));
  const agency: AgencyRow[] = AGENCY_FIELDS.map((field) => ({ field, from: empty() }));
  for (const f of out) {
    for (const r of f.rows) {
      const ref: ForeignRef = { format: f.key, key: r.key, ...(r.label ? { label: r.label } : {}) };
      if (r.target.kind === "field") byPath.get(r.target.path)?.from[f.key]!.push(ref);
      // A field kept as is lives in the record's fields from other registers.
      else if (r.target.kind === "kept") byPath.get("extensions")?.from[f.key]!.push(ref);
      else if (r.target.kind === "agency") {
        const field = r.target.field;
        agency.find((a) => a.field === field)!.from[f.key]!.push(ref);
      }
    }
  }
  return { formats: out, standard, agency: agency.filter((a) => Object.values(a.from).some((l) => l.length)) };
}
