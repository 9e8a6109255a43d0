// Reviews of submitted revisions: one review per reviewer per revision, a finding per criterion
// (the ten review criteria of DESIGN.md), and the decision with its public summary.
import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { revisions } from "./revisions";
import { users } from "./accounts";

export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    startedAt: text("started_at").notNull(),
    /** approve | approve_with_conditions | request_changes | reject; null while open. */
    decision: text("decision"),
    decidedAt: text("decided_at"),
    summaryZh: text("summary_zh"),
    summaryEn: text("summary_en"),
  },
  (t) => [uniqueIndex("reviews_revision_reviewer_idx").on(t.revisionId, t.reviewerId)],
);

export const findings = sqliteTable(
  "findings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    /** 1-10, the review criteria. */
    criterion: integer("criterion").notNull(),
    /** met | partly_met | not_met | not_applicable */
    rating: text("rating").notNull(),
    /** low | medium | high */
    severity: text("severity"),
    recommendation: text("recommendation"),
    /** A condition the approval depends on, with its deadline. */
    condition: text("condition"),
    conditionDeadline: text("condition_deadline"),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [uniqueIndex("findings_review_criterion_idx").on(t.reviewId, t.criterion), index("findings_deadline_idx").on(t.conditionDeadline)],
);

/** The agency's response to a closed consultation: what was raised and what changed. Required before a decision at level III+. */
export const consultationResponses = sqliteTable("consultation_responses", {
  revisionId: integer("revision_id")
    .primaryKey()
    .references(() => revisions.id),
  raisedZh: text("raised_zh"),
  raisedEn: text("raised_en"),
  changedZh: text("changed_zh"),
  changedEn: text("changed_en"),
  postedAt: text("posted_at").notNull(),
  postedBy: integer("posted_by")
    .notNull()
    .references(() => users.id),
});
