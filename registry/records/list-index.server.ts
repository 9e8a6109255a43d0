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
// milliseconds at 100,000 tools, where the full build took 1-2 s. The full build remains for the
// first use, for a worker too far behind (more than PATCH_LIMIT tools changed, or changes
// already pruned), and for a version bump without changes (a search reindex). The sunset column
// is recomputed when the date changes.
import { getDb, type Db } from "../shared/db.server";
import { registerNow } from "../shared/clock.server";
import { BYTE_FACETS, type ByteFacet } from "./query";
import { todayIso } from "../lifecycle/sunset";
import { changeHead, code, fillSunset, loadAgencies, moveSunsetDay, positionOf, setRow, SORT_ORDERS, TOOL_COLUMNS, type ListIndex, type SortOrder, type ToolRow } from "./list-index-columns.server";
import { patch } from "./list-index-patch.server";

export { code, positionOf, SORT_ORDERS, type AgencyInfo, type ListIndex, type SortOrder } from "./list-index-columns.server";
export { PATCH_LIMIT } from "./list-index-patch.server";

const cache = new WeakMap<object, ListIndex>();

// Built by streaming rows straight into typed arrays (raw, iterated statements): at 100,000
// tools, materialising the rows as objects first cost well over 100 MB of transient memory.
function build(db: Db, today: string): ListIndex {
  const client = db.$client;
  const { version, changeId } = changeHead(db);
  const [n, maxSeq] = client.prepare(`SELECT count(*), coalesce(max(seq), 0) FROM tools WHERE published_revision_id IS NOT NULL`).raw().get() as [number, number];
  const cap = n + 64;
  const index: ListIndex = {
    version,
    changeId,
    n,
    seq: new Int32Array(cap),
    id: new Array<string>(n),
    positionBySeq: new Int32Array(maxSeq + 65).fill(-1),
    bytes: Object.fromEntries(BYTE_FACETS.map((f) => [f, new Uint8Array(cap)])) as Record<ByteFacet, Uint8Array>,
    categories: new Uint16Array(cap),
    agencyStart: new Int32Array(cap),
    agencyEnd: new Int32Array(cap),
    agencyIds: new Int32Array(0),
    agencyUsed: 0,
    agencies: new Map(),
    orders: {} as Record<SortOrder, Int32Array>,
    orderBuffers: {} as Record<SortOrder, Int32Array>,
    sunsetDate: new Array<string | null>(n),
    sunsetToday: "",
  };
  let p = 0;
  const rows = client.prepare(`SELECT ${TOOL_COLUMNS} FROM tools WHERE published_revision_id IS NOT NULL ORDER BY seq`).raw().iterate() as IterableIterator<ToolRow>;
  for (const row of rows) {
    if (p >= n) break;
    setRow(index, p++, row);
  }
  fillSunset(index, today);

  for (const [seq, category] of client.prepare(`SELECT tool_seq, category FROM tool_data_categories`).raw().iterate() as IterableIterator<[number, string]>) {
    const q = positionOf(index, seq);
    if (q >= 0) index.categories[q]! |= 1 << code("category", category);
  }

  // Agencies per tool, in tool order: each tool's slice follows the previous one.
  const links = client.prepare(`SELECT DISTINCT tool_seq, agency_id FROM tool_agencies ORDER BY tool_seq, agency_id`).raw().all() as [number, number][];
  index.agencyIds = new Int32Array(links.length + 256);
  let at = 0;
  let last = -1;
  for (const [seq, agency] of links) {
    const q = positionOf(index, seq);
    if (q < 0) continue;
    if (q !== last) {
      index.agencyStart[q] = at;
      last = q;
    }
    index.agencyIds[at++] = agency;
    index.agencyEnd[q] = at;
  }
  index.agencyUsed = at;
  index.agencies = loadAgencies(db);

  for (const [name, order] of Object.entries(SORT_ORDERS) as [SortOrder, string][]) {
    const arr = new Int32Array(cap);
    let i = 0;
    for (const seq of client.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL ORDER BY ${order}`).pluck().iterate() as IterableIterator<number>) {
      if (i < n) arr[i++] = positionOf(index, seq);
    }
    index.orderBuffers[name] = arr;
    index.orders[name] = arr.subarray(0, n);
  }
  return index;
}
/**
 * The index for this connection: patched with the tools changed since it was last read, or
 * rebuilt when it cannot be patched (see the top of this file).
 */
export function getListIndex(db: Db, today: string): ListIndex {
  const head = changeHead(db);
  let index = cache.get(db.$client);
  if (!index || index.version !== head.version) {
    const current = index;
    index = db.$client.transaction(() => {
      // Read again inside the transaction: the snapshot the patch or build sees.
      const inside = changeHead(db);
      if (current) {
        try {
          if (patch(db, current, inside, today)) return current;
        } catch (e) {
          // A patch that failed half-way leaves the old index unusable: build a new one.
          console.error(`list index patch failed, rebuilding: ${(e as Error).message}`);
        }
      }
      return build(db, today);
    })();
    cache.set(db.$client, index);
  }
  if (index.sunsetToday !== today) moveSunsetDay(index, today);
  return index;
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
  return db.$client.transaction(() => build(db, today))();
}

/**
 * Builds this process's list index now, so that no request waits for the first build (several
 * seconds at a million tools): each server worker calls it once at start, before it listens
 * (app/entry.server.tsx). A database that cannot be read yet (not migrated) is left for the first
 * request to report.
 */
export function warmListIndex(db: Db = getDb()): void {
  try {
    getListIndex(db, todayIso(registerNow()));
  } catch (e) {
    console.error(`list index warm-up failed: ${(e as Error).message}`);
  }
}
