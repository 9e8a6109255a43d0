// Who did something, as the public log stores it: "editors", "register", a bare role, or
// "role@agency-slug" (registry/auth/roles.ts publicActor). The stored string is part of the hash
// chain and never changes; pages show the role and the agency's name instead of the slug.
import type { Ctx } from "../shared/context";
import { getDb, stmt, type Db } from "../shared/db.server";
import type { LocalizedText } from "../standard/v1";

export type ActorParts = { role: string; agencySlug: string | null };

export function actorParts(actor: string): ActorParts {
  const at = actor.indexOf("@");
  return at < 0 ? { role: actor, agencySlug: null } : { role: actor.slice(0, at), agencySlug: actor.slice(at + 1) };
}

/** The names of the agencies these actors belong to, by slug. */
export async function actorAgencyNames(ctx: Ctx, query: { actors: Iterable<string> }): Promise<Record<string, LocalizedText>> {
  const { db } = ctx;
  const { actors } = query;
  const out: Record<string, LocalizedText> = {};
  const q = stmt(db, `SELECT name_zh, name_en FROM agencies WHERE slug = ?`);
  for (const a of new Set(actors)) {
    const slug = actorParts(a).agencySlug;
    if (!slug || out[slug]) continue;
    const row = q.get(slug) as { name_zh: string; name_en: string | null } | undefined;
    if (row) out[slug] = { zh: row.name_zh, ...(row.name_en ? { en: row.name_en } : {}) };
  }
  return out;
}
