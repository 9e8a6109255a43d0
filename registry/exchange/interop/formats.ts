// The foreign formats the register reads and writes (issue 16), by key. Each is a reader (a file's
// bytes as rows of cells, with the file's problems and quirks), a writer (rows back into the
// file as its register publishes it) and a mapping table (./mapping.ts). The importer
// (./import.server.ts), the exporter (./export.server.ts), the /interop/* routes and the
// crosswalk page take them from here, so adding a format is adding one entry.
import type { FileNotice } from "../import/columns";
import type { Cells, InteropMapping, Words } from "./mapping";
import { OMB_2025 } from "./omb-2025/format";

export const INTEROP_FORMAT_KEYS = ["omb-2025", "atrs-3", "nl-1"] as const;
export type InteropFormatKey = (typeof INTEROP_FORMAT_KEYS)[number];

/** The variants of a file a format may publish, asked for by an export's `shape` parameter (any other value is ignored). */
export const INTEROP_SHAPES = ["api"] as const;

/** A row of a file: where it is (a CSV's first line, or a JSON list's item, from 1) and its cells. */
export type SourceRow = { place: { line: number } | { item: number }; cells: Cells };

export type InteropRead =
  | {
      ok: true;
      rows: SourceRow[];
      /** What the file does that a register would not, reported (worded by app/i18n), never silently mended. */
      quirks: FileNotice[];
    }
  | { ok: false; notices: FileNotice[] };

/** One field of the format as its standard documents it (every field, mapped or not). */
export type FormatField = { key: string; label?: Words; section?: Words };

export type InteropFormat = {
  key: InteropFormatKey;
  /** The standard's name, for pages and reports. */
  title: Words;
  /** Where the standard is published. */
  standardUrl: string;
  /** The file written at /interop/<key>.<extension>. */
  extension: "csv" | "json";
  mediaType: string;
  /** Every field of the format, in its own order (the crosswalk lists them all). */
  fields: readonly FormatField[];
  mapping: InteropMapping;
  read(bytes: Uint8Array): InteropRead;
  /**
   * `shape`: a variant of the file the format publishes, asked for by the export's `shape`
   * parameter (the Dutch register's API list: `shape=api`); a format without variants ignores it.
   */
  write(rows: Cells[], meta: { exportedAt: string; source: string; shape?: string }): string;
};

export const INTEROP_FORMATS: Record<InteropFormatKey, InteropFormat | undefined> = {
  "omb-2025": OMB_2025,
  "atrs-3": undefined,
  "nl-1": undefined,
};

export function isInteropFormatKey(v: unknown): v is InteropFormatKey {
  return typeof v === "string" && (INTEROP_FORMAT_KEYS as readonly string[]).includes(v);
}

/** The format of a key, or null when the key is none of them (or not built). */
export function interopFormat(key: unknown): InteropFormat | null {
  return isInteropFormatKey(key) ? (INTEROP_FORMATS[key] ?? null) : null;
}
