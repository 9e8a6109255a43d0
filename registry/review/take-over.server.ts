// Taking over a record the register's editors registered. The editors register tools from public
// sources with no owning agency (tools.owner_agency_id NULL); an official of an agency such a
// record names as operating or deciding on the tool (the relation "claimant_official",
// registry/review/transitions.ts) takes it over: the agency becomes the owning agency and a new
// draft revision starts from the public one, to be completed, submitted and independently
// reviewed like any other. The public revision stays as it is until that draft is submitted.
//
// The editors' responsibility links stay public. Once a tool has an owning agency, the links of
// other agencies count only when confirmed (registry/records/responsibility.server.ts), so the
// take-over records every agency the public revision is linked to as confirmed, at the moment of
// the take-over and with no confirming person (confirmed_by NULL): those links were established
// by the editors, not chosen by the agency taking over, so the deciding and overseeing agencies
// of a record such as 健康码 neither vanish from the public record nor stop counting for reviewer
// independence. Agencies the new owner names later in its own drafts need their own confirmation.
import { type Ctx, parseInput } from "../shared/context";
import { stmt, type Db } from "../shared/db.server";
import { RegistryError, wrongState } from "../shared/errors";
import { appendEvent } from "../log/log.server";
import { publicActor, type Actor } from "../auth/roles";
import type { LocalizedText, ReviewStatus, ToolRecord } from "../standard/v1";
import { isMirrored } from "../standard/regime";
import { ToolInput } from "./drafts.server";
import { draftCopy, insertDraftRevision } from "./submission.server";
import { guard, load, relationOf, type Loaded } from "./load.server";
import { canTake } from "./transitions";

/** The roles through which an agency may take over an editors' record. */
const CLAIM_ROLES = ["operates", "decides"] as const;
export type ClaimRole = (typeof CLAIM_ROLES)[number];

export type TakeOverResult = { toolId: string; revision: number; agency: string };

/**
 * The official's agency takes over a record the editors registered, in one transaction under the
 * write lock: it becomes the owning agency, the editors' links are recorded as confirmed, a draft
 * revision is copied from the public one and the event `tool_taken_over` is appended (the agency,
 * never the person). The state is checked inside the transaction, so of two take-overs (a double
 * click, or two agencies of the same record) the second is refused as wrong_state and writes
 * nothing.
 */
export async function takeOver(ctx: Ctx, input: unknown): Promise<TakeOverResult> {
  const { actor, now, db } = ctx;
  const { toolId } = parseInput(ToolInput, input);
  const at = now.toISOString();
  return db.$client
    .transaction((): TakeOverResult => {
      const t = load(db, toolId);
      refuseIfTaken(db, actor, t);
      guard(actor, t, "take_over");
      const official = actor!;
      const taken = stmt(db, `UPDATE tools SET owner_agency_id = ? WHERE seq = ? AND owner_agency_id IS NULL`).run(official.agencyId, t.seq);
      if (taken.changes !== 1) throw wrongState("err_takeover_taken");
      const linked = stmt(db, `SELECT DISTINCT a.id, a.slug FROM tool_agencies ta JOIN agencies a ON a.id = ta.agency_id WHERE ta.tool_seq = ? ORDER BY a.slug`).all(t.seq) as {
        id: number;
        slug: string;
      }[];
      const kept = linked.filter((a) => a.id !== official.agencyId);
      for (const a of kept)
        stmt(db, `INSERT OR IGNORE INTO tool_agency_confirmations (tool_seq, agency_id, confirmed_at, confirmed_by) VALUES (?, ?, ?, NULL)`).run(t.seq, a.id, at);
      const revision = insertDraftRevision(db, t, draftCopy(t), official.id, now);
      appendEvent(
        {
          kind: "tool_taken_over",
          toolId: t.id,
          actor: publicActor(official),
          at,
          payload: { revision: t.revision.number, draftRevision: revision, agency: official.agencySlug!, linksKept: kept.map((a) => a.slug) },
        },
        db,
      );
      return { toolId: t.id, revision, agency: official.agencySlug! };
    })
    .immediate();
}

/**
 * A tool someone has already taken over: refused with a worded reason for an official whose
 * agency could have claimed it (its own agency took it over, or another agency did). Everyone
 * else is refused by the transition table (forbidden).
 */
function refuseIfTaken(db: Db, actor: Actor | null, t: Loaded): void {
  if (t.ownerAgencyId === null || actor?.role !== "official" || actor.agencyId === null) return;
  if (actor.agencyId === t.ownerAgencyId) {
    if (wasTakenOver(db, t.id)) throw wrongState("err_takeover_done");
    return;
  }
  if (rolesOf(db, t.seq, actor.agencyId).length) throw wrongState("err_takeover_taken");
}

const wasTakenOver = (db: Db, toolId: string) => stmt(db, `SELECT 1 FROM events WHERE tool_id = ? AND kind = 'tool_taken_over' LIMIT 1`).get(toolId) !== undefined;

/** The operating or deciding roles a tool's public links give an agency. */
function rolesOf(db: Db, toolSeq: number, agencyId: number): ClaimRole[] {
  const rows = stmt(db, `SELECT DISTINCT role FROM tool_agencies WHERE tool_seq = ? AND agency_id = ? AND role IN ('operates', 'decides') ORDER BY role`).all(toolSeq, agencyId) as {
    role: ClaimRole;
  }[];
  return rows.map((r) => r.role);
}

export type TakeOverOffer = { toolId: string; name: LocalizedText; revision: number; status: ReviewStatus; roles: ClaimRole[] };

/** What the edit page offers an official who may take the tool over now; null for everyone else. */
export async function takeOverOffer(ctx: Ctx, query: { toolId: string }): Promise<TakeOverOffer | null> {
  const { actor, db } = ctx;
  const t = load(db, parseInput(ToolInput, query).toolId);
  if (isMirrored(t.revision.record as Pick<ToolRecord, "regime">)) return null;
  if (!actor || !canTake(relationOf(actor, t), t.revision.status, "take_over").ok) return null;
  return { toolId: t.id, name: t.revision.record.identity?.name ?? {}, revision: t.revision.number, status: t.revision.status, roles: rolesOf(db, t.seq, actor.agencyId!) };
}

export type ClaimableTool = { id: string; name: LocalizedText; revision: number; status: ReviewStatus; roles: ClaimRole[] };

/**
 * The records the editors registered that the official's agency may take over: public, without
 * an owning agency, naming the agency as operating or deciding, in a state the transition table
 * allows a take-over from.
 */
export async function claimableTools(ctx: Ctx): Promise<ClaimableTool[]> {
  const { actor, db } = ctx;
  if (!actor || actor.role !== "official" || actor.agencyId === null) throw new RegistryError("forbidden");
  const rows = stmt(
    db,
    `SELECT t.id, r.number, r.status, r.record, group_concat(DISTINCT ta.role) AS roles
     FROM tools t JOIN tool_agencies ta ON ta.tool_seq = t.seq
       JOIN revisions r ON r.tool_seq = t.seq AND r.number = (SELECT max(number) FROM revisions WHERE tool_seq = t.seq)
     WHERE t.owner_agency_id IS NULL AND t.published_revision_id IS NOT NULL AND t.regime = 'this_register' AND ta.agency_id = ? AND ta.role IN ('operates', 'decides')
     GROUP BY t.seq ORDER BY t.id`,
  ).all(actor.agencyId) as { id: string; number: number; status: ReviewStatus; record: string; roles: string }[];
  return rows
    .filter((r) => canTake("claimant_official", r.status, "take_over").ok)
    .map((r) => ({
      id: r.id,
      name: (JSON.parse(r.record) as { identity: { name: LocalizedText } }).identity.name,
      revision: r.number,
      status: r.status,
      roles: CLAIM_ROLES.filter((role) => r.roles.split(",").includes(role)),
    }));
}
