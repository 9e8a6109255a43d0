// What every workflow command shares: loading a tool with its latest revision and the agencies
// that relate people to it, checking the actor against the transition table, and the small
// helpers for hashes, days, impact and status. Internal to the workflow (review/, lifecycle/,
// voice/consultation): routes call the commands, never these.
import { createHash } from "node:crypto";
import { stmt, type Db } from "../shared/db.server";
import { RegistryError, wrongState } from "../shared/errors";
import { computeImpactLevel, type ImpactResult } from "../standard/impact";
import { ToolRecord, type ReviewStatus, type ToolRecordInput } from "../standard/v1";
import { isMirrored } from "../standard/regime";
import type { Actor } from "../auth/roles";
import { confirmedAgencyIds } from "../records/responsibility.server";
import { canTake, relationTo, type Action } from "./transitions";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const isoDay = (now: Date) => now.toISOString().slice(0, 10);


export type Loaded = {
  seq: number;
  id: string;
  ownerAgencyId: number | null;
  agencyIds: number[];
  /** For a tool without an owning agency: the agencies linked to it as operating or deciding, who may take it over. */
  claimantAgencyIds: number[];
  revision: { id: number; number: number; status: ReviewStatus; record: ToolRecordInput; submittedAt: string | null };
};

export function load(db: Db, toolId: string): Loaded {
  const tool = stmt(db, `SELECT seq, id, owner_agency_id FROM tools WHERE id = ?`).get(toolId.toUpperCase()) as
    | { seq: number; id: string; owner_agency_id: number | null }
    | undefined;
  if (!tool) throw new RegistryError("not_found");
  const rev = stmt(db, `SELECT id, number, status, record, submitted_at FROM revisions WHERE tool_seq = ? ORDER BY number DESC LIMIT 1`).get(tool.seq) as
    | { id: number; number: number; status: ReviewStatus; record: string; submitted_at: string | null }
    | undefined;
  if (!rev) throw new RegistryError("not_found");
  const named = (stmt(db, `SELECT DISTINCT agency_id FROM tool_agencies WHERE tool_seq = ?`).all(tool.seq) as { agency_id: number }[]).map((r) => r.agency_id);
  const record = JSON.parse(rev.record) as ToolRecordInput;
  // A draft's agencies are not linked yet: read them from the record.
  for (const ref of record.responsibility?.agencies ?? []) {
    const a = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(ref.agency) as { id: number } | undefined;
    if (a) named.push(a.id);
  }
  const claimantAgencyIds =
    tool.owner_agency_id === null
      ? (stmt(db, `SELECT DISTINCT agency_id FROM tool_agencies WHERE tool_seq = ? AND role IN ('operates', 'decides')`).all(tool.seq) as { agency_id: number }[]).map((r) => r.agency_id)
      : [];
  return {
    seq: tool.seq,
    id: tool.id,
    ownerAgencyId: tool.owner_agency_id,
    claimantAgencyIds,
    // Only confirmed links relate a person to the tool: naming an agency disqualifies none of its reviewers.
    agencyIds: confirmedAgencyIds(db, tool.seq, named),
    revision: { id: rev.id, number: rev.number, status: rev.status, record, submittedAt: rev.submitted_at },
  };
}

/** Throws unless the actor may take `action` now: "forbidden" for the wrong person, "wrong_state" for the wrong moment. */
export function guard(actor: Actor | null, t: Loaded, action: Action): void {
  // A record mirrored from another register is read-only here: no draft, review or take-over step.
  if (isMirrored(t.revision.record as Pick<ToolRecord, "regime">)) throw wrongState("err_mirrored_read_only");
  const relation = relationOf(actor, t);
  const check = canTake(relation, t.revision.status, action);
  if (check.ok) return;
  if (check.reason !== "wrong_state") throw new RegistryError("forbidden", { params: { action, relation, status: t.revision.status } });
  throw wrongState("err_action_wrong_state", { action, status: t.revision.status });
}

export function impactOf(record: ToolRecordInput): ImpactResult | null {
  const parsed = ToolRecord.shape.assessments.safeParse(record.assessments);
  return parsed.success && parsed.data.impact ? computeImpactLevel(parsed.data.impact) : null;
}

/** Right after the event that logs the change: a trigger refuses a status change without it (migration 0015). */
export function setStatus(db: Db, t: Loaded, status: ReviewStatus, at: string) {
  stmt(db, `UPDATE revisions SET status = ? WHERE id = ?`).run(status, t.revision.id);
  stmt(db, `UPDATE tools SET review_status = ?, updated_at = ? WHERE seq = ? AND published_revision_id = ?`).run(status, at, t.seq, t.revision.id);
}

/** The latest public (non-draft) revision's record before the loaded one, if any. */
export function previousPublic(db: Db, t: Loaded): ToolRecordInput | null {
  const row = stmt(db, `SELECT record FROM revisions WHERE tool_seq = ? AND number < ? AND status <> 'draft' ORDER BY number DESC LIMIT 1`).get(t.seq, t.revision.number) as
    | { record: string }
    | undefined;
  return row ? (JSON.parse(row.record) as ToolRecordInput) : null;
}

/** How the actor relates to the loaded tool (owner official, reviewer of another agency, ...). */
export const relationOf = (actor: Actor | null, t: Loaded) =>
  relationTo(actor, { ownerAgencyId: t.ownerAgencyId, agencyIds: t.agencyIds, claimantAgencyIds: t.claimantAgencyIds });
