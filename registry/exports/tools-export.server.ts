// Exports of the tool list with the same filters as /tools. Rows are produced in batches from
// the list index, so memory stays flat however many rows there are.
import { getDb, type Db } from "../db.server";
import { listToolsForExport, type ToolSummary } from "../tools.server";
import type { QueryNotice, ToolQuery } from "../query";

/**
 * The stable column order of /tools.csv (and the keys of /tools.json and /tools.ndjson rows).
 * New columns are only ever added at the end.
 */
export const TOOL_EXPORT_COLUMNS = [
  "id",
  "url",
  "name_zh",
  "name_en",
  "kind",
  "jurisdiction_level",
  "place_zh",
  "place_en",
  "deployment_status",
  "review_status",
  "impact_level",
  "sunset_date",
  "sunset_state",
  "incident_count",
  "comment_count",
  "updated_at",
  "summary_zh",
  "summary_en",
] as const;
export type ToolExportColumn = (typeof TOOL_EXPORT_COLUMNS)[number];
export type ToolExportRow = Record<ToolExportColumn, string | number | null>;

export function toExportRow(t: ToolSummary, origin: string): ToolExportRow {
  return {
    id: t.id,
    url: `${origin}/tools/${t.id}`,
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
