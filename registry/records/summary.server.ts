// One published tool as the lists show it (ToolSummary), read from the `tools` projection: the
// row shape, the columns and the conversion every public list shares (registry/records/list,
// agencies, home and registry/lifecycle/sunsets). Synchronous internals: the read models that use
// them are the async boundary.
import { stmt, type Db } from "../shared/db.server";
import type { ListIndex } from "./list-index.server";
import type { Segment } from "./search/highlight";
import type { LocalizedText } from "../standard/v1";
import { readOtherTexts } from "../standard/text-langs";
import { sunsetState, type SunsetState } from "../lifecycle/sunset";
import { SOURCE_REGIME } from "./query";

export type ToolSummary = {
  id: string;
  slug: string;
  name: LocalizedText;
  summary: LocalizedText;
  kind: string;
  jurisdictionLevel: string;
  place: LocalizedText;
  deploymentStatus: string;
  /** The published revision's review status; "source_regime" for a mirrored record, which this register does not review. */
  reviewStatus: string;
  impactLevel: string | null;
  sunsetDate: string | null;
  sunsetState: SunsetState;
  /** Which rules govern the record: "this_register", or the key of the register it is mirrored from (registry/standard/regime.ts). */
  regime: string;
  policyDomain: string;
  retirement: { date: string; reason: LocalizedText } | null;
  updatedAt: string;
  incidentCount: number;
  commentCount: number;
  /** Highlighted summary, per language, when the list was searched. */
  snippet?: { zh: Segment[] | null; en: Segment[] | null };
  /** Highlighted name, per language, when the search matched it. */
  nameMarks?: { zh: Segment[] | null; en: Segment[] | null };
};

export type ToolRow = {
  seq: number;
  id: string;
  slug: string;
  name_zh: string | null;
  name_en: string | null;
  summary_zh: string | null;
  summary_en: string | null;
  kind: string;
  jurisdiction_level: string;
  place_zh: string | null;
  place_en: string | null;
  deployment_status: string;
  review_status: string;
  impact_level: string | null;
  sunset_date: string | null;
  policy_domain: string;
  retired_on: string | null;
  retirement_reason_zh: string | null;
  retirement_reason_en: string | null;
  /** The list's texts in languages other than zh and en (registry/standard/text-langs.ts), JSON or null. */
  texts_other?: string | null;
  /** "this_register" or a source register's key (migration 0022). */
  regime: string;
  updated_at: string;
  incident_count: number;
  comment_count: number;
};

export const TOOL_COLUMNS = `t.seq, t.id, t.slug, t.name_zh, t.name_en, t.summary_zh, t.summary_en, t.kind, t.jurisdiction_level,
  t.place_zh, t.place_en, t.deployment_status, t.review_status, t.impact_level, t.sunset_date, t.policy_domain, t.retired_on, t.retirement_reason_zh, t.retirement_reason_en, t.texts_other, t.regime, t.updated_at,
  t.incident_count, t.comment_count`;

/** A text in the languages that have one. */
export const lt = (zh: string | null, en: string | null): LocalizedText => ({ ...(zh ? { zh } : {}), ...(en ? { en } : {}) });

/** A tool's name from its `tools` columns, with its other languages (`texts_other`). */
export const toolNameOf = (r: { name_zh: string | null; name_en: string | null; texts_other?: string | null }): LocalizedText => ({
  ...lt(r.name_zh, r.name_en),
  ...readOtherTexts(r.texts_other).name,
});

export function toSummary(r: ToolRow, today: string): ToolSummary {
  const other = readOtherTexts(r.texts_other);
  const mirrored = r.regime !== "this_register";
  return {
    id: r.id,
    slug: r.slug,
    name: { ...lt(r.name_zh, r.name_en), ...other.name },
    summary: { ...lt(r.summary_zh, r.summary_en), ...other.summary },
    kind: r.kind,
    jurisdictionLevel: r.jurisdiction_level,
    place: { ...lt(r.place_zh, r.place_en), ...other.place },
    deploymentStatus: r.deployment_status,
    // A mirrored record's revision status is a word of this register's review process, which does
    // not govern it: lists, exports and the API say "source_regime" instead (registry/records/query.ts SOURCE_REGIME).
    reviewStatus: mirrored ? SOURCE_REGIME : r.review_status,
    impactLevel: r.impact_level,
    sunsetDate: r.sunset_date,
    // A mirrored record is never judged by this register's sunset rule (registry/standard/regime.ts).
    sunsetState: sunsetState({ deploymentStatus: r.deployment_status, reviewStatus: r.review_status, sunsetDate: r.sunset_date, mirrored }, today),
    regime: r.regime,
    policyDomain: r.policy_domain,
    retirement: r.retired_on ? { date: r.retired_on, reason: { ...lt(r.retirement_reason_zh, r.retirement_reason_en), ...other.retirementReason } } : null,
    updatedAt: r.updated_at,
    incidentCount: r.incident_count,
    commentCount: r.comment_count,
  };
}

/** The list rows of the tools at these index positions, in that order. */
export function rowsAt(db: Db, index: ListIndex, positions: number[]): ToolRow[] {
  return rowsOfSeqs(
    db,
    positions.map((p) => index.seq[p]!),
  );
}

/**
 * The rows of some tools by seq, in that order. A tool no longer published (or gone) is left out:
 * a list index being rebuilt in the background still holds it (list-index.server.ts).
 */
export function rowsOfSeqs(db: Db, seqs: number[]): ToolRow[] {
  if (!seqs.length) return [];
  const rows = stmt(db, `SELECT ${TOOL_COLUMNS} FROM tools t WHERE t.seq IN (${seqs.map(() => "?").join(", ")}) AND t.published_revision_id IS NOT NULL`).all(...seqs) as ToolRow[];
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.flatMap((s) => bySeq.get(s) ?? []);
}
