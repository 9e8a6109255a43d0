// Invitations to set a password: an admin creates an account without one, and the person opens a
// link with a random token. Only the token's SHA-256 is stored; a token is used once and expires.
import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

export const accountInvitations = sqliteTable(
  "account_invitations",
  {
    /** SHA-256 (hex) of the token; the token itself is shown once to the admin and never stored. */
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    /** When the password was set with it, or when a newer invitation made it void. */
    usedAt: text("used_at"),
  },
  (t) => [index("account_invitations_user_idx").on(t.userId)],
);
