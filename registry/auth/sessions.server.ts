// Logging in and sessions. The session token is random, sent only in an HttpOnly cookie and
// stored only as its SHA-256, so a copy of the database does not hand out live sessions.
// Each session carries its own CSRF token, which every state-changing form sends back.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getDb, stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { actorById } from "./accounts.server";
import { clientAddressHmac, rateLimitAddress } from "../shared/client-address.server";
import type { Actor } from "./roles";

export const SESSION_DAYS = 7;

/**
 * Back-off for failed logins, per bucket: the first `free` failures within `windowMinutes` cost
 * nothing; after that each attempt has to wait `baseSeconds * 2^(failures - free)` seconds
 * (at most `maxSeconds`) after the bucket's latest attempt. There is no lock-out: the wait is
 * counted per bucket, so guessing from one address slows down that address, not the account's
 * owner signing in from elsewhere.
 *
 * - `accountAddress`: one account from one client address (cleared when that pair signs in);
 * - `address`: every account from one client address;
 * - `account`: one account from every address, with a much higher threshold, so guessing
 *   spread over many addresses still slows down.
 */
export const LOGIN_LIMITS = {
  accountAddress: { free: 5, windowMinutes: 24 * 60, baseSeconds: 60, maxSeconds: 15 * 60 },
  address: { free: 20, windowMinutes: 60, baseSeconds: 60, maxSeconds: 15 * 60 },
  account: { free: 50, windowMinutes: 24 * 60, baseSeconds: 30, maxSeconds: 15 * 60 },
} as const;
type BucketKind = keyof typeof LOGIN_LIMITS;
/** Failures older than the longest window are deleted. */
const KEEP_MS = Math.max(...Object.values(LOGIN_LIMITS).map((l) => l.windowMinutes)) * 60_000;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const token = () => randomBytes(32).toString("base64url");

export type LoginResult =
  | { ok: true; actor: Actor; sessionToken: string; expiresAt: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** How long a bucket with `n` recent failures, the latest at `latest`, must still wait (ms; 0: go ahead). */
export function loginBackoffMs(kind: BucketKind, n: number, latest: Date | null, now: Date): number {
  const l = LOGIN_LIMITS[kind];
  if (n < l.free || !latest) return 0;
  const delay = Math.min(l.maxSeconds, l.baseSeconds * 2 ** Math.min(n - l.free, 30)) * 1000;
  return Math.max(0, latest.getTime() + delay - now.getTime());
}

/**
 * Reserves one password check, atomically across processes (BEGIN IMMEDIATE): counts each
 * bucket's recent failures, pending checks included, refuses if any bucket must still wait,
 * and otherwise writes the attempt into every bucket as a failure. The caller deletes the
 * reservation when the password was right; otherwise it stays as the failure it was counted as.
 */
function reserveAttempt(buckets: Record<BucketKind, string>, now: Date, db: Db): { ok: true; ids: number[] } | { ok: false; retryAfterSeconds: number } {
  return db.$client
    .transaction((): { ok: true; ids: number[] } | { ok: false; retryAfterSeconds: number } => {
      let waitMs = 0;
      for (const kind of Object.keys(buckets) as BucketKind[]) {
        const since = new Date(now.getTime() - LOGIN_LIMITS[kind].windowMinutes * 60_000).toISOString();
        const { n, latest } = stmt(db, `SELECT count(*) AS n, max(at) AS latest FROM login_failures WHERE bucket = ? AND at > ?`).get(buckets[kind], since) as {
          n: number;
          latest: string | null;
        };
        waitMs = Math.max(waitMs, loginBackoffMs(kind, n, latest ? new Date(latest) : null, now));
      }
      if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      const insert = stmt(db, `INSERT INTO login_failures (bucket, at) VALUES (?, ?) RETURNING id`);
      const ids = Object.values(buckets).map((b) => (insert.get(b, now.toISOString()) as { id: number }).id);
      stmt(db, `DELETE FROM login_failures WHERE at < ?`).run(new Date(now.getTime() - KEEP_MS).toISOString());
      return { ok: true, ids };
    })
    .immediate();
}

/**
 * Checks the password and opens a session. Unknown account and wrong password give the same
 * answer after the same scrypt work. Each attempt is reserved before the password is checked
 * (see reserveAttempt), so concurrent attempts cannot run more checks than the limits allow;
 * a bucket that must still wait gets `rate_limited` with the seconds left, before any check.
 * Client addresses and e-mails are stored only as keyed hashes (client-address.server.ts).
 */
export async function login(
  ctx: Ctx,
  input: { email: string; password: string },
  deps: { verify?: (password: string, hash: string) => Promise<boolean> } = {},
): Promise<LoginResult> {
  const { now, db } = ctx;
  const verify = deps.verify ?? verifyPassword;
  const email = String(input.email).trim().toLowerCase().slice(0, 200);
  const address = rateLimitAddress(ctx.address ?? "unknown");
  const buckets: Record<BucketKind, string> = {
    accountAddress: `pair:${clientAddressHmac("login", `${email}\u0000${address}`, db)}`,
    address: `address:${clientAddressHmac("login", address, db)}`,
    account: `account:${clientAddressHmac("login-account", email, db)}`,
  };
  const reservation = reserveAttempt(buckets, now, db);
  if (!reservation.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: reservation.retryAfterSeconds };

  const row = stmt(db, `SELECT id, password_hash, disabled_at FROM users WHERE email = ?`).get(email) as { id: number; password_hash: string; disabled_at: string | null } | undefined;
  // An account without a password yet (an open invitation) costs the same scrypt run as an unknown one.
  const stored = row?.password_hash.startsWith("scrypt$") ? row.password_hash : null;
  const valid = (await verify(input.password, stored ?? (await dummyPasswordHash()))) && stored !== null;
  if (!row || !valid) return { ok: false, reason: "invalid" };
  // Only someone who knows the password learns that the account is switched off; the attempt still counts.
  if (row.disabled_at) return { ok: false, reason: "disabled" };

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
    // The right password from this address: forget this attempt and this pair's failures. The
    // address's and the account's other failures stay: they may be someone else's guesses.
    const remove = stmt(db, `DELETE FROM login_failures WHERE id = ?`);
    for (const id of reservation.ids) remove.run(id);
    stmt(db, `DELETE FROM login_failures WHERE bucket = ?`).run(buckets.accountAddress);
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
