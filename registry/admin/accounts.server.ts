// Accounts on the web: an admin lists, creates (with an invitation, never a password), disables,
// re-enables and changes the role or agency of accounts. Every change is an event in the chain
// in the same transaction, naming the account by its number only: no e-mail, no name.
import { z } from "zod";
import { stmt, type Db } from "../shared/db.server";
import { parseInput, type Ctx } from "../shared/context";
import { invalid, RegistryError, wrongState } from "../shared/errors";
import { ROLES, type Role } from "../auth/roles";
import { appendEvent } from "../log/log.server";
import { requireAdmin } from "./guard";
import { issueInvitation, NO_PASSWORD } from "./invitations.server";

export type AccountState = "active" | "invited" | "disabled";
export type AccountRow = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  agencySlug: string | null;
  agencyName: { zh: string | null; en: string | null } | null;
  state: AccountState;
};

type Row = { id: number; email: string; display_name: string; role: Role; slug: string | null; name_zh: string | null; name_en: string | null; disabled_at: string | null; password_hash: string };
const SELECT = `SELECT u.id, u.email, u.display_name, u.role, u.disabled_at, u.password_hash, a.slug, a.name_zh, a.name_en FROM users u LEFT JOIN agencies a ON a.id = u.agency_id`;
const toRow = (r: Row): AccountRow => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  agencySlug: r.slug,
  agencyName: r.slug ? { zh: r.name_zh, en: r.name_en } : null,
  state: r.disabled_at ? "disabled" : r.password_hash === NO_PASSWORD ? "invited" : "active",
});

/** Every account, newest first. */
export async function listAccounts(ctx: Ctx): Promise<AccountRow[]> {
  requireAdmin(ctx);
  return (stmt(ctx.db, `${SELECT} ORDER BY u.id DESC`).all() as Row[]).map(toRow);
}

function accountRow(db: Db, id: number): AccountRow {
  const r = stmt(db, `${SELECT} WHERE u.id = ?`).get(id) as Row | undefined;
  if (!r) throw new RegistryError("not_found");
  return toRow(r);
}

function agencyId(db: Db, slug: string | undefined, role: Role): number | null {
  if (role === "admin") return null;
  if (!slug) throw invalid([{ code: "err_account_agency_missing", path: "agency" }]);
  const row = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(slug) as { id: number } | undefined;
  if (!row) throw invalid([{ code: "err_agency_unknown", path: "agency", params: { agency: slug } }]);
  return row.id;
}

const agencyField = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(80).optional());
const AccountId = z.coerce.number().int().positive();

const CreateInput = z.object({
  email: z.string().trim().toLowerCase().email("err_email_invalid").max(200),
  displayName: z.string().trim().min(1, "err_display_name_missing").max(100),
  role: z.enum(ROLES, { message: "err_role_invalid" }),
  agency: agencyField,
});
export type CreateAccountInput = z.input<typeof CreateInput>;

/** Creates an account without a password and an invitation to set one: the token is returned once, here. */
export async function createAccount(ctx: Ctx, input: CreateAccountInput): Promise<{ accountId: number; token: string; expiresAt: string }> {
  const admin = requireAdmin(ctx);
  const { db, now } = ctx;
  const u = parseInput(CreateInput, input);
  return db.$client.transaction(() => {
    const agency = agencyId(db, u.agency, u.role);
    if (stmt(db, `SELECT 1 FROM users WHERE email = ?`).get(u.email)) throw invalid([{ code: "err_email_taken", path: "email" }]);
    const info = stmt(db, `INSERT INTO users (email, display_name, role, agency_id, password_hash, is_demo, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)`).run(
      u.email,
      u.displayName,
      u.role,
      agency,
      NO_PASSWORD,
      now.toISOString(),
    );
    const accountId = Number(info.lastInsertRowid);
    const invitation = issueInvitation(db, accountId, now);
    appendEvent(
      { kind: "account_created", toolId: null, actor: admin.role, at: now.toISOString(), payload: { account: accountId, role: u.role, agency: u.role === "admin" ? null : (u.agency ?? null) } },
      db,
    );
    return { accountId, ...invitation };
  })();
}

const IdInput = z.object({ accountId: AccountId });

/** A new invitation for an account that has not set its password yet; the older link stops working. */
export async function reinviteAccount(ctx: Ctx, input: z.input<typeof IdInput>): Promise<{ accountId: number; token: string; expiresAt: string }> {
  const admin = requireAdmin(ctx);
  const { db, now } = ctx;
  const { accountId } = parseInput(IdInput, input);
  return db.$client.transaction(() => {
    const account = accountRow(db, accountId);
    if (account.state !== "invited") throw wrongState("err_account_not_invited");
    const invitation = issueInvitation(db, accountId, now);
    appendEvent({ kind: "account_reinvited", toolId: null, actor: admin.role, at: now.toISOString(), payload: { account: accountId } }, db);
    return { accountId, ...invitation };
  })();
}

const DisableInput = z.object({ accountId: AccountId, disabled: z.boolean() });

/** Switches an account off (its sessions end at once) or on again. An admin cannot switch off their own account. */
export async function setAccountDisabled(ctx: Ctx, input: z.input<typeof DisableInput>): Promise<void> {
  const admin = requireAdmin(ctx);
  const { db, now } = ctx;
  const { accountId, disabled } = parseInput(DisableInput, input);
  if (accountId === admin.id) throw wrongState("err_account_self");
  db.$client.transaction(() => {
    const account = accountRow(db, accountId);
    if ((account.state === "disabled") === disabled) throw wrongState(disabled ? "err_account_already_disabled" : "err_account_already_enabled");
    if (disabled) {
      stmt(db, `UPDATE users SET disabled_at = ? WHERE id = ?`).run(now.toISOString(), accountId);
      stmt(db, `DELETE FROM sessions WHERE user_id = ?`).run(accountId);
    } else stmt(db, `UPDATE users SET disabled_at = NULL WHERE id = ?`).run(accountId);
    appendEvent({ kind: disabled ? "account_disabled" : "account_enabled", toolId: null, actor: admin.role, at: now.toISOString(), payload: { account: accountId } }, db);
  })();
}

const ChangeInput = z.object({ accountId: AccountId, role: z.enum(ROLES, { message: "err_role_invalid" }), agency: agencyField });

/** Changes an account's role and agency (admins have none). An admin cannot change their own role. */
export async function changeAccount(ctx: Ctx, input: z.input<typeof ChangeInput>): Promise<void> {
  const admin = requireAdmin(ctx);
  const { db, now } = ctx;
  const c = parseInput(ChangeInput, input);
  if (c.accountId === admin.id) throw wrongState("err_account_self");
  db.$client.transaction(() => {
    const account = accountRow(db, c.accountId);
    const agency = agencyId(db, c.agency, c.role);
    const newSlug = c.role === "admin" ? null : (c.agency ?? null);
    if (account.role === c.role && account.agencySlug === newSlug) throw wrongState("err_account_unchanged");
    stmt(db, `UPDATE users SET role = ?, agency_id = ? WHERE id = ?`).run(c.role, agency, c.accountId);
    appendEvent(
      { kind: "account_role_changed", toolId: null, actor: admin.role, at: now.toISOString(), payload: { account: c.accountId, role: c.role, agency: newSlug } },
      db,
    );
  })();
}
