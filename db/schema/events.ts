// The append-only event log. Each row carries the SHA-256 of the previous row's canonical JSON,
// so rewriting any row breaks the chain from there on (registry/log). Every event is public:
// drafts, the only private things, are not events. Triggers refuse UPDATE and DELETE.
import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";

export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey(),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    /** Public tool id (ALG-...), when the event concerns a tool. */
    toolId: text("tool_id"),
    /** Who acted, as shown publicly: role and agency slug, never a personal account. */
    actor: text("actor").notNull(),
    /** Canonical JSON of the event's details. */
    payload: text("payload").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("events_tool_idx").on(t.toolId, t.id)],
);
