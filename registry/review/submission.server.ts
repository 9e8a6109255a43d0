// Submission: the official submits a complete draft (checked against the standard and the
// obligations of its impact level), withdraws it, or starts a new revision.
import { z } from "zod";
import { canonicalJson } from "../shared/canonical-json";
import { type Ctx, parseInput, ToolRef } from "../shared/context";
import { stmt, type Db, underWriteLock } from "../shared/db.server";
import { invalid, wrongState, zodIssues } from "../shared/errors";
import { appendEvent } from "../log/log.server";
import { resolveAgencies, writePublicProjection } from "../records/publish.server";
import { localizedText, type ToolRecordInput } from "../standard/v1";
import { publicActor } from "../auth/roles";
import { ToolInput } from "./drafts.server";
import { guard, isoDay, load, previousPublic, setStatus, sha256, type Loaded } from "./load.server";
import { consultationWindow } from "./obligations";
import { checkSubmission, requireSubmittable } from "./submission-check";

export const StartRevisionInput = z.discriminatedUnion("action", [
  z.object({ toolId: ToolRef, action: z.enum(["revise", "request_renewal"]) }).strict(),
  z.object({ toolId: ToolRef, action: z.literal("propose_change"), kind: z.enum(["purpose", "data_scope"]), change: z.unknown() }).strict(),
]);

export type SubmitResult = { toolId: string; revision: number; impactLevel: string; consultation: { opens: string; closes: string } | null };

/**
 * Submits the draft: the whole record must satisfy the standard and the obligations of its
 * impact level. The revision becomes immutable and public, and the consultation window of a
 * level III+ tool opens.
 */
export async function submitDraft(ctx: Ctx, input: unknown): Promise<SubmitResult> {
  const { actor, now, db } = ctx;
  return underWriteLock(db, () => {
    const t = load(db, parseInput(ToolInput, input).toolId);
    guard(actor, t, "submit");
    const today = isoDay(now);
    const check = checkSubmission(t.revision.record, today);
    const record = requireSubmittable(check);
    const agencyIds = resolveAgencies(record, db);
    const impact = check.impact!;
    const consultation = consultationWindow(impact, today);
    const at = now.toISOString();
    const previous = previousPublic(db, t);
    const json = canonicalJson(record);
    const sha = sha256(json);
    db.$client.transaction(() => {
      const moved = stmt(db, `UPDATE revisions SET record = ?, record_sha256 = ?, status = 'submitted', submitted_at = ?, published_at = ? WHERE id = ? AND status = 'draft'`).run(
        json,
        sha,
        at,
        at,
        t.revision.id,
      );
      // Checked outside the write: another request (a double click reaching another worker) may
      // have submitted the same draft meanwhile. Then this one writes nothing, notifies nobody.
      if (moved.changes !== 1) throw wrongState("err_action_wrong_state", { action: "submit", status: "submitted" });
      writePublicProjection(db, { seq: t.seq, revisionId: t.revision.id, record, status: "submitted", at, agencyIds });
      const actorName = publicActor(actor);
      appendEvent(
        { kind: "submitted", toolId: t.id, actor: actorName, at, payload: { revision: t.revision.number, recordSha256: sha, impactLevel: impact.level, consultation } },
        db,
      );
      const newChanges = record.purposeHistory.slice(previous?.purposeHistory?.length ?? 0);
      for (const change of newChanges)
        appendEvent({ kind: "purpose_changed", toolId: t.id, actor: actorName, at, payload: { revision: t.revision.number, kind: change.kind, date: change.date, change: change.change } }, db);
    })();
    return { toolId: t.id, revision: t.revision.number, impactLevel: impact.level, consultation };
  });
}

/** The official takes a submission back before a decision. */
export async function withdraw(ctx: Ctx, input: unknown): Promise<void> {
  const { actor, now, db } = ctx;
  return underWriteLock(db, () => {
    const t = load(db, parseInput(ToolInput, input).toolId);
    guard(actor, t, "withdraw");
    const at = now.toISOString();
    db.$client.transaction(() => {
      appendEvent({ kind: "withdrawn", toolId: t.id, actor: publicActor(actor), at, payload: { revision: t.revision.number } }, db);
      setStatus(db, t, "withdrawn", at);
    })();
  });
}

/**
 * A new draft from the latest public revision: answering change requests or starting again
 * after a withdrawal or rejection (revise), a change of purpose or data scope on an approved
 * tool (propose_change, which adds an entry to the purpose history), or a renewal before sunset
 * (request_renewal).
 */
export async function startRevision(ctx: Ctx, input: unknown): Promise<{ toolId: string; revision: number }> {
  return startRevisionNow(ctx, input);
}

/** startRevision without the async boundary, for commands composed in one transaction (the bulk import). */
export function startRevisionNow(ctx: Ctx, input: unknown): { toolId: string; revision: number } {
  const { actor, now, db } = ctx;
  const how = parseInput(StartRevisionInput, input);
  return underWriteLock(db, () => {
    const t = load(db, how.toolId);
    guard(actor, t, how.action);
    const record = draftCopy(t);
    if (how.action === "propose_change") {
      const change = localizedText("What changes.", "变更内容。").safeParse(how.change);
      if (!change.success) throw invalid(zodIssues(change.error, "change"));
      record.purposeHistory = [...(record.purposeHistory ?? []), { date: isoDay(now), kind: how.kind, change: change.data, sources: [] }];
    }
    const number = db.$client.transaction(() => insertDraftRevision(db, t, record, actor!.id, now))();
    return { toolId: t.id, revision: number };
  });
}

/**
 * The core of every new revision: stores `record` as the draft that follows the loaded revision
 * and returns its number. Runs inside the caller's transaction (startRevisionNow, takeOver).
 */
export function insertDraftRevision(db: Db, t: Loaded, record: ToolRecordInput, actorId: number, now: Date): number {
  const json = canonicalJson(record);
  const number = t.revision.number + 1;
  stmt(db, `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, created_by) VALUES (?, ?, 'draft', ?, ?, ?, ?)`).run(
    t.seq,
    number,
    json,
    sha256(json),
    now.toISOString(),
    actorId,
  );
  return number;
}

/** A copy of the loaded revision's record to start a draft from. */
export function draftCopy(t: Loaded): ToolRecordInput {
  const record: ToolRecordInput = structuredClone(t.revision.record);
  record.lifecycle = { ...record.lifecycle, reviewStatus: "draft" };
  return record;
}
