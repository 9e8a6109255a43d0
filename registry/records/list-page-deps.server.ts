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
//   - no changed tool, before or after the change, failed at most one of the page's filters (a
//     tool failing two or more counts in no facet of the page, is in no total and no order): the
//     list index's history gives each changed tool's facts before and after.
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

/** How many of the filters a tool fails (2 stands for "two or more"). */
function failures(f: SelectionFilters, t: ToolFacts): number {
  let n = 0;
  for (const [i, want] of f.bytes) if (!want.includes(t.bytes[i]!) && ++n > 1) return n;
  if (f.categoryBits && (t.categories & f.categoryBits) === 0 && ++n > 1) return n;
  if (f.agencies && !f.agencies.some((a) => t.agencies.includes(a))) n++;
  return n;
}

/** Whether a tool with these facts shows anywhere on the page: in its total, order or any count. */
export const touches = (f: SelectionFilters, t: ToolFacts | null) => t !== null && failures(f, t) <= 1;

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
    if (touches(deps.filters, e.before) || touches(deps.filters, e.after)) return false;
  }
  return true;
}
