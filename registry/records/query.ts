// The list query lives entirely in the URL so any view can be shared. Parsing is lenient: a
// bad value is dropped and reported as a notice on the page, never an error.
import {
  DATA_CATEGORIES,
  DEPLOYMENT_STATUSES,
  IMPACT_LEVELS,
  JURISDICTION_LEVELS,
  REVIEW_STATUSES,
  TOOL_KINDS,
} from "../standard/v1";
import { SUNSET_STATES } from "../lifecycle/sunset";
import type { LabelGroup } from "../standard/labels";

export const SORTS = ["relevance", "name", "updated", "sunset"] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;

/**
 * The list's filters, written once. The list page and the home counts (labels), the list index
 * (how each is stored), the API and its OpenAPI document (values and descriptions) and the static
 * mirror all read this table. `values` are the URL values; `labels` is the label group that names
 * them for people; `stored` is how the in-memory list index keeps them (one byte per tool, or a
 * bit mask for a tool with several values).
 */
export const FACET_DEFS = {
  kind: { values: TOOL_KINDS, labels: "kind", stored: "byte", api: "Kind of tool." },
  jurisdiction: { values: JURISDICTION_LEVELS, labels: "jurisdiction", stored: "byte", api: "Level of government." },
  status: { values: DEPLOYMENT_STATUSES, labels: "status", stored: "byte", api: "Deployment status." },
  review: { values: REVIEW_STATUSES, labels: "review", stored: "byte", api: "Review status of the published revision." },
  level: { values: [...IMPACT_LEVELS, "none"] as const, labels: "level", stored: "byte", api: "Computed impact level; `none` for records without an impact assessment." },
  sunset: { values: SUNSET_STATES, labels: "sunset", stored: "byte", api: "Sunset state, computed from the dates today." },
  category: { values: DATA_CATEGORIES, labels: "category", stored: "bits", api: "A category of personal data the tool processes." },
  sensitive: { values: ["yes", "no"] as const, labels: "sensitive", stored: "byte", api: "Whether the tool processes sensitive personal information." },
} as const satisfies Record<string, { values: readonly string[]; labels: LabelGroup; stored: "byte" | "bits"; api: string }>;

export type EnumFacet = keyof typeof FACET_DEFS;
export const ENUM_FACETS = Object.keys(FACET_DEFS) as EnumFacet[];
/** The values of each filter (URL values). */
export const FACETS = Object.fromEntries(ENUM_FACETS.map((f) => [f, FACET_DEFS[f].values])) as { readonly [F in EnumFacet]: (typeof FACET_DEFS)[F]["values"] };
/** The filters kept as one byte per tool in the list index. */
export type ByteFacet = { [F in EnumFacet]: (typeof FACET_DEFS)[F]["stored"] extends "byte" ? F : never }[EnumFacet];
export const BYTE_FACETS = ENUM_FACETS.filter((f): f is ByteFacet => FACET_DEFS[f].stored === "byte");
export type FacetName = EnumFacet | "agency";
/** The order the list page shows its filters in (the agency filter is not an enumeration). */
export const FACET_DISPLAY_ORDER: readonly FacetName[] = ["kind", "agency", ...ENUM_FACETS.filter((f) => f !== "kind")];

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
  | { code: "unknown_agency"; value: string }
  | { code: "any_word_fallback" };

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
