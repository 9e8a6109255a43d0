// Review: a reviewer of another agency takes a submission (or joins as the second reviewer of a
// level IV tool), records a finding on each of the ten criteria, and decides.
import { z } from "zod";
import { type Ctx, parseInput, ToolRef } from "../shared/context";
import { stmt, type Db, underWriteLock } from "../shared/db.server";
import { RegistryError, invalid, wrongState, zodIssues, type Issue } from "../shared/errors";
import { appendEvent } from "../log/log.server";
import { localizedText, type ReviewStatus, type ToolRecordInput } from "../standard/v1";
import { publicActor, type Actor } from "../auth/roles";
import { ToolInput } from "./drafts.server";
import { guard, impactOf, isoDay, load, setStatus, type Loaded } from "./load.server";
import { consultationOpen, consultationWindow } from "./obligations";
import { CRITERIA, DECISIONS, RATINGS, SEVERITIES, type Decision } from "./review-terms";

export { CRITERIA, DECISIONS, RATINGS, SEVERITIES, type Decision };

export const FindingSchema = z
  .object({
    criterion: z.coerce.number().int().min(1, "err_criterion_choose").max(10, "err_criterion_choose"),
    rating: z.enum(RATINGS, { message: "err_rating_choose" }),
    severity: z.enum(SEVERITIES).optional(),
    recommendation: z.string().trim().max(4000).optional(),
    condition: z.string().trim().max(2000).optional(),
    conditionDeadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "err_date_format")
      .optional(),
  })
  .strict()
  .refine((f) => !f.condition || f.conditionDeadline, { message: "err_condition_deadline_missing", path: ["conditionDeadline"] })
  .refine((f) => !f.conditionDeadline || f.condition, { message: "err_deadline_condition_missing", path: ["condition"] })
  .refine((f) => f.rating === "met" || f.rating === "not_applicable" || f.severity, { message: "err_severity_missing", path: ["severity"] });
export type FindingInput = z.input<typeof FindingSchema>;
const FindingInputSchema = z.object({ toolId: ToolRef, finding: z.unknown() }).strict();
const FindingsInputSchema = z.object({ toolId: ToolRef, findings: z.array(z.unknown()).max(CRITERIA.length * 2) }).strict();
// The decision is checked against DECISIONS below, with its own message.
const DecideInput = z.object({ toolId: ToolRef, decision: z.string().max(40), summary: z.unknown() }).strict();

function openReview(db: Db, t: Loaded, actor: Actor): { id: number; decision: string | null } | undefined {
  return stmt(db, `SELECT id, decision FROM reviews WHERE revision_id = ? AND reviewer_id = ?`).get(t.revision.id, actor.id) as { id: number; decision: string | null } | undefined;
}

/**
 * The reviews of a revision by reviewers independent of the tool: of an agency that neither owns
 * the tool nor has a confirmed link to it, as things stand now (a reviewer whose agency confirms
 * its link after reviewing stops counting). Independence is counted by agency, so two reviewers
 * of one agency are one independent voice.
 */
function independentReviews(db: Db, t: Loaded, revisionId: number): { reviewerId: number; agencyId: number; decision: string | null }[] {
  const rows = stmt(db, `SELECT r.reviewer_id, u.agency_id, r.decision FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.revision_id = ? ORDER BY r.id`).all(revisionId) as {
    reviewer_id: number;
    agency_id: number | null;
    decision: string | null;
  }[];
  return rows
    .filter((r) => r.agency_id !== null && r.agency_id !== t.ownerAgencyId && !t.agencyIds.includes(r.agency_id))
    .map((r) => ({ reviewerId: r.reviewer_id, agencyId: r.agency_id!, decision: r.decision }));
}

/** Why the actor may not join the review of a revision as a further reviewer, or null if they may. */
export function joinRefusal(db: Db, t: Loaded, revisionId: number, record: ToolRecordInput, actor: Actor): string | null {
  if (stmt(db, `SELECT 1 FROM reviews WHERE revision_id = ? AND reviewer_id = ?`).get(revisionId, actor.id)) return "err_review_already_joined";
  const agencies = new Set(independentReviews(db, t, revisionId).map((r) => r.agencyId));
  if (actor.agencyId !== null && agencies.has(actor.agencyId))
    return "err_review_same_agency";
  if (agencies.size >= (impactOf(record)?.obligations.reviewersRequired ?? 1)) return "err_review_complete";
  return null;
}

/**
 * A reviewer takes a submission, or, for a level IV tool, joins as the second reviewer, who must
 * be of another agency than the first.
 */
export async function startReview(ctx: Ctx, input: unknown): Promise<void> {
  const { actor, now, db } = ctx;
  return underWriteLock(db, () => {
    const t = load(db, parseInput(ToolInput, input).toolId);
    const at = now.toISOString();
    if (t.revision.status === "in_review") {
      guard(actor, t, "join_review");
      const reviewers = (stmt(db, `SELECT count(*) AS n FROM reviews WHERE revision_id = ?`).get(t.revision.id) as { n: number }).n;
      const refusal = joinRefusal(db, t, t.revision.id, t.revision.record, actor!);
      if (refusal) throw wrongState(refusal);
      db.$client.transaction(() => {
        stmt(db, `INSERT INTO reviews (revision_id, reviewer_id, started_at) VALUES (?, ?, ?)`).run(t.revision.id, actor!.id, at);
        appendEvent({ kind: "review_started", toolId: t.id, actor: publicActor(actor), at, payload: { revision: t.revision.number, reviewer: reviewers + 1 } }, db);
      })();
      return;
    }
    guard(actor, t, "start_review");
    db.$client.transaction(() => {
      stmt(db, `INSERT INTO reviews (revision_id, reviewer_id, started_at) VALUES (?, ?, ?)`).run(t.revision.id, actor!.id, at);
      appendEvent({ kind: "review_started", toolId: t.id, actor: publicActor(actor), at, payload: { revision: t.revision.number, reviewer: 1 } }, db);
      setStatus(db, t, "in_review", at);
    })();
  });
}

type Finding = z.output<typeof FindingSchema>;

/** One finding checked: the parsed finding, or its issues with paths relative to the finding. */
function checkFinding(raw: unknown, today: string): { finding?: Finding; issues: Issue[] } {
  const parsed = FindingSchema.safeParse(raw);
  if (!parsed.success) return { issues: zodIssues(parsed.error) };
  if (parsed.data.conditionDeadline && parsed.data.conditionDeadline <= today) return { issues: [{ code: "err_deadline_past", path: "conditionDeadline" }] };
  return { finding: parsed.data, issues: [] };
}

/** The criterion an unparsed finding names, when it names one of 1 to 10. */
function criterionOf(raw: unknown): number | null {
  const c = Number((raw as { criterion?: unknown } | null)?.criterion);
  return (CRITERIA as readonly number[]).includes(c) ? c : null;
}

/**
 * Records (or replaces) the reviewer's findings on any of the ten criteria at once: every
 * finding is checked (FindingSchema, a deadline after today) before anything is written, and
 * all are written in one transaction, or none. Criteria not given are left as they are. Issues
 * name the criterion, not the position: `findings.<criterion>.<field>` (findings.3.severity);
 * a finding without a valid criterion, or one given twice, is named `findings.<criterion or
 * position>.criterion`.
 */
export async function recordFindings(ctx: Ctx, input: unknown): Promise<void> {
  const { toolId, findings } = parseInput(FindingsInputSchema, input);
  await saveFindings(ctx, toolId, findings, (raw, index) => `findings.${criterionOf(raw) ?? index + 1}`);
}

/** Records (or replaces) the reviewer's finding on one criterion; issue paths are the finding's own. */
export async function recordFinding(ctx: Ctx, input: unknown): Promise<void> {
  const { toolId, finding } = parseInput(FindingInputSchema, input);
  await saveFindings(ctx, toolId, [finding], () => "");
}

async function saveFindings(ctx: Ctx, toolId: string, raws: unknown[], prefixOf: (raw: unknown, index: number) => string): Promise<void> {
  const { actor, now, db } = ctx;
  return underWriteLock(db, () => {
    const t = load(db, toolId);
    guard(actor, t, "record_finding");
    const review = openReview(db, t, actor!);
    if (!review) throw new RegistryError("forbidden", { issues: [{ code: "err_review_not_started" }] });
    if (review.decision) throw wrongState("err_findings_closed");
    const issues: Issue[] = [];
    const findings: Finding[] = [];
    const seen = new Set<number>();
    raws.forEach((raw, index) => {
      const prefix = prefixOf(raw, index);
      const at = (path?: string) => (prefix ? (path ? `${prefix}.${path}` : prefix) : path);
      const checked = checkFinding(raw, isoDay(now));
      issues.push(...checked.issues.map((i) => ({ ...i, ...(at(i.path) ? { path: at(i.path) } : {}) })));
      if (!checked.finding) return;
      if (seen.has(checked.finding.criterion)) issues.push({ code: "err_finding_twice", path: at("criterion") });
      seen.add(checked.finding.criterion);
      findings.push(checked.finding);
    });
    if (issues.length) throw invalid(issues);
    const upsert = stmt(
      db,
      `INSERT INTO findings (review_id, criterion, rating, severity, recommendation, condition, condition_deadline, recorded_at)
       VALUES (@review, @criterion, @rating, @severity, @recommendation, @condition, @deadline, @at)
       ON CONFLICT(review_id, criterion) DO UPDATE SET rating = excluded.rating, severity = excluded.severity,
         recommendation = excluded.recommendation, condition = excluded.condition, condition_deadline = excluded.condition_deadline,
         recorded_at = excluded.recorded_at`,
    );
    db.$client.transaction(() => {
      for (const f of findings)
        upsert.run({
          review: review.id,
          criterion: f.criterion,
          rating: f.rating,
          severity: f.severity ?? null,
          recommendation: f.recommendation || null,
          condition: f.condition || null,
          deadline: f.conditionDeadline ?? null,
          at: now.toISOString(),
        });
    })();
  });
}

const DECISION_STATUS: Record<Decision, ReviewStatus> = {
  approve: "approved",
  approve_with_conditions: "approved_with_conditions",
  request_changes: "changes_requested",
  reject: "rejected",
};

export type DecideResult = { effective: true; status: ReviewStatus } | { effective: false; awaiting: "second_reviewer" };

/**
 * The reviewer's decision with its public summary. Refused until every criterion has a finding
 * and, for level III+, until the consultation window has closed. Approval without conditions
 * needs no criterion "not met"; approval with conditions needs at least one condition. For a
 * level IV tool an approval takes effect when a second, independent reviewer also approves;
 * a request for changes or a rejection takes effect at once.
 */
export async function decide(ctx: Ctx, input: unknown): Promise<DecideResult> {
  const { actor, now, db } = ctx;
  const { toolId, decision: chosen, summary } = parseInput(DecideInput, input);
  const decision = chosen as Decision;
  return underWriteLock(db, () => {
    const t = load(db, toolId);
    if (!(DECISIONS as readonly string[]).includes(decision)) throw invalid([{ code: "err_decision_choose", path: "decision" }]);
    guard(actor, t, decision);
    const review = openReview(db, t, actor!);
    if (!review) throw new RegistryError("forbidden", { issues: [{ code: "err_review_not_started" }] });
    if (review.decision) throw wrongState("err_decision_recorded");
    const text = localizedText("Public summary.", "公开摘要。", { max: 4000 }).safeParse(summary);
    const errors: Issue[] = [];
    if (!text.success) errors.push({ code: "err_summary_missing", path: "summary" });

    const rows = stmt(db, `SELECT criterion, rating, condition, condition_deadline FROM findings WHERE review_id = ?`).all(review.id) as {
      criterion: number;
      rating: string;
      condition: string | null;
      condition_deadline: string | null;
    }[];
    const missing = CRITERIA.filter((c) => !rows.some((r) => r.criterion === c));
    if (missing.length) errors.push({ code: "err_findings_missing", path: "findings", params: { missing: missing.join(", ") } });
    if (decision === "approve" && rows.some((r) => r.rating === "not_met")) errors.push({ code: "err_approve_not_met", path: "decision" });
    if (decision === "approve_with_conditions" && !rows.some((r) => r.condition)) errors.push({ code: "err_conditions_missing", path: "decision" });

    const impact = impactOf(t.revision.record);
    const today = isoDay(now);
    const window = t.revision.submittedAt ? consultationWindow(impact, t.revision.submittedAt.slice(0, 10)) : null;
    if (consultationOpen(window, today)) errors.push({ code: "err_consultation_open", path: "decision", params: { closes: window!.closes } });
    else if (window && !stmt(db, `SELECT 1 FROM consultation_responses WHERE revision_id = ?`).get(t.revision.id))
      errors.push({ code: "err_consultation_unanswered", path: "decision" });
    if (errors.length) throw invalid(errors);

    const at = now.toISOString();
    const approving = decision === "approve" || decision === "approve_with_conditions";
    const needed = impact?.obligations.reviewersRequired ?? 1;
    return db.$client.transaction((): DecideResult => {
      stmt(db, `UPDATE reviews SET decision = ?, decided_at = ?, summary_zh = ?, summary_en = ? WHERE id = ?`).run(decision, at, text.data!.zh ?? null, text.data!.en ?? null, review.id);
      if (approving && needed > 1) {
        // Independent approvals are counted by agency: two reviewers of one agency are one approval.
        const approvals = new Set(
          independentReviews(db, t, t.revision.id)
            .filter((r) => r.decision === "approve" || r.decision === "approve_with_conditions")
            .map((r) => r.agencyId),
        ).size;
        if (approvals < needed) {
          appendEvent({ kind: "decision", toolId: t.id, actor: publicActor(actor), at, payload: { revision: t.revision.number, decision, effective: false, summary: text.data } }, db);
          return { effective: false, awaiting: "second_reviewer" };
        }
      }
      // With two approvals, one with conditions makes the whole approval conditional.
      const conditional =
        decision === "approve_with_conditions" ||
        (approving && Boolean(stmt(db, `SELECT 1 FROM reviews WHERE revision_id = ? AND decision = 'approve_with_conditions'`).get(t.revision.id)));
      const status = approving && conditional ? "approved_with_conditions" : DECISION_STATUS[decision];
      const conditions = stmt(
        db,
        `SELECT f.criterion, f.condition, f.condition_deadline AS deadline FROM findings f JOIN reviews r ON r.id = f.review_id
         WHERE r.revision_id = ? AND f.condition IS NOT NULL ORDER BY f.criterion`,
      ).all(t.revision.id);
      appendEvent({ kind: "decision", toolId: t.id, actor: publicActor(actor), at, payload: { revision: t.revision.number, decision, status, effective: true, summary: text.data, conditions } }, db);
      setStatus(db, t, status, at);
      return { effective: true, status };
    })();
  });
}
