// Facts on a public record: an incident, or a period of appeal statistics. Reporting a fact is
// not a change of purpose, so it needs no review (see recordFact). A record mirrored from another
// register takes no facts here: it is read-only, and its facts are the source register's.
import { z } from "zod";
import { canonicalJson } from "../shared/canonical-json";
import { type Ctx, parseInput, ToolRef } from "../shared/context";
import { stmt, underWriteLock } from "../shared/db.server";
import { RegistryError, invalid, wrongState, zodIssues } from "../shared/errors";
import { appendEvent } from "../log/log.server";
import { resolveAgencies, writePublicProjection } from "../records/publish.server";
import { AppealStat as AppealStatSchema, Incident, readStoredRecord, ToolRecord, type ReviewStatus, type ToolRecordInput } from "../standard/v1";
import { publicActor } from "../auth/roles";
import { isMirrored } from "../standard/regime";
import { load, relationOf, sha256 } from "../review/load.server";

const FactInput = z.union([z.object({ toolId: ToolRef, incident: z.unknown() }).strict(), z.object({ toolId: ToolRef, appealStat: z.unknown() }).strict()]);

/**
 * Adds an incident (owning officials and reviewers of other agencies) or a period of appeal
 * statistics (owning officials) to a tool's public record. Reporting facts is not a change of
 * purpose, so it needs no review: a new public revision keeps the review status of the one it
 * follows, and the event is logged. An open draft is renumbered to come after it and receives
 * the same fact, so nothing the official is preparing is lost.
 */
export async function recordFact(ctx: Ctx, input: unknown): Promise<{ revision: number }> {
  const { actor, now, db } = ctx;
  const { toolId, ...fact } = parseInput(FactInput, input);
  return underWriteLock(db, () => {
    const t = load(db, toolId);
    const relation = relationOf(actor, t);
    const isIncident = "incident" in fact;
    const allowed = isIncident ? relation === "owner_official" || relation === "reviewer_other_agency" : relation === "owner_official";
    if (!allowed) throw new RegistryError("forbidden");
    const pub = stmt(db, `SELECT id, number, status, record FROM revisions WHERE tool_seq = ? AND status <> 'draft' ORDER BY number DESC LIMIT 1`).get(t.seq) as
      | { id: number; number: number; status: ReviewStatus; record: string }
      | undefined;
    if (!pub) throw wrongState("err_fact_not_public");
    const base = readStoredRecord(pub.record);
    // A record mirrored from another register is read-only here: its facts are the source's.
    if (isMirrored(base)) throw wrongState("err_mirrored_read_only");
    let next: unknown;
    if (isIncident) {
      const parsed = Incident.safeParse(fact.incident);
      if (!parsed.success) throw invalid(zodIssues(parsed.error, "incident"));
      const unknownSource = parsed.data.sources.find((k) => !base.sources.some((s) => s.key === k));
      if (unknownSource) throw invalid([{ code: "err_source_unknown", path: "incident.sources", params: { key: unknownSource } }]);
      next = { ...base, incidents: [...base.incidents, parsed.data] };
    } else {
      const parsed = AppealStatSchema.safeParse(fact.appealStat);
      if (!parsed.success) throw invalid(zodIssues(parsed.error, "appealStat"));
      if (base.oversight.appealStats.some((s) => s.period === parsed.data.period))
        throw invalid([{ code: "err_appeal_period_published", path: "appealStat.period", params: { period: parsed.data.period } }]);
      next = { ...base, oversight: { ...base.oversight, appealStats: [...base.oversight.appealStats, parsed.data] } };
    }
    const checked = ToolRecord.safeParse(next);
    if (!checked.success) throw invalid(zodIssues(checked.error));
    const record = checked.data;
    const agencyIds = resolveAgencies(record, db);
    const at = now.toISOString();
    const json = canonicalJson(record);
    return db.$client.transaction(() => {
      const draft = t.revision.status === "draft" ? t.revision : null;
      const number = draft ? draft.number : t.revision.number + 1;
      if (draft) {
        // Keep the draft last, carrying the same fact.
        const d = draft.record as ToolRecordInput;
        const carried: ToolRecordInput = isIncident
          ? { ...d, incidents: [...(d.incidents ?? []), record.incidents.at(-1)!] }
          : { ...d, oversight: { ...(d.oversight ?? { appealStats: [] }), appealStats: [...(d.oversight?.appealStats ?? []), record.oversight.appealStats.at(-1)!] } };
        const dj = canonicalJson(carried);
        stmt(db, `UPDATE revisions SET number = ?, record = ?, record_sha256 = ? WHERE id = ? AND status = 'draft'`).run(number + 1, dj, sha256(dj), draft.id);
      }
      const rev = stmt(
        db,
        `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, submitted_at, published_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ).get(t.seq, number, pub.status, json, sha256(json), at, at, at, actor!.id) as { id: number };
      writePublicProjection(db, { seq: t.seq, revisionId: rev.id, record, status: pub.status, at, agencyIds });
      appendEvent(
        isIncident
          ? { kind: "incident_recorded", toolId: t.id, actor: publicActor(actor), at, payload: { revision: number, recordSha256: sha256(json), incident: record.incidents.at(-1) } }
          : { kind: "appeal_stats_published", toolId: t.id, actor: publicActor(actor), at, payload: { revision: number, recordSha256: sha256(json), appealStat: record.oversight.appealStats.at(-1) } },
        db,
      );
      return { revision: number };
    })();
  });
}
