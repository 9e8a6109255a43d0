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
import { getDb, stmt, type Db } from "../shared/db.server";
import { registerNow } from "../shared/clock.server";
import { FACETS, BYTE_FACETS, SOURCE_REGIME, regimeValueOf, type ByteFacet, type EnumFacet } from "./query";
import { addDays, DUE_SOON_DAYS, sunsetState, SUNSET_STATES, todayIso } from "../lifecycle/sunset";
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
  /** The last row of list_changes this index includes. */
  changeId: number;
  /** Tools listed: positions 0 .. n - 1. The columns below may be longer (spare capacity). */
  n: number;
  /** Tool seq by position. */
  seq: Int32Array;
  /** Public id by position (tie-break for relevance). */
  id: string[];
  /** Position by tool seq, -1 for none (seqs are small positive integers). */
  positionBySeq: Int32Array;
  bytes: Record<ByteFacet, Uint8Array>;
  categories: Uint16Array;
  /** Agencies of the tool at position p: agencyIds[agencyStart[p] .. agencyEnd[p]). */
  agencyStart: Int32Array;
  agencyEnd: Int32Array;
  agencyIds: Int32Array;
  /** Slots of agencyIds in use (a patched tool's new slice is appended; old slices are garbage until compacted). */
  agencyUsed: number;
  agencies: Map<number, AgencyInfo>;
  /** Positions in each sort order: exactly n long (views of `orderBuffers`). */
  orders: Record<SortOrder, Int32Array>;
  orderBuffers: Record<SortOrder, Int32Array>;
  /** Sunset date by position, for the sunset column (recomputed when the date changes). */
  sunsetDate: (string | null)[];
  sunsetToday: string;
};

/** More changed tools than this since the index was built or patched: rebuild instead. */
export const PATCH_LIMIT = 2000;

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

const SUNSET_CODES = new Map(SUNSET_STATES.map((s, i) => [s, i]));

function sunsetCode(index: ListIndex, p: number, today: string, dueBy: string = addDays(today, DUE_SOON_DAYS)): number {
  return SUNSET_CODES.get(
    sunsetState(
      {
        deploymentStatus: FACETS.status[index.bytes.status[p]!]!,
        reviewStatus: FACETS.review[index.bytes.review[p]!]!,
        sunsetDate: index.sunsetDate[p] ?? null,
        mirrored: index.bytes.regime[p] !== THIS_REGISTER,
      },
      today,
      dueBy,
    ),
  )!;
}

function fillSunset(index: ListIndex, today: string) {
  const dueBy = addDays(today, DUE_SOON_DAYS);
  for (let p = 0; p < index.n; p++) index.bytes.sunset[p] = sunsetCode(index, p, today, dueBy);
  index.sunsetToday = today;
}

/** First place in the sunset order whose date is `date` or later (tools without one come last). */
function sunsetLowerBound(index: ListIndex, date: string): number {
  const order = index.orders.sunset;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = index.sunsetDate[order[mid]!];
    if (d !== null && d !== undefined && d < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sunset column for another day. A tool's state depends on the day only through "its date is
 * before today" and "its date is at most DUE_SOON_DAYS away", so from one day to another only the
 * tools whose date lies between the two days, or between the two due-soon limits, can change:
 * found by binary search in the sunset order, which is sorted by date. A jump of over a year is
 * worked out for every tool.
 */
function moveSunsetDay(index: ListIndex, today: string) {
  const from = index.sunsetToday;
  if (!from || Math.abs(Date.parse(today) - Date.parse(from)) > 400 * 86_400_000) return fillSunset(index, today);
  const [lo, hi] = from < today ? [from, today] : [today, from];
  const dueBy = addDays(today, DUE_SOON_DAYS);
  const order = index.orders.sunset;
  for (const [a, b] of [
    [lo, hi],
    [addDays(lo, DUE_SOON_DAYS), addDays(hi, DUE_SOON_DAYS)],
  ] as const) {
    // Dates in [a, b], both ends included.
    for (let i = sunsetLowerBound(index, a), end = sunsetLowerBound(index, addDays(b, 1)); i < end; i++) {
      const p = order[i]!;
      index.bytes.sunset[p] = sunsetCode(index, p, today, dueBy);
    }
  }
  index.sunsetToday = today;
}

type ToolRow = [number, string, string, string, string, string, string | null, number, string | null, string];
const TOOL_COLUMNS = `seq, id, kind, jurisdiction_level, deployment_status, review_status, impact_level, has_sensitive_data, sunset_date, regime`;

const regimeCodes = new Map<string, number>();
function regimeCode(regime: string): number {
  let c = regimeCodes.get(regime);
  if (c === undefined) regimeCodes.set(regime, (c = code("regime", regimeValueOf(regime))));
  return c;
}

/** Writes one tool's row into position p (not its categories, agencies or sunset byte). */
function setRow(index: ListIndex, p: number, [seq, id, kind, level, deployment, review, impact, sensitive, sunset, regime]: ToolRow) {
  index.seq[p] = seq;
  index.id[p] = id;
  index.positionBySeq[seq] = p;
  index.bytes.kind[p] = code("kind", kind);
  index.bytes.jurisdiction[p] = code("jurisdiction", level);
  index.bytes.status[p] = code("status", deployment);
  const rc = regimeCode(regime);
  index.bytes.regime[p] = rc;
  index.bytes.review[p] = code("review", rc === THIS_REGISTER ? review : SOURCE_REGIME);
  index.bytes.level[p] = code("level", impact ?? (rc === THIS_REGISTER ? "none" : SOURCE_REGIME));
  index.bytes.sensitive[p] = code("sensitive", sensitive ? "yes" : "no");
  index.sunsetDate[p] = sunset === null ? null : internDate(sunset);
}

// Sunset dates repeat (a few thousand days against up to a million tools): one string per day.
const dates = new Map<string, string>();
function internDate(d: string): string {
  const known = dates.get(d);
  if (known !== undefined) return known;
  if (dates.size > 100_000) dates.clear();
  dates.set(d, d);
  return d;
}

type AgencyRow = { id: number; slug: string; name_zh: string | null; name_en: string | null };
const agencyInfo = (a: AgencyRow): AgencyInfo => ({ id: a.id, slug: a.slug, name: { ...(a.name_zh ? { zh: a.name_zh } : {}), ...(a.name_en ? { en: a.name_en } : {}) } });

function loadAgencies(db: Db): Map<number, AgencyInfo> {
  const out = new Map<number, AgencyInfo>();
  for (const a of stmt(db, `SELECT id, slug, name_zh, name_en FROM agencies`).all() as AgencyRow[]) out.set(a.id, agencyInfo(a));
  return out;
}

function changeHead(db: Db): { version: number; changeId: number } {
  const [version, changeId] = db.$client
    .prepare(`SELECT (SELECT version FROM list_version WHERE id = 1), (SELECT coalesce(max(id), 0) FROM list_changes)`)
    .raw()
    .get() as [number | null, number];
  return { version: version ?? -1, changeId };
}

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

// ---------------------------------------------------------------- patching

/**
 * For each order, whether tool a (by seq) comes before tool b: SQL compares them exactly as the
 * order's ORDER BY does (collation, NULLs, descending), so a patched order equals a rebuilt one.
 */
const BEFORE: Record<SortOrder, string> = {
  name_en: `(coalesce(x.name_en, x.name_zh) IS NOT NULL, coalesce(x.name_en, x.name_zh, '') COLLATE NOCASE, x.id) < (coalesce(y.name_en, y.name_zh) IS NOT NULL, coalesce(y.name_en, y.name_zh, ''), y.id)`,
  name_zh: `(x.name_sort_zh IS NOT NULL, coalesce(x.name_sort_zh, ''), x.id) < (y.name_sort_zh IS NOT NULL, coalesce(y.name_sort_zh, ''), y.id)`,
  updated: `(y.updated_at, x.id) < (x.updated_at, y.id)`,
  sunset: `(x.sunset_date IS NULL, coalesce(x.sunset_date, ''), x.id) < (y.sunset_date IS NULL, coalesce(y.sunset_date, ''), y.id)`,
};

type Statement = import("better-sqlite3").Statement<unknown[], unknown>;
const patchStatements = new WeakMap<object, Map<string, Statement>>();
/** The patch's statements, prepared once per connection (in their own mode: raw or pluck). */
function patchStatement(db: Db, key: string, make: () => Statement): Statement {
  let m = patchStatements.get(db.$client);
  if (!m) patchStatements.set(db.$client, (m = new Map()));
  let s = m.get(key);
  if (!s) m.set(key, (s = make()));
  return s;
}

function beforeStatement(db: Db, order: SortOrder) {
  return patchStatement(db, `before:${order}`, () => db.$client.prepare(`SELECT ${BEFORE[order]} FROM tools x, tools y WHERE x.seq = ? AND y.seq = ?`).pluck());
}

function grow<T extends Int32Array | Uint8Array | Uint16Array>(arr: T, need: number, fill?: number): T {
  if (arr.length >= need) return arr;
  const next = new (arr.constructor as new (n: number) => T)(Math.max(need, Math.ceil(arr.length * 1.5) + 64));
  if (fill !== undefined) next.fill(fill);
  next.set(arr);
  return next;
}

function ensureCapacity(index: ListIndex, positions: number, maxSeq: number) {
  index.seq = grow(index.seq, positions);
  for (const f of BYTE_FACETS) index.bytes[f] = grow(index.bytes[f], positions);
  index.categories = grow(index.categories, positions);
  index.agencyStart = grow(index.agencyStart, positions);
  index.agencyEnd = grow(index.agencyEnd, positions);
  index.positionBySeq = grow(index.positionBySeq, maxSeq + 1, -1);
  for (const name of Object.keys(SORT_ORDERS) as SortOrder[]) index.orderBuffers[name] = grow(index.orderBuffers[name], positions);
}

/** Gives position p the agencies `ids`, appending a new slice when they do not fit the old one. */
function setAgencies(index: ListIndex, p: number, ids: number[]) {
  const start = index.agencyStart[p]!;
  if (ids.length <= index.agencyEnd[p]! - start && index.agencyEnd[p]! > 0) {
    index.agencyIds.set(ids, start);
    index.agencyEnd[p] = start + ids.length;
    return;
  }
  if (index.agencyUsed + ids.length > index.agencyIds.length) {
    // Compact (drop the slices no tool points at), leaving a quarter free, so that compactions
    // (a pass over every tool) stay rare.
    let inUse = ids.length;
    for (let q = 0; q < index.n; q++) if (q !== p) inUse += index.agencyEnd[q]! - index.agencyStart[q]!;
    const live = new Int32Array(Math.ceil(inUse * 1.25) + 1024);
    let at = 0;
    for (let q = 0; q < index.n; q++) {
      if (q === p) continue;
      const s = index.agencyStart[q]!;
      const e = index.agencyEnd[q]!;
      live.set(index.agencyIds.subarray(s, e), at);
      index.agencyStart[q] = at;
      index.agencyEnd[q] = at + (e - s);
      at += e - s;
    }
    index.agencyIds = live;
    index.agencyUsed = at;
  }
  index.agencyIds.set(ids, index.agencyUsed);
  index.agencyStart[p] = index.agencyUsed;
  index.agencyEnd[p] = index.agencyUsed + ids.length;
  index.agencyUsed += ids.length;
}

/** Takes the values in `drop` (a mask by position) out of an order, in place; returns the new length. */
function removeFromOrder(buf: Int32Array, length: number, drop: Uint8Array): number {
  let w = 0;
  for (let r = 0; r < length; r++) {
    const v = buf[r]!;
    if (!drop[v]) buf[w++] = v;
  }
  return w;
}

/**
 * Applies the tools changed since the index's change id. Returns false when it cannot (too many,
 * or changes already pruned): the caller rebuilds.
 */
function patch(db: Db, index: ListIndex, head: { version: number; changeId: number }, today: string): boolean {
  const client = db.$client;
  if (head.changeId <= index.changeId) return false;
  const oldest = client.prepare(`SELECT min(id) FROM list_changes`).pluck().get() as number | null;
  if (oldest === null || oldest > index.changeId + 1) return false;
  const seqs = client.prepare(`SELECT DISTINCT tool_seq FROM list_changes WHERE id > ? AND id <= ? AND tool_seq IS NOT NULL LIMIT ?`).pluck().all(index.changeId, head.changeId, PATCH_LIMIT + 1) as number[];
  if (seqs.length > PATCH_LIMIT) return false;
  const agencyIds = client.prepare(`SELECT DISTINCT agency_id FROM list_changes WHERE id > ? AND id <= ? AND agency_id IS NOT NULL LIMIT ?`).pluck().all(index.changeId, head.changeId, PATCH_LIMIT + 1) as number[];
  if (agencyIds.length > PATCH_LIMIT) index.agencies = loadAgencies(db);
  else {
    const readAgency = patchStatement(db, "agency", () => client.prepare(`SELECT id, slug, name_zh, name_en FROM agencies WHERE id = ?`));
    for (const id of agencyIds) {
      const a = readAgency.get(id) as AgencyRow | undefined;
      if (a) index.agencies.set(id, agencyInfo(a));
      else index.agencies.delete(id);
    }
  }

  const readTool = patchStatement(db, "tool", () => client.prepare(`SELECT ${TOOL_COLUMNS} FROM tools WHERE seq = ? AND published_revision_id IS NOT NULL`).raw());
  const readCategories = patchStatement(db, "categories", () => client.prepare(`SELECT category FROM tool_data_categories WHERE tool_seq = ?`).pluck());
  const readAgencies = patchStatement(db, "agencies", () => client.prepare(`SELECT DISTINCT agency_id FROM tool_agencies WHERE tool_seq = ? ORDER BY agency_id`).pluck());
  const rows = new Map<number, ToolRow | undefined>();
  let maxSeq = 0;
  for (const seq of seqs) {
    rows.set(seq, readTool.get(seq) as ToolRow | undefined);
    maxSeq = Math.max(maxSeq, seq);
  }
  const orderNames = Object.keys(SORT_ORDERS) as SortOrder[];
  const lengths = {} as Record<SortOrder, number>;
  for (const name of orderNames) lengths[name] = index.n;

  // 1. Tools no longer listed: the last position moves into theirs.
  const removed = seqs.filter((s) => rows.get(s) === undefined && positionOf(index, s) >= 0);
  for (const seq of removed) {
    const p = positionOf(index, seq);
    const last = index.n - 1;
    for (const name of orderNames) {
      const buf = index.orderBuffers[name];
      const len = lengths[name];
      const at = buf.subarray(0, len).indexOf(p);
      if (at < 0) throw new Error(`list index: position ${p} missing from order ${name}`);
      buf.copyWithin(at, at + 1, len);
      lengths[name] = len - 1;
      if (p !== last) {
        const from = buf.subarray(0, len - 1).indexOf(last);
        if (from < 0) throw new Error(`list index: position ${last} missing from order ${name}`);
        buf[from] = p;
      }
    }
    if (p !== last) {
      index.seq[p] = index.seq[last]!;
      index.id[p] = index.id[last]!;
      index.positionBySeq[index.seq[p]!] = p;
      for (const f of BYTE_FACETS) index.bytes[f][p] = index.bytes[f][last]!;
      index.categories[p] = index.categories[last]!;
      index.agencyStart[p] = index.agencyStart[last]!;
      index.agencyEnd[p] = index.agencyEnd[last]!;
      index.sunsetDate[p] = index.sunsetDate[last]!;
    }
    index.agencyStart[last] = 0;
    index.agencyEnd[last] = 0;
    index.id.length = last;
    index.sunsetDate.length = last;
    index.positionBySeq[seq] = -1;
    index.n = last;
  }

  // 2. Tools changed or newly listed: their columns rewritten (new ones appended), then each
  // order mended: the changed positions taken out, and each put back by binary search.
  const listed = seqs.filter((s) => rows.get(s) !== undefined);
  if (listed.length) {
    const adding = listed.filter((s) => positionOf(index, s) < 0).length;
    ensureCapacity(index, index.n + adding, maxSeq);
    const moved = new Uint8Array(index.n + adding);
    const positions: number[] = [];
    for (const seq of listed) {
      let p = positionOf(index, seq);
      if (p < 0) {
        p = index.n++;
        index.agencyStart[p] = 0;
        index.agencyEnd[p] = 0;
      } else moved[p] = 1;
      setRow(index, p, rows.get(seq)!);
      let mask = 0;
      for (const c of readCategories.all(seq) as string[]) mask |= 1 << code("category", c);
      index.categories[p] = mask;
      setAgencies(index, p, readAgencies.all(seq) as number[]);
      index.bytes.sunset[p] = sunsetCode(index, p, index.sunsetToday || today);
      positions.push(p);
    }
    for (const name of orderNames) {
      const buf = index.orderBuffers[name];
      let len = lengths[name];
      if (moved.length && positions.length <= 16) {
        // A few: found and taken out by the engine's own search and copy.
        for (const p of positions) {
          if (!moved[p]) continue;
          const at = buf.subarray(0, len).indexOf(p);
          if (at < 0) throw new Error(`list index: position ${p} missing from order ${name}`);
          buf.copyWithin(at, at + 1, len--);
        }
      } else len = removeFromOrder(buf, len, moved);
      const before = beforeStatement(db, name);
      for (const p of positions) {
        const seq = index.seq[p]!;
        let lo = 0;
        let hi = len;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (before.get(index.seq[buf[mid]!]!, seq) === 1) lo = mid + 1;
          else hi = mid;
        }
        buf.copyWithin(lo + 1, lo, len);
        buf[lo] = p;
        len++;
      }
      lengths[name] = len;
    }
  }
  for (const name of orderNames) index.orders[name] = index.orderBuffers[name].subarray(0, index.n);
  index.version = head.version;
  index.changeId = head.changeId;
  return true;
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
    console.error(`list index not built at start: ${(e as Error).message}`);
  }
}
