// The agency's answer to a closed consultation: what the public raised and what changed.
import { z } from "zod";
import { type Ctx, parseInput, ToolRef } from "../shared/context";
import { stmt, underWriteLock } from "../shared/db.server";
import { RegistryError, invalid, wrongState, type Issue } from "../shared/errors";
import { appendEvent } from "../log/log.server";
import { localizedText } from "../standard/v1";
import { publicActor } from "../auth/roles";
import { impactOf, isoDay, load, relationOf } from "../review/load.server";
import { consultationOpen, consultationWindow } from "../review/obligations";

const ResponseInput = z.object({ toolId: ToolRef, raised: z.unknown(), changed: z.unknown() }).strict();

export type ConsultationResponse = { raised: { zh?: string; en?: string }; changed: { zh?: string; en?: string }; postedAt: string };

/**
 * After a consultation closes, the owning agency says what the public raised and what changed.
 * Required before any decision on a level III+ tool; posted once, then public and logged.
 */
export async function postConsultationResponse(ctx: Ctx, input: unknown): Promise<void> {
  const { actor, now, db } = ctx;
  const { toolId, raised: givenRaised, changed: givenChanged } = parseInput(ResponseInput, input);
  return underWriteLock(db, () => {
    const t = load(db, toolId);
    const relation = relationOf(actor, t);
    if (relation !== "owner_official") throw new RegistryError("forbidden");
    if (t.revision.status !== "submitted" && t.revision.status !== "in_review") throw wrongState("err_response_not_under_review");
    const window = t.revision.submittedAt ? consultationWindow(impactOf(t.revision.record), t.revision.submittedAt.slice(0, 10)) : null;
    if (!window) throw wrongState("err_response_no_consultation");
    if (consultationOpen(window, isoDay(now))) throw wrongState("err_response_consultation_open", { closes: window.closes });
    if (stmt(db, `SELECT 1 FROM consultation_responses WHERE revision_id = ?`).get(t.revision.id)) throw wrongState("err_response_posted");
    const text = localizedText("Text.", "内容。", { max: 8000 });
    const raised = text.safeParse(givenRaised);
    const changed = text.safeParse(givenChanged);
    const errors: Issue[] = [];
    if (!raised.success) errors.push({ code: "err_response_raised_missing", path: "raised" });
    if (!changed.success) errors.push({ code: "err_response_changed_missing", path: "changed" });
    if (errors.length) throw invalid(errors);
    const at = now.toISOString();
    db.$client.transaction(() => {
      stmt(db, `INSERT INTO consultation_responses (revision_id, raised_zh, raised_en, changed_zh, changed_en, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        t.revision.id,
        raised.data!.zh ?? null,
        raised.data!.en ?? null,
        changed.data!.zh ?? null,
        changed.data!.en ?? null,
        at,
        actor!.id,
      );
      appendEvent({ kind: "consultation_response", toolId: t.id, actor: publicActor(actor), at, payload: { revision: t.revision.number, raised: raised.data, changed: changed.data } }, db);
    })();
  });
}
