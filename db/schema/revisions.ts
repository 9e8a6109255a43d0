// Revisions are immutable once submitted: triggers in a custom migration refuse any change to
// the record of a non-draft revision and any delete of one.
import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tools } from "./tools";

export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    toolSeq: integer("tool_seq")
      .notNull()
      .references(() => tools.seq),
    number: integer("number").notNull(),
    status: text("status").notNull(),
    record: text("record").notNull(),
    recordSha256: text("record_sha256").notNull(),
    createdAt: text("created_at").notNull(),
    submittedAt: text("submitted_at"),
    publishedAt: text("published_at"),
    /** The official who wrote the revision; null for the editors' records. */
    createdBy: integer("created_by"),
  },
  (t) => [uniqueIndex("revisions_tool_number_idx").on(t.toolSeq, t.number), index("revisions_published_idx").on(t.publishedAt)],
);
