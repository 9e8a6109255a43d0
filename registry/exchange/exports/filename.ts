// The names of downloaded files: what was filtered, the register's date and the extension, so a
// folder of downloads says which is which. `tools-code_system-lapsed+no_sunset-2026-11-28.csv`:
// the values of each filter in the list's facet order (several values of one filter joined by
// "+"), then the agency, then the search words, then the date. The header carries an ASCII name
// (`filename`, for old clients) and the full name (`filename*`, RFC 6266 with RFC 5987's
// percent-encoded UTF-8) when the search words are not ASCII.
import { ANY_SOURCE_REGISTER, ENUM_FACETS, MIRRORED_REGIME_VALUES } from "../../records/query";

/** The filters of a download (a parsed list query: a facet may hold one value or several). */
export type FilenameQuery = { q?: string } & { [facet: string]: unknown };

/** At most this many characters of filters in a name, cut at a separator. */
export const MAX_FILTER_CHARS = 80;

const values = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v]).map(String).filter(Boolean);

/** Search words as a file name part: letters and digits of any script, runs of others as "-". */
function slugWords(q: string, ascii: boolean): string {
  const lower = q.normalize("NFKC").toLowerCase();
  const kept = ascii ? lower.replace(/[^a-z0-9]+/g, "-") : lower.replace(/[^\p{L}\p{N}]+/gu, "-");
  return kept.replace(/^-+|-+$/g, "");
}

/** The filter parts joined by "-", cut to `max` characters at a separator (a cut name ends in "-etc"). */
function capParts(parts: string[], max: number): string {
  const out: string[] = [];
  for (const p of parts) {
    const piece = p.slice(0, max);
    if ([...out, piece].join("-").length > max) {
      out.push("etc");
      break;
    }
    out.push(piece);
  }
  return out.join("-");
}

/** The parts naming a query's filters, for the ASCII name or the full one. */
function filterParts(query: FilenameQuery, ascii: boolean): string[] {
  const parts: string[] = [];
  for (const facet of [...ENUM_FACETS, "agency"]) {
    let chosen = values(query[facet]);
    // Every mirrored record (regime=source_register) is named once, as the URL names it.
    if (facet === "regime" && MIRRORED_REGIME_VALUES.every((r) => chosen.includes(r)))
      chosen = [...chosen.filter((r) => !(MIRRORED_REGIME_VALUES as readonly string[]).includes(r)), ANY_SOURCE_REGISTER];
    const v = chosen.map((x) => x.replace(/[^A-Za-z0-9_]+/g, "-"));
    if (v.length) parts.push(v.join("+"));
  }
  const q = slugWords(query.q ?? "", ascii);
  if (q) parts.push(q);
  // Words with no ASCII letter still leave a mark in the ASCII name.
  else if (ascii && query.q?.trim()) parts.push("search");
  return parts;
}

/** `{base}-{filters}-{date}.{ext}`, as an ASCII name and as the full name (equal when the query is ASCII). */
export function exportFilename(base: string, query: FilenameQuery, date: string, ext: string): { ascii: string; full: string } {
  const name = (ascii: boolean) => [base, capParts(filterParts(query, ascii), MAX_FILTER_CHARS), date].filter(Boolean).join("-") + `.${ext}`;
  return { ascii: name(true), full: name(false) };
}

/** RFC 5987 percent-encoding of UTF-8 (attr-char left as is). */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Content-Disposition header of a download called `name`. */
export function contentDisposition(name: { ascii: string; full: string }): string {
  const ascii = name.ascii.replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name.full)}`;
}
