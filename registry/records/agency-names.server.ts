// The names of agencies by slug, in both languages as the agencies table holds them: for staff
// pages that know an agency by its slug (the signed-in account's agency) and must show its name,
// never the slug. Read model `agencyNames(ctx, { slugs })`, async.
import { stmt } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import type { LocalizedText } from "../standard/v1";
import { lt } from "./summary.server";

export type AgencyName = { slug: string; name: LocalizedText };

/** Each known agency among `slugs` with its name; unknown slugs are left out. */
export async function agencyNames(ctx: Ctx, query: { slugs: Iterable<string | null | undefined> }): Promise<Record<string, AgencyName>> {
  const q = stmt(ctx.db, `SELECT slug, name_zh, name_en FROM agencies WHERE slug = ?`);
  const out: Record<string, AgencyName> = {};
  for (const slug of new Set(query.slugs)) {
    if (!slug || out[slug]) continue;
    const row = q.get(slug) as { slug: string; name_zh: string | null; name_en: string | null } | undefined;
    if (row) out[slug] = { slug: row.slug, name: lt(row.name_zh, row.name_en) };
  }
  return out;
}

/** The agency of a signed-in account with its name, or null for an account without one. */
export async function accountAgency(ctx: Ctx, query: { slug: string | null }): Promise<AgencyName | null> {
  if (!query.slug) return null;
  return (await agencyNames(ctx, { slugs: [query.slug] }))[query.slug] ?? null;
}
