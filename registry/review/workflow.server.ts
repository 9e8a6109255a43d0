// The review workflow: officials draft, submit, withdraw, revise, propose changes and retire;
// reviewers of other agencies review, record findings and decide. Every function checks the
// actor against the transition table itself, validates everything before writing, and writes
// the action and its event-log entry in one transaction.
import type { SectionName } from "../standard/sections";
import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../shared/canonical-json";
import { getDb, stmt, type Db } from "../shared/db.server";
import { appendEvent } from "../log/log.server";
import { allocateToolId, isToolId, toolIdTaken } from "../records/ids.server";
import { computeImpactLevel, type ImpactResult } from "../standard/impact";
import { resolveAgencies, writePublicProjection } from "../records/publish.server";
import { RegistryError, invalid, wrongState, zodIssues, type Issue } from "../shared/errors";
import {
  AppealStat as AppealStatSchema,
  Assessments,
  DataScope,
  HowItWorks,
  Identity,
  Incident,
  Lifecycle,
  Oversight,
  Participation,
  Purpose,
  Responsibility,
  ToolRecord,
  IncidentList,
  localizedText,
  PurposeHistoryList,
  readStoredRecord,
  recordSizeProblem,
  SourceList,
  WithheldList,
  type ReviewStatus,
  type ToolRecordInput,
} from "../standard/v1";
import { publicActor, type Actor } from "../auth/roles";
import { confirmedAgencyIds } from "../records/responsibility.server";
import { toolsDueForAgency, type ToolSummary } from "../lifecycle/sunsets.server";
import { todayIso } from "../lifecycle/sunset";
import { actionsFor, canTake, relationTo, type Action } from "./transitions";
import { consultationOpen, consultationWindow, submissionProblems } from "./obligations";
import { CRITERIA, DECISIONS, RATINGS, SEVERITIES, type Decision } from "./review-terms";

export { CRITERIA, DECISIONS, RATINGS, SEVERITIES, type Decision };


const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const isoDay = (now: Date) => now.toISOString().slice(0, 10);

// ---------------------------------------------------------------- loading and guarding

type Loaded = {
  seq: number;
  id: string;
  ownerAgencyId: number | null;
  agencyIds: number[];
  revision: { id: number; number: number; status: ReviewStatus; record: ToolRecordInput; submittedAt: string | null };
};

function load(db: Db, toolId: string): Loaded {
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
  return {
    seq: tool.seq,
    id: tool.id,
    ownerAgencyId: tool.owner_agency_id,
    // Only confirmed links relate a person to the tool: naming an agency disqualifies none of its reviewers.
    agencyIds: confirmedAgencyIds(db, tool.seq, named),
    revision: { id: rev.id, number: rev.number, status: rev.status, record, submittedAt: rev.submitted_at },
  };
}

/** Throws unless the actor may take `action` now: "forbidden" for the wrong person, "wrong_state" for the wrong moment. */
function guard(actor: Actor | null, t: Loaded, action: Action): void {
  const relation = relationTo(actor, { ownerAgencyId: t.ownerAgencyId, agencyIds: t.agencyIds });
  const check = canTake(relation, t.revision.status, action);
  if (check.ok) return;
  if (check.reason !== "wrong_state") throw new RegistryError("forbidden", { params: { action, relation, status: t.revision.status } });
  throw wrongState("err_action_wrong_state", { action, status: t.revision.status });
}

function impactOf(record: ToolRecordInput): ImpactResult | null {
  const parsed = ToolRecord.shape.assessments.safeParse(record.assessments);
  return parsed.success && parsed.data.impact ? computeImpactLevel(parsed.data.impact) : null;
}

/** Right after the event that logs the change: a trigger refuses a status change without it (migration 0015). */
function setStatus(db: Db, t: Loaded, status: ReviewStatus, at: string) {
  stmt(db, `UPDATE revisions SET status = ? WHERE id = ?`).run(status, t.revision.id);
  stmt(db, `UPDATE tools SET review_status = ?, updated_at = ? WHERE seq = ? AND published_revision_id = ?`).run(status, at, t.seq, t.revision.id);
}

// ---------------------------------------------------------------- drafts

const NewToolIdentity = Identity.omit({ id: true });
export type NewToolIdentityInput = z.input<typeof NewToolIdentity>;

/** An official starts a record for their agency. The draft is private until submitted. */
export function createDraft(actor: Actor | null, identity: unknown, now: Date, db: Db = getDb(), opts: { id?: string } = {}): { toolId: string } {
  if (!actor || actor.role !== "official" || actor.agencyId === null || !actor.agencySlug) throw new RegistryError("forbidden");
  const parsed = NewToolIdentity.safeParse(identity);
  if (!parsed.success) throw invalid(zodIssues(parsed.error, "identity"));
  const at = now.toISOString();
  return db.$client.transaction(() => {
    if (stmt(db, `SELECT 1 FROM tools WHERE slug = ?`).get(parsed.data.slug))
      throw invalid([{ code: "err_slug_taken", path: "identity.slug", params: { slug: parsed.data.slug } }]);
    // A bulk import may keep the id a row had in another register (a restore or a move); it
    // must be free. Otherwise the counter's next free id, which such ids never move.
    if (opts.id && (!isToolId(opts.id) || toolIdTaken(opts.id, db)))
      throw invalid([isToolId(opts.id) ? { code: "err_tool_id_taken", path: "identity.id", params: { id: opts.id } } : { code: "err_tool_id_format", path: "identity.id" }]);
    const toolId = opts.id ?? allocateToolId(db);
    // A draft may be incomplete (no purpose yet); it is checked section by section and in full
    // on submission.
    const record: Omit<ToolRecordInput, "purpose"> = {
      standardVersion: "1",
      identity: { ...parsed.data, id: toolId },
      responsibility: { agencies: [{ agency: actor.agencySlug!, role: "operates" }], vendors: [] },
      purposeHistory: [],
      howItWorks: {},
      dataScope: { elements: [], sharingRecipients: [] },
      oversight: { appealStats: [] },
      lifecycle: { deploymentStatus: "proposed", reviewStatus: "draft", sunsetDate: null, renewals: [] },
      assessments: { documents: [] },
      incidents: [],
      withheld: [],
      sources: [],
    };
    const json = canonicalJson(record);
    const tool = stmt(
      db,
      `INSERT INTO tools (id, slug, kind, jurisdiction_level, policy_domain, deployment_status, review_status, owner_agency_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'proposed', 'draft', ?, ?, ?) RETURNING seq`,
    ).get(toolId, parsed.data.slug, parsed.data.kind, parsed.data.jurisdiction.level, parsed.data.policyDomain, actor.agencyId, at, at) as { seq: number };
    stmt(db, `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, created_by) VALUES (?, 1, 'draft', ?, ?, ?, ?)`).run(
      tool.seq,
      json,
      sha256(json),
      at,
      actor.id,
    );
    return { toolId };
  }).immediate(); // under the write lock from the start: no other process takes the id between
}

/** The schema of each section an official edits one at a time (the sections: registry/standard/sections.ts). */
export const SECTION_SCHEMAS = {
  identity: Identity,
  responsibility: Responsibility,
  purpose: Purpose,
  purposeHistory: PurposeHistoryList,
  howItWorks: HowItWorks,
  dataScope: DataScope,
  oversight: Oversight,
  lifecycle: Lifecycle,
  assessments: Assessments,
  participation: Participation,
  incidents: IncidentList,
  withheld: WithheldList,
  sources: SourceList,
} as const satisfies Record<SectionName, unknown>;
export type { SectionName };

/** Saves one section of the actor's draft after validating it; the rest of the draft is kept. */
export function saveDraftSection(actor: Actor | null, toolId: string, section: SectionName, value: unknown, db: Db = getDb()): void {
  const t = load(db, toolId);
  guard(actor, t, "edit_draft");
  const schema = Object.hasOwn(SECTION_SCHEMAS, section) ? SECTION_SCHEMAS[section] : undefined;
  if (!schema) throw invalid([{ code: "err_section_unknown", path: "section", params: { section: String(section) } }]);
  // Fields the workflow owns are filled in here, not by the form.
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (section === "lifecycle") value = { ...v, reviewStatus: "draft" };
    if (section === "identity") value = { originalLanguage: t.revision.record.identity?.originalLanguage ?? "zh", id: t.id, ...v };
  }
  const parsed = (schema as z.ZodType).safeParse(value);
  if (!parsed.success) throw invalid(zodIssues(parsed.error, section));
  let data = parsed.data as Record<string, unknown>;
  if (section === "identity") {
    if ((data as { id: string }).id !== t.id) throw invalid([{ code: "err_tool_id_immutable", path: "identity.id" }]);
    const clash = stmt(db, `SELECT id FROM tools WHERE slug = ? AND id <> ?`).get((data as { slug: string }).slug, t.id) as { id: string } | undefined;
    if (clash) throw invalid([{ code: "err_slug_taken", path: "identity.slug", params: { slug: (data as { slug: string }).slug, tool: clash.id } }]);
  }
  if (section === "lifecycle") data = { ...data, reviewStatus: "draft" };
  const record = { ...t.revision.record, [section]: data };
  const tooLarge = recordSizeProblem(record);
  if (tooLarge) throw invalid([{ code: "err_record_too_large", path: section, params: tooLarge }]);
  const json = canonicalJson(record);
  db.$client.transaction(() => {
    stmt(db, `UPDATE revisions SET record = ?, record_sha256 = ? WHERE id = ? AND status = 'draft'`).run(json, sha256(json), t.revision.id);
  })();
}

/** The actor's draft of a tool, for the edit form. */
export function getDraft(actor: Actor | null, toolId: string, db: Db = getDb()): { toolId: string; number: number; record: ToolRecordInput } {
  const t = load(db, toolId);
  guard(actor, t, "edit_draft");
  return { toolId: t.id, number: t.revision.number, record: t.revision.record };
}

// ---------------------------------------------------------------- submission

export type SubmitResult = { toolId: string; revision: number; impactLevel: string; consultation: { opens: string; closes: string } | null };

/**
 * Submits the draft: the whole record must satisfy the standard and the obligations of its
 * impact level. The revision becomes immutable and public, and the consultation window of a
 * level III+ tool opens.
 */
export function submitDraft(actor: Actor | null, toolId: string, now: Date, db: Db = getDb()): SubmitResult {
  const t = load(db, toolId);
  guard(actor, t, "submit");
  const input = { ...t.revision.record, lifecycle: { ...t.revision.record.lifecycle, reviewStatus: "submitted" } };
  const parsed = ToolRecord.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  const record = parsed.data;
  const today = isoDay(now);
  const problems = submissionProblems(record, today);
  if (problems.length) throw invalid(problems);
  const agencyIds = resolveAgencies(record, db);
  const impact = computeImpactLevel(record.assessments.impact!);
  const consultation = consultationWindow(impact, today);
  const at = now.toISOString();
  const previous = previousPublic(db, t);
  const json = canonicalJson(record);
  const sha = sha256(json);
  db.$client.transaction(() => {
    stmt(db, `UPDATE revisions SET record = ?, record_sha256 = ?, status = 'submitted', submitted_at = ?, published_at = ? WHERE id = ? AND status = 'draft'`).run(
      json,
      sha,
      at,
      at,
      t.revision.id,
    );
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
}

function previousPublic(db: Db, t: Loaded): ToolRecordInput | null {
  const row = stmt(db, `SELECT record FROM revisions WHERE tool_seq = ? AND number < ? AND status <> 'draft' ORDER BY number DESC LIMIT 1`).get(t.seq, t.revision.number) as
    | { record: string }
    | undefined;
  return row ? (JSON.parse(row.record) as ToolRecordInput) : null;
}

export function withdraw(actor: Actor | null, toolId: string, now: Date, db: Db = getDb()): void {
  const t = load(db, toolId);
  guard(actor, t, "withdraw");
  const at = now.toISOString();
  db.$client.transaction(() => {
    appendEvent({ kind: "withdrawn", toolId: t.id, actor: publicActor(actor), at, payload: { revision: t.revision.number } }, db);
    setStatus(db, t, "withdrawn", at);
  })();
}

/**
 * A new draft from the latest public revision: answering change requests or starting again
 * after a withdrawal or rejection (revise), a change of purpose or data scope on an approved
 * tool (propose_change, which adds an entry to the purpose history), or a renewal before sunset
 * (request_renewal).
 */
export function startRevision(
  actor: Actor | null,
  toolId: string,
  how: { action: "revise" | "request_renewal" } | { action: "propose_change"; kind: "purpose" | "data_scope"; change: unknown },
  now: Date,
  db: Db = getDb(),
): { toolId: string; revision: number } {
  const t = load(db, toolId);
  guard(actor, t, how.action);
  const record: ToolRecordInput = structuredClone(t.revision.record);
  record.lifecycle = { ...record.lifecycle, reviewStatus: "draft" };
  if (how.action === "propose_change") {
    const change = localizedText("What changes.", "变更内容。").safeParse(how.change);
    if (!change.success) throw invalid(zodIssues(change.error, "change"));
    record.purposeHistory = [...(record.purposeHistory ?? []), { date: isoDay(now), kind: how.kind, change: change.data, sources: [] }];
  }
  const json = canonicalJson(record);
  const number = t.revision.number + 1;
  db.$client.transaction(() => {
    stmt(db, `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, created_by) VALUES (?, ?, 'draft', ?, ?, ?, ?)`).run(
      t.seq,
      number,
      json,
      sha256(json),
      now.toISOString(),
      actor!.id,
    );
  })();
  return { toolId: t.id, revision: number };
}

/** Retires a tool: a new public revision with the retirement date and reason. */
export function retireTool(actor: Actor | null, toolId: string, reason: unknown, now: Date, db: Db = getDb()): void {
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
}

// ---------------------------------------------------------------- review


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
function joinRefusal(db: Db, t: Loaded, revisionId: number, record: ToolRecordInput, actor: Actor): string | null {
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
export function startReview(actor: Actor | null, toolId: string, now: Date, db: Db = getDb()): void {
  const t = load(db, toolId);
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
}

/** Records (or replaces) the reviewer's finding on one criterion. */
export function recordFinding(actor: Actor | null, toolId: string, finding: unknown, now: Date, db: Db = getDb()): void {
  const t = load(db, toolId);
  guard(actor, t, "record_finding");
  const review = openReview(db, t, actor!);
  if (!review) throw new RegistryError("forbidden", { issues: [{ code: "err_review_not_started" }] });
  if (review.decision) throw wrongState("err_findings_closed");
  const parsed = FindingSchema.safeParse(finding);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  const f = parsed.data;
  if (f.conditionDeadline && f.conditionDeadline <= isoDay(now)) throw invalid([{ code: "err_deadline_past", path: "conditionDeadline" }]);
  db.$client.transaction(() => {
    stmt(
      db,
      `INSERT INTO findings (review_id, criterion, rating, severity, recommendation, condition, condition_deadline, recorded_at)
       VALUES (@review, @criterion, @rating, @severity, @recommendation, @condition, @deadline, @at)
       ON CONFLICT(review_id, criterion) DO UPDATE SET rating = excluded.rating, severity = excluded.severity,
         recommendation = excluded.recommendation, condition = excluded.condition, condition_deadline = excluded.condition_deadline,
         recorded_at = excluded.recorded_at`,
    ).run({
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
export function decide(actor: Actor | null, toolId: string, decision: Decision, summary: unknown, now: Date, db: Db = getDb()): DecideResult {
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
}

// ---------------------------------------------------------------- lists for officials and reviewers

export type WorkItem = { id: string; name: { zh?: string; en?: string }; revision: number; status: ReviewStatus; updatedAt: string; impactLevel: string | null };

/**
 * The tools an official's agency owns, latest revision first (drafts and everything after), and
 * those of them due for sunset within 60 days or lapsed.
 */
export function listAgencyWork(actor: Actor | null, now: Date, db: Db = getDb()): { items: WorkItem[]; due: ToolSummary[] } {
  if (!actor || actor.role !== "official" || actor.agencyId === null) throw new RegistryError("forbidden");
  const rows = stmt(
    db,
    `SELECT t.id, r.number, r.status, r.record, coalesce(r.submitted_at, r.created_at) AS updated_at
     FROM tools t JOIN revisions r ON r.tool_seq = t.seq AND r.number = (SELECT max(number) FROM revisions WHERE tool_seq = t.seq)
     WHERE t.owner_agency_id = ? ORDER BY updated_at DESC, t.id`,
  ).all(actor.agencyId) as { id: string; number: number; status: ReviewStatus; record: string; updated_at: string }[];
  const items = rows.map((r) => {
    const record = JSON.parse(r.record) as ToolRecordInput;
    return { id: r.id, name: record.identity.name, revision: r.number, status: r.status, updatedAt: r.updated_at, impactLevel: impactOf(record)?.level ?? null };
  });
  return { items, due: toolsDueForAgency(actor.agencyId, { today: todayIso(now) }, db) };
}

export type QueueItem = WorkItem & { agencies: string[]; submittedAt: string; ageDays: number; consultationCloses: string | null; myReview: "none" | "open" | "decided"; reviewers: number; reviewersRequired: number };

/**
 * A reviewer's queue: submissions waiting for a reviewer and reviews under way, never of the
 * reviewer's own agency. Filters: impact level, agency slug, minimum age in days.
 */
export function reviewQueue(actor: Actor | null, filters: { level?: string; agency?: string; minAgeDays?: number }, now: Date, db: Db = getDb()): QueueItem[] {
  if (!actor || actor.role !== "reviewer" || actor.agencyId === null) throw new RegistryError("forbidden");
  const rows = stmt(
    db,
    `SELECT t.seq, t.id, t.owner_agency_id, r.id AS revision_id, r.number, r.status, r.record, r.submitted_at
     FROM tools t JOIN revisions r ON r.id = t.published_revision_id
     WHERE r.status IN ('submitted', 'in_review') ORDER BY r.submitted_at, t.id`,
  ).all() as { seq: number; id: string; owner_agency_id: number | null; revision_id: number; number: number; status: ReviewStatus; record: string; submitted_at: string }[];
  const today = isoDay(now);
  const out: QueueItem[] = [];
  for (const r of rows) {
    // The projection holds confirmed links only; the rule is applied again so the queue never depends on that.
    const linked = stmt(db, `SELECT DISTINCT a.id, a.slug FROM tool_agencies ta JOIN agencies a ON a.id = ta.agency_id WHERE ta.tool_seq = ?`).all(r.seq) as { id: number; slug: string }[];
    const confirmed = new Set(confirmedAgencyIds(db, r.seq, linked.map((l) => l.id)));
    const links = linked.filter((l) => confirmed.has(l.id));
    if (relationTo(actor, { ownerAgencyId: r.owner_agency_id, agencyIds: links.map((l) => l.id) }) !== "reviewer_other_agency") continue;
    const record = JSON.parse(r.record) as ToolRecordInput;
    const impact = impactOf(record);
    const reviews = stmt(db, `SELECT reviewer_id, decision FROM reviews WHERE revision_id = ?`).all(r.revision_id) as { reviewer_id: number; decision: string | null }[];
    const mine = reviews.find((x) => x.reviewer_id === actor.id);
    const window = consultationWindow(impact, r.submitted_at.slice(0, 10));
    const item: QueueItem = {
      id: r.id,
      name: record.identity.name,
      revision: r.number,
      status: r.status,
      updatedAt: r.submitted_at,
      impactLevel: impact?.level ?? null,
      agencies: links.map((l) => l.slug),
      submittedAt: r.submitted_at,
      ageDays: Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.submitted_at.slice(0, 10)}T00:00:00Z`)) / 86_400_000),
      consultationCloses: window?.closes ?? null,
      myReview: mine ? (mine.decision ? "decided" : "open") : "none",
      reviewers: reviews.length,
      reviewersRequired: impact?.obligations.reviewersRequired ?? 1,
    };
    if (filters.level && item.impactLevel !== filters.level) continue;
    if (filters.agency && !item.agencies.includes(filters.agency)) continue;
    if (filters.minAgeDays !== undefined && item.ageDays < filters.minAgeDays) continue;
    out.push(item);
  }
  return out;
}

export type ReviewPage = {
  toolId: string;
  revision: number;
  status: ReviewStatus;
  record: ToolRecordInput;
  impact: ImpactResult | null;
  consultation: { opens: string; closes: string } | null;
  /** The last approved revision, for the diff. */
  approvedRevision: { number: number; record: ToolRecordInput } | null;
  myReview: { id: number; decision: string | null; findings: Record<number, { rating: string; severity: string | null; recommendation: string | null; condition: string | null; conditionDeadline: string | null }> } | null;
  actions: Action[];
};

/** Everything a reviewer needs on one submission. Refused to anyone the table refuses. */
export function getReviewPage(actor: Actor | null, toolId: string, db: Db = getDb()): ReviewPage {
  const t = load(db, toolId);
  const relation = relationTo(actor, { ownerAgencyId: t.ownerAgencyId, agencyIds: t.agencyIds });
  if (relation !== "reviewer_other_agency") throw new RegistryError("forbidden");
  // A newer draft is the official's business; the reviewer sees the submitted revision.
  const rev = stmt(db, `SELECT id, number, status, record, submitted_at FROM revisions WHERE tool_seq = ? AND status <> 'draft' ORDER BY number DESC LIMIT 1`).get(t.seq) as
    | { id: number; number: number; status: ReviewStatus; record: string; submitted_at: string | null }
    | undefined;
  if (!rev) throw new RegistryError("not_found");
  const record = JSON.parse(rev.record) as ToolRecordInput;
  const impact = impactOf(record);
  const approved = stmt(
    db,
    `SELECT number, record FROM revisions WHERE tool_seq = ? AND number < ? AND status IN ('approved', 'approved_with_conditions') ORDER BY number DESC LIMIT 1`,
  ).get(t.seq, rev.number) as { number: number; record: string } | undefined;
  const review = stmt(db, `SELECT id, decision FROM reviews WHERE revision_id = ? AND reviewer_id = ?`).get(rev.id, actor!.id) as { id: number; decision: string | null } | undefined;
  const findings: NonNullable<ReviewPage["myReview"]>["findings"] = {};
  if (review)
    for (const f of stmt(db, `SELECT criterion, rating, severity, recommendation, condition, condition_deadline FROM findings WHERE review_id = ?`).all(review.id) as {
      criterion: number;
      rating: string;
      severity: string | null;
      recommendation: string | null;
      condition: string | null;
      condition_deadline: string | null;
    }[])
      findings[f.criterion] = { rating: f.rating, severity: f.severity, recommendation: f.recommendation, condition: f.condition, conditionDeadline: f.condition_deadline };
  const actions = (["start_review", "join_review", "record_finding", "approve", "approve_with_conditions", "request_changes", "reject"] as const).filter(
    (a) => canTake(relation, rev.status, a).ok && (a !== "join_review" || joinRefusal(db, t, rev.id, record, actor!) === null),
  );
  return {
    toolId: t.id,
    revision: rev.number,
    status: rev.status,
    record,
    impact,
    consultation: rev.submitted_at ? consultationWindow(impact, rev.submitted_at.slice(0, 10)) : null,
    approvedRevision: approved ? { number: approved.number, record: JSON.parse(approved.record) as ToolRecordInput } : null,
    myReview: review ? { id: review.id, decision: review.decision, findings } : null,
    actions,
  };
}

export type OwnerView = {
  toolId: string;
  number: number;
  status: ReviewStatus;
  record: ToolRecordInput;
  actions: Action[];
  consultation: { opens: string; closes: string } | null;
  /** Whether the agency still owes its response to a closed consultation. */
  responseDue: boolean;
};

/** The owning official's view of a tool at `now`: its latest revision, the actions open, and whether a consultation response is due. */
export function getOwnerView(actor: Actor | null, toolId: string, now: Date, db: Db = getDb()): OwnerView {
  const t = load(db, toolId);
  const relation = relationTo(actor, { ownerAgencyId: t.ownerAgencyId, agencyIds: t.agencyIds });
  if (relation !== "owner_official") throw new RegistryError("forbidden");
  const submitted = t.revision.submittedAt?.slice(0, 10);
  const consultation = submitted ? consultationWindow(impactOf(t.revision.record), submitted) : null;
  const responseDue =
    (t.revision.status === "submitted" || t.revision.status === "in_review") &&
    consultation !== null &&
    !consultationOpen(consultation, isoDay(now)) &&
    !stmt(db, `SELECT 1 FROM consultation_responses WHERE revision_id = ?`).get(t.revision.id);
  return {
    toolId: t.id,
    number: t.revision.number,
    status: t.revision.status,
    record: t.revision.record,
    actions: actionsFor(relation, t.revision.status),
    consultation,
    responseDue,
  };
}

// ---------------------------------------------------------------- consultation response

export type ConsultationResponse = { raised: { zh?: string; en?: string }; changed: { zh?: string; en?: string }; postedAt: string };

/**
 * After a consultation closes, the owning agency says what the public raised and what changed.
 * Required before any decision on a level III+ tool; posted once, then public and logged.
 */
export function postConsultationResponse(actor: Actor | null, toolId: string, input: { raised: unknown; changed: unknown }, now: Date, db: Db = getDb()): void {
  const t = load(db, toolId);
  const relation = relationTo(actor, { ownerAgencyId: t.ownerAgencyId, agencyIds: t.agencyIds });
  if (relation !== "owner_official") throw new RegistryError("forbidden");
  if (t.revision.status !== "submitted" && t.revision.status !== "in_review") throw wrongState("err_response_not_under_review");
  const window = t.revision.submittedAt ? consultationWindow(impactOf(t.revision.record), t.revision.submittedAt.slice(0, 10)) : null;
  if (!window) throw wrongState("err_response_no_consultation");
  if (consultationOpen(window, isoDay(now))) throw wrongState("err_response_consultation_open", { closes: window.closes });
  if (stmt(db, `SELECT 1 FROM consultation_responses WHERE revision_id = ?`).get(t.revision.id)) throw wrongState("err_response_posted");
  const text = localizedText("Text.", "内容。", { max: 8000 });
  const raised = text.safeParse(input.raised);
  const changed = text.safeParse(input.changed);
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
}

// ---------------------------------------------------------------- facts recorded on a public record

/**
 * Adds an incident (owning officials and reviewers of other agencies) or a period of appeal
 * statistics (owning officials) to a tool's public record. Reporting facts is not a change of
 * purpose, so it needs no review: a new public revision keeps the review status of the one it
 * follows, and the event is logged. An open draft is renumbered to come after it and receives
 * the same fact, so nothing the official is preparing is lost.
 */
export function recordFact(
  actor: Actor | null,
  toolId: string,
  fact: { incident: unknown } | { appealStat: unknown },
  now: Date,
  db: Db = getDb(),
): { revision: number } {
  const t = load(db, toolId);
  const relation = relationTo(actor, { ownerAgencyId: t.ownerAgencyId, agencyIds: t.agencyIds });
  const isIncident = "incident" in fact;
  const allowed = isIncident ? relation === "owner_official" || relation === "reviewer_other_agency" : relation === "owner_official";
  if (!allowed) throw new RegistryError("forbidden");
  const pub = stmt(db, `SELECT id, number, status, record FROM revisions WHERE tool_seq = ? AND status <> 'draft' ORDER BY number DESC LIMIT 1`).get(t.seq) as
    | { id: number; number: number; status: ReviewStatus; record: string }
    | undefined;
  if (!pub) throw wrongState("err_fact_not_public");
  const base = readStoredRecord(pub.record);
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
}
