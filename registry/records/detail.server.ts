// One published record as its public page shows it: the record, its revision, the confirmed
// responsible agencies, impact, sunset state, consultation, reviews and public comments.
// Drafts never leave their agency. The read model is `getToolDetail(ctx, query)`, async.
import { stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { computeImpactLevel, type ImpactResult } from "../standard/impact";
import { publicReviews, type PublicReview } from "./history.server";
import { consultationWindow } from "../review/obligations";
import { isDeclined, isLinkConfirmed, responsibilityConsent } from "./responsibility.server";
import { listPublicComments, type PublicComment } from "../voice/comments.server";
import { readStoredRecord, type LocalizedText, type ToolRecord } from "../standard/v1";
import { mirroredFrom } from "../standard/regime";
import { sunsetState, todayIso, type SunsetState } from "../lifecycle/sunset";
import { lt } from "./summary.server";
import type { AgencyLink } from "./agencies.server";
import { provenanceOf, type Provenance } from "./provenance.server";

export type ToolDetail = {
  id: string;
  record: ToolRecord;
  revision: { number: number; status: string; publishedAt: string };
  revisionCount: number;
  /** The responsible agencies whose link is confirmed (registry/records/responsibility.server.ts): the ones shown as responsible. */
  agencies: Record<string, AgencyLink>;
  /**
   * Agencies the owning agency's official named in the record that have not confirmed it. The
   * record keeps them as submitted; pages say they are not confirmed, and nothing else lists them.
   */
  unconfirmedAgencies: Record<string, AgencyLink>;
  impact: ImpactResult | null;
  sunsetState: SunsetState;
  updatedAt: string;
  /** The public consultation of this revision (level III+), if any. */
  consultation: { opens: string; closes: string } | null;
  /** Reviews of this revision: decisions, public summaries, findings and conditions. */
  reviews: PublicReview[];
  /** Published (and removed) public comments with the agency's replies. */
  comments: PublicComment[];
  /** The agency's response to the closed consultation: what was raised, what changed. */
  consultationResponse: { raised: LocalizedText; changed: LocalizedText; postedAt: string } | null;
  /** Who registered the tool (the register's editors or its agency) and which agency took over an editors' record, when. */
  provenance: Provenance | null;
  /**
   * The record is mirrored from another register (standard v1.1 `regime`), whose rules govern it:
   * which register, where the record is there, when it was copied, and what the source itself
   * says about review and assessment. Null for a record this register governs. A mirrored record
   * is read-only here, never reviewed or consulted on by this register, and its pages speak of
   * the source's facts, never of this register's review, sunset or impact rules.
   */
  mirrored: MirroredInfo | null;
  /** The whole record is withheld (standard v1.1): its page shows only its name, id and this notice. */
  withheldRecord: NonNullable<ToolRecord["withheldRecord"]> | null;
};

type Classification = NonNullable<ToolRecord["classifications"]>[number];
type GovernanceAnswer = NonNullable<NonNullable<ToolRecord["governance"]>["independentReview"]>;

export type MirroredInfo = {
  /** The source register's key (registry/standard/labels.ts `register` names the known ones). */
  register: string;
  /** The record's address in the source register. */
  sourceUrl: string;
  /** The day the record was copied from the source register. */
  /** When the record was copied (a day, month or year), or null when the copy is undated. */
  retrievedOn: string | null;
  /** The record's id in the source register, when its `externalIds` give it. */
  sourceId: string | null;
  /** What the source says about review and assessment (shown instead of this register's review status). */
  review: SourceReviewFacts;
};

export type SourceReviewFacts = {
  /** The source's answer on independent review (planned, in progress, done, not applicable), if it gives one. */
  independentReview: GovernanceAnswer | null;
  /** The classes the source regimes gave the tool (never this register's own level). */
  classifications: Classification[];
  /** Published assessments the record lists. */
  assessmentDocuments: number;
};

/** What a record itself says about review and assessment, in its source's terms. */
export function sourceReviewFacts(record: ToolRecord): SourceReviewFacts {
  return {
    independentReview: record.governance?.independentReview ?? null,
    classifications: (record.classifications ?? []).filter((c) => c.scheme !== "register-impact-level"),
    assessmentDocuments: record.assessments.documents.length,
  };
}

/** Whether the source reports anything about review or assessment at all. */
export function hasSourceReviewFacts(f: SourceReviewFacts): boolean {
  return f.independentReview !== null || f.classifications.length > 0 || f.assessmentDocuments > 0;
}

/** The regime of a mirrored record as its pages show it; null for a record this register governs. */
export function mirroredInfo(record: ToolRecord): MirroredInfo | null {
  const m = mirroredFrom(record);
  if (!m) return null;
  const ext = record.externalIds?.find((e) => e.register === m.register);
  return { register: m.register, sourceUrl: m.sourceUrl, retrievedOn: m.retrievedOn ?? null, sourceId: ext?.id ?? null, review: sourceReviewFacts(record) };
}

export type ToolLookup = { found: ToolDetail } | { redirectTo: string } | null;

export type ToolDetailQuery = {
  /** The tool's public id (any case) or its slug. */
  idOrSlug: string;
  /** The day the sunset state is computed for; `todayIso(ctx.now)` when not given. */
  today?: string;
};

/** A tool by public id; a slug answers with the id to redirect to; null when there is no public record. */
export async function getToolDetail(ctx: Ctx, q: ToolDetailQuery): Promise<ToolLookup> {
  const { db } = ctx;
  const idOrSlug = q.idOrSlug;
  if (idOrSlug.length > 100) return null;
  const row = stmt(
    db,
    `SELECT t.seq, t.id, t.updated_at, r.id AS revision_id, r.number, r.status, r.record, r.published_at, r.submitted_at,
       (SELECT count(*) FROM revisions x WHERE x.tool_seq = t.seq AND x.status <> 'draft') AS revision_count
     FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.id = ?`,
  ).get(idOrSlug.toUpperCase()) as
    | { seq: number; id: string; updated_at: string; revision_id: number; number: number; status: string; record: string; published_at: string; submitted_at: string | null; revision_count: number }
    | undefined;
  if (!row) {
    const bySlug = stmt(db, `SELECT id FROM tools WHERE slug = ? AND published_revision_id IS NOT NULL`).get(idOrSlug) as { id: string } | undefined;
    return bySlug ? { redirectTo: bySlug.id } : null;
  }
  // The stored record was validated when written; parsing again applies defaults and types it.
  const record = readStoredRecord(row.record);
  // The record is frozen at submission; the review status moves on with the review, so the
  // revision's own status is the truth.
  record.lifecycle.reviewStatus = row.status as typeof record.lifecycle.reviewStatus;
  const agencies: Record<string, AgencyLink> = {};
  const unconfirmedAgencies: Record<string, AgencyLink> = {};
  const consent = responsibilityConsent(db, row.seq);
  // An agency that declined the link is left off the page altogether.
  record.responsibility.agencies = record.responsibility.agencies.filter((ref) => {
    const a = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(ref.agency) as { id: number } | undefined;
    return a === undefined || !isDeclined(db, row.seq, a.id);
  });
  for (const ref of record.responsibility.agencies) {
    const a = stmt(db, `SELECT id, slug, name_zh, name_en FROM agencies WHERE slug = ?`).get(ref.agency) as
      | { id: number; slug: string; name_zh: string | null; name_en: string | null }
      | undefined;
    if (a) (isLinkConfirmed(consent, a.id) ? agencies : unconfirmedAgencies)[a.slug] = { slug: a.slug, name: lt(a.name_zh, a.name_en) };
  }
  const today = q.today ?? todayIso(ctx.now);
  const impact = record.assessments.impact ? computeImpactLevel(record.assessments.impact) : null;
  const mirrored = mirroredInfo(record);
  // Editors' records were never submitted for review, so they have no consultation; nor has a
  // record mirrored from another register, which this register never reviews.
  const reviewed = row.status !== "unreviewed" && !mirrored;
  const reviews = reviewed ? (publicReviews(db, [row.revision_id]).get(row.revision_id) ?? []) : [];
  return {
    found: {
      id: row.id,
      record,
      revision: { number: row.number, status: row.status, publishedAt: row.published_at },
      revisionCount: row.revision_count,
      agencies,
      unconfirmedAgencies,
      impact,
      sunsetState: sunsetState({ ...record.lifecycle, reviewStatus: row.status, mirrored: mirrored !== null }, today),
      updatedAt: row.updated_at,
      consultation: reviewed && row.submitted_at ? consultationWindow(impact, row.submitted_at.slice(0, 10)) : null,
      reviews,
      comments: listPublicComments(row.id, db),
      consultationResponse: consultationResponseOf(db, row.revision_id),
      provenance: provenanceOf(db, row.id),
      mirrored,
      withheldRecord: record.withheldRecord ?? null,
    },
  };
}

function consultationResponseOf(db: Db, revisionId: number): ToolDetail["consultationResponse"] {
  const r = stmt(db, `SELECT raised_zh, raised_en, changed_zh, changed_en, posted_at FROM consultation_responses WHERE revision_id = ?`).get(revisionId) as
    | { raised_zh: string | null; raised_en: string | null; changed_zh: string | null; changed_en: string | null; posted_at: string }
    | undefined;
  return r ? { raised: lt(r.raised_zh, r.raised_en), changed: lt(r.changed_zh, r.changed_en), postedAt: r.posted_at } : null;
}
