// An agency named as co-responsible in another agency's record confirms the link. Until it does,
// the link is not public and disqualifies none of its reviewers (registry/records/responsibility.server.ts
// has the rule). Or it declines: then the link never counts and it is no longer asked (/drafts lists what it is asked).
import { getDb, stmt, type Db } from "../shared/db.server";
import { type Ctx, parseInput } from "../shared/context";
import { ToolInput } from "./drafts.server";
import { appendEvent } from "../log/log.server";
import { resolveAgencies, writePublicProjection } from "../records/publish.server";
import { confirmedAgencyIds, isDeclined, isLinkConfirmed, responsibilityConsent } from "../records/responsibility.server";
import { readStoredRecord, type AGENCY_ROLES, type LocalizedText, type ToolRecord } from "../standard/v1";
import { publicActor, type Actor } from "../auth/roles";
import { RegistryError, wrongState } from "../shared/errors";

/**
 * An official confirms that their agency is responsible for a tool another agency's record names
 * it in. The tool must be public and its current public revision must name the official's agency;
 * the owning agency and the agencies of editorial records need no confirmation. The public
 * projection is rewritten in the same transaction, so the agency's page, the agency filter of
 * /tools, the exports and the API show the link from the next request on (the projection's
 * triggers bump list_version and page_version), and the agency's reviewers no longer review the
 * tool.
 */
export async function confirmResponsibility(ctx: Ctx, input: unknown): Promise<{ toolId: string; agency: string }> {
  const { now, db } = ctx;
  const { tool, rev, record, agencyIds, agencyId, official } = namedTool(ctx, input);
  const at = now.toISOString();
  return db.$client.transaction(() => {
    if (isLinkConfirmed(responsibilityConsent(db, tool.seq), agencyId)) throw wrongState("err_coresp_confirmed");
    if (isDeclined(db, tool.seq, agencyId)) throw wrongState("err_coresp_declined");
    stmt(db, `INSERT INTO tool_agency_confirmations (tool_seq, agency_id, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?)`).run(tool.seq, agencyId, at, official.id);
    // The same revision, projected again: now with this agency's link.
    writePublicProjection(db, { seq: tool.seq, revisionId: rev.id, record, status: rev.status, at, agencyIds });
    appendEvent({ kind: "responsibility_confirmed", toolId: tool.id, actor: publicActor(official), at, payload: { revision: rev.number, agency: official.agencySlug! } }, db);
    return { toolId: tool.id, agency: official.agencySlug! };
  })();
}

/**
 * An official declines the responsibility another agency's record names their agency with. The
 * link was never public and never counted; after a decline the agency is no longer asked to
 * confirm it, and its name is left off the record page. Final: a declined link cannot be
 * confirmed later, nor a confirmed one declined (both are refused as wrong_state), since the
 * reviewer independence of past reviews rests on them.
 */
export async function declineResponsibility(ctx: Ctx, input: unknown): Promise<{ toolId: string; agency: string }> {
  const { now, db } = ctx;
  const { tool, rev, agencyId, official } = namedTool(ctx, input);
  const at = now.toISOString();
  return db.$client.transaction(() => {
    if (isLinkConfirmed(responsibilityConsent(db, tool.seq), agencyId)) throw wrongState("err_coresp_decline_confirmed");
    if (isDeclined(db, tool.seq, agencyId)) throw wrongState("err_coresp_declined");
    stmt(db, `INSERT INTO tool_agency_declines (tool_seq, agency_id, declined_at, declined_by) VALUES (?, ?, ?, ?)`).run(tool.seq, agencyId, at, official.id);
    appendEvent({ kind: "responsibility_declined", toolId: tool.id, actor: publicActor(official), at, payload: { revision: rev.number, agency: official.agencySlug! } }, db);
    return { toolId: tool.id, agency: official.agencySlug! };
  })();
}

/** The public tool an official acts on, checked to name the official's agency in its current public revision. */
function namedTool(ctx: Ctx, input: unknown) {
  const { actor, db } = ctx;
  const { toolId } = parseInput(ToolInput, input);
  if (!actor || actor.role !== "official" || actor.agencyId === null || !actor.agencySlug) throw new RegistryError("forbidden");
  const official: Actor = actor;
  const agencyId = actor.agencyId;
  const tool = stmt(db, `SELECT seq, id, published_revision_id FROM tools WHERE id = ?`).get(String(toolId).toUpperCase()) as
    | { seq: number; id: string; published_revision_id: number | null }
    | undefined;
  if (!tool || tool.published_revision_id === null) throw new RegistryError("not_found");
  const rev = stmt(db, `SELECT id, number, status, record FROM revisions WHERE id = ?`).get(tool.published_revision_id) as { id: number; number: number; status: string; record: string };
  const record = readStoredRecord(rev.record);
  const agencyIds = resolveAgencies(record, db);
  if (![...agencyIds.values()].includes(agencyId)) throw new RegistryError("forbidden", { issues: [{ code: "err_coresp_not_named" }] });
  return { tool, rev, record, agencyIds, agencyId, official };
}

/**
 * Projections written before links needed consent may still list agencies that never confirmed.
 * Projects each such tool again from its public revision (keeping its updated_at), so its agency
 * pages, filters, exports, feeds and search forget the unconfirmed links. Idempotent, and a
 * single query when nothing is stale: run after migrating (scripts/migrate.server.ts does).
 */
export function reprojectUnconfirmedLinks(db: Db = getDb()): number {
  // Only tools with an owning agency and a link to another agency can hold an unconfirmed link.
  const candidates = stmt(
    db,
    `SELECT DISTINCT ta.tool_seq FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq
     WHERE t.owner_agency_id IS NOT NULL AND ta.agency_id <> t.owner_agency_id AND t.published_revision_id IS NOT NULL`,
  )
    .pluck()
    .all() as number[];
  let count = 0;
  for (const seq of candidates) {
    const linked = stmt(db, `SELECT DISTINCT agency_id FROM tool_agencies WHERE tool_seq = ?`).pluck().all(seq) as number[];
    if (confirmedAgencyIds(db, seq, linked).length === linked.length) continue;
    const row = stmt(db, `SELECT t.updated_at, r.id, r.status, r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.seq = ?`).get(seq) as {
      updated_at: string;
      id: number;
      status: string;
      record: string;
    };
    const record = readStoredRecord(row.record);
    const agencyIds = resolveAgencies(record, db);
    db.$client.transaction(() => writePublicProjection(db, { seq, revisionId: row.id, record, status: row.status, at: row.updated_at, agencyIds }))();
    count++;
  }
  return count;
}

export type PendingConfirmation = { id: string; name: LocalizedText; roles: (typeof AGENCY_ROLES)[number][] };

/**
 * The public tools of other agencies whose current record names the official's agency without
 * its confirmation, for the official to confirm. Unconfirmed links are kept nowhere but in the
 * records, so this reads every public record owned by another agency: fine for a staff page on a
 * register of thousands of tools, not of 100,000 (keep the named links in a table first).
 */
export async function pendingConfirmations(ctx: Ctx): Promise<PendingConfirmation[]> {
  const { actor, db } = ctx;
  if (!actor || actor.role !== "official" || actor.agencyId === null || !actor.agencySlug) throw new RegistryError("forbidden");
  const rows = stmt(
    db,
    `SELECT t.id, r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id
     WHERE t.owner_agency_id IS NOT NULL AND t.owner_agency_id <> @agency AND instr(r.record, @needle) > 0
       AND NOT EXISTS (SELECT 1 FROM tool_agency_confirmations c WHERE c.tool_seq = t.seq AND c.agency_id = @agency)
       AND NOT EXISTS (SELECT 1 FROM tool_agency_declines d WHERE d.tool_seq = t.seq AND d.agency_id = @agency)
     ORDER BY t.id`,
  ).all({ agency: actor.agencyId, needle: `"agency":${JSON.stringify(actor.agencySlug)}` }) as { id: string; record: string }[];
  const out: PendingConfirmation[] = [];
  for (const r of rows) {
    const record = JSON.parse(r.record) as ToolRecord;
    const roles = record.responsibility.agencies.filter((a) => a.agency === actor.agencySlug).map((a) => a.role);
    if (roles.length) out.push({ id: r.id, name: record.identity.name, roles });
  }
  return out;
}
