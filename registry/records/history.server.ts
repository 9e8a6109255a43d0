// A tool's public history: every submitted revision, the reviews and decisions on each, and the
// tool's entries in the event log. Drafts never appear.
import { getDb, stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { eventPage } from "../log/log.server";
import type { ChainEvent } from "../log/chain";
import { diffRecords, type FieldChange } from "./diff";

export type PublicFinding = { criterion: number; rating: string; severity: string | null; recommendation: string | null; condition: string | null; conditionDeadline: string | null };
export type PublicReview = {
  reviewer: string;
  startedAt: string;
  decision: string | null;
  decidedAt: string | null;
  summary: { zh?: string; en?: string };
  findings: PublicFinding[];
};
export type HistoryRevision = { number: number; status: string; submittedAt: string | null; recordSha256: string; reviews: PublicReview[] };
export type ToolHistory = {
  id: string;
  name: { zh?: string; en?: string };
  revisions: HistoryRevision[];
  events: ChainEvent[];
  comparison: { from: number; to: number; changes: FieldChange[] } | null;
};

/** The history of a public tool, comparing revisions `from` and `to` (default: the last two). */
export async function getToolHistory(ctx: Ctx, query: { toolId: string; from?: number; to?: number }): Promise<ToolHistory | null> {
  const { toolId, ...opts } = query;
  return historyOf(toolId, opts, ctx.db);
}

function historyOf(toolId: string, opts: { from?: number; to?: number } = {}, db: Db = getDb()): ToolHistory | null {
  if (toolId.length > 100) return null;
  const tool = stmt(db, `SELECT seq, id, name_zh, name_en FROM tools WHERE id = ? AND published_revision_id IS NOT NULL`).get(toolId.toUpperCase()) as
    | { seq: number; id: string; name_zh: string | null; name_en: string | null }
    | undefined;
  if (!tool) return null;
  const revs = stmt(db, `SELECT id, number, status, submitted_at, record_sha256, record FROM revisions WHERE tool_seq = ? AND status <> 'draft' ORDER BY number`).all(tool.seq) as {
    id: number;
    number: number;
    status: string;
    submitted_at: string | null;
    record_sha256: string;
    record: string;
  }[];
  const reviewsByRevision = publicReviews(db, revs.map((r) => r.id));
  const revisions: HistoryRevision[] = revs.map((r) => ({
    number: r.number,
    status: r.status,
    submittedAt: r.submitted_at,
    recordSha256: r.record_sha256,
    reviews: reviewsByRevision.get(r.id) ?? [],
  }));

  const numbers = revs.map((r) => r.number);
  let comparison: ToolHistory["comparison"] = null;
  const to = opts.to !== undefined && numbers.includes(opts.to) ? opts.to : numbers.at(-1);
  const from = opts.from !== undefined && numbers.includes(opts.from) ? opts.from : numbers.filter((n) => n < (to ?? 0)).at(-1);
  if (from !== undefined && to !== undefined && from !== to) {
    const rec = (n: number) => JSON.parse(revs.find((r) => r.number === n)!.record) as unknown;
    comparison = { from, to, changes: diffRecords(rec(from), rec(to)) };
  }

  const events: ChainEvent[] = [];
  for (let page = 1; ; page++) {
    const p = eventPage({ toolId: tool.id, page }, db);
    events.push(...p.events);
    if (page >= p.pageCount) break;
  }
  return { id: tool.id, name: { ...(tool.name_zh ? { zh: tool.name_zh } : {}), ...(tool.name_en ? { en: tool.name_en } : {}) }, revisions, events, comparison };
}

/** The public side of the reviews of some revisions, by revision id. */
export function publicReviews(db: Db, revisionIds: number[]): Map<number, PublicReview[]> {
  const out = new Map<number, PublicReview[]>();
  if (!revisionIds.length) return out;
  const marks = revisionIds.map(() => "?").join(", ");
  const reviewRows = stmt(
    db,
    `SELECT rv.id, rv.revision_id, rv.started_at, rv.decision, rv.decided_at, rv.summary_zh, rv.summary_en, u.role, a.slug AS agency
     FROM reviews rv JOIN users u ON u.id = rv.reviewer_id LEFT JOIN agencies a ON a.id = u.agency_id
     WHERE rv.revision_id IN (${marks}) ORDER BY rv.id`,
  ).all(...revisionIds) as { id: number; revision_id: number; started_at: string; decision: string | null; decided_at: string | null; summary_zh: string | null; summary_en: string | null; role: string; agency: string | null }[];
  if (!reviewRows.length) return out;
  const findingRows = stmt(
    db,
    `SELECT review_id, criterion, rating, severity, recommendation, condition, condition_deadline FROM findings
     WHERE review_id IN (${reviewRows.map(() => "?").join(", ")}) ORDER BY criterion`,
  ).all(...reviewRows.map((r) => r.id)) as { review_id: number; criterion: number; rating: string; severity: string | null; recommendation: string | null; condition: string | null; condition_deadline: string | null }[];
  for (const rv of reviewRows) {
    const list = out.get(rv.revision_id) ?? [];
    list.push({
      // Reviewers appear as a role and agency, like in the public log.
      reviewer: rv.agency ? `${rv.role}@${rv.agency}` : rv.role,
      startedAt: rv.started_at,
      decision: rv.decision,
      decidedAt: rv.decided_at,
      summary: { ...(rv.summary_zh ? { zh: rv.summary_zh } : {}), ...(rv.summary_en ? { en: rv.summary_en } : {}) },
      // Findings become public with the decision.
      findings: rv.decision
        ? findingRows
            .filter((f) => f.review_id === rv.id)
            .map((f) => ({ criterion: f.criterion, rating: f.rating, severity: f.severity, recommendation: f.recommendation, condition: f.condition, conditionDeadline: f.condition_deadline }))
        : [],
    });
    out.set(rv.revision_id, list);
  }
  return out;
}

export type ToolHistoryExport = {
  id: string;
  revisions: (HistoryRevision & { publishedAt: string | null; record: unknown })[];
  events: ChainEvent[];
};

/** The whole public history of a tool for export: full records of every submitted revision. */
export async function getToolHistoryExport(ctx: Ctx, query: { toolId: string }): Promise<ToolHistoryExport | null> {
  return historyExportOf(query.toolId, ctx.db);
}

/** getToolHistoryExport without the async boundary, for the API's answers. */
export function historyExportOf(toolId: string, db: Db = getDb()): ToolHistoryExport | null {
  const h = historyOf(toolId, {}, db);
  if (!h) return null;
  const rows = stmt(
    db,
    `SELECT r.number, r.published_at, r.record FROM revisions r JOIN tools t ON t.seq = r.tool_seq WHERE t.id = ? AND r.status <> 'draft' ORDER BY r.number`,
  ).all(h.id) as { number: number; published_at: string | null; record: string }[];
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return {
    id: h.id,
    revisions: h.revisions.map((r) => ({ ...r, publishedAt: byNumber.get(r.number)?.published_at ?? null, record: JSON.parse(byNumber.get(r.number)?.record ?? "null") as unknown })),
    events: h.events,
  };
}
