// Retirement: the owning official ends a tool's use. A new public revision carries the date and
// the reason, and the event is logged; the review status is kept.
import { z } from "zod";
import { canonicalJson } from "../shared/canonical-json";
import { type Ctx, parseInput, ToolRef } from "../shared/context";
import { stmt, underWriteLock } from "../shared/db.server";
import { invalid, zodIssues } from "../shared/errors";
import { appendEvent } from "../log/log.server";
import { resolveAgencies, writePublicProjection } from "../records/publish.server";
import { localizedText, ToolRecord } from "../standard/v1";
import { publicActor } from "../auth/roles";
import { guard, isoDay, load, sha256 } from "../review/load.server";

export const RetireInput = z.object({ toolId: ToolRef, reason: z.unknown() }).strict();

/** Retires a tool: a new public revision with the retirement date and reason. */
export async function retireTool(ctx: Ctx, input: unknown): Promise<void> {
  const { actor, now, db } = ctx;
  const { toolId, reason } = parseInput(RetireInput, input);
  return underWriteLock(db, () => {
    const t = load(db, toolId);
    guard(actor, t, "retire");
    const why = localizedText("Why it was retired.", "停用原因。").safeParse(reason);
    if (!why.success) throw invalid(zodIssues(why.error, "reason"));
    const parsed = ToolRecord.safeParse({
      ...t.revision.record,
      lifecycle: { ...t.revision.record.lifecycle, deploymentStatus: "retired", retirement: { date: isoDay(now), reason: why.data } },
    });
    if (!parsed.success) throw invalid(zodIssues(parsed.error));
    const record = parsed.data;
    const agencyIds = resolveAgencies(record, db);
    const at = now.toISOString();
    const json = canonicalJson(record);
    const number = t.revision.number + 1;
    db.$client.transaction(() => {
      const rev = stmt(
        db,
        `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, submitted_at, published_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ).get(t.seq, number, t.revision.status, json, sha256(json), at, at, at, actor!.id) as { id: number };
      writePublicProjection(db, { seq: t.seq, revisionId: rev.id, record, status: t.revision.status, at, agencyIds });
      appendEvent({ kind: "retired", toolId: t.id, actor: publicActor(actor), at, payload: { revision: number, recordSha256: sha256(json), reason: why.data } }, db);
    })();
  });
}
