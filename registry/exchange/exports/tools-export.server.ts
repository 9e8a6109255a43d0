// Exports of the tool list with the same filters as /tools. Rows are produced in batches from
// the list index, so memory stays flat however many rows there are.
import { getDb, type Db } from "../../shared/db.server";
import { listToolsForExport, type ToolSummary } from "../../records/list.server";
import type { QueryNotice, ToolQuery } from "../../records/query";
import { TOOL_EXPORT_COLUMNS, type ToolExportColumn } from "./columns";
import { absolute, paths } from "../../shared/urls";

export { TOOL_EXPORT_COLUMNS, type ToolExportColumn };
export type ToolExportRow = Record<ToolExportColumn, string | number | null>;

export function toExportRow(t: ToolSummary, origin: string): ToolExportRow {
  return {
    id: t.id,
    url: absolute(origin, paths.tool(t.id)),
    name_zh: t.name.zh ?? null,
    name_en: t.name.en ?? null,
    kind: t.kind,
    jurisdiction_level: t.jurisdictionLevel,
    place_zh: t.place.zh ?? null,
    place_en: t.place.en ?? null,
    deployment_status: t.deploymentStatus,
    review_status: t.reviewStatus,
    impact_level: t.impactLevel,
    sunset_date: t.sunsetDate,
    sunset_state: t.sunsetState,
    incident_count: t.incidentCount,
    comment_count: t.commentCount,
    updated_at: t.updatedAt,
    summary_zh: t.summary.zh ?? null,
    summary_en: t.summary.en ?? null,
    slug: t.slug,
    policy_domain: t.policyDomain,
    retired_on: t.retirement?.date ?? null,
    retirement_reason_zh: t.retirement?.reason.zh ?? null,
    retirement_reason_en: t.retirement?.reason.en ?? null,
  };
}

/** Every row of the query, in the list's order, `batch` at a time. */
export function* exportTools(
  query: ToolQuery,
  opts: { origin: string; today?: string; lang?: "zh" | "en"; batch?: number },
  db: Db = getDb(),
): Generator<ToolExportRow[], { total: number; notices: QueryNotice[] }> {
  const { total, notices, batches } = listToolsForExport(query, { today: opts.today, lang: opts.lang, batch: opts.batch ?? 500 }, db);
  for (const batch of batches) yield batch.map((t) => toExportRow(t, opts.origin));
  return { total, notices };
}
