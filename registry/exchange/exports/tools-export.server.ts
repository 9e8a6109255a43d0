// Exports of the tool list with the same filters as /tools. Rows are produced in batches from
// the list index, so memory stays flat however many rows there are.
import { getDb, stmt, type Db } from "../../shared/db.server";
import { listToolsForExport, type ToolSummary } from "../../records/list.server";
import type { QueryNotice, ToolQuery } from "../../records/query";
import { AGENCY_NAMES_SEPARATOR, LABELLED_TOOL_COLUMNS, labelColumn, TOOL_EXPORT_COLUMNS, type ToolExportColumn } from "./columns";
import { absolute, paths } from "../../shared/urls";
import { label } from "../../standard/labels";

export { TOOL_EXPORT_COLUMNS, type ToolExportColumn };
export type ToolExportRow = Record<ToolExportColumn, string | number | null>;
type AgencyNames = { zh: string | null; en: string | null };

/**
 * The names of the agencies confirmed as responsible for each of some tools (the tool_agencies
 * projection holds only confirmed links), in the record's order, one read for the whole batch.
 */
export function agencyNamesOf(ids: readonly string[], db: Db = getDb()): Map<string, AgencyNames> {
  const out = new Map<string, AgencyNames>();
  if (!ids.length) return out;
  const rows = stmt(
    db,
    `SELECT t.id, a.name_zh, a.name_en, a.slug FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq JOIN agencies a ON a.id = ta.agency_id
     WHERE t.id IN (${ids.map(() => "?").join(", ")}) GROUP BY ta.tool_seq, ta.agency_id ORDER BY ta.tool_seq, min(ta.rowid)`,
  ).all(...ids) as { id: string; name_zh: string | null; name_en: string | null; slug: string }[];
  const lists = new Map<string, { zh: string[]; en: string[] }>();
  for (const r of rows) {
    const l = lists.get(r.id) ?? { zh: [], en: [] };
    // A name missing in one language is given in the other, so both cells list every agency.
    l.zh.push(r.name_zh ?? r.name_en ?? r.slug);
    l.en.push(r.name_en ?? r.name_zh ?? r.slug);
    lists.set(r.id, l);
  }
  for (const [id, l] of lists) out.set(id, { zh: l.zh.join(AGENCY_NAMES_SEPARATOR.zh), en: l.en.join(AGENCY_NAMES_SEPARATOR.en) });
  return out;
}

/** A row with the label of each coded value right after it (`?labels=on`), in the given language. */
export function labelledRow(row: ToolExportRow, lang: "zh" | "en"): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  const groups = LABELLED_TOOL_COLUMNS as Record<string, (typeof LABELLED_TOOL_COLUMNS)[keyof typeof LABELLED_TOOL_COLUMNS]>;
  for (const c of TOOL_EXPORT_COLUMNS) {
    out[c] = row[c];
    const group = groups[c];
    if (group) out[labelColumn(c)] = row[c] === null ? null : label(group, String(row[c]), lang);
  }
  return out;
}

export function toExportRow(t: ToolSummary, origin: string, agencies?: AgencyNames): ToolExportRow {
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
    agency_names_zh: agencies?.zh ?? null,
    agency_names_en: agencies?.en ?? null,
  };
}

/** Every row of the query, in the list's order, `batch` at a time. */
export function* exportTools(
  query: ToolQuery,
  opts: { origin: string; today?: string; lang?: "zh" | "en"; batch?: number },
  db: Db = getDb(),
): Generator<ToolExportRow[], { total: number; notices: QueryNotice[] }> {
  const { total, notices, batches } = listToolsForExport(query, { today: opts.today, lang: opts.lang, batch: opts.batch ?? 500 }, db);
  for (const batch of batches) {
    const names = agencyNamesOf(batch.map((t) => t.id), db);
    yield batch.map((t) => toExportRow(t, opts.origin, names.get(t.id)));
  }
  return { total, notices };
}
