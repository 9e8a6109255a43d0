// The agency's inventory: its tools in the export format, drafts included, to edit in a
// spreadsheet and import again (import.server.ts).
import type { Actor } from "../../auth/roles";
import { getDb, stmt, type Db } from "../../shared/db.server";
import { absolute, paths } from "../../shared/urls";
import { agencyNamesOf, type ToolExportRow } from "../exports/tools-export.server";
import type { ReviewStatus, ToolRecord, ToolRecordInput } from "../../standard/v1";
import { sunsetState } from "../../lifecycle/sunset";
import { isMirrored } from "../../standard/regime";
import { requireOfficial } from "./import.server";

/**
 * The agency's tools in the export format, drafts included, from each tool's latest revision:
 * what an official downloads, edits in a spreadsheet and imports again. Private to the agency.
 */
export function* exportAgencyInventory(
  actor: Actor | null,
  opts: { origin: string; today: string; batch?: number },
  db: Db = getDb(),
): Generator<ToolExportRow[], { total: number }> {
  requireOfficial(actor);
  const batch = opts.batch ?? 500;
  const page = stmt(
    db,
    `SELECT t.id, t.comment_count, t.impact_level, t.updated_at, r.status, r.record, r.created_at FROM tools t
     JOIN revisions r ON r.tool_seq = t.seq AND r.number = (SELECT max(number) FROM revisions WHERE tool_seq = t.seq)
     WHERE t.owner_agency_id = ? AND t.id > ? ORDER BY t.id LIMIT ?`,
  );
  let after = "";
  let total = 0;
  for (;;) {
    const rows = page.all(actor.agencyId, after, batch) as { id: string; comment_count: number; impact_level: string | null; updated_at: string; status: ReviewStatus; record: string; created_at: string }[];
    if (!rows.length) break;
    total += rows.length;
    after = rows[rows.length - 1]!.id;
    // The agencies confirmed for the published record (a draft's new links are not confirmed yet).
    const names = agencyNamesOf(rows.map((r) => r.id), db);
    yield rows.map((r) => ({ ...inventoryRow(r, JSON.parse(r.record) as ToolRecordInput, opts), agency_names_zh: names.get(r.id)?.zh ?? null, agency_names_en: names.get(r.id)?.en ?? null }));
  }
  return { total };
}

function inventoryRow(
  r: { id: string; comment_count: number; impact_level: string | null; updated_at: string; status: ReviewStatus; created_at: string },
  record: ToolRecordInput,
  opts: { origin: string; today: string },
): Omit<ToolExportRow, "agency_names_zh" | "agency_names_en"> {
  const i = record.identity;
  const l = record.lifecycle;
  return {
    id: r.id,
    url: absolute(opts.origin, paths.tool(r.id)),
    name_zh: i.name?.zh ?? null,
    name_en: i.name?.en ?? null,
    kind: i.kind,
    jurisdiction_level: i.jurisdiction?.level ?? null,
    place_zh: i.jurisdiction?.place?.zh ?? null,
    place_en: i.jurisdiction?.place?.en ?? null,
    deployment_status: l?.deploymentStatus ?? null,
    review_status: r.status,
    impact_level: r.status === "draft" ? null : r.impact_level,
    sunset_date: l?.sunsetDate ?? null,
    sunset_state: l ? sunsetState({ deploymentStatus: l.deploymentStatus, reviewStatus: r.status, sunsetDate: l.sunsetDate ?? null, mirrored: isMirrored(record as Pick<ToolRecord, "regime">) }, opts.today) : null,
    incident_count: record.incidents?.length ?? 0,
    comment_count: r.comment_count,
    updated_at: r.status === "draft" ? r.created_at : r.updated_at,
    summary_zh: i.summary?.zh ?? null,
    summary_en: i.summary?.en ?? null,
    slug: i.slug,
    policy_domain: i.policyDomain,
    retired_on: l?.retirement?.date ?? null,
    retirement_reason_zh: l?.retirement?.reason?.zh ?? null,
    retirement_reason_en: l?.retirement?.reason?.en ?? null,
  };
}
