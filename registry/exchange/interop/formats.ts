// The foreign formats the register reads and writes (issue 16), by key. Each is a reader (a file's
// bytes as rows of cells, with the file's problems and quirks), a writer (rows back into the
// file as its register publishes it) and a mapping table (./mapping.ts). The importer
// (./import.server.ts), the exporter (./export.server.ts), the /interop/* routes and the
// crosswalk page take them from here, so adding a format is adding one entry.
import type { FileNotice } from "../import/columns";
import type { Cells, InteropMapping, Words } from "./mapping";
import { NL_1 } from "./nl-1/format";
import { OMB_2025 } from "./omb-2025/format";
import { ATRS_3 } from "./atrs-3/format";

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
      /** The file's own metadata, as read (nl-1: the API list's count, fetched_at, source_url); given back to write() as `file`. */
      meta?: Record<string, string | number>;
      /** When the file says it was taken from its register (a day): each record's regime.retrievedOn unless the importer is told otherwise. */
      retrievedOn?: string;
    }
  | { ok: false; notices: FileNotice[] };

/** One field of the format as its standard documents it (every field, mapped or not). */
export type FormatField = { key: string; label?: Words; section?: Words };

/** What a writer is given besides the rows: when and where from the export is, and optionally a shape of the format and the file metadata a read gave. */
export type InteropWriteMeta = {
  exportedAt: string;
  source: string;
  /** A format's other shape of file (nl-1: "api", the public API's list); absent: the format's usual file. */
  shape?: string;
  /** The metadata of the file the rows were read from (InteropRead's meta), for a file that must come back as it was. */
  file?: Record<string, string | number>;
};

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
  write(rows: Cells[], meta: InteropWriteMeta): string;
};

export const INTEROP_FORMATS: Record<InteropFormatKey, InteropFormat | undefined> = {
  "omb-2025": OMB_2025,
  "atrs-3": ATRS_3,
  "nl-1": NL_1,
};

export function isInteropFormatKey(v: unknown): v is InteropFormatKey {
  return typeof v === "string" && (INTEROP_FORMAT_KEYS as readonly string[]).includes(v);
}

/** The format of a key, or null when the key is none of them (or not built). */
export function interopFormat(key: unknown): InteropFormat | null {
  return isInteropFormatKey(key) ? (INTEROP_FORMATS[key] ?? null) : null;
}
