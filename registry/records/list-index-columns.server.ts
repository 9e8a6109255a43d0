// The list index's columns (list-index.server.ts): its shape, how one tool's row is written into
// a position, the sunset column for a day, and the agencies. Shared by the full build and the
// patch (list-index-patch.server.ts).
import type Database from "better-sqlite3";
import { FACETS, SOURCE_REGIME, regimeValueOf, type ByteFacet, type EnumFacet } from "./query";
import { addDays, DUE_SOON_DAYS, sunsetState, SUNSET_STATES } from "../lifecycle/sunset";
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
export const THIS_REGISTER = (FACETS.regime as readonly string[]).indexOf("this_register");

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
  /** Sunset date by position as a day key (dayKey: 20260601), NO_DATE for none; for the sunset column. */
  sunsetDate: Int32Array;
  sunsetToday: string;
  /**
   * Behind the database while a background build runs (list-index.server.ts): pages made from it
   * must not be kept by the page cache.
   */
  stale: boolean;
};


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

/** No sunset date: larger than every day key, so tools without one sort last, as in SQL. */
export const NO_DATE = 0x7fffffff;

/**
 * A date as a number in the order SQL compares the text: "2026-06-01" is 20260601. Held instead of
 * a string per tool (a million strings at a million tools); exact for the ISO dates the standard
 * allows, and any other text keeps its place by its leading digits.
 */
export function dayKey(date: string | null): number {
  if (date === null) return NO_DATE;
  const k = Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  return Number.isFinite(k) ? k : 0;
}

let keyed: [string, string, number, number] = ["", "", 0, 0];

/**
 * The sunset state's code at position p. sunsetState (registry/lifecycle/sunset.ts) reads the date
 * only as "before today" and "not after dueBy": it is given a stand-in date that answers both the
 * same way, so the rule is not written twice.
 */
export function sunsetCode(index: ListIndex, p: number, today: string, dueBy: string = addDays(today, DUE_SOON_DAYS)): number {
  const d = index.sunsetDate[p]!;
  if (today !== keyed[0] || dueBy !== keyed[1]) keyed = [today, dueBy, dayKey(today), dayKey(dueBy)];
  // "0" sorts before any date, "~" after any.
  const stand = d === NO_DATE ? null : d < keyed[2] ? "0" : d <= keyed[3] ? today : "~";
  return SUNSET_CODES.get(
    sunsetState(
      {
        deploymentStatus: FACETS.status[index.bytes.status[p]!]!,
        reviewStatus: FACETS.review[index.bytes.review[p]!]!,
        sunsetDate: stand,
        mirrored: index.bytes.regime[p] !== THIS_REGISTER,
      },
      today,
      dueBy,
    ),
  )!;
}

export function fillSunset(index: ListIndex, today: string) {
  const dueBy = addDays(today, DUE_SOON_DAYS);
  for (let p = 0; p < index.n; p++) index.bytes.sunset[p] = sunsetCode(index, p, today, dueBy);
  index.sunsetToday = today;
}

/** First place in the sunset order whose date is `date` or later (tools without one come last). */
function sunsetLowerBound(index: ListIndex, date: string): number {
  const order = index.orders.sunset;
  const key = dayKey(date);
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.sunsetDate[order[mid]!]! < key) lo = mid + 1;
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
export function moveSunsetDay(index: ListIndex, today: string) {
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

export type ToolRow = [number, string, string, string, string, string | null, number, string | null, string];
export const TOOL_COLUMNS = `seq, kind, jurisdiction_level, deployment_status, review_status, impact_level, has_sensitive_data, sunset_date, regime`;

const regimeCodes = new Map<string, number>();
function regimeCode(regime: string): number {
  let c = regimeCodes.get(regime);
  if (c === undefined) regimeCodes.set(regime, (c = code("regime", regimeValueOf(regime))));
  return c;
}

/** Writes one tool's row into position p (not its categories, agencies or sunset byte). */
export function setRow(index: ListIndex, p: number, [seq, kind, level, deployment, review, impact, sensitive, sunset, regime]: ToolRow) {
  index.seq[p] = seq;
  index.positionBySeq[seq] = p;
  index.bytes.kind[p] = code("kind", kind);
  index.bytes.jurisdiction[p] = code("jurisdiction", level);
  index.bytes.status[p] = code("status", deployment);
  const rc = regimeCode(regime);
  index.bytes.regime[p] = rc;
  index.bytes.review[p] = code("review", rc === THIS_REGISTER ? review : SOURCE_REGIME);
  index.bytes.level[p] = code("level", impact ?? (rc === THIS_REGISTER ? "none" : SOURCE_REGIME));
  index.bytes.sensitive[p] = code("sensitive", sensitive ? "yes" : "no");
  index.sunsetDate[p] = dayKey(sunset);
}

export type AgencyRow = { id: number; slug: string; name_zh: string | null; name_en: string | null };
export const agencyInfo = (a: AgencyRow): AgencyInfo => ({ id: a.id, slug: a.slug, name: { ...(a.name_zh ? { zh: a.name_zh } : {}), ...(a.name_en ? { en: a.name_en } : {}) } });

/** The connection the index reads: a Db, or the raw one of the background build (list-index-worker.ts). */
export type Client = { $client: Database.Database };

export function loadAgencies(db: Client): Map<number, AgencyInfo> {
  const out = new Map<number, AgencyInfo>();
  for (const a of db.$client.prepare(`SELECT id, slug, name_zh, name_en FROM agencies`).all() as AgencyRow[]) out.set(a.id, agencyInfo(a));
  return out;
}

export function changeHead(db: Client): { version: number; changeId: number } {
  const [version, changeId] = db.$client
    .prepare(`SELECT (SELECT version FROM list_version WHERE id = 1), (SELECT coalesce(max(id), 0) FROM list_changes)`)
    .raw()
    .get() as [number | null, number];
  return { version: version ?? -1, changeId };
}
