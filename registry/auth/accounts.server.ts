// Creating, finding and switching off accounts.
import { z } from "zod";
import { invalid, zodIssues } from "../shared/errors";
import { getDb, stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { hashPassword } from "./password.server";
import { ROLES, type Actor, type Role } from "./roles";

export const MIN_PASSWORD_LENGTH = 12;

export const NewUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("err_email_invalid").max(200),
    displayName: z.string().trim().min(1, "err_display_name_missing").max(100),
    role: z.enum(ROLES, { message: "err_role_invalid" }),
    agency: z.string().trim().min(1).max(80).optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, "err_password_short").max(200),
    isDemo: z.boolean().default(false),
  })
  .refine((u) => u.role === "admin" || u.agency !== undefined, {
    message: "err_account_agency_missing",
    path: ["agency"],
  });
export type NewUser = z.input<typeof NewUserSchema>;

/** Validate, hash the password, insert. Throws RegistryError("invalid") with one issue per problem. */
export async function createUser(ctx: Ctx, input: NewUser): Promise<Actor> {
  const { db } = ctx;
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  const u = parsed.data;
  let agencyId: number | null = null;
  if (u.agency) {
    const row = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(u.agency) as { id: number } | undefined;
    if (!row) throw invalid([{ code: "err_agency_unknown", path: "agency", params: { agency: u.agency } }]);
    agencyId = row.id;
  }
  if (stmt(db, `SELECT 1 FROM users WHERE email = ?`).get(u.email)) throw invalid([{ code: "err_email_taken", path: "email" }]);
  const passwordHash = await hashPassword(u.password);
  const info = stmt(
    db,
    `INSERT INTO users (email, display_name, role, agency_id, password_hash, is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(u.email, u.displayName, u.role, u.role === "admin" ? null : agencyId, passwordHash, u.isDemo ? 1 : 0, ctx.now.toISOString());
  return actorById(Number(info.lastInsertRowid), db)!;
}

type UserRow = { id: number; email: string; display_name: string; role: Role; agency_id: number | null; agency_slug: string | null };
const USER_SELECT = `SELECT u.id, u.email, u.display_name, u.role, u.agency_id, a.slug AS agency_slug
  FROM users u LEFT JOIN agencies a ON a.id = u.agency_id`;
const toActor = (r: UserRow): Actor => ({ id: r.id, email: r.email, displayName: r.display_name, role: r.role, agencyId: r.agency_id, agencySlug: r.agency_slug });

export function actorById(id: number, db: Db = getDb()): Actor | null {
  const r = stmt(db, `${USER_SELECT} WHERE u.id = ? AND u.disabled_at IS NULL`).get(id) as UserRow | undefined;
  return r ? toActor(r) : null;
}

/** Switch off (not delete) every seeded demo account, and end their sessions. */
export function disableDemoAccounts(opts: { at?: string } = {}, db: Db = getDb()): number {
  return db.$client.transaction(() => {
    stmt(db, `DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE is_demo = 1)`).run();
    return stmt(db, `UPDATE users SET disabled_at = ? WHERE is_demo = 1 AND disabled_at IS NULL`).run(opts.at ?? new Date().toISOString()).changes;
  })();
}
