// The list query lives entirely in the URL so any view can be shared. Parsing is lenient: a
// bad value is dropped and reported as a notice on the page, never an error.
import {
  DATA_CATEGORIES,
  DEPLOYMENT_STATUSES,
  IMPACT_LEVELS,
  JURISDICTION_LEVELS,
  REVIEW_STATUSES,
  TOOL_KINDS,
} from "./standard/v1";
import { SUNSET_STATES } from "./sunset";

export const SORTS = ["relevance", "name", "updated", "sunset"] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;

export const FACETS = {
  kind: TOOL_KINDS,
  jurisdiction: JURISDICTION_LEVELS,
  status: DEPLOYMENT_STATUSES,
  review: REVIEW_STATUSES,
  level: [...IMPACT_LEVELS, "none"] as const,
  sunset: SUNSET_STATES,
  category: DATA_CATEGORIES,
  sensitive: ["yes", "no"] as const,
} as const;
export type EnumFacet = keyof typeof FACETS;
export const ENUM_FACETS = Object.keys(FACETS) as EnumFacet[];
export type FacetName = EnumFacet | "agency";

export type ToolQuery = {
  q: string;
  agency?: string;
  sort: Sort;
  page: number;
} & { [K in EnumFacet]?: (typeof FACETS)[K][number] };

export type QueryNotice =
  | { code: "ignored_value"; param: string; value: string }
  | { code: "query_truncated"; max: number }
  | { code: "page_out_of_range"; page: number }
  | { code: "unknown_agency"; value: string };

/** The parameters of the list's URL (the page declares them; the API also takes "lang"). */
export const TOOL_QUERY_PARAMS = ["q", ...ENUM_FACETS, "agency", "sort", "page"] as const;
const KNOWN = new Set<string>([...TOOL_QUERY_PARAMS, "lang"]);

export function parseToolQuery(params: URLSearchParams): { query: ToolQuery; notices: QueryNotice[] } {
  const notices: QueryNotice[] = [];
  const short = (v: string) => (v.length > 60 ? `${v.slice(0, 60)}…` : v);
  let q = (params.get("q") ?? "").trim();
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH);
    notices.push({ code: "query_truncated", max: MAX_QUERY_LENGTH });
  }
  const query: ToolQuery = { q, sort: q ? "relevance" : "name", page: 1 };

  for (const facet of ENUM_FACETS) {
    const v = params.get(facet);
    if (v === null || v === "") continue;
    if ((FACETS[facet] as readonly string[]).includes(v)) (query as Record<string, unknown>)[facet] = v;
    else notices.push({ code: "ignored_value", param: facet, value: short(v) });
  }
  const agency = params.get("agency");
  if (agency) {
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(agency) && agency.length <= 80) query.agency = agency;
    else notices.push({ code: "ignored_value", param: "agency", value: short(agency) });
  }
  const sort = params.get("sort");
  if (sort) {
    if ((SORTS as readonly string[]).includes(sort) && !(sort === "relevance" && !q)) query.sort = sort as Sort;
    else notices.push({ code: "ignored_value", param: "sort", value: short(sort) });
  }
  const page = params.get("page");
  if (page) {
    const n = /^\d{1,6}$/.test(page) ? Number(page) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) query.page = n;
    else notices.push({ code: "ignored_value", param: "page", value: short(page) });
  }
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) notices.push({ code: "ignored_value", param: short(key), value: short(params.get(key) ?? "") });
  }
  return { query, notices };
}

/** The URL search string for a query, with some parts changed; defaults are left out. */
export function toolQueryString(query: ToolQuery, change: Partial<Record<keyof ToolQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  if (!("page" in change)) merged.page = 1; // any other change starts again at page 1
  const p = new URLSearchParams();
  if (merged.q) p.set("q", String(merged.q));
  for (const f of [...ENUM_FACETS, "agency"] as const) if (merged[f]) p.set(f, String(merged[f]));
  const defaultSort = merged.q ? "relevance" : "name";
  if (merged.sort && merged.sort !== defaultSort && !(merged.sort === "relevance" && !merged.q)) p.set("sort", String(merged.sort));
  if (merged.page && merged.page !== 1) p.set("page", String(merged.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
