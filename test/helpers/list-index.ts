// What a list index says, independent of where each tool happens to sit: for tests that compare
// a patched, or swapped-in, index with a full build.
import { expect } from "vitest";
import { SORT_ORDERS, type ListIndex, type SortOrder } from "../../registry/records/list-index.server";
import { BYTE_FACETS } from "../../registry/records/query";

export function canonical(index: ListIndex) {
  const tools: Record<number, unknown> = {};
  for (let p = 0; p < index.n; p++) {
    const seq = index.seq[p]!;
    expect(index.positionBySeq[seq], `position of seq ${seq}`).toBe(p);
    tools[seq] = {
      bytes: Object.fromEntries(BYTE_FACETS.map((f) => [f, index.bytes[f][p]])),
      categories: index.categories[p],
      agencies: Array.from(index.agencyIds.subarray(index.agencyStart[p]!, index.agencyEnd[p]!)),
      sunsetDate: index.sunsetDate[p],
    };
  }
  const orders = Object.fromEntries((Object.keys(SORT_ORDERS) as SortOrder[]).map((o) => [o, Array.from(index.orders[o], (p) => index.seq[p])]));
  return { n: index.n, version: index.version, tools, orders, agencies: [...index.agencies.entries()].sort((a, b) => a[0] - b[0]) };
}
