// The list's facet counting (registry/records/list-index.server.ts `filterAndCount`) is a tuned
// loop; this checks it against the rule written plainly, on random indexes and random queries:
// a tool passes when every filter holds (values of one filter are alternatives); each facet
// counts the tools that pass every *other* filter; the agency facet lists the 30 busiest and
// every chosen agency.
import { describe, expect, it } from "vitest";
import { type ListIndex } from "../../registry/records/list-index.server";
import { filterAndCount } from "../../registry/records/facet-count.server";
import { BYTE_FACETS, ENUM_FACETS, FACETS, type ByteFacet, type FacetName, type ToolQuery } from "../../registry/records/query";

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomIndex(rnd: () => number, n: number, agencies: number): ListIndex {
  const bytes = Object.fromEntries(BYTE_FACETS.map((f) => [f, Uint8Array.from({ length: n }, () => Math.floor(rnd() * FACETS[f].length))])) as Record<ByteFacet, Uint8Array>;
  const categories = Uint16Array.from({ length: n }, () => Math.floor(rnd() * (1 << FACETS.category.length)) & (rnd() < 0.3 ? 0 : 0xffff));
  const agencyStart = new Int32Array(n);
  const agencyEnd = new Int32Array(n);
  const ids: number[] = [];
  for (let p = n - 1; p >= 0; p--) {
    // Slices in reverse order with a gap: a patched index's slices need not follow positions.
    ids.push(-1);
    agencyStart[p] = ids.length;
    const k = Math.floor(rnd() * 3);
    const mine = new Set<number>();
    for (let i = 0; i < k; i++) mine.add(1 + Math.floor(rnd() * agencies));
    ids.push(...[...mine].sort((a, b) => a - b));
    agencyEnd[p] = ids.length;
  }
  const info = new Map(Array.from({ length: agencies }, (_, i) => [i + 1, { id: i + 1, slug: `agency-${String(i + 1).padStart(3, "0")}`, name: { zh: `机构${i + 1}` } }]));
  return {
    version: 1,
    changeId: 0,
    n,
    seq: Int32Array.from({ length: n }, (_, p) => p + 1),
    positionBySeq: new Int32Array(0),
    bytes,
    categories,
    agencyStart,
    agencyEnd,
    agencyIds: Int32Array.from(ids),
    agencyUsed: ids.length,
    agencies: info,
    orders: {} as ListIndex["orders"],
    orderBuffers: {} as ListIndex["orderBuffers"],
    sunsetDate: new Int32Array(0),
    sunsetToday: "",
    stale: false,
  };
}

/** The rule, written plainly. */
function reference(index: ListIndex, query: ToolQuery, chosen: readonly number[] | null, match: ArrayLike<number> | null) {
  const tests: [FacetName, (p: number) => boolean][] = [];
  for (const f of BYTE_FACETS) {
    const values = query[f] as readonly string[] | undefined;
    if (values?.length) tests.push([f, (p) => values.includes((FACETS[f] as readonly string[])[index.bytes[f][p]!]!)]);
  }
  if (query.category?.length) tests.push(["category", (p) => query.category!.some((c) => (index.categories[p]! >> FACETS.category.indexOf(c)) & 1)]);
  const agenciesOf = (p: number) => Array.from(index.agencyIds.subarray(index.agencyStart[p]!, index.agencyEnd[p]!));
  if (chosen) tests.push(["agency", (p) => agenciesOf(p).some((a) => chosen.includes(a))]);
  const visited = match ? Array.from(match) : Array.from({ length: index.n }, (_, p) => p);
  const passesAllBut = (p: number, facet: FacetName | null) => tests.every(([f, t]) => f === facet || t(p));
  const pass = new Uint8Array(index.n);
  let total = 0;
  for (const p of visited) if (passesAllBut(p, null)) (pass[p] = 1), total++;
  const facets: Record<string, { value: string; count: number; label?: unknown }[]> = {};
  for (const f of ENUM_FACETS) {
    const counts = new Map<string, number>();
    for (const p of visited) {
      if (!passesAllBut(p, f)) continue;
      const values =
        f === "category"
          ? FACETS.category.filter((_, b) => (index.categories[p]! >> b) & 1)
          : [(FACETS[f] as readonly string[])[index.bytes[f as ByteFacet][p]!]!];
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[f] = (FACETS[f] as readonly string[]).filter((v) => counts.get(v)).map((value) => ({ value, count: counts.get(value)! }));
  }
  const byAgency = new Map<number, number>();
  for (const p of visited) if (passesAllBut(p, "agency")) for (const a of agenciesOf(p)) byAgency.set(a, (byAgency.get(a) ?? 0) + 1);
  const ranked = [...byAgency].map(([id, count]) => ({ info: index.agencies.get(id)!, count }));
  ranked.sort((a, b) => b.count - a.count || (a.info.slug < b.info.slug ? -1 : 1));
  facets.agency = ranked.filter((a, i) => i < 30 || chosen?.includes(a.info.id)).map((a) => ({ value: a.info.slug, count: a.count, label: a.info.name }));
  return { total, facets, pass };
}

describe("filterAndCount", () => {
  it("agrees with the plain rule on random indexes, filters, agency choices and searches", () => {
    const rnd = random(20261202);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    for (let round = 0; round < 60; round++) {
      const index = randomIndex(rnd, 50 + Math.floor(rnd() * 400), 5 + Math.floor(rnd() * 50));
      const query: ToolQuery = { q: "", sort: "name", page: 1 };
      const filters = Math.floor(rnd() * 4);
      for (let i = 0; i < filters; i++) {
        const f = pick(ENUM_FACETS);
        (query as Record<string, unknown>)[f] = [...new Set([pick(FACETS[f]), ...(rnd() < 0.5 ? [pick(FACETS[f])] : [])])];
      }
      const chosen = rnd() < 0.4 ? [...new Set([1 + Math.floor(rnd() * index.agencies.size), 1 + Math.floor(rnd() * index.agencies.size)])] : null;
      const match = rnd() < 0.5 ? Int32Array.from({ length: index.n }, (_, p) => index.n - 1 - p).filter(() => rnd() < 0.4) : null;
      const got = filterAndCount(index, query, chosen, match);
      const want = reference(index, query, chosen, match);
      expect(got.total, `round ${round}`).toBe(want.total);
      expect(got.facets, `round ${round}`).toEqual(want.facets);
      expect(Array.from(got.pass), `round ${round}`).toEqual(Array.from(want.pass));
    }
  });

  it("counts a tool that fails only one filter towards that filter's other values", () => {
    const index = randomIndex(random(1), 3, 2);
    index.bytes.kind.set([0, 1, 0]);
    index.bytes.status.set([0, 0, 1]);
    const kind = FACETS.kind[0]!;
    const status = FACETS.status[0]!;
    const got = filterAndCount(index, { q: "", sort: "name", page: 1, kind: [kind], status: [status] }, null, null);
    expect(got.total).toBe(1);
    // Tool 1 fails only the kind filter, tool 2 only the status filter.
    expect(got.facets.kind).toEqual([
      { value: kind, count: 1 },
      { value: FACETS.kind[1], count: 1 },
    ]);
    expect(got.facets.status).toEqual([
      { value: status, count: 1 },
      { value: FACETS.status[1], count: 1 },
    ]);
  });
});
