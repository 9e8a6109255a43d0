// Facet counting over the in-memory list index (list-index.server.ts): the total, every facet's
// counts (each without its own filter) and the mask of the tools that pass, for the list page,
// the home page, the exports and the API.
import { FACETS, ENUM_FACETS, BYTE_FACETS, type ByteFacet, type FacetName, type ToolQuery } from "./query";
import { code, type AgencyInfo, type ListIndex } from "./list-index.server";
import type { LocalizedText } from "../standard/v1";

const CATEGORIES = FACETS.category;

export type FacetCounts = Record<FacetName, { value: string; count: number; label?: LocalizedText }[]>;
/** Each enumerated facet's count per value code, and each agency's count by agency id. */
export type RawCounts = { values: Record<Exclude<FacetName, "agency">, Int32Array>; agencies: Int32Array };
export type FilterCounts = { total: number; facets: FacetCounts; pass: Uint8Array; raw: RawCounts };

/**
 * Runs the query's filters over the index.
 * - `match`: the positions that match the search (any order), or null for no search: only
 *   these are visited, so a search costs in proportion to its hits.
 * - `chosenAgencyIds`: the agency filter, already resolved (any of them), or null for none.
 * Returns the total, the facet counts (each facet without its own filter) and a mask of the
 * positions that pass every filter.
 *
 * Hot path (a broad search or an unfiltered list visits every tool): one pass sorts the visited
 * positions into those that pass and, per filter, those that fail only that filter (they count
 * towards its other values); then each facet is counted in its own tight loop over those lists
 * (column by column, no closures), and the data categories through a histogram of their bit
 * masks rather than bit by bit.
 */
export function filterAndCount(index: ListIndex, query: ToolQuery, chosenAgencyIds: readonly number[] | null, match: ArrayLike<number> | null): FilterCounts {
  // The filters: facet name, and how a position is tested (byte column and wanted codes, the
  // category bits, or the wanted agencies).
  const filterFacets: FacetName[] = [];
  const byteFilterCols: Uint8Array[] = [];
  const byteFilterWant: Uint8Array[] = [];
  for (const f of BYTE_FACETS) {
    const values = query[f] as readonly string[] | undefined;
    if (!values?.length) continue;
    // Several values of one filter are alternatives: a table of the codes that pass.
    const want = new Uint8Array(256);
    for (const v of values) want[code(f, v)] = 1;
    filterFacets.push(f);
    byteFilterCols.push(index.bytes[f]);
    byteFilterWant.push(want);
  }
  const nByteFilters = byteFilterCols.length;
  let categoryBits = 0;
  if (query.category?.length) for (const v of query.category) categoryBits |= 1 << code("category", v);
  const categorySlot = categoryBits ? filterFacets.push("category") - 1 : -1;

  let maxAgency = 0;
  for (const id of index.agencies.keys()) maxAgency = Math.max(maxAgency, id);
  let wantedAgency: Uint8Array | null = null;
  if (chosenAgencyIds !== null) {
    wantedAgency = new Uint8Array(maxAgency + 1);
    for (const id of chosenAgencyIds) if (id >= 0 && id <= maxAgency) wantedAgency[id] = 1;
  }
  const agencySlot = wantedAgency ? filterFacets.push("agency") - 1 : -1;
  const nFilters = filterFacets.length;

  const { categories, agencyStart, agencyEnd, agencyIds } = index;
  const pass = new Uint8Array(index.n);
  const visits = match ? match.length : index.n;
  // Positions that pass, and positions that fail exactly one filter (with that filter's slot).
  const passed = new Int32Array(visits);
  let total = 0;
  const near = nFilters ? new Int32Array(visits) : new Int32Array(0);
  const nearSlot = nFilters ? new Uint8Array(visits) : new Uint8Array(0);
  let nearCount = 0;

  if (nFilters === 0) {
    if (match) for (let i = 0; i < visits; i++) passed[i] = match[i]!;
    else for (let i = 0; i < visits; i++) passed[i] = i;
    total = visits;
  } else {
    for (let i = 0; i < visits; i++) {
      const p = match ? match[i]! : i;
      let failed = -1;
      let failures = 0;
      for (let f = 0; f < nByteFilters; f++) {
        if (byteFilterWant[f]![byteFilterCols[f]![p]!] === 0) {
          failed = f;
          if (++failures > 1) break;
        }
      }
      if (failures < 2 && categorySlot >= 0 && (categories[p]! & categoryBits) === 0) {
        failed = categorySlot;
        failures++;
      }
      if (failures < 2 && wantedAgency) {
        let hit = false;
        for (let k = agencyStart[p]!, end = agencyEnd[p]!; k < end; k++)
          if (wantedAgency[agencyIds[k]!] === 1) {
            hit = true;
            break;
          }
        if (!hit) {
          failed = agencySlot;
          failures++;
        }
      }
      if (failures === 0) passed[total++] = p;
      else if (failures === 1) {
        near[nearCount] = p;
        nearSlot[nearCount++] = failed;
      }
    }
  }
  for (let i = 0; i < total; i++) pass[passed[i]!] = 1;

  // The positions a facet counts besides those that pass: those failing only its own filter.
  const EMPTY = new Int32Array(0);
  const nearOf = (facet: FacetName): Int32Array => {
    const slot = filterFacets.indexOf(facet);
    if (slot < 0 || nearCount === 0) return EMPTY;
    let k = 0;
    for (let i = 0; i < nearCount; i++) if (nearSlot[i] === slot) k++;
    const out = new Int32Array(k);
    for (let i = 0, j = 0; i < nearCount; i++) if (nearSlot[i] === slot) out[j++] = near[i]!;
    return out;
  };

  const values = {} as RawCounts["values"];
  for (const f of ENUM_FACETS) {
    const extra = nearOf(f);
    let counts: Int32Array;
    if (f === "category") {
      // A histogram of the tools' category masks, then each mask's count added to its categories.
      const masks = new Int32Array(1 << CATEGORIES.length);
      for (let i = 0; i < total; i++) masks[categories[passed[i]!]!]!++;
      for (let i = 0; i < extra.length; i++) masks[categories[extra[i]!]!]!++;
      counts = new Int32Array(CATEGORIES.length);
      for (let m = 1; m < masks.length; m++) {
        const c = masks[m]!;
        if (c) for (let b = 0; b < CATEGORIES.length; b++) if (m & (1 << b)) counts[b]! += c;
      }
    } else {
      const col = index.bytes[f as ByteFacet];
      counts = new Int32Array(FACETS[f].length);
      for (let i = 0; i < total; i++) counts[col[passed[i]!]!]!++;
      for (let i = 0; i < extra.length; i++) counts[col[extra[i]!]!]!++;
    }
    values[f] = counts;
  }

  const agencyCounts = new Int32Array(maxAgency + 1);
  const agencyExtra = nearOf("agency");
  for (let i = 0; i < total; i++) {
    const p = passed[i]!;
    for (let k = agencyStart[p]!, end = agencyEnd[p]!; k < end; k++) agencyCounts[agencyIds[k]!]!++;
  }
  for (let i = 0; i < agencyExtra.length; i++) {
    const p = agencyExtra[i]!;
    for (let k = agencyStart[p]!, end = agencyEnd[p]!; k < end; k++) agencyCounts[agencyIds[k]!]!++;
  }
  const raw = { values, agencies: agencyCounts };
  return { total, facets: facetsOf(index, raw, chosenAgencyIds), pass, raw };
}

/** The facets as the list shows them, from the raw counts: values with tools, and the busiest agencies. */
export function facetsOf(index: ListIndex, raw: RawCounts, chosenAgencyIds: readonly number[] | null): FacetCounts {
  const facets = {} as FacetCounts;
  for (const f of ENUM_FACETS) {
    const counts = raw.values[f];
    facets[f] = (FACETS[f] as readonly string[]).flatMap((value, i) => (counts[i]! > 0 ? [{ value, count: counts[i]! }] : []));
  }
  const agencyTotals: { info: AgencyInfo; count: number }[] = [];
  raw.agencies.forEach((count, id) => {
    const info = count > 0 ? index.agencies.get(id) : undefined;
    if (info) agencyTotals.push({ info, count });
  });
  // The 30 busiest agencies, and every chosen one (so each chosen value can be seen and removed).
  agencyTotals.sort((a, b) => b.count - a.count || (a.info.slug < b.info.slug ? -1 : a.info.slug > b.info.slug ? 1 : 0));
  const chosenAgencies = new Set(chosenAgencyIds ?? []);
  facets.agency = agencyTotals
    .filter((a, i) => i < 30 || chosenAgencies.has(a.info.id))
    .map((a) => ({ value: a.info.slug, count: a.count, label: a.info.name }));
  return facets;
}
