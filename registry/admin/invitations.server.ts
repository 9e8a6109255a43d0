// Invitations to set a password. A token is 32 random bytes, shown once (to the admin, on the
// page that confirms the account) and stored only as its SHA-256; it works once, until it
// expires, and a newer invitation for the same account makes the older one void. Accounts made
// by an admin carry NO_PASSWORD until the invitation is used, so nobody can sign in with them.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { stmt, type Db } from "../shared/db.server";
import { parseInput, type Ctx } from "../shared/context";
import { invalid, wrongState } from "../shared/errors";
import { hashPassword } from "../auth/password.server";
import { actorById, MIN_PASSWORD_LENGTH } from "../auth/accounts.server";
import { publicActor } from "../auth/roles";
import { appendEvent } from "../log/log.server";

export const INVITATION_DAYS = 7;
/** The password hash of an account whose owner has not set a password yet: never a valid hash. */
export const NO_PASSWORD = "none";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Tokens are base64url of 32 bytes: 43 characters. Anything else is unknown without a lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Voids the account's open invitations and issues a new one; call inside the action's transaction. */
export function issueInvitation(db: Db, userId: number, now: Date): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  stmt(db, `UPDATE account_invitations SET used_at = ? WHERE user_id = ? AND used_at IS NULL`).run(now.toISOString(), userId);
  stmt(db, `INSERT INTO account_invitations (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`).run(sha256(token), userId, now.toISOString(), expiresAt);
  return { token, expiresAt };
}

export type InvitationState = "valid" | "expired" | "used" | "unknown";
type InvitationRow = { user_id: number; expires_at: string; used_at: string | null; disabled_at: string | null; password_hash: string };

function findInvitation(db: Db, token: string): InvitationRow | undefined {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  return stmt(
    db,
    `SELECT i.user_id, i.expires_at, i.used_at, u.disabled_at, u.password_hash FROM account_invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = ?`,
  ).get(sha256(token)) as InvitationRow | undefined;
}

function stateOf(row: InvitationRow | undefined, now: Date): InvitationState {
  if (!row || row.disabled_at) return "unknown";
  if (row.used_at || row.password_hash !== NO_PASSWORD) return "used";
  if (row.expires_at <= now.toISOString()) return "expired";
  return "valid";
}

const TokenInput = z.object({ token: z.string().max(200) });

/** Whether an invitation can still be used, and whose account it opens (display name only). */
export async function invitationStatus(ctx: Ctx, query: { token: string }): Promise<{ state: InvitationState; displayName?: string }> {
  const { token } = parseInput(TokenInput, query);
  const row = findInvitation(ctx.db, token);
  const state = stateOf(row, ctx.now);
  if (state !== "valid") return { state };
  return { state, displayName: actorById(row!.user_id, ctx.db)?.displayName };
}

const AcceptInput = z.object({
  token: z.string().max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH, "err_password_short").max(200),
  confirm: z.string().max(200),
});

/** Sets the account's password with a valid invitation and uses the invitation up. Returns the e-mail to sign in with. */
export async function acceptInvitation(ctx: Ctx, input: z.input<typeof AcceptInput>): Promise<{ email: string }> {
  const { db, now } = ctx;
  const { token, password, confirm } = parseInput(AcceptInput, input);
  const state = stateOf(findInvitation(db, token), now);
  if (state !== "valid") throw wrongState(`err_invitation_${state}`);
  if (password !== confirm) throw invalid([{ code: "err_password_mismatch", path: "confirm" }]);
  const hash = await hashPassword(password);
  return db.$client.transaction(() => {
    // Checked again inside the transaction: two tabs racing with the same link set one password.
    const row = findInvitation(db, token);
    const again = stateOf(row, now);
    if (again !== "valid") throw wrongState(`err_invitation_${again}`);
    stmt(db, `UPDATE users SET password_hash = ? WHERE id = ?`).run(hash, row!.user_id);
    stmt(db, `UPDATE account_invitations SET used_at = ? WHERE user_id = ? AND used_at IS NULL`).run(now.toISOString(), row!.user_id);
    const actor = actorById(row!.user_id, db)!;
    appendEvent({ kind: "account_activated", toolId: null, actor: publicActor(actor), at: now.toISOString(), payload: { account: actor.id } }, db);
    return { email: actor.email };
  })();
}
