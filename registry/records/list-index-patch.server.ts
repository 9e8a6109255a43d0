// Patching the list index after writes (issue 17; list-index.server.ts explains when): the tools
// changed since the index's change id are re-read and written into their positions, and each
// sort order is mended by binary search, SQL comparing two tools as the order's ORDER BY does.
import type { Db } from "../shared/db.server";
import { code, positionOf, setRow, sunsetCode, agencyInfo, loadAgencies, TOOL_COLUMNS, SORT_ORDERS, type AgencyRow, type ListIndex, type SortOrder, type ToolRow } from "./list-index-columns.server";
import { BYTE_FACETS } from "./query";
import { factsAt, historyOf, recordPatch } from "./list-index-history.server";

/** More changed tools than this since the index was built or patched: rebuild instead. */
export const PATCH_LIMIT = 2000;


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
  index.sunsetDate = grow(index.sunsetDate, positions);
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
export function patch(db: Db, index: ListIndex, head: { version: number; changeId: number }, today: string): boolean {
  const client = db.$client;
  if (head.changeId <= index.changeId) return false;
  const oldest = patchStatement(db, "oldest", () => client.prepare(`SELECT min(id) FROM list_changes`).pluck()).get() as number | null;
  if (oldest === null || oldest > index.changeId + 1) return false;
  const changed = (column: "tool_seq" | "agency_id") =>
    patchStatement(db, `changed:${column}`, () => client.prepare(`SELECT DISTINCT ${column} FROM list_changes WHERE id > ? AND id <= ? AND ${column} IS NOT NULL LIMIT ?`).pluck()).all(
      index.changeId,
      head.changeId,
      PATCH_LIMIT + 1,
    ) as number[];
  const seqs = changed("tool_seq");
  if (seqs.length > PATCH_LIMIT) return false;
  // Each changed tool's listed facts before and after, for the page cache (list-index-history.server.ts).
  historyOf(index);
  const wasAt = seqs.map((s) => positionOf(index, s));
  const before = wasAt.map((p) => factsAt(index, p));
  const agencyIds = changed("agency_id");
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
      index.positionBySeq[index.seq[p]!] = p;
      for (const f of BYTE_FACETS) index.bytes[f][p] = index.bytes[f][last]!;
      index.categories[p] = index.categories[last]!;
      index.agencyStart[p] = index.agencyStart[last]!;
      index.agencyEnd[p] = index.agencyEnd[last]!;
      index.sunsetDate[p] = index.sunsetDate[last]!;
    }
    index.agencyStart[last] = 0;
    index.agencyEnd[last] = 0;
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
      if (positions.length <= 16) {
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
  recordPatch(
    index,
    head.changeId,
    seqs.map((s, i) => ({ before: before[i]!, after: factsAt(index, positionOf(index, s)), at: [wasAt[i]!, positionOf(index, s)] })),
  );
  index.version = head.version;
  index.changeId = head.changeId;
  return true;
}
