// An import row checked against the standard: the identity and lifecycle of a draft, or the
// problems to fix, each named by the column it comes from.
import { z } from "zod";
import { Identity, Lifecycle, ToolId } from "../../standard/v1";
import { zodIssues } from "../../shared/errors";
import type { FieldError, RawRow } from "./read-file";

const NewIdentity = Identity.omit({ id: true });

export type ImportedTool = {
  id: string | null;
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
  const retired = c.retired_on !== undefined || c.retirement_reason_zh !== undefined || c.retirement_reason_en !== undefined;
  const lifecycleInput = {
    deploymentStatus: c.deployment_status,
    reviewStatus: "draft",
    sunsetDate: c.sunset_date ?? null,
    renewals: [],
    ...(retired ? { retirement: { date: c.retired_on, reason: text(c.retirement_reason_zh, c.retirement_reason_en) } } : {}),
  };
  const lifecycle = Lifecycle.safeParse(lifecycleInput);
  if (!lifecycle.success)
    for (const i of zodIssues(lifecycle.error, "lifecycle"))
      errors.push(i.path === "lifecycle.retirement" && i.code === "err_retirement_mismatch" ? { field: columnOf(i.path), code: "err_import_retirement_mismatch" } : { ...i, field: columnOf(i.path ?? "lifecycle") });
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
      identity: identity.data,
      lifecycle: { deploymentStatus: l.deploymentStatus, sunsetDate: l.sunsetDate, ...(l.retirement ? { retirement: l.retirement } : {}) },
    },
  };
}
