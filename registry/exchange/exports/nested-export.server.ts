// The nested parts of records as their own CSV files, joinable on the public tool id, for the
// same filtered set of tools as /tools.csv: data elements, responsible agencies, incidents,
// published review findings and published comments with the agency's replies. Never contact
// e-mails, drafts or anything a moderator removed.
import { getDb, stmt, type Db } from "../../shared/db.server";
import { listToolsForExport } from "../../records/list.server";
import type { ToolQuery } from "../../records/query";
import type { ToolRecord } from "../../standard/v1";
import { isLinkConfirmed, responsibilityConsent } from "../../records/responsibility.server";
import { absolute, paths } from "../../shared/urls";
import { label, type LabelGroup } from "../../standard/labels";
import { withLabelColumns } from "./columns";

export const NESTED_EXPORTS = {
  "data-elements": ["tool_id", "tool_url", "position", "name_zh", "name_en", "category", "sensitive", "necessity_zh", "necessity_en", "retention_zh", "retention_en", "granularity_zh", "granularity_en"],
  agencies: ["tool_id", "tool_url", "agency_slug", "agency_url", "role", "agency_name_zh", "agency_name_en", "jurisdiction_level"],
  incidents: ["tool_id", "tool_url", "position", "kind", "date", "title_zh", "title_en", "description_zh", "description_en", "people_affected", "response_zh", "response_en", "regulator_notified"],
  findings: ["tool_id", "tool_url", "revision", "reviewer", "decision", "decided_at", "criterion", "rating", "severity", "recommendation", "condition", "condition_deadline"],
  comments: ["tool_id", "tool_url", "id", "kind", "reply_to", "author", "body", "created_at"],
} as const;
export type NestedExport = keyof typeof NESTED_EXPORTS;

/** The coded columns of each nested file and the label group naming their values (`?labels=on`). */
export const NESTED_LABELS: { [K in NestedExport]: Partial<Record<(typeof NESTED_EXPORTS)[K][number], LabelGroup>> } = {
  "data-elements": { category: "category" },
  agencies: { role: "agencyRole", jurisdiction_level: "jurisdiction" },
  incidents: { kind: "incident" },
  findings: { decision: "decision", criterion: "criterion", rating: "rating", severity: "severity" },
  comments: {},
};

/** The header of a nested file, with label columns after the coded ones when `labels` is set. */
export function nestedColumns(kind: NestedExport, labels: boolean): string[] {
  return withLabelColumns(NESTED_EXPORTS[kind], NESTED_LABELS[kind] as Record<string, LabelGroup>, labels);
}

/** A row of a nested file with the label of each coded value after it, in the given language. */
export function labelledNestedRow(kind: NestedExport, row: Cell[], lang: "zh" | "en"): Cell[] {
  const groups = NESTED_LABELS[kind] as Record<string, LabelGroup>;
  return NESTED_EXPORTS[kind].flatMap((c, i) => {
    const group = groups[c];
    const v = row[i];
    return group ? [v, v === null || v === undefined ? null : label(group, String(v), lang)] : [v];
  });
}

export type Cell = string | number | boolean | null | undefined;

/** Rows (as arrays in the documented column order) of one nested export, batch by batch. */
export function* exportNested(kind: NestedExport, query: ToolQuery, opts: { origin: string; today?: string; lang?: "zh" | "en" }, db: Db = getDb()): Generator<Cell[][]> {
  const { batches } = listToolsForExport(query, { today: opts.today, lang: opts.lang, batch: 200 }, db);
  const url = (id: string) => absolute(opts.origin, paths.tool(id));
  const agencyNames = kind === "agencies" ? agencyInfo(db) : null;
  for (const batch of batches) {
    if (!batch.length) continue;
    const ids = batch.map((t) => t.id);
    const marks = ids.map(() => "?").join(", ");
    const out: Cell[][] = [];
    if (kind === "data-elements" || kind === "agencies" || kind === "incidents") {
      const rows = stmt(db, `SELECT t.seq, t.id, r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.id IN (${marks})`).all(...ids) as {
        seq: number;
        id: string;
        record: string;
      }[];
      const records = new Map(rows.map((r) => [r.id, JSON.parse(r.record) as ToolRecord]));
      const seqs = new Map(rows.map((r) => [r.id, r.seq]));
      for (const id of ids) {
        const rec = records.get(id);
        if (!rec) continue;
        if (kind === "data-elements")
          (rec.dataScope.elements ?? []).forEach((e, i) =>
            out.push([id, url(id), i + 1, e.name.zh, e.name.en, e.category, e.sensitive, e.necessity?.zh, e.necessity?.en, e.retention?.zh, e.retention?.en, e.granularity?.zh, e.granularity?.en]),
          );
        else if (kind === "agencies") {
          // Only the agencies that are confirmed as responsible (registry/records/responsibility.server.ts).
          const consent = responsibilityConsent(db, seqs.get(id)!);
          for (const a of rec.responsibility.agencies) {
            const info = agencyNames!.get(a.agency);
            if (!info || !isLinkConfirmed(consent, info.id)) continue;
            out.push([id, url(id), a.agency, absolute(opts.origin, paths.agency(a.agency)), a.role, info.name_zh, info.name_en, info.jurisdiction_level]);
          }
        } else
          (rec.incidents ?? []).forEach((x, i) =>
            out.push([id, url(id), i + 1, x.kind, x.date, x.title.zh, x.title.en, x.description.zh, x.description.en, x.peopleAffected, x.response?.zh, x.response?.en, x.regulatorNotified]),
          );
      }
    } else if (kind === "findings") {
      const rows = stmt(
        db,
        `SELECT t.id, r.number, u.role, a.slug AS agency, rv.decision, rv.decided_at, f.criterion, f.rating, f.severity, f.recommendation, f.condition, f.condition_deadline
         FROM findings f JOIN reviews rv ON rv.id = f.review_id JOIN revisions r ON r.id = rv.revision_id JOIN tools t ON t.seq = r.tool_seq
         JOIN users u ON u.id = rv.reviewer_id LEFT JOIN agencies a ON a.id = u.agency_id
         WHERE t.id IN (${marks}) AND rv.decision IS NOT NULL ORDER BY t.id, r.number, rv.id, f.criterion`,
      ).all(...ids) as Record<string, Cell>[];
      for (const f of rows)
        out.push([f.id, url(String(f.id)), f.number, f.agency ? `${f.role}@${f.agency}` : f.role, f.decision, f.decided_at, f.criterion, f.rating, f.severity, f.recommendation, f.condition, f.condition_deadline]);
    } else {
      const rows = stmt(
        db,
        `SELECT t.id AS tool_id, c.id, c.display_name, c.body, c.created_at FROM comments c JOIN tools t ON t.seq = c.tool_seq
         WHERE t.id IN (${marks}) AND c.status = 'published' ORDER BY t.id, c.id`,
      ).all(...ids) as { tool_id: string; id: number; display_name: string | null; body: string; created_at: string }[];
      const replies = rows.length
        ? (stmt(db, `SELECT id, comment_id, agency_slug, body, created_at FROM comment_replies WHERE comment_id IN (${rows.map(() => "?").join(", ")}) ORDER BY id`).all(
            ...rows.map((r) => r.id),
          ) as { id: number; comment_id: number; agency_slug: string; body: string; created_at: string }[])
        : [];
      for (const c of rows) {
        out.push([c.tool_id, url(c.tool_id), c.id, "comment", null, c.display_name, c.body, c.created_at]);
        for (const r of replies.filter((x) => x.comment_id === c.id)) out.push([c.tool_id, url(c.tool_id), `reply-${r.id}`, "reply", c.id, r.agency_slug, r.body, r.created_at]);
      }
    }
    yield out;
  }
}

function agencyInfo(db: Db) {
  const rows = stmt(db, `SELECT id, slug, name_zh, name_en, jurisdiction_level FROM agencies`).all() as {
    id: number;
    slug: string;
    name_zh: string | null;
    name_en: string | null;
    jurisdiction_level: string;
  }[];
  return new Map(rows.map((r) => [r.slug, r]));
}
