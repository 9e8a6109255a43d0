// Security state that lives beside the register's data.
import { sqliteTable, integer, text, primaryKey } from "drizzle-orm/sqlite-core";
import { agencies } from "./agencies";
import { tools } from "./tools";

/**
 * Secrets created once per database (INSERT OR IGNORE, so concurrent workers agree on the first
 * one written): e.g. the HMAC key for client addresses. Never exported, mirrored or logged.
 */
export const registerSecrets = sqliteTable("register_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: text("created_at").notNull(),
});

/**
 * An agency listed as co-responsible by another agency's official has confirmed the link. Until
 * it has, the link is not shown publicly and disqualifies none of its reviewers. The owning
 * agency, and every agency of an editorial record (no owning agency), need no row here: they
 * count as confirmed by rule.
 */
export const toolAgencyConfirmations = sqliteTable(
  "tool_agency_confirmations",
  {
    toolSeq: integer("tool_seq")
      .notNull()
      .references(() => tools.seq, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    confirmedAt: text("confirmed_at").notNull(),
    /** The official of that agency who confirmed. */
    confirmedBy: integer("confirmed_by"),
  },
  (t) => [primaryKey({ columns: [t.toolSeq, t.agencyId] })],
);

/**
 * An agency named as co-responsible by another agency's official has declined the link: it is
 * never shown publicly and never counts, and the agency is no longer asked to confirm it.
 */
export const toolAgencyDeclines = sqliteTable(
  "tool_agency_declines",
  {
    toolSeq: integer("tool_seq")
      .notNull()
      .references(() => tools.seq, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    declinedAt: text("declined_at").notNull(),
    /** The official of that agency who declined. */
    declinedBy: integer("declined_by"),
  },
  (t) => [primaryKey({ columns: [t.toolSeq, t.agencyId] })],
);

/** The result of the latest full check of the event chain (one row, id 1), shared by workers. */
export const chainChecks = sqliteTable("chain_checks", {
  id: integer("id").primaryKey(),
  checkedAt: text("checked_at").notNull(),
  ok: integer("ok", { mode: "boolean" }).notNull(),
  headId: integer("head_id"),
  headHash: text("head_hash"),
  /** The first event (or revision) found broken, and what was wrong, when not ok. */
  brokenAt: text("broken_at"),
  detail: text("detail"),
});
