// Only an admin manages accounts and agencies: every command of this folder starts here.
import { mayManageAccounts, type Actor } from "../auth/roles";
import type { Ctx } from "../shared/context";
import { RegistryError } from "../shared/errors";

export function requireAdmin(ctx: Ctx): Actor {
  if (!ctx.actor || !mayManageAccounts(ctx.actor)) throw new RegistryError("forbidden");
  return ctx.actor;
}
