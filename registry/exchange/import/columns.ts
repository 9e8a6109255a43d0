// The columns of the bulk import format: those of /tools.csv (and the keys of /tools.json rows)
// that an agency states, the computed ones that are accepted and ignored, the required ones, and
// the check of a file's header against them.
import { TOOL_EXPORT_COLUMNS, TOOL_LABEL_COLUMNS } from "../exports/columns";
import { isForbiddenKey } from "../../shared/safe-keys";
import { JURISDICTION_LEVELS, POLICY_DOMAINS, TOOL_KINDS } from "../../standard/v1";
import { OWN_DEPLOYMENT_STATUSES } from "../../standard/own-values";
import type { LabelGroup } from "../../standard/labels";

/** How many names a message about unknown or repeated columns lists before "and N more". */
const NAMES_LISTED = 20;

/**
 * A whole-file problem as a code and parameters, which the upload page and the command line word
 * (app/i18n/refusal.ts). Codes are keys of the import strings.
 */
export type FileNotice = { code: string; params: Record<string, string | number> };

/** The columns an import reads: what an agency states about its tool. */
export const IMPORT_COLUMNS = [
  "id",
  "name_zh",
  "name_en",
  "slug",
  "kind",
  "policy_domain",
  "jurisdiction_level",
  "place_zh",
  "place_en",
  "deployment_status",
  "sunset_date",
  "summary_zh",
  "summary_en",
  "retired_on",
  "retirement_reason_zh",
  "retirement_reason_en",
  /** The agency the row's draft is for: an official may name only their own (checked by the import). */
  "agency",
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * The columns whose cells are codes of the standard: what an official types in the file, and the
 * group of registry/standard/labels.ts that names each code in both languages.
 */
export const CODED_COLUMNS = [
  { column: "kind", labels: "kind", codes: TOOL_KINDS },
  { column: "jurisdiction_level", labels: "jurisdiction", codes: JURISDICTION_LEVELS },
  { column: "policy_domain", labels: "policyDomain", codes: POLICY_DOMAINS },
  // Not `not_stated`: a table makes this register's own drafts, which state their status.
  { column: "deployment_status", labels: "status", codes: OWN_DEPLOYMENT_STATUSES },
] as const satisfies readonly { column: ImportColumn; labels: LabelGroup; codes: readonly string[] }[];

/** Columns the register computes (address, review state, counts, times): accepted and ignored. */
export const COMPUTED_COLUMNS = TOOL_EXPORT_COLUMNS.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));

/** Every column accepted and ignored: the computed ones and the label columns of `?labels=on`. */
const IGNORED_COLUMNS: readonly string[] = [...COMPUTED_COLUMNS, ...TOOL_LABEL_COLUMNS];

/** Columns that must be present (for a pair of languages, at least one of the two). */
const REQUIRED_COLUMNS: (ImportColumn | [ImportColumn, ImportColumn])[] = [
  ["name_zh", "name_en"],
  "slug",
  "kind",
  "policy_domain",
  "jurisdiction_level",
  ["place_zh", "place_en"],
  "deployment_status",
  ["summary_zh", "summary_en"],
];

/** Up to NAMES_LISTED quoted names, and how many more there are. */
function listNames(names: string[]): { names: string; more: number } {
  const shown = names.slice(0, NAMES_LISTED).map((c) => `"${c.length > 60 ? `${c.slice(0, 60)}…` : c}"`);
  return { names: shown.join(", "), more: Math.max(0, names.length - NAMES_LISTED) };
}

/** The longest column name kept as a field of the record's extension area (the standard's limit on its keys). */
const EXTENSION_KEY_MAX = 200;

/**
 * Whether a column the format does not have can be kept, with its values, in the draft's
 * extension area (registry/standard/v1.ts Extensions): a name of at most 200 characters that is
 * not a prototype key. Others refuse the file.
 */
export function isKeepableColumn(c: string): boolean {
  return c.trim() !== "" && c.length <= EXTENSION_KEY_MAX && !isForbiddenKey(c);
}

/**
 * A file's columns against the format: unknown, repeated and missing ones (as notices, which
 * refuse the file), which are ignored, and which are not the format's but kept (as warnings:
 * their values go into each draft's extension area, registry/exchange/import/extensions.server.ts).
 */
export function checkColumns(columns: string[]): { notices: FileNotice[]; warnings: FileNotice[]; ignored: string[]; kept: string[] } {
  const notices: FileNotice[] = [];
  const warnings: FileNotice[] = [];
  const known = new Set<string>([...IMPORT_COLUMNS, ...IGNORED_COLUMNS]);
  // "__proto__" and its kind are never columns, whatever the lists above say.
  const unknown = columns.filter((c) => !known.has(c) || isForbiddenKey(c));
  const refused = unknown.filter((c) => !isKeepableColumn(c));
  const kept = [...new Set(unknown.filter(isKeepableColumn))];
  if (refused.length) notices.push({ code: "importColumnsUnknown", params: listNames(refused) });
  if (kept.length) warnings.push({ code: "importColumnsKept", params: listNames(kept) });
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) repeated.add(c);
    seen.add(c);
  }
  if (repeated.size) {
    const list = listNames([...repeated]);
    notices.push({ code: "importColumnsRepeated", params: list });
  }
  for (const req of REQUIRED_COLUMNS) {
    if (Array.isArray(req)) {
      if (!req.some((c) => seen.has(c))) {
        notices.push({ code: "importColumnMissingEither", params: { a: req[0], b: req[1] } });
      }
    } else if (!seen.has(req)) {
      notices.push({ code: "importColumnMissing", params: { name: req } });
    }
  }
  return { notices, warnings, ignored: columns.filter((c) => IGNORED_COLUMNS.includes(c)), kept };
}
