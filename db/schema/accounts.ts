// Accounts: one role per user. Officials belong to the agency whose records they edit;
// reviewers belong to an agency too, so the register can refuse them their own agency's tools.
// Admins manage accounts and agencies and never review.
import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { agencies } from "./agencies";

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Lower-case; the login name. */
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["official", "reviewer", "admin"] }).notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    /** scrypt$N$r$p$salt$hash (base64). Never the password. */
    passwordHash: text("password_hash").notNull(),
    /** Seeded demo accounts are marked so they can be switched off together. */
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    disabledAt: text("disabled_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("users_agency_idx").on(t.agencyId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself lives only in the cookie. */
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Failed (and in-flight) logins, for the back-off per account and per address. Old rows are pruned. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /**
     * "pair:<hmac>" (one account from one address), "address:<hmac>" or "account:<hmac>": keyed
     * hashes only (registry/shared/client-address.server.ts). A row is written when an attempt is
     * reserved, before its password check, and deleted if the password was right.
     */
    bucket: text("bucket").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_failures_bucket_idx").on(t.bucket, t.at)],
);
