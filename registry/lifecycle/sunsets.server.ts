// The public reads about sunsets: the overview page, the Atom feed's entries and an agency's tools
// that are due. Sunset states are computed on read from the dates (registry/lifecycle/sunset.ts),
// so a tool lapses at midnight after its sunset date with no job to run.
//
// Read models `getSunsetOverview(ctx, query)` and `sunsetFeed(ctx, query)` are async.
// `toolsDueForAgency(agencyId, opts, db)` stays a synchronous internal: registry/review/
// workflow.server.ts (listAgencyWork) calls it without awaiting.
import { getDb, stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { pageOf } from "../records/list-index.server";
import { selectTools } from "../records/list.server";
import type { QueryNotice, ToolQuery } from "../records/query";
import { rowsAt, toSummary, TOOL_COLUMNS, type ToolRow, type ToolSummary } from "../records/summary.server";
import type { LocalizedText } from "../standard/v1";
import { addDays, DUE_SOON_DAYS, todayIso, SUNSET_STATES, type SunsetState } from "./sunset";

export type { ToolSummary } from "../records/summary.server";
// The feed's entries moved to sunset-feed.server.ts.
export { sunsetFeed, type SunsetFeedEntry } from "./sunset-feed.server";

export const SUNSET_LIST_LIMIT = 50;

export type SunsetOverview = {
  today: string;
  /** The list filters the overview was narrowed by (never the sunset filter itself). */
  query: ToolQuery;
  notices: QueryNotice[];
  counts: Record<"lapsed" | "due_soon" | "no_sunset" | "ok", number>;
  /**
   * Tools the filters select that are mirrored from another register and not retired (sunset
   * state "source_regime"): their source register's rules, not this register's, decide when they
   * end, so they are in none of the groups; the page says how many were left out.
   */
  mirrored: number;
  /** Tools of each kind among those the other filters select (for the kind filter). */
  kinds: { value: string; count: number }[];
  /** The chosen agency when there is one, and the agencies' names for the chosen filters. */
  agency?: { slug: string; name: LocalizedText };
  facets: { agency: { value: string; count: number; label?: LocalizedText }[] };
  lapsed: ToolSummary[];
  dueSoon: ToolSummary[];
  noSunset: ToolSummary[];
  upcoming: ToolSummary[];
  /** Made from a list index still being rebuilt (registry/records/list-index.server.ts): not to be cached. */
  stale: boolean;
};

/**
 * The tools grouped by sunset state, narrowed by the list's filters (kind, agency, status...; the
 * same query as /tools, without its sunset filter, sort and page). Each list holds the first
 * SUNSET_LIST_LIMIT tools in sunset-date order; the counts are complete. `today` defaults to
 * `todayIso(ctx.now)`.
 */
export async function getSunsetOverview(ctx: Ctx, q: { today?: string; query?: ToolQuery; notices?: QueryNotice[] } = {}): Promise<SunsetOverview> {
  const { db } = ctx;
  const today = q.today ?? todayIso(ctx.now);
  const notices = [...(q.notices ?? [])];
  const base: ToolQuery = { ...(q.query ?? { q: "" }), sunset: undefined, sort: "sunset", page: 1 };
  const sel = selectTools(base, { today, notices }, db);
  const { index, pass } = sel;
  const sunset = index.bytes.sunset;
  const pick = (s: SunsetState) => {
    const c = SUNSET_STATES.indexOf(s);
    const mask = Uint8Array.from(sunset, (v, p) => (v === c && pass[p] ? 1 : 0));
    return rowsAt(db, index, pageOf(index.orders.sunset, mask, 0, SUNSET_LIST_LIMIT)).map((r) => toSummary(r, today));
  };
  const counts = { lapsed: 0, due_soon: 0, no_sunset: 0, ok: 0 };
  let mirrored = 0;
  const sourceRegime = SUNSET_STATES.indexOf("source_regime");
  for (let p = 0; p < index.n; p++) {
    if (!pass[p]) continue;
    if (sunset[p] === sourceRegime) mirrored++;
    const s = SUNSET_STATES[sunset[p]!] as SunsetState;
    if (s in counts) counts[s as keyof typeof counts]++;
  }
  const query: ToolQuery = { ...sel.query, sunset: undefined, sort: "sunset", page: 1 };
  return {
    today,
    query,
    notices,
    counts,
    mirrored,
    kinds: sel.facets.kind,
    agency: sel.agency,
    facets: { agency: sel.facets.agency },
    lapsed: pick("lapsed"),
    dueSoon: pick("due_soon"),
    noSunset: pick("no_sunset"),
    upcoming: pick("ok"),
    stale: index.stale,
  };
}

/**
 * An agency's public tools that are due for sunset within 60 days or have lapsed, soonest first.
 * Synchronous internal (see the top of this file).
 */
export function toolsDueForAgency(agencyId: number, opts: { today?: string } = {}, db: Db = getDb()): ToolSummary[] {
  const today = opts.today ?? todayIso();
  const rows = stmt(
    db,
    `SELECT ${TOOL_COLUMNS} FROM tools t WHERE t.owner_agency_id = ? AND t.published_revision_id IS NOT NULL
       AND t.sunset_date IS NOT NULL AND t.sunset_date <= ? ORDER BY t.sunset_date, t.id`,
  ).all(agencyId, addDays(today, DUE_SOON_DAYS)) as ToolRow[];
  return rows.map((r) => toSummary(r, today)).filter((t) => t.sunsetState === "due_soon" || t.sunsetState === "lapsed");
}
