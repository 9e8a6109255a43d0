// What the recent patches of a list index changed (issue 17): for each tool a patch rewrote, its
// listed facts (facet bytes, data categories, agencies) before and after, under the change id the
// patch brought the index to. A cached list page asks it whether any change since the page was
// rendered could have touched its selection (list-page-deps.server.ts); a page of one county's
// tools then outlives a write in another county.
//
// Kept beside the index (a WeakMap: an index rebuilt in the background is a new object with no
// history, so pages older than it are rendered again), bounded to the latest HISTORY_LIMIT tools.
import { BYTE_FACETS } from "./query";
import type { ListIndex } from "./list-index-columns.server";

/** A listed tool's facts at one moment: a byte per BYTE_FACETS facet, the category mask, the agencies. */
export type ToolFacts = { bytes: Uint8Array; categories: number; agencies: Int32Array };
/** One tool's change; `at`: its position before and after (-1 for not listed). */
export type HistoryEntry = { changeId: number; before: ToolFacts | null; after: ToolFacts | null; at: [number, number] };
/** `from`: the change id from which every patch is recorded (changes up to it are not known). */
export type IndexHistory = { from: number; entries: HistoryEntry[] };

export const HISTORY_LIMIT = 4096;
const histories = new WeakMap<ListIndex, IndexHistory>();

/** The facts of the tool at position p, or null for none. */
export function factsAt(index: ListIndex, p: number): ToolFacts | null {
  if (p < 0 || p >= index.n) return null;
  const bytes = new Uint8Array(BYTE_FACETS.length);
  BYTE_FACETS.forEach((f, i) => (bytes[i] = index.bytes[f][p]!));
  return { bytes, categories: index.categories[p]!, agencies: index.agencyIds.slice(index.agencyStart[p]!, index.agencyEnd[p]!) };
}

/** The index's history, started at its current change id when it has none yet. */
export function historyOf(index: ListIndex): IndexHistory {
  let h = histories.get(index);
  if (!h) histories.set(index, (h = { from: index.changeId, entries: [] }));
  return h;
}

/** Records one patch (called before the index's change id moves to `changeId`). */
export function recordPatch(index: ListIndex, changeId: number, changes: { before: ToolFacts | null; after: ToolFacts | null; at: [number, number] }[]) {
  const h = historyOf(index);
  for (const c of changes) h.entries.push({ changeId, ...c });
  if (h.entries.length > HISTORY_LIMIT) {
    const drop = h.entries.length - HISTORY_LIMIT;
    // Changes up to the last dropped entry's id are no longer known.
    h.from = h.entries[drop - 1]!.changeId;
    h.entries.splice(0, drop);
  }
}
