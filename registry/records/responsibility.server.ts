// Which responsibility links of a tool count. An official may name any agency in a record's
// responsibility chain, but naming is not consent: a co-responsible agency that has not confirmed
// the link is not shown publicly as responsible, and does not disqualify its reviewers (otherwise
// an official could choose which agencies' reviewers may not review the tool).
//
// The rule, used everywhere a link matters (the public projection, the workflow's relation of a
// person to a tool, the review queue, the record page, the exports and the API):
//
//   a link of a tool to an agency is confirmed when the tool has no owning agency (a record the
//   editors registered), or the agency owns the tool, or that agency has confirmed it (a row in
//   tool_agency_confirmations, written by confirmResponsibility; or, with no confirming person,
//   by takeOver for the links the editors had established when an agency took their record over,
//   registry/review/take-over.server.ts).
//
// The `tool_agencies` projection holds only confirmed links, so the agency pages, the agency
// facet of /tools and its exports, the agency feeds and the list index read nothing else; a
// confirmation rewrites the projection, whose triggers bump list_version and page_version.
import { stmt, type Db } from "../shared/db.server";

/** The owning agency of a tool and the agencies that have confirmed a link to it. */
export type ResponsibilityConsent = { ownerAgencyId: number | null; confirmed: ReadonlySet<number> };

export function responsibilityConsent(db: Db, toolSeq: number): ResponsibilityConsent {
  const tool = stmt(db, `SELECT owner_agency_id FROM tools WHERE seq = ?`).get(toolSeq) as { owner_agency_id: number | null } | undefined;
  const ownerAgencyId = tool?.owner_agency_id ?? null;
  // Editorial records need no confirmations: skip the read.
  const confirmed =
    ownerAgencyId === null
      ? new Set<number>()
      : new Set((stmt(db, `SELECT agency_id FROM tool_agency_confirmations WHERE tool_seq = ?`).pluck().all(toolSeq) as number[]));
  return { ownerAgencyId, confirmed };
}

/** Whether the link of a tool to `agencyId` is confirmed, given the tool's consent state. */
export function isLinkConfirmed(consent: ResponsibilityConsent, agencyId: number): boolean {
  return consent.ownerAgencyId === null || consent.ownerAgencyId === agencyId || consent.confirmed.has(agencyId);
}

/** Of the agencies a record names for a tool, those whose link is confirmed (in the given order, without repeats). */
export function confirmedAgencyIds(db: Db, toolSeq: number, named: Iterable<number>): number[] {
  const consent = responsibilityConsent(db, toolSeq);
  return [...new Set(named)].filter((id) => isLinkConfirmed(consent, id));
}

/** Whether `agencyId` has declined the link a record of the tool names it with (declineResponsibility): never public, never counted. */
export function isDeclined(db: Db, toolSeq: number, agencyId: number): boolean {
  return stmt(db, `SELECT 1 FROM tool_agency_declines WHERE tool_seq = ? AND agency_id = ?`).get(toolSeq, agencyId) !== undefined;
}
