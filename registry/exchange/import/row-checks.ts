// An import row checked against the standard: the identity and lifecycle of a draft, or the
// problems to fix, each named by the column it comes from.
import { z } from "zod";
import { Identity, Lifecycle, ToolId } from "../../standard/v1";
import { OWN_DEPLOYMENT_STATUSES } from "../../standard/own-values";
import { zodIssues } from "../../shared/errors";
import type { ExtraValue, FieldError, RawRow } from "./read-file";

/**
 * What a date cell may say when the source gives no date: the cell is then left empty, never
 * filled with an invented day. A source that gives only a year or a month writes 2024 or 2024-05
 * where the standard takes a partial date (the retirement date); the sunset date is a full date.
 */
export const UNKNOWN_DATE_WORDS = ["unknown", "未知"] as const;
export const isUnknownDate = (cell: string | undefined): boolean => cell !== undefined && (UNKNOWN_DATE_WORDS as readonly string[]).includes(cell.trim().toLowerCase());

const NewIdentity = Identity.omit({ id: true });

export type ImportedTool = {
  id: string | null;
  /** The agency the row names (the `agency` column), if it names one. */
  agency: string | null;
  /** Values of columns the format does not have, for the draft's extension area. */
  extra: Record<string, ExtraValue>;
  identity: z.output<typeof NewIdentity>;
  lifecycle: { deploymentStatus: string; sunsetDate: string | null; retirement?: { date: string; reason: { zh?: string; en?: string } } };
};

/** Which CSV column a record path comes from, so messages name what the official sees. */
const PATH_TO_COLUMN: [RegExp, string][] = [
  [/^identity\.name\.(zh|en)/, "name_$1"],
  [/^identity\.name/, "name_zh/name_en"],
  [/^identity\.jurisdiction\.place\.(zh|en)/, "place_$1"],
  [/^identity\.jurisdiction\.place/, "place_zh/place_en"],
  [/^identity\.jurisdiction\.level/, "jurisdiction_level"],
  [/^identity\.summary\.(zh|en)/, "summary_$1"],
  [/^identity\.summary/, "summary_zh/summary_en"],
  [/^identity\.policyDomain/, "policy_domain"],
  [/^identity\.(slug|kind)/, "$1"],
  [/^lifecycle\.deploymentStatus/, "deployment_status"],
  [/^lifecycle\.sunsetDate/, "sunset_date"],
  [/^lifecycle\.retirement\.reason\.(zh|en)/, "retirement_reason_$1"],
  [/^lifecycle\.retirement\.reason/, "retirement_reason_zh/retirement_reason_en"],
  [/^lifecycle\.retirement/, "retired_on"],
];

export function columnOf(path: string): string {
  for (const [re, col] of PATH_TO_COLUMN) if (re.test(path)) return path.replace(re, col).replace(/\..*$/, "");
  return path;
}

const text = (zh?: string, en?: string) => ({ ...(zh !== undefined ? { zh } : {}), ...(en !== undefined ? { en } : {}) });

/** A raw row as the identity and lifecycle of a draft, or the problems to fix, by column. */
export function toImportedTool(raw: RawRow): { ok: true; tool: ImportedTool } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [...raw.errors];
  const c = raw.cells;
  let id: string | null = null;
  if (c.id !== undefined) {
    const parsed = ToolId.safeParse(c.id.toUpperCase());
    if (parsed.success) id = parsed.data;
    else errors.push({ field: "id", code: "err_import_id_format", path: "identity.id" });
  }
  const identity = NewIdentity.safeParse({
    name: text(c.name_zh, c.name_en),
    slug: c.slug,
    originalLanguage: c.name_zh !== undefined ? "zh" : "en",
    kind: c.kind,
    jurisdiction: { level: c.jurisdiction_level, place: text(c.place_zh, c.place_en) },
    policyDomain: c.policy_domain,
    summary: text(c.summary_zh, c.summary_en),
  });
  if (!identity.success) for (const i of zodIssues(identity.error, "identity")) errors.push({ ...i, field: columnOf(i.path ?? "identity") });
  // "unknown" in a date cell: the source gives no date, and none is made up.
  const retiredOn = isUnknownDate(c.retired_on) ? undefined : c.retired_on;
  const sunsetDate = isUnknownDate(c.sunset_date) ? undefined : c.sunset_date;
  // "unknown" says nothing either way, except for a tool the row says is retired.
  const retired =
    retiredOn !== undefined || c.retirement_reason_zh !== undefined || c.retirement_reason_en !== undefined || (isUnknownDate(c.retired_on) && c.deployment_status === "retired");
  const lifecycleInput = {
    deploymentStatus: c.deployment_status,
    reviewStatus: "draft",
    sunsetDate: sunsetDate ?? null,
    renewals: [],
    ...(retired ? { retirement: { date: retiredOn, reason: text(c.retirement_reason_zh, c.retirement_reason_en) } } : {}),
  };
  const lifecycle = Lifecycle.safeParse(lifecycleInput);
  if (!lifecycle.success)
    for (const i of zodIssues(lifecycle.error, "lifecycle"))
      errors.push(
        i.path === "lifecycle.retirement" && i.code === "err_retirement_mismatch"
          ? { field: columnOf(i.path), code: "err_import_retirement_mismatch" }
          : // A retired tool with no date at all: the standard needs at least the year; say so, not a parser's words.
            i.path === "lifecycle.retirement.date" && retiredOn === undefined
            ? { field: "retired_on", code: isUnknownDate(c.retired_on) ? "err_import_retired_on_unknown" : "err_import_retired_on_missing" }
            : { ...i, field: columnOf(i.path ?? "lifecycle") },
      );
  // A table makes this register's own drafts: a status only a mirrored record may hold (not_stated) is refused here, not at submission.
  if (lifecycle.success && !(OWN_DEPLOYMENT_STATUSES as readonly string[]).includes(lifecycle.data.deploymentStatus))
    errors.push({ field: "deployment_status", code: "err_status_not_stated_own", path: "lifecycle.deploymentStatus" });
  if (errors.length || !identity.success || !lifecycle.success) {
    // A cell refused on its own (a formula) is left out of the record; do not report the gap too.
    const refusedCells = new Set(raw.errors.map((e) => e.field));
    const follows = (e: FieldError) => !raw.errors.includes(e) && e.field.split("/").some((f) => refusedCells.has(f));
    return { ok: false, errors: errors.filter((e) => !follows(e)) };
  }
  const l = lifecycle.data;
  return {
    ok: true,
    tool: {
      id,
      agency: c.agency ?? null,
      extra: raw.extra,
      identity: identity.data,
      lifecycle: { deploymentStatus: l.deploymentStatus, sunsetDate: l.sunsetDate, ...(l.retirement ? { retirement: l.retirement } : {}) },
    },
  };
}
