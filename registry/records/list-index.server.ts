// An in-memory facet index of the published tools, for the /tools list.
//
// Counting nine facets with SQL means nine GROUP BY queries over the filtered rows; at 100,000
// tools that took half a second a page. Instead the list keeps, per connection, one small
// column per facet (a byte per tool), the data categories as a bit mask, the agencies of each
// tool as a slice of one shared array, and the tool order for each sort. One pass over those
// arrays gives the total, every facet's counts (each leaving out its own filter) and the page, in
// a few milliseconds. Only the 20 tools on the page are then read from SQL.
//
// Kept current without rebuilding (issue 17): the triggers that bump `list_version` on tools,
// tool_agencies, tool_data_categories and agencies (from any connection or process) also append
// the tool (or agency) they concern to `list_changes` (migration 0023). A worker whose index is at change N
// re-reads only the tools changed after N and patches them in place: their bytes rewritten, new
// tools appended into spare capacity, unpublished ones swapped out with the last position, and
// each sort order mended by taking the changed positions out and putting each back where a
// binary search says (SQL compares two tools exactly as the order's ORDER BY does). A few
// milliseconds at 100,000 tools, where the full build takes 1-2 s (20 s at a million). A full
// build remains for the first use, for a worker too far behind (more than PATCH_LIMIT tools
// changed, or changes already pruned), and for a version bump without changes (a search
// reindex). In a server worker (warmListIndex) only the first build holds the main thread: a
// later one runs in a worker thread (list-index-worker.ts) while requests keep the old index,
// patched no further and marked `stale` (pages made from it are not kept by the page cache), and
// the new index is swapped in when it arrives, then patched forward like any other. Elsewhere
// (command-line tools, the mirror, tests) a rebuild is synchronous: they want the current list.
// The sunset column is recomputed when the date changes.
import { Worker } from "node:worker_threads";
import { threadEntry } from "../shared/thread-entry.server";
import { getDb, type Db } from "../shared/db.server";
import { registerNow } from "../shared/clock.server";
import { todayIso } from "../lifecycle/sunset";
import { changeHead, moveSunsetDay, type ListIndex } from "./list-index-columns.server";
import { build, fromMessage, type SentIndex } from "./list-index-build.server";
import { patch } from "./list-index-patch.server";

export { code, positionOf, SORT_ORDERS, type AgencyInfo, type ListIndex, type SortOrder } from "./list-index-columns.server";
export { PATCH_LIMIT } from "./list-index-patch.server";

type State = {
  index: ListIndex;
  /** Rebuilds go to a worker thread (a server worker's connection to a file). */
  background: boolean;
  /** The background build running, if any: settles when its index is swapped in (or it failed). */
  building: Promise<void> | null;
  /** The last background build failed: the next rebuild is synchronous (then the thread is tried again). */
  failed: boolean;
};
const states = new WeakMap<object, State>();

const syncBuild = (db: Db, today: string) => db.$client.transaction(() => build(db, today))();

function buildInBackground(db: Db, state: State, today: string) {
  const started = performance.now();
  state.building = new Promise<void>((resolve) => {
    let done = false;
    const finish = (index: ListIndex | null, error?: unknown) => {
      if (done) return;
      done = true;
      if (index) state.index = index;
      else console.error(`list index background build failed: ${(error as Error | undefined)?.message ?? String(error)}`);
      state.failed = !index;
      state.building = null;
      resolve();
    };
    try {
      const since = state.index.changeId;
      const worker = new Worker(threadEntry("list-index-worker.mjs"), { workerData: { file: db.$client.name, today, since }, execArgv: [] });
      worker.unref();
      worker.once("message", (sent: SentIndex) => {
        // The old index was patched no further, so its agencies are still those at `since`.
        finish(state.index.changeId === since || "all" in sent.agencies ? fromMessage(sent, state.index.agencies) : null, "agencies");
        if (process.env.LIST_INDEX_LOG) console.log(`list index swapped: ${Math.round(performance.now() - started)} ms`);
      });
      worker.once("error", (e) => finish(null, e));
      worker.once("exit", (code) => finish(null, `exit ${code}`));
    } catch (e) {
      finish(null, e);
    }
  });
}

/**
 * The index for this connection: patched with the tools changed since it was last read, or
 * rebuilt when it cannot be patched (see the top of this file). While a background build runs,
 * the old index, marked `stale`.
 */
export function getListIndex(db: Db, today: string): ListIndex {
  const head = changeHead(db);
  let state = states.get(db.$client);
  if (!state) states.set(db.$client, (state = { index: syncBuild(db, today), background: false, building: null, failed: false }));
  else if (state.index.version !== head.version && !state.building) {
    const current = state.index;
    const next = db.$client.transaction((): ListIndex | "behind" => {
      // Read again inside the transaction: the snapshot the patch or build sees.
      const inside = changeHead(db);
      try {
        if (patch(db, current, inside, today)) return current;
      } catch (e) {
        // A patch that failed half-way leaves the old index unusable: build a new one now.
        console.error(`list index patch failed, rebuilding: ${(e as Error).message}`);
        return build(db, today);
      }
      return state!.background && !state!.failed && !db.$client.memory ? "behind" : build(db, today);
    })();
    if (next === "behind") buildInBackground(db, state, today);
    else {
      // After a failed background build, one synchronous rebuild; the next goes back to the thread.
      if (next !== current) state.failed = false;
      state.index = next;
    }
  }
  const index = state.index;
  index.stale = index.version !== head.version;
  if (index.sunsetToday !== today) moveSunsetDay(index, today);
  return index;
}

/** The background build running for this connection (tests and benchmarks wait for it), or null. */
export function listIndexBuilding(db: Db): Promise<void> | null {
  return states.get(db.$client)?.building ?? null;
}

/** Positions of one page, walking `order` and keeping those that pass. */
export function pageOf(order: ArrayLike<number>, pass: Uint8Array, offset: number, size: number): number[] {
  const out: number[] = [];
  let seen = 0;
  for (let i = 0; i < order.length && out.length < size; i++) {
    const p = order[i]!;
    if (!pass[p]) continue;
    if (seen++ >= offset) out.push(p);
  }
  return out;
}

/** A full build, bypassing this connection's index: for tests that compare a patched index with it. */
export function buildListIndex(db: Db, today: string): ListIndex {
  return syncBuild(db, today);
}

/**
 * A server worker's first build, in the worker thread too, so that the build's transient memory
 * (several hundred megabytes at a million tools) is the thread's and goes with it, not left in
 * the worker's own heap: the server awaits it before it listens (server.mjs). Later rebuilds run
 * in the background as well. Falls back to warmListIndex when the thread cannot build.
 */
export function startListIndex(db: Db = getDb()): Promise<void> {
  if (states.has(db.$client) || db.$client.memory) return Promise.resolve(warmListIndex(db));
  return new Promise((resolve) => {
    let done = false;
    const finish = (sent: SentIndex | null, error?: unknown) => {
      if (done) return;
      done = true;
      if (sent && !states.has(db.$client)) states.set(db.$client, { index: fromMessage(sent), background: true, building: null, failed: false });
      else if (!sent) console.error(`list index thread build failed: ${(error as Error | undefined)?.message ?? String(error)}`);
      warmListIndex(db);
      resolve();
    };
    try {
      const worker = new Worker(threadEntry("list-index-worker.mjs"), { workerData: { file: db.$client.name, today: todayIso(registerNow()), since: null }, execArgv: [] });
      worker.once("message", (sent: SentIndex) => finish(sent));
      worker.once("error", (e) => finish(null, e));
      worker.once("exit", (code) => finish(null, `exit ${code}`));
    } catch (e) {
      finish(null, e);
    }
  });
}

/**
 * Builds this process's list index now, so that no request waits for the first build (several
 * seconds at a million tools): each server worker calls it once at start, before it listens
 * (app/entry.server.tsx). Later rebuilds of this connection's index run in the background. A
 * database that cannot be read yet (not migrated) is left for the first request to report.
 */
export function warmListIndex(db: Db = getDb()): void {
  try {
    getListIndex(db, todayIso(registerNow()));
    states.get(db.$client)!.background = true;
  } catch (e) {
    console.error(`list index warm-up failed: ${(e as Error).message}`);
  }
}
