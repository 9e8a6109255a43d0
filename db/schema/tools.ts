// `tools` is the public projection of each tool's latest published revision: the columns the
// list, facets and sorting need, kept in step with `revisions` by registry/records/publish.server.ts in
// the same transaction. The full record lives only in `revisions.record`.
import { sqliteTable, integer, text, index, primaryKey } from "drizzle-orm/sqlite-core";
import { agencies } from "./agencies";

export const tools = sqliteTable(
  "tools",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    slug: text("slug").notNull().unique(),
    publishedRevisionId: integer("published_revision_id"),
    nameZh: text("name_zh"),
    nameEn: text("name_en"),
    /** The Chinese name's sort key (registry/records/search/pinyin.ts `sortKeyZh`): pinyin syllables, then tones and the name; byte order is pinyin order. */
    nameSortZh: text("name_sort_zh"),
    summaryZh: text("summary_zh"),
    summaryEn: text("summary_en"),
    kind: text("kind").notNull(),
    jurisdictionLevel: text("jurisdiction_level").notNull(),
    placeZh: text("place_zh"),
    placeEn: text("place_en"),
    policyDomain: text("policy_domain").notNull(),
    deploymentStatus: text("deployment_status").notNull(),
    reviewStatus: text("review_status").notNull(),
    impactLevel: text("impact_level"),
    sunsetDate: text("sunset_date"),
    // The retirement of a retired tool, projected so exports need not parse each record.
    retiredOn: text("retired_on"),
    retirementReasonZh: text("retirement_reason_zh"),
    retirementReasonEn: text("retirement_reason_en"),
    /** The name, summary, place and retirement reason in languages other than zh and en, as JSON (registry/standard/text-langs.ts); null when none. */
    textsOther: text("texts_other"),
    /**
     * Which rules govern the record (standard v1.1 `regime`, registry/standard/regime.ts):
     * "this_register", or the key of the foreign register it is mirrored from (e.g. "uk-atrs").
     * Projected so the list, its facets and counts never judge a mirrored record by this
     * register's rules (migration 0022).
     */
    regime: text("regime").notNull().default("this_register"),
    hasSensitiveData: integer("has_sensitive_data", { mode: "boolean" }).notNull().default(false),
    incidentCount: integer("incident_count").notNull().default(0),
    /** Published public comments, for the list and detail pages. */
    commentCount: integer("comment_count").notNull().default(0),
    /** The agency whose officials edit this record; null for records the editors registered. */
    ownerAgencyId: integer("owner_agency_id").references(() => agencies.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("tools_review_idx").on(t.reviewStatus),
    index("tools_sunset_idx").on(t.sunsetDate),
    index("tools_updated_idx").on(t.updatedAt),
    index("tools_name_sort_zh_idx").on(t.nameSortZh),
  ],
);

export const toolAgencies = sqliteTable(
  "tool_agencies",
  {
    toolSeq: integer("tool_seq")
      .notNull()
      .references(() => tools.seq, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.toolSeq, t.agencyId, t.role] }), index("tool_agencies_agency_idx").on(t.agencyId, t.toolSeq)],
);

export const toolDataCategories = sqliteTable(
  "tool_data_categories",
  {
    toolSeq: integer("tool_seq")
      .notNull()
      .references(() => tools.seq, { onDelete: "cascade" }),
    category: text("category").notNull(),
  },
  // No index on category alone: nothing reads by category in SQL (migration 0024).
  (t) => [primaryKey({ columns: [t.toolSeq, t.category] })],
);

/** The incidents of each tool's public record, for the global incident log and its filters. */
export const toolIncidents = sqliteTable(
  "tool_incidents",
  {
    toolSeq: integer("tool_seq")
      .notNull()
      .references(() => tools.seq, { onDelete: "cascade" }),
    /** Position in the record's incident list. */
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    /** YYYY, YYYY-MM or YYYY-MM-DD, as recorded. */
    date: text("date").notNull(),
    titleZh: text("title_zh"),
    titleEn: text("title_en"),
    peopleAffected: integer("people_affected"),
    regulatorNotified: integer("regulator_notified", { mode: "boolean" }),
  },
  (t) => [primaryKey({ columns: [t.toolSeq, t.position] }), index("tool_incidents_kind_date_idx").on(t.kind, t.date), index("tool_incidents_date_idx").on(t.date)],
);
