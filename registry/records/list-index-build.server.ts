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

/** An index as it crosses threads: everything but the order views, and the agencies as pairs. */
export type SentIndex = Omit<ListIndex, "orders" | "agencies"> & { agencies: [number, AgencyInfo][] };

/** The message and its transfer list (every column's buffer, moved, not copied). */
export function toMessage(index: ListIndex): { message: SentIndex; transfer: ArrayBuffer[] } {
  const { orders: _views, agencies, ...rest } = index;
  const arrays = [index.seq, index.positionBySeq, index.categories, index.agencyStart, index.agencyEnd, index.agencyIds, index.sunsetDate, ...Object.values(index.bytes), ...Object.values(index.orderBuffers)];
  return { message: { ...rest, agencies: [...agencies] }, transfer: [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))] };
}

/** The index a background build sent: the order views made again (no copy). */
export function fromMessage(sent: SentIndex): ListIndex {
  const orders = {} as Record<SortOrder, Int32Array>;
  for (const name of Object.keys(SORT_ORDERS) as SortOrder[]) orders[name] = sent.orderBuffers[name].subarray(0, sent.n);
  return { ...sent, agencies: new Map(sent.agencies), orders };
}
