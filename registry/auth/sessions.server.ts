// Logging in and sessions. The session token is random, sent only in an HttpOnly cookie and
// stored only as its SHA-256, so a copy of the database does not hand out live sessions.
// Each session carries its own CSRF token, which every state-changing form sends back.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getDb, stmt, type Db } from "../db.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { actorById } from "./accounts.server";
import type { Actor } from "./roles";

export const SESSION_DAYS = 7;
/** Failed logins allowed per window, per account and per client address. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const token = () => randomBytes(32).toString("base64url");

export type LoginResult =
  | { ok: true; actor: Actor; sessionToken: string; expiresAt: string }
  | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks the password and opens a session. Unknown account and wrong password give the same
 * answer after the same scrypt work. Too many failures for the account or the address within
 * the window refuse the attempt before any password is checked.
 */
export async function login(
  input: { email: string; password: string; address: string },
  opts: { now?: Date } = {},
  db: Db = getDb(),
): Promise<LoginResult> {
  const now = opts.now ?? new Date();
  const email = input.email.trim().toLowerCase().slice(0, 200);
  const buckets = [`account:${email}`, `address:${input.address}`];
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000).toISOString();
  const failures = (bucket: string) => (stmt(db, `SELECT count(*) AS n FROM login_failures WHERE bucket = ? AND at > ?`).get(bucket, since) as { n: number }).n;
  if (failures(buckets[0]!) >= LOGIN_LIMITS.perAccount || failures(buckets[1]!) >= LOGIN_LIMITS.perAddress) {
    return { ok: false, reason: "rate_limited" };
  }

  const row = stmt(db, `SELECT id, password_hash FROM users WHERE email = ? AND disabled_at IS NULL`).get(email) as { id: number; password_hash: string } | undefined;
  const valid = await verifyPassword(input.password, row?.password_hash ?? (await dummyPasswordHash()));
  if (!row || !valid) {
    db.$client.transaction(() => {
      const insert = stmt(db, `INSERT INTO login_failures (bucket, at) VALUES (?, ?)`);
      for (const b of buckets) insert.run(b, now.toISOString());
      stmt(db, `DELETE FROM login_failures WHERE at < ?`).run(new Date(now.getTime() - 24 * 3600_000).toISOString());
    })();
    return { ok: false, reason: "invalid" };
  }

  const sessionToken = token();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  db.$client.transaction(() => {
    stmt(db, `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(
      sha256(sessionToken),
      row.id,
      token(),
      now.toISOString(),
      expiresAt,
    );
    stmt(db, `DELETE FROM login_failures WHERE bucket = ?`).run(buckets[0]);
    stmt(db, `DELETE FROM sessions WHERE expires_at < ?`).run(now.toISOString());
  })();
  return { ok: true, actor: actorById(row.id, db)!, sessionToken, expiresAt };
}

export type Session = { actor: Actor; csrfToken: string };

/** The live session for a cookie token, or null (unknown, expired, or account switched off). */
export function sessionFor(sessionToken: string | null | undefined, opts: { now?: Date } = {}, db: Db = getDb()): Session | null {
  if (!sessionToken || sessionToken.length > 100) return null;
  const row = stmt(db, `SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = ?`).get(sha256(sessionToken)) as
    | { user_id: number; csrf_token: string; expires_at: string }
    | undefined;
  if (!row || row.expires_at <= (opts.now ?? new Date()).toISOString()) return null;
  const actor = actorById(row.user_id, db);
  return actor ? { actor, csrfToken: row.csrf_token } : null;
}

export function logout(sessionToken: string | null | undefined, db: Db = getDb()): void {
  if (sessionToken) stmt(db, `DELETE FROM sessions WHERE id_hash = ?`).run(sha256(sessionToken));
}

/** Constant-time comparison of the form's CSRF token with the session's. */
export function csrfMatches(session: Session, submitted: unknown): boolean {
  if (typeof submitted !== "string") return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
