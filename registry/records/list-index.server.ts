// An in-memory facet index of the published tools, for the /tools list.
//
// Counting nine facets with SQL means nine GROUP BY queries over the filtered rows; at 100,000
// tools that took half a second a page. Instead the list keeps, per connection, one small
// column per facet (a byte per tool), the data categories as a bit mask, the agencies as a
// compact adjacency list and the tool order for each sort. One pass over those arrays gives the
// total, every facet's counts (each leaving out its own filter) and the page, in a few
// milliseconds. Only the 20 tools on the page are then read from SQL.
//
// The index is rebuilt when `list_version` (bumped by triggers on tools, tool_agencies,
// tool_data_categories and agencies, from any connection) differs from the version it was
// built at, and its sunset column is recomputed when the date changes.
import { stmt, type Db } from "../shared/db.server";
import { FACETS, BYTE_FACETS, SOURCE_REGIME, regimeValueOf, type ByteFacet, type EnumFacet } from "./query";
import { sunsetState, SUNSET_STATES } from "../lifecycle/sunset";
import type { LocalizedText } from "../standard/v1";

// Facets stored as one byte per tool (BYTE_FACETS in query.ts): the position of the value in
// FACETS[facet]. The category facet is a bit mask per tool.
//
// A record mirrored from another register (`tools.regime` other than "this_register") is never
// judged by this register's rules: its regime byte names its register, its review byte is
// SOURCE_REGIME ("source_regime") whatever its revision's status (so is its level byte when it has
// no impact assessment in this register's terms), and its sunset byte is
// "source_regime" unless it is retired (registry/lifecycle/sunset.ts). So the facets, the home
// page's counts, /sunsets and the sunset feed never count it as unreviewed, lapsed, due or
// without a lawful end date.
const THIS_REGISTER = (FACETS.regime as readonly string[]).indexOf("this_register");

export const SORT_ORDERS = {
  name_en: "coalesce(name_en, name_zh) COLLATE NOCASE, id",
  // Pinyin order: the key written with the record (registry/records/search/pinyin.ts `sortKeyZh`).
  name_zh: "name_sort_zh, id",
  updated: "updated_at DESC, id",
  sunset: "sunset_date IS NULL, sunset_date, id",
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;

export type AgencyInfo = { id: number; slug: string; name: LocalizedText };

export type ListIndex = {
  version: number;
  n: number;
  /** Tool seq by position. */
  seq: Int32Array;
  /** Public id by position (tie-break for relevance). */
  id: string[];
  /** Position by tool seq, -1 for none (seqs are small positive integers). */
  positionBySeq: Int32Array;
  bytes: Record<ByteFacet, Uint8Array>;
  categories: Uint16Array;
  /** Agencies of the tool at position p: agencyIds[agencyStart[p] .. agencyStart[p + 1]). */
  agencyStart: Int32Array;
  agencyIds: Int32Array;
  agencies: Map<number, AgencyInfo>;
  /** Positions in each sort order. */
  orders: Record<SortOrder, Int32Array>;
  /** Sunset date by position, for the sunset column (recomputed when the date changes). */
  sunsetDate: (string | null)[];
  sunsetToday: string;
};

const cache = new WeakMap<object, ListIndex>();

/** Position of a tool in the index, or -1 when it is not listed. */
export function positionOf(index: ListIndex, seq: number): number {
  return seq >= 0 && seq < index.positionBySeq.length ? index.positionBySeq[seq]! : -1;
}

/** The code of a facet value in its byte column (its position in FACETS[facet]). */
export function code<F extends EnumFacet>(facet: F, value: string): number {
  const i = (FACETS[facet] as readonly string[]).indexOf(value);
  if (i < 0) throw new Error(`Unexpected ${facet} value in tools: ${value}`);
  return i;
}

function fillSunset(index: ListIndex, today: string) {
  const col = index.bytes.sunset;
  const statuses = FACETS.status;
  const reviews = FACETS.review;
  for (let p = 0; p < index.n; p++) {
    const input = {
      deploymentStatus: statuses[index.bytes.status[p]!]!,
      reviewStatus: reviews[index.bytes.review[p]!]!,
      sunsetDate: index.sunsetDate[p] ?? null,
      mirrored: index.bytes.regime[p] !== THIS_REGISTER,
    };
    col[p] = code("sunset", sunsetState(input, today));
  }
  index.sunsetToday = today;
}

// Built by streaming rows straight into typed arrays (raw, iterated statements): at 100,000
// tools, materialising the rows as objects first cost well over 100 MB of transient memory.
function build(db: Db, version: number, today: string): ListIndex {
  const client = db.$client;
  const [n, maxSeq] = client.prepare(`SELECT count(*), coalesce(max(seq), 0) FROM tools WHERE published_revision_id IS NOT NULL`).raw().get() as [number, number];
  const index: ListIndex = {
    version,
    n,
    seq: new Int32Array(n),
    id: new Array<string>(n),
    positionBySeq: new Int32Array(maxSeq + 1).fill(-1),
    bytes: Object.fromEntries(BYTE_FACETS.map((f) => [f, new Uint8Array(n)])) as Record<ByteFacet, Uint8Array>,
    categories: new Uint16Array(n),
    agencyStart: new Int32Array(n + 1),
    agencyIds: new Int32Array(0),
    agencies: new Map(),
    orders: {} as Record<SortOrder, Int32Array>,
    sunsetDate: new Array<string | null>(n),
    sunsetToday: "",
  };
  let p = 0;
  const rows = client
    .prepare(
      `SELECT seq, id, kind, jurisdiction_level, deployment_status, review_status, impact_level, has_sensitive_data, sunset_date, regime
       FROM tools WHERE published_revision_id IS NOT NULL ORDER BY seq`,
    )
    .raw()
    .iterate() as IterableIterator<[number, string, string, string, string, string, string | null, number, string | null, string]>;
  const regimeCodes = new Map<string, number>();
  for (const [seq, id, kind, level, deployment, review, impact, sensitive, sunset, regime] of rows) {
    if (p >= n) break;
    index.seq[p] = seq;
    index.id[p] = id;
    index.positionBySeq[seq] = p;
    index.bytes.kind[p] = code("kind", kind);
    index.bytes.jurisdiction[p] = code("jurisdiction", level);
    index.bytes.status[p] = code("status", deployment);
    let regimeCode = regimeCodes.get(regime);
    if (regimeCode === undefined) regimeCodes.set(regime, (regimeCode = code("regime", regimeValueOf(regime))));
    index.bytes.regime[p] = regimeCode;
    index.bytes.review[p] = code("review", regimeCode === THIS_REGISTER ? review : SOURCE_REGIME);
    index.bytes.level[p] = code("level", impact ?? (regimeCode === THIS_REGISTER ? "none" : SOURCE_REGIME));
    index.bytes.sensitive[p] = code("sensitive", sensitive ? "yes" : "no");
    index.sunsetDate[p] = sunset;
    p++;
  }
  fillSunset(index, today);

  for (const [seq, category] of client.prepare(`SELECT tool_seq, category FROM tool_data_categories`).raw().iterate() as IterableIterator<[number, string]>) {
    const q = positionOf(index, seq);
    if (q >= 0) index.categories[q]! |= 1 << code("category", category);
  }

  // Agencies per tool as a compact adjacency list, in two passes: count, then fill.
  const linksSql = `SELECT DISTINCT tool_seq, agency_id FROM tool_agencies ORDER BY tool_seq, agency_id`;
  const counts = new Int32Array(n);
  let links = 0;
  for (const [seq] of client.prepare(linksSql).raw().iterate() as IterableIterator<[number, number]>) {
    const q = positionOf(index, seq);
    if (q >= 0) {
      counts[q]!++;
      links++;
    }
  }
  for (let q = 0, at = 0; q < n; q++) {
    index.agencyStart[q] = at;
    at += counts[q]!;
  }
  index.agencyStart[n] = links;
  index.agencyIds = new Int32Array(links);
  const fill = Int32Array.from(index.agencyStart.subarray(0, n));
  for (const [seq, agency] of client.prepare(linksSql).raw().iterate() as IterableIterator<[number, number]>) {
    const q = positionOf(index, seq);
    if (q >= 0) index.agencyIds[fill[q]!++] = agency;
  }
  for (const a of stmt(db, `SELECT id, slug, name_zh, name_en FROM agencies`).all() as { id: number; slug: string; name_zh: string | null; name_en: string | null }[]) {
    index.agencies.set(a.id, { id: a.id, slug: a.slug, name: { ...(a.name_zh ? { zh: a.name_zh } : {}), ...(a.name_en ? { en: a.name_en } : {}) } });
  }

  for (const [name, order] of Object.entries(SORT_ORDERS) as [SortOrder, string][]) {
    const arr = new Int32Array(n);
    let i = 0;
    for (const seq of client.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL ORDER BY ${order}`).pluck().iterate() as IterableIterator<number>) {
      if (i < n) arr[i++] = positionOf(index, seq);
    }
    index.orders[name] = arr;
  }
  return index;
}

/** The index for this connection, rebuilt if the list's data changed since it was built. */
export function getListIndex(db: Db, today: string): ListIndex {
  const version = (stmt(db, `SELECT version FROM list_version WHERE id = 1`).get() as { version: number } | undefined)?.version ?? -1;
  let index = cache.get(db.$client);
  if (!index || index.version !== version) {
    index = db.$client.transaction(() => build(db, version, today))();
    cache.set(db.$client, index);
  }
  if (index.sunsetToday !== today) fillSunset(index, today);
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
