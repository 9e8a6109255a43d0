// The full build of the list index (list-index.server.ts), from one connection inside a read
// transaction: by the server worker itself at start, and otherwise in a background thread
// (list-index-worker.ts), whose typed arrays come back through a transfer list, not copied.
import { BYTE_FACETS, type ByteFacet } from "./query";
import { changeHead, code, fillSunset, loadAgencies, positionOf, setRow, SORT_ORDERS, TOOL_COLUMNS, type AgencyInfo, type Client, type ListIndex, type SortOrder, type ToolRow } from "./list-index-columns.server";

// Built by streaming rows straight into typed arrays (raw, iterated statements): at 100,000
// tools, materialising the rows as objects first cost well over 100 MB of transient memory.
export function build(db: Client, today: string): ListIndex {
  const client = db.$client;
  const { version, changeId } = changeHead(db);
  const [n, maxSeq] = client.prepare(`SELECT count(*), coalesce(max(seq), 0) FROM tools WHERE published_revision_id IS NOT NULL`).raw().get() as [number, number];
  const cap = n + 64;
  const index: ListIndex = {
    version,
    changeId,
    n,
    seq: new Int32Array(cap),
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
    sunsetDate: new Int32Array(cap),
    sunsetToday: "",
    stale: false,
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
 * The agencies as they cross threads: all of them, or only those changed since the index the
 * server worker holds (`since`, its change id), read from list_changes: cloning and mapping tens
 * of thousands of agencies on the server worker's thread would take longer than the 20 ms a
 * swap may take, and agencies seldom change. null: the agency is gone.
 */
export type SentAgencies = { all: [number, AgencyInfo][] } | { changed: [number, AgencyInfo | null][] };

/** An index as it crosses threads: everything but the order views, and the agencies as above. */
export type SentIndex = Omit<ListIndex, "orders" | "agencies"> & { agencies: SentAgencies };

const AGENCY_DELTA_LIMIT = 500;

/** The agencies to send for an index built in a read transaction still open (see SentAgencies). */
export function agenciesSince(db: Client, index: ListIndex, since: number | null): SentAgencies {
  const all = (): SentAgencies => ({ all: [...index.agencies] });
  const oldest = db.$client.prepare(`SELECT min(id) FROM list_changes`).pluck().get() as number | null;
  // Changes pruned past `since` (or none kept): what changed cannot be known.
  if (since === null || (oldest !== null && oldest > since + 1) || (oldest === null && index.changeId !== since)) return all();
  const ids = db.$client
    .prepare(`SELECT DISTINCT agency_id FROM list_changes WHERE id > ? AND id <= ? AND agency_id IS NOT NULL LIMIT ?`)
    .pluck()
    .all(since, index.changeId, AGENCY_DELTA_LIMIT + 1) as number[];
  return ids.length > AGENCY_DELTA_LIMIT ? all() : { changed: ids.map((id) => [id, index.agencies.get(id) ?? null]) };
}

/** The message and its transfer list (every column's buffer, moved, not copied). */
export function toMessage(index: ListIndex, agencies: SentAgencies = { all: [...index.agencies] }): { message: SentIndex; transfer: ArrayBuffer[] } {
  const { orders: _views, agencies: _map, ...rest } = index;
  const arrays = [index.seq, index.positionBySeq, index.categories, index.agencyStart, index.agencyEnd, index.agencyIds, index.sunsetDate, ...Object.values(index.bytes), ...Object.values(index.orderBuffers)];
  return { message: { ...rest, agencies }, transfer: [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))] };
}

/**
 * The index a background build sent: the order views made again (no copy); the agencies given
 * whole, or the previous index's (at the change id the build was told) with the changed ones
 * replaced: the previous index is dropped at once, so its map is taken over, not copied.
 */
export function fromMessage(sent: SentIndex, previous?: Map<number, AgencyInfo>): ListIndex {
  const orders = {} as Record<SortOrder, Int32Array>;
  for (const name of Object.keys(SORT_ORDERS) as SortOrder[]) orders[name] = sent.orderBuffers[name].subarray(0, sent.n);
  let agencies: Map<number, AgencyInfo>;
  if ("all" in sent.agencies) agencies = new Map(sent.agencies.all);
  else {
    if (!previous) throw new Error("list index: agency changes without the agencies they change");
    agencies = previous;
    for (const [id, info] of sent.agencies.changed) {
      if (info) agencies.set(id, info);
      else agencies.delete(id);
    }
  }
  return { ...sent, agencies, orders };
}
