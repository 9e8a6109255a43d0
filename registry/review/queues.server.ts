// What officials and reviewers see of the workflow: an agency's own tools, a reviewer's queue,
// one submission for review, and the owner's view of a tool.
import { z } from "zod";
import { type Ctx, parseInput } from "../shared/context";
import { stmt } from "../shared/db.server";
import { RegistryError } from "../shared/errors";
import type { ImpactResult } from "../standard/impact";
import type { ReviewStatus, ToolRecordInput } from "../standard/v1";
import { confirmedAgencyIds } from "../records/responsibility.server";
import { toolsDueForAgency, type ToolSummary } from "../lifecycle/sunsets.server";
import { todayIso } from "../lifecycle/sunset";
import { ToolInput } from "./drafts.server";
import { impactOf, isoDay, load } from "./load.server";
import { joinRefusal } from "./review.server";
import { actionsFor, canTake, relationTo, type Action } from "./transitions";
import { consultationOpen, consultationWindow } from "./obligations";
import { arrayFetch, compareKeys, cursorPage, PageQuery, type CursorPage } from "../shared/cursor-page";

const QueueQuery = z.object({ level: z.string().max(10).optional(), agency: z.string().max(200).optional(), minAgeDays: z.number().int().min(0).max(100_000).optional() });

export type WorkItem = { id: string; name: { zh?: string; en?: string }; revision: number; status: ReviewStatus; updatedAt: string; impactLevel: string | null };

const WorkKey = z.tuple([z.string().max(40), z.string().max(40)]);
// Latest first, then by id: the order of the SQL below, for the cursor's keys.
const newestFirst = (a: readonly [string, string], b: readonly [string, string]) => (a[0] !== b[0] ? (a[0] > b[0] ? -1 : 1) : compareKeys([a[1]], [b[1]]));

/**
 * The tools an official's agency owns, latest revision first (drafts and everything after), a
 * page at a time after an opaque cursor (registry/shared/cursor-page.ts), and those of them due
 * for sunset within 60 days or lapsed.
 */
export async function listAgencyWork(ctx: Ctx, query: { cursor?: string | null; size?: number } = {}): Promise<{ items: WorkItem[]; paging: Omit<CursorPage<WorkItem>, "items">; due: ToolSummary[] }> {
  const { actor, now, db } = ctx;
  if (!actor || actor.role !== "official" || actor.agencyId === null) throw new RegistryError("forbidden");
  const pageQuery = parseInput(PageQuery, query);
  const rows = stmt(
    db,
    `SELECT t.id, r.number, r.status, r.record, coalesce(r.submitted_at, r.created_at) AS updated_at
     FROM tools t JOIN revisions r ON r.tool_seq = t.seq AND r.number = (SELECT max(number) FROM revisions WHERE tool_seq = t.seq)
     WHERE t.owner_agency_id = ? ORDER BY updated_at DESC, t.id`,
  ).all(actor.agencyId) as { id: string; number: number; status: ReviewStatus; record: string; updated_at: string }[];
  const keyOf = (r: { id: string; updated_at: string }): [string, string] => [r.updated_at, r.id];
  const { items: page, ...paging } = cursorPage({ ...pageQuery, order: "agency_work", query: {}, key: WorkKey, keyOf, fetch: arrayFetch(rows, keyOf, newestFirst), total: rows.length });
  const items = page.map((r) => {
    const record = JSON.parse(r.record) as ToolRecordInput;
    return { id: r.id, name: record.identity.name, revision: r.number, status: r.status, updatedAt: r.updated_at, impactLevel: impactOf(record)?.level ?? null };
  });
  return { items, paging, due: toolsDueForAgency(actor.agencyId, { today: todayIso(now) }, db) };
}

/** An agency as pages show it: by name; the slug only for links and filters. */
export type AgencyName = { slug: string; name: { zh?: string; en?: string } };

/**
 * Who reviews a revision: how many independent reviewers its level needs, how many reviews have
 * been started and not yet decided, and how many have approved.
 */
export type ReviewerCount = { required: number; reviewing: number; approved: number };

export type QueueItem = WorkItem & {
  agencies: AgencyName[];
  submittedAt: string;
  ageDays: number;
  consultationCloses: string | null;
  myReview: "none" | "open" | "decided";
  reviewers: number;
  reviewersRequired: number;
  reviewerCount: ReviewerCount;
};

const nameOf = (r: { name_zh: string | null; name_en: string | null }) => ({ ...(r.name_zh ? { zh: r.name_zh } : {}), ...(r.name_en ? { en: r.name_en } : {}) });

function reviewerCount(reviews: { decision: string | null }[], required: number): ReviewerCount {
  return {
    required,
    reviewing: reviews.filter((r) => !r.decision).length,
    approved: reviews.filter((r) => r.decision === "approve" || r.decision === "approve_with_conditions").length,
  };
}

/**
 * A reviewer's queue: submissions waiting for a reviewer and reviews under way, never of the
 * reviewer's own agency. Filters: impact level, agency slug, minimum age in days.
 */
export async function reviewQueue(ctx: Ctx, query: { level?: string; agency?: string; minAgeDays?: number }): Promise<QueueItem[]> {
  const { actor, now, db } = ctx;
  const filters = parseInput(QueueQuery, query);
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
    const linked = stmt(db, `SELECT DISTINCT a.id, a.slug, a.name_zh, a.name_en FROM tool_agencies ta JOIN agencies a ON a.id = ta.agency_id WHERE ta.tool_seq = ?`).all(r.seq) as {
      id: number;
      slug: string;
      name_zh: string | null;
      name_en: string | null;
    }[];
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
      agencies: links.map((l) => ({ slug: l.slug, name: nameOf(l) })),
      submittedAt: r.submitted_at,
      ageDays: Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.submitted_at.slice(0, 10)}T00:00:00Z`)) / 86_400_000),
      consultationCloses: window?.closes ?? null,
      myReview: mine ? (mine.decision ? "decided" : "open") : "none",
      reviewers: reviews.length,
      reviewersRequired: impact?.obligations.reviewersRequired ?? 1,
      reviewerCount: reviewerCount(reviews, impact?.obligations.reviewersRequired ?? 1),
    };
    if (filters.level && item.impactLevel !== filters.level) continue;
    if (filters.agency && !item.agencies.some((a) => a.slug === filters.agency)) continue;
    if (filters.minAgeDays !== undefined && item.ageDays < filters.minAgeDays) continue;
    out.push(item);
  }
  return out;
}

const QueueKey = z.tuple([z.string().max(40), z.string().max(40)]);

/**
 * The reviewer's queue a page at a time (registry/shared/cursor-page.ts), in the queue's order
 * (submitted first, then tool id): a cursor holds the submission time and id of an item.
 */
export async function reviewQueuePage(ctx: Ctx, query: { level?: string; agency?: string; minAgeDays?: number; cursor?: string | null; size?: number }): Promise<CursorPage<QueueItem>> {
  const { cursor, size, ...filters } = query;
  const page = parseInput(PageQuery, { cursor, size });
  const all = await reviewQueue(ctx, filters);
  const keyOf = (i: QueueItem): [string, string] => [i.submittedAt, i.id];
  return cursorPage({ ...page, order: "review_queue", query: parseInput(QueueQuery, filters), key: QueueKey, keyOf, fetch: arrayFetch(all, keyOf), total: all.length });
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
  reviewerCount: ReviewerCount;
};

/** Everything a reviewer needs on one submission. Refused to anyone the table refuses. */
export async function getReviewPage(ctx: Ctx, query: { toolId: string }): Promise<ReviewPage> {
  const { actor, db } = ctx;
  const t = load(db, parseInput(ToolInput, query).toolId);
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
    reviewerCount: reviewerCount(
      stmt(db, `SELECT decision FROM reviews WHERE revision_id = ?`).all(rev.id) as { decision: string | null }[],
      impact?.obligations.reviewersRequired ?? 1,
    ),
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
export async function getOwnerView(ctx: Ctx, query: { toolId: string }): Promise<OwnerView> {
  const { actor, now, db } = ctx;
  const t = load(db, parseInput(ToolInput, query).toolId);
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
