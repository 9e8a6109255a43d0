// Who hears of what: the people a notice goes to, computed from the tool and its agencies at the
// moment of the event. Disabled accounts hear nothing.
import { stmt, type Db } from "../shared/db.server";

export type ToolFacts = { seq: number; id: string; ownerAgencyId: number | null; nameZh: string | null; nameEn: string | null };

export function toolFacts(db: Db, toolId: string): ToolFacts | null {
  const r = stmt(db, `SELECT seq, id, owner_agency_id, name_zh, name_en FROM tools WHERE id = ?`).get(toolId) as
    | { seq: number; id: string; owner_agency_id: number | null; name_zh: string | null; name_en: string | null }
    | undefined;
  return r ? { seq: r.seq, id: r.id, ownerAgencyId: r.owner_agency_id, nameZh: r.name_zh, nameEn: r.name_en } : null;
}

/** The agencies that answer for a tool: its owner and the agencies confirmed on its record (the projection holds confirmed links only). */
export function responsibleAgencyIds(db: Db, t: ToolFacts): number[] {
  const linked = (stmt(db, `SELECT DISTINCT agency_id FROM tool_agencies WHERE tool_seq = ?`).all(t.seq) as { agency_id: number }[]).map((r) => r.agency_id);
  return [...new Set([...(t.ownerAgencyId !== null ? [t.ownerAgencyId] : []), ...linked])];
}

/** Who counts as an agency's active official, as an SQL condition on the users table aliased `u`. */
export const ACTIVE_OFFICIAL = `u.role = 'official' AND u.disabled_at IS NULL AND u.agency_id IS NOT NULL`;

/** The active officials of these agencies. */
export function officialsOf(db: Db, agencyIds: readonly number[]): number[] {
  if (!agencyIds.length) return [];
  const rows = stmt(db, `SELECT u.id, u.agency_id FROM users u WHERE ${ACTIVE_OFFICIAL} ORDER BY u.id`).all() as { id: number; agency_id: number }[];
  return rows.filter((r) => agencyIds.includes(r.agency_id)).map((r) => r.id);
}

/** The active reviewers who may take the tool's review: those of no responsible agency (registry/auth/roles.ts mayReview). */
export function eligibleReviewers(db: Db, t: ToolFacts): number[] {
  const own = responsibleAgencyIds(db, t);
  const rows = stmt(db, `SELECT id, agency_id FROM users WHERE role = 'reviewer' AND disabled_at IS NULL AND agency_id IS NOT NULL ORDER BY id`).all() as { id: number; agency_id: number }[];
  return rows.filter((r) => !own.includes(r.agency_id)).map((r) => r.id);
}

/**
 * The agencies the tool's public record names beside its owner that have neither confirmed nor
 * declined the link (registry/review/co-responsibility.server.ts): their officials are asked to.
 */
export function unconfirmedNamedAgencies(db: Db, t: ToolFacts): number[] {
  if (t.ownerAgencyId === null) return [];
  const row = stmt(db, `SELECT r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.seq = ?`).get(t.seq) as { record: string } | undefined;
  if (!row) return [];
  let slugs: string[] = [];
  try {
    const record = JSON.parse(row.record) as { responsibility?: { agencies?: { agency?: unknown }[] } };
    slugs = (record.responsibility?.agencies ?? []).map((a) => a.agency).filter((s): s is string => typeof s === "string");
  } catch {
    return [];
  }
  const out = new Set<number>();
  for (const slug of new Set(slugs)) {
    const a = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(slug) as { id: number } | undefined;
    if (!a || a.id === t.ownerAgencyId) continue;
    if (stmt(db, `SELECT 1 FROM tool_agency_confirmations WHERE tool_seq = ? AND agency_id = ?`).get(t.seq, a.id)) continue;
    if (stmt(db, `SELECT 1 FROM tool_agency_declines WHERE tool_seq = ? AND agency_id = ?`).get(t.seq, a.id)) continue;
    out.add(a.id);
  }
  return [...out];
}
