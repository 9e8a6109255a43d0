// The front page's summary of the register: counts by facet, tools due for sunset or running
// without a lawful end date, and the latest publications. Read model `getHomeSummary(ctx, query)`, async.
import { stmt } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import type { FacetName } from "./query";
import { getListIndex, pageOf } from "./list-index.server";
import { filterAndCountCached } from "./facet-count-delta.server";
import type { LocalizedText } from "../standard/v1";
import { isUnlawfulToRun, todayIso, SUNSET_STATES, type SunsetState } from "../lifecycle/sunset";
import { rowsAt, toolNameOf, toSummary, type ToolSummary } from "./summary.server";
import type { FacetCount } from "./list.server";

export type HomeSummary = {
  total: number;
  byKind: FacetCount[];
  byDeployment: FacetCount[];
  byReview: FacetCount[];
  byLevel: FacetCount[];
  bySunset: FacetCount[];
  /** By the rules that govern the record: this register's, or the register it is mirrored from. */
  byRegime: FacetCount[];
  /**
   * Records mirrored from another register. The list index never counts them as unreviewed,
   * not assessed, lapsed, due or without a lawful end date (their review, level and sunset values
   * are "source_regime", registry/records/list-index.server.ts), so they are in none of the
   * lists and counts that judge by this register's rules; the page says how many.
   */
  mirroredCount: number;
  dueSoon: ToolSummary[];
  unlawful: ToolSummary[];
  unlawfulCount: number;
  recent: { id: string; name: LocalizedText; revision: number; status: string; publishedAt: string }[];
  /** Made from a list index still being rebuilt (registry/records/list-index.server.ts): not to be cached. */
  stale: boolean;
};

export async function getHomeSummary(ctx: Ctx, q: { today?: string } = {}): Promise<HomeSummary> {
  const { db } = ctx;
  const today = q.today ?? todayIso(ctx.now);
  const index = getListIndex(db, today);
  const { total, facets } = filterAndCountCached(index, { q: "", sort: "name", page: 1 }, null, null, null);
  const byCount = (f: FacetName): FacetCount[] =>
    facets[f].map(({ value, count }) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const sunsetCodes = (states: SunsetState[]) => new Set(states.map((st) => SUNSET_STATES.indexOf(st)));
  const inStates = (states: SunsetState[]) => {
    const codes = sunsetCodes(states);
    return Uint8Array.from(index.bytes.sunset, (c) => (codes.has(c) ? 1 : 0));
  };
  // The sunset order is "no date last, then by date, then id", as the lists want.
  const listBy = (states: SunsetState[], limit: number) => rowsAt(db, index, pageOf(index.orders.sunset, inStates(states), 0, limit)).map((r) => toSummary(r, today));
  const unlawfulCount = facets.sunset.filter((c) => isUnlawfulToRun(c.value as SunsetState)).reduce((n, c) => n + c.count, 0);
  const recent = (
    stmt(
      db,
      `SELECT t.id, t.name_zh, t.name_en, t.texts_other, r.number, r.status, r.published_at FROM revisions r JOIN tools t ON t.seq = r.tool_seq
       WHERE r.published_at IS NOT NULL ORDER BY r.published_at DESC, r.id DESC LIMIT 10`,
    ).all() as { id: string; name_zh: string | null; name_en: string | null; texts_other: string | null; number: number; status: string; published_at: string }[]
  ).map((r) => ({ id: r.id, name: toolNameOf(r), revision: r.number, status: r.status, publishedAt: r.published_at }));
  return {
    total,
    byKind: byCount("kind"),
    byDeployment: byCount("status"),
    byReview: byCount("review"),
    byLevel: byCount("level"),
    bySunset: byCount("sunset"),
    byRegime: byCount("regime"),
    mirroredCount: facets.regime.filter((c) => c.value !== "this_register").reduce((n, c) => n + c.count, 0),
    dueSoon: listBy(["due_soon"], 10),
    unlawful: listBy(["lapsed", "no_sunset"], 10),
    unlawfulCount,
    recent,
    stale: index.stale,
  };
}
