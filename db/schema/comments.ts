// Public comments on records and the agency's replies. A comment is held for moderation; a
// reviewer publishes it, removes it with a reason shown to the public, or marks it as spam.
// The contact e-mail is for the agency only: it is never published or exported.
import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tools } from "./tools";
import { users } from "./accounts";

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    toolSeq: integer("tool_seq")
      .notNull()
      .references(() => tools.seq),
    /** The revision that was public when the comment was made. */
    revisionNumber: integer("revision_number").notNull(),
    displayName: text("display_name"),
    contactEmail: text("contact_email"),
    body: text("body").notNull(),
    /** pending | published | removed | spam */
    status: text("status").notNull(),
    removalReason: text("removal_reason"),
    /** SHA-256 of the client address (for rate limits), never the address itself. */
    addressHash: text("address_hash").notNull(),
    createdAt: text("created_at").notNull(),
    /**
     * A random token the comment form makes in the visitor's browser (null without JavaScript):
     * a resubmitted form carries the same token and is not stored twice.
     */
    clientToken: text("client_token"),
    moderatedAt: text("moderated_at"),
    moderatedBy: integer("moderated_by").references(() => users.id),
  },
  (t) => [
    index("comments_tool_idx").on(t.toolSeq, t.status, t.id),
    index("comments_status_idx").on(t.status, t.id),
    index("comments_address_idx").on(t.addressHash, t.createdAt),
    uniqueIndex("comments_client_token_idx").on(t.clientToken),
  ],
);

export const commentReplies = sqliteTable(
  "comment_replies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id),
    body: text("body").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    /** The agency the official replied for. */
    agencySlug: text("agency_slug").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("comment_replies_comment_idx").on(t.commentId)],
);
