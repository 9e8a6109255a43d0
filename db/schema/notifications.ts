// Notifications: an inbox row per person and notice, and the mail outbox the server's delivery
// loop works off (registry/notify). Both are written in the transaction of the event that caused
// them; time-based notices carry a dedupe key, unique, so they are written once per person and
// deadline however many workers sweep. Private: never exported, logged or shown to anyone else.
import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** submitted | decision | comment_published | report_confirmed | condition_due | sunset_due | ... */
    kind: text("kind").notNull(),
    /** Public tool id (ALG-...), when the notice concerns a tool. */
    toolId: text("tool_id"),
    /** JSON: the notice's parameters (names in both languages, dates, codes), never a sentence. */
    params: text("params").notNull(),
    /** The event that caused it, if any. */
    eventId: integer("event_id"),
    /** For time-based notices: `<kind>:<user>:<subject>:<deadline>`, unique. */
    dedupeKey: text("dedupe_key"),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.id), uniqueIndex("notifications_dedupe_idx").on(t.dedupeKey)],
);

export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    /** pending | sending | sent | failed (gave up) */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** When a pending row may be tried (again), or when a 'sending' lease runs out. */
    nextAttemptAt: text("next_attempt_at").notNull(),
    /** The last SMTP error: its code and response text, never the server's address or password. */
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

/** A person's notice settings; no row means mail on, in Chinese. */
export const noticePrefs = sqliteTable("notice_prefs", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** 0: inbox only, no mail. */
  emailNotices: integer("email_notices", { mode: "boolean" }).notNull().default(true),
  /** zh | en: the language of the mails. */
  lang: text("lang").notNull().default("zh"),
  updatedAt: text("updated_at").notNull(),
});
