// A selection's facet counts brought forward from the list index's patches instead of counted
// again (issue 17): after a write, every list page whose selection the write touched is rendered
// again, and counting a selection afresh visits every tool (about 10 ms at 100,000 tools, ten
// times that at a million); the tools a patch changed are a handful. Each changed tool's facts
// before the change are taken out of the counts and its facts after are put in, by the rule
// filterAndCount counts by: a tool passing every filter is in the total, the mask and every facet;
// one failing exactly one filter only in that filter's facet; one failing more, nowhere.
//
// Only for changes that kept every tool where it was in the index (edits of listed tools): a
// tool added or taken off moves positions, and then the selection is counted again.
import type { ListIndex } from "./list-index-columns.server";
import { historyOf, type ToolFacts } from "./list-index-history.server";
import { failedFilters, selectionFilters, type SelectionFilters } from "./list-page-deps.server";
import { facetsOf, filterAndCount, type FilterCounts, type RawCounts } from "./facet-count.server";
import { BYTE_FACETS, type ToolQuery } from "./query";

/** More changed tools than this since the counts: counted again (a pass over the tools is then as cheap). */
const DELTA_LIMIT = 256;

function add(f: SelectionFilters, raw: RawCounts, t: ToolFacts, sign: 1 | -1): "pass" | "near" | "none" {
  const failed = failedFilters(f, t);
  if (failed.length > 1) return "none";
  // The facet this tool counts in alone (when it fails one filter), else every facet.
  const only = failed.length ? failed[0]! : -1;
  const onlyByte = only >= 0 && only < f.bytes.length ? f.bytes[only]![0] : -1;
  const all = only < 0;
  BYTE_FACETS.forEach((facet, i) => {
    if (all || onlyByte === i) raw.values[facet][t.bytes[i]!]! += sign;
  });
  if (all || only === f.bytes.length) {
    const counts = raw.values.category;
    for (let b = 0; b < counts.length; b++) if (t.categories & (1 << b)) counts[b]! += sign;
  }
  if (all || only === f.bytes.length + 1) for (const id of t.agencies) raw.agencies[id]! += sign;
  return all ? "pass" : "near";
}

/**
 * The counts of `prev` (made at change id `since` of this same index, for these filters, without
 * a search) brought to the index's current change id; null when they cannot be (history missing,
 * tools added or removed, too many changes, an agency the counts have no slot for).
 */
export function countsSince(index: ListIndex, filters: SelectionFilters, chosenAgencyIds: readonly number[] | null, prev: FilterCounts, since: number): FilterCounts | null {
  const history = historyOf(index);
  if (since < history.from || since > index.changeId) return null;
  let first = history.entries.length;
  while (first > 0 && history.entries[first - 1]!.changeId > since) first--;
  const entries = history.entries.slice(first);
  if (entries.length > DELTA_LIMIT) return null;
  const raw: RawCounts = { values: {} as RawCounts["values"], agencies: prev.raw.agencies.slice() };
  for (const [facet, counts] of Object.entries(prev.raw.values)) raw.values[facet as keyof RawCounts["values"]] = counts.slice();
  const pass = prev.pass.slice();
  let total = prev.total;
  for (const e of entries) {
    const [was, is] = e.at;
    if (!e.before || !e.after || was !== is || was < 0 || was >= pass.length) return null;
    for (const t of [e.before, e.after]) for (const id of t.agencies) if (id >= raw.agencies.length) return null;
    if (add(filters, raw, e.before, -1) === "pass") {
      total--;
      pass[was] = 0;
    }
    if (add(filters, raw, e.after, 1) === "pass") {
      total++;
      pass[is] = 1;
    }
  }
  return { total, facets: facetsOf(index, raw, chosenAgencyIds), pass, raw };
}

// The last counts per index, by filters and search: the pages, sorts and languages of one
// selection share them (a list's page 2, its other orders, /en and /zh), and after a write the
// pages asked for again mostly repeat a few selections. Each is valid at the change id and day
// it was made for; a later one is brought forward from the patches when it can be (countsSince).
// Each holds a byte per tool (1 MB at a million).
const COUNT_CACHE_ENTRIES = 16;
type Counted = { counts: FilterCounts; changeId: number; day: string; n: number };
const countCache = new WeakMap<ListIndex, Map<string, Counted>>();
export const countStats = { hits: 0, forward: 0, counted: 0 };

/**
 * filterAndCount, remembered for the index's change id and day. `matchKey` names the search whose
 * hits `match` holds (null for none). The answer is shared: callers must not change it.
 */
export function filterAndCountCached(index: ListIndex, query: ToolQuery, chosenAgencyIds: readonly number[] | null, match: ArrayLike<number> | null, matchKey: string | null): FilterCounts {
  let cache = countCache.get(index);
  if (!cache) countCache.set(index, (cache = new Map()));
  const parts: string[] = [matchKey === null ? "" : `q:${matchKey}`];
  for (const f of [...BYTE_FACETS, "category"] as const) {
    const values = query[f] as readonly string[] | undefined;
    if (values?.length) parts.push(`${f}:${[...values].sort().join(",")}`);
  }
  if (chosenAgencyIds !== null) parts.push(`agency:${[...chosenAgencyIds].sort((a, b) => a - b).join(",")}`);
  const key = parts.join("\u0000");
  const hit = cache.get(key);
  cache.delete(key);
  const now = { changeId: index.changeId, day: index.sunsetToday, n: index.n };
  let counts: FilterCounts | null = null;
  if (hit && hit.changeId === now.changeId && hit.day === now.day && hit.n === now.n) {
    countStats.hits++;
    counts = hit.counts;
  } else if (hit && match === null && hit.day === now.day && hit.n === now.n && hit.changeId < now.changeId) {
    counts = countsSince(index, selectionFilters(query, chosenAgencyIds), chosenAgencyIds, hit.counts, hit.changeId);
    if (counts) countStats.forward++;
  }
  if (!counts) {
    countStats.counted++;
    counts = filterAndCount(index, query, chosenAgencyIds, match);
  }
  if (cache.size >= COUNT_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { counts, ...now });
  return counts;
}
