// What changed between two versions of the register's pages (pageCacheVersion, "<counter>.<day>"):
// every trigger that bumps the counter writes one row to page_changes under the new value, naming
// the table and, for a tool's listed facts (tools, tool_agencies, tool_data_categories), the tool
// (migration 0025). A cached page that depends on only some of these (list-page-deps.server.ts)
// may then be kept across a version instead of rendered again.
import { stmt, type Db } from "./db.server";

/** Tables whose page_changes rows name the tool they concern. */
export const TOOL_SCOPED_TABLES: ReadonlySet<string> = new Set(["tools", "tool_agencies", "tool_data_categories"]);

export type PageChanges = {
  /** Tools whose rows in TOOL_SCOPED_TABLES changed. */
  tools: ReadonlySet<number>;
  /** Other tables that changed (and tool-scoped ones whose row changed tool). */
  tables: ReadonlySet<string>;
};

/** More changes than this between two versions: not looked at (the page is rendered again). */
export const SPAN_LIMIT = 4096;
const spans = new WeakMap<object, Map<string, PageChanges | null>>();

function parse(version: string): { counter: number; day: string } | null {
  const dot = version.indexOf(".");
  const counter = Number(version.slice(0, dot));
  return dot > 0 && Number.isSafeInteger(counter) ? { counter, day: version.slice(dot + 1) } : null;
}

/**
 * The changes after version `from` up to version `to`, or null when they cannot be known: another
 * day (sunset states move at midnight with nothing written), a counter that went back, more than
 * SPAN_LIMIT changes, or rows missing (pruned, or bumps older than migration 0025).
 */
export function changesBetween(db: Db, from: string, to: string): PageChanges | null {
  const a = parse(from);
  const b = parse(to);
  if (!a || !b || a.day !== b.day || b.counter < a.counter || b.counter - a.counter > SPAN_LIMIT) return null;
  let memo = spans.get(db.$client);
  if (!memo) spans.set(db.$client, (memo = new Map()));
  const key = `${a.counter} ${b.counter}`;
  if (memo.has(key)) return memo.get(key)!;
  const rows = stmt(db, `SELECT tbl, tool_seq FROM page_changes WHERE version > ? AND version <= ?`).all(a.counter, b.counter) as { tbl: string; tool_seq: number | null }[];
  let answer: PageChanges | null = null;
  if (rows.length === b.counter - a.counter) {
    const tools = new Set<number>();
    const tables = new Set<string>();
    for (const r of rows) {
      if (TOOL_SCOPED_TABLES.has(r.tbl) && r.tool_seq !== null) tools.add(r.tool_seq);
      else tables.add(r.tbl);
    }
    answer = { tools, tables };
  }
  // A few spans are asked for over and over (every cached page after a write): remember them.
  if (memo.size >= 64) memo.delete(memo.keys().next().value!);
  memo.set(key, answer);
  return answer;
}
