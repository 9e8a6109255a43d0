// The entries of the sunsets feed (/sunsets.atom): tools running without an end date, tools that
// became due for sunset (60 days before their sunset date) and tools that lapsed (the day after
// it), computed on read from the dates like every sunset state. The feed takes the list's
// filters: the same `ToolQuery` as /tools, through `selectTools`.
import type { Ctx } from "../shared/context";
import type { Db } from "../shared/db.server";
import { selectTools } from "../records/list.server";
import type { ListIndex } from "../records/list-index.server";
import type { ToolQuery } from "../records/query";
import { rowsAt, toSummary } from "../records/summary.server";
import type { LocalizedText } from "../standard/v1";
import { addDays, DUE_SOON_DAYS, todayIso, SUNSET_STATES, type SunsetState } from "./sunset";

export const SUNSET_FEED_STATES = ["lapsed", "due_soon", "no_sunset"] as const;
export type SunsetFeedState = (typeof SUNSET_FEED_STATES)[number];

export type SunsetFeedEntry = {
  id: string;
  toolId: string;
  name: LocalizedText;
  state: SunsetFeedState;
  /** The sunset date (null for a tool without one). */
  sunsetDate: string | null;
  /** When the entry happened: the day a tool lapsed or became due, or when a tool without an end date was last published. */
  updated: string;
};

/**
 * Newest first, at most `limit` (100 when not given). `query` narrows the tools as the list's
 * filters do (a search text included); `today` defaults to `todayIso(ctx.now)`.
 */
export async function sunsetFeed(ctx: Ctx, q: { today?: string; limit?: number; query?: ToolQuery } = {}): Promise<SunsetFeedEntry[]> {
  const { db } = ctx;
  const today = q.today ?? todayIso(ctx.now);
  const limit = Math.min(Math.max(1, q.limit ?? 100), 500);
  const { index, pass } = selectTools(q.query ?? { q: "", sort: "name", page: 1 }, { today, notices: [] }, db);
  const of = (state: SunsetState) => SUNSET_STATES.indexOf(state);
  // The newest lapses and due dates belong to the latest sunset dates (the sunset order backwards);
  // the newest tools without an end date are the latest updated ones (the updated order forwards).
  const lapsed = pick(index, pass, index.orders.sunset, true, of("lapsed"), limit);
  const due = pick(index, pass, index.orders.sunset, true, of("due_soon"), limit);
  const endless = pick(index, pass, index.orders.updated, false, of("no_sunset"), limit);
  const entries = [
    ...summaries(db, index, lapsed, today).map((t) => ({ state: "lapsed" as const, t, updated: `${addDays(t.sunsetDate!, 1)}T00:00:00.000Z` })),
    ...summaries(db, index, due, today).map((t) => ({ state: "due_soon" as const, t, updated: `${addDays(t.sunsetDate!, -DUE_SOON_DAYS)}T00:00:00.000Z` })),
    ...summaries(db, index, endless, today).map((t) => ({ state: "no_sunset" as const, t, updated: t.updatedAt })),
  ].map(({ state, t, updated }) => ({ id: `${t.id}:${state}:${t.sunsetDate ?? ""}`, toolId: t.id, name: t.name, state, sunsetDate: t.sunsetDate, updated }));
  return entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : 1)).slice(0, limit);
}

function pick(index: ListIndex, pass: Uint8Array, order: Int32Array, backwards: boolean, state: number, limit: number): number[] {
  const out: number[] = [];
  const col = index.bytes.sunset;
  for (let i = 0; i < order.length && out.length < limit; i++) {
    const p = order[backwards ? order.length - 1 - i : i]!;
    if (pass[p] && col[p] === state) out.push(p);
  }
  return out;
}

const summaries = (db: Db, index: ListIndex, positions: number[], today: string) => rowsAt(db, index, positions).map((r) => toSummary(r, today));
