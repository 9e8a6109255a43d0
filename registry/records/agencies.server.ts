// The public agency pages: every agency with its number of public tools, and one agency with its
// parent, children and the public tools it has a role in. Read models `listAgencies(ctx, query)` and
// `getAgencyPage(ctx, query)`, async.
import { stmt } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import type { LocalizedText } from "../standard/v1";
import { todayIso } from "../lifecycle/sunset";
import { lt, toSummary, TOOL_COLUMNS, type ToolRow, type ToolSummary } from "./summary.server";
import { getListIndex } from "./list-index.server";

export type AgencyLink = { slug: string; name: LocalizedText };

export type AgencyPage = {
  slug: string;
  name: LocalizedText;
  jurisdictionLevel: string;
  place: LocalizedText;
  website: string | null;
  parent: AgencyLink | null;
  children: AgencyLink[];
  tools: (ToolSummary & { roles: string[] })[];
};

export type AgencyListItem = AgencyLink & { jurisdictionLevel: string; toolCount: number };

type AgencyRow = {
  id: number;
  slug: string;
  name_zh: string | null;
  name_en: string | null;
  jurisdiction_level: string;
  place_zh: string | null;
  place_en: string | null;
  website: string | null;
  parent_id: number | null;
};

export type AgencyPageQuery = {
  slug: string;
  /** The day sunset states are computed for; `todayIso(ctx.now)` when not given. */
  today?: string;
};

/** One agency's public page, or null when there is no agency with this slug. */
export async function getAgencyPage(ctx: Ctx, q: AgencyPageQuery): Promise<AgencyPage | null> {
  const { db } = ctx;
  const { slug } = q;
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const a = stmt(db, `SELECT * FROM agencies WHERE slug = ?`).get(slug) as AgencyRow | undefined;
  if (!a) return null;
  const today = q.today ?? todayIso(ctx.now);
  const link = (r: { slug: string; name_zh: string | null; name_en: string | null }): AgencyLink => ({ slug: r.slug, name: lt(r.name_zh, r.name_en) });
  const parent = a.parent_id ? (stmt(db, `SELECT slug, name_zh, name_en FROM agencies WHERE id = ?`).get(a.parent_id) as AgencyRow | undefined) : undefined;
  const children = stmt(db, `SELECT slug, name_zh, name_en FROM agencies WHERE parent_id = ? ORDER BY slug`).all(a.id) as AgencyRow[];
  const rows = stmt(
    db,
    `SELECT ${TOOL_COLUMNS}, group_concat(ta.role) AS roles FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq
     WHERE ta.agency_id = ? AND t.published_revision_id IS NOT NULL GROUP BY t.seq ORDER BY t.id`,
  ).all(a.id) as (ToolRow & { roles: string })[];
  return {
    slug: a.slug,
    name: lt(a.name_zh, a.name_en),
    jurisdictionLevel: a.jurisdiction_level,
    place: lt(a.place_zh, a.place_en),
    website: a.website,
    parent: parent ? link(parent) : null,
    children: children.map(link),
    tools: rows.map((r) => ({ ...toSummary(r, today), roles: r.roles.split(",") })),
  };
}

/** Every agency by slug; `stale` when the tool counts come from a list index being rebuilt (not to be cached). */
export type AgencyList = { agencies: AgencyListItem[]; stale: boolean };

/**
 * Every agency, by slug, with the number of public tools it has a role in. The counts come from
 * the list index (each public tool's distinct agencies, registry/records/list-index.server.ts), not
 * from SQL: counting through tool_agencies and tools read 200,000 links and 100,000 tool rows at
 * 100,000 tools (about 500 ms on the server's thread, for the page and every page of the API).
 */
export async function listAgencies(ctx: Ctx, q: { today?: string } = {}): Promise<AgencyList> {
  const index = getListIndex(ctx.db, q.today ?? todayIso(ctx.now));
  const counts = new Map<number, number>();
  for (let p = 0; p < index.n; p++)
    for (let k = index.agencyStart[p]!, end = index.agencyEnd[p]!; k < end; k++) {
      const id = index.agencyIds[k]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  const rows = stmt(ctx.db, `SELECT a.id, a.slug, a.name_zh, a.name_en, a.jurisdiction_level FROM agencies a ORDER BY a.slug`).all() as Pick<AgencyRow, "id" | "slug" | "name_zh" | "name_en" | "jurisdiction_level">[];
  return {
    agencies: rows.map((r) => ({ slug: r.slug, name: lt(r.name_zh, r.name_en), jurisdictionLevel: r.jurisdiction_level, toolCount: counts.get(r.id) ?? 0 })),
    stale: index.stale,
  };
}
