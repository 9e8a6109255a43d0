// What a list page without a search shows, so the page cache can keep it across a write that did
// not touch it (issue 17). A national register takes writes all day; without this every write
// emptied every cached list page, and the crowd reading lists rendered them all again.
//
// A list page shows: its selection's total, facet counts (each facet counted without its own
// filter) and order, the rows of the tools on the page, agency names, and sunset states of the
// day. So a change leaves it as it was when
//   - it is the same day, and only tables of tools' rows changed (page_changes, migration 0025):
//     no agency, and nothing a list does not read is even looked at (comments, events, reviews
//     and revisions change list pages only through the tools row, which names its tool);
//   - none of the changed tools is on the page;
//   - no changed tool counts on the page, before or after, differently (`affects`): the list
//     index's history gives each changed tool's facts before and after.
// Anything not known (history or change rows missing, a rebuild under way) renders again.
import { getDb, type Db } from "../shared/db.server";
import { changesBetween } from "../shared/page-changes.server";
import { registerNow } from "../shared/clock.server";
import { todayIso } from "../lifecycle/sunset";
import { getListIndex } from "./list-index.server";
import { code } from "./list-index-columns.server";
import { historyOf, type ToolFacts } from "./list-index-history.server";
import { BYTE_FACETS, type ToolQuery } from "./query";

/** The tables a list page without a search reads, besides the tools' rows (which name their tool). */
const LIST_READS: ReadonlySet<string> = new Set(["agencies", "tools", "tool_agencies", "tool_data_categories"]);

/** A selection's filters as list index values: byte facet (its index in BYTE_FACETS) and wanted codes. */
export type SelectionFilters = { bytes: [number, number[]][]; categoryBits: number; agencies: number[] | null };
/** What a list page was made from: the list index's change id, the tools shown (seqs), the filters. */
export type ListPageDeps = { kind: "list"; changeId: number; shown: number[]; filters: SelectionFilters };

export function selectionFilters(query: ToolQuery, agencyIds: readonly number[] | null): SelectionFilters {
  const bytes: [number, number[]][] = [];
  BYTE_FACETS.forEach((f, i) => {
    const values = query[f] as readonly string[] | undefined;
    if (values?.length) bytes.push([i, values.map((v) => code(f, v))]);
  });
  let categoryBits = 0;
  for (const v of query.category ?? []) categoryBits |= 1 << code("category", v);
  return { bytes, categoryBits, agencies: agencyIds ? [...agencyIds] : null };
}

/** The filters a tool fails (their slots: byte filters in order, then categories, then agencies), at most two. */
export function failedFilters(f: SelectionFilters, t: ToolFacts): number[] {
  const out: number[] = [];
  f.bytes.forEach(([i, want], slot) => {
    if (out.length < 2 && !want.includes(t.bytes[i]!)) out.push(slot);
  });
  if (out.length < 2 && f.categoryBits && (t.categories & f.categoryBits) === 0) out.push(f.bytes.length);
  if (out.length < 2 && f.agencies && !f.agencies.some((a) => t.agencies.includes(a))) out.push(f.bytes.length + 1);
  return out;
}

/** Whether two facts of a tool differ in the facet of one filter slot. */
function differsIn(f: SelectionFilters, slot: number, a: ToolFacts, b: ToolFacts): boolean {
  if (slot < f.bytes.length) return a.bytes[f.bytes[slot]![0]] !== b.bytes[f.bytes[slot]![0]];
  if (slot === f.bytes.length) return a.categories !== b.categories;
  return a.agencies.length !== b.agencies.length || a.agencies.some((x, i) => x !== b.agencies[i]);
}

/**
 * Whether a tool's change (facts before and after; null when not listed) can change the page of a
 * selection. A tool that passes every filter is in the total, the order and every count. One that
 * fails exactly one filter counts only in that filter's facet (facets are counted without their
 * own filter), under its value there. One that fails two or more counts nowhere.
 */
export function affects(f: SelectionFilters, before: ToolFacts | null, after: ToolFacts | null): boolean {
  const fb = before ? failedFilters(f, before) : null;
  const fa = after ? failedFilters(f, after) : null;
  if (fb?.length === 0 || fa?.length === 0) return true;
  const nearB = fb?.length === 1 ? fb[0]! : -1;
  const nearA = fa?.length === 1 ? fa[0]! : -1;
  if (nearB !== nearA) return true;
  return nearB >= 0 && differsIn(f, nearB, before!, after!);
}

/**
 * Whether a list page made at version `from` is still exactly what would be made at `to` (the
 * page cache's versions). False whenever that cannot be shown.
 */
export function listPageUnchanged(deps: ListPageDeps, from: string, to: string, db: Db = getDb()): boolean {
  if (from === to) return true;
  const changes = changesBetween(db, from, to);
  if (!changes) return false;
  for (const t of changes.tables) if (LIST_READS.has(t)) return false;
  if (!changes.tools.size) return true;
  for (const seq of deps.shown) if (changes.tools.has(seq)) return false;
  // The index patched to now: its history holds every listed change since the page's.
  const index = getListIndex(db, todayIso(registerNow()));
  if (index.stale) return false;
  const history = historyOf(index);
  if (deps.changeId < history.from || deps.changeId > index.changeId) return false;
  for (let i = history.entries.length - 1; i >= 0; i--) {
    const e = history.entries[i]!;
    if (e.changeId <= deps.changeId) break;
    if (affects(deps.filters, e.before, e.after)) return false;
  }
  return true;
}
