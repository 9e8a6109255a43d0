// The list query lives entirely in the URL so any view can be shared. Parsing is lenient: a
// bad value is dropped and reported as a notice on the page, never an error.
import {
  DATA_CATEGORIES,
  DEPLOYMENT_STATUSES,
  IMPACT_LEVELS,
  JURISDICTION_LEVELS,
  KNOWN_REGISTERS,
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
 * The values of the regime filter (standard v1.1 `regime`, registry/standard/regime.ts): records
 * this register governs, or records mirrored from another register, one value per register the
 * register knows and "other_register" for any other. In a URL, `regime=source_register` stands
 * for every mirrored value (it is expanded when the query is parsed).
 */
export const REGIME_VALUES = ["this_register", ...KNOWN_REGISTERS, "other_register"] as const;
export type RegimeValue = (typeof REGIME_VALUES)[number];
/** The URL value that chooses every mirrored record. */
export const ANY_SOURCE_REGISTER = "source_register";
/** The regime values of mirrored records (all but "this_register"): what `regime=source_register` chooses. */
export const MIRRORED_REGIME_VALUES = REGIME_VALUES.filter((v) => v !== "this_register");
/** The regime filter's value of a `tools.regime` column ("this_register" or a register's key). */
export function regimeValueOf(column: string): RegimeValue {
  return (REGIME_VALUES as readonly string[]).includes(column) && column !== "other_register" ? (column as RegimeValue) : "other_register";
}
/**
 * The review (and impact level) filter's value for a mirrored record, as the sunset state's.
 * Its revision's status (often "unreviewed", as the seed path and imports write it) is a word of
 * this register's review process, which does not govern it: counted under it, a US inventory
 * record would show as "deployed without review" here. So the list index, the summaries, the
 * exports and the API give every mirrored record this value instead of its revision status, on
 * the review facet and filter and in the home page's counts; likewise a mirrored record without
 * this register's impact assessment is "source_regime", not "none" (not assessed). The record
 * page shows the source's own review and assessment facts.
 */
export const SOURCE_REGIME = "source_regime";

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
  review: {
    values: [...REVIEW_STATUSES, SOURCE_REGIME] as const,
    labels: "review",
    stored: "byte",
    api: "Review status of the published revision; `source_regime` for records mirrored from another register, which this register does not review.",
  },
  level: {
    values: [...IMPACT_LEVELS, "none", SOURCE_REGIME] as const,
    labels: "level",
    stored: "byte",
    api: "Computed impact level; `none` for records without an impact assessment, `source_regime` for a record mirrored from another register without one.",
  },
  sunset: { values: SUNSET_STATES, labels: "sunset", stored: "byte", api: "Sunset state, computed from the dates today." },
  category: { values: DATA_CATEGORIES, labels: "category", stored: "bits", api: "A category of personal data the tool processes." },
  sensitive: { values: ["yes", "no"] as const, labels: "sensitive", stored: "byte", api: "Whether the tool processes sensitive personal information." },
  regime: {
    values: REGIME_VALUES,
    labels: "regime",
    stored: "byte",
    api: "Which rules govern the record: `this_register`, or the register it is mirrored from (`other_register` for a register not listed); `source_register` chooses every mirrored record.",
  },
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

/**
 * A list query. Each filter holds the values chosen for it: several values of one filter are
 * alternatives (`?sunset=lapsed&sunset=no_sunset` is lapsed OR never set), different filters
 * must all hold. An absent filter (or an empty list) does not filter.
 */
export type ToolQuery = {
  q: string;
  agency?: readonly string[];
  sort: Sort;
  page: number;
} & { [K in EnumFacet]?: readonly (typeof FACETS)[K][number][] };

/** How many agencies one query may name at most. */
export const MAX_AGENCIES = 20;
const AGENCY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The values chosen for a filter (empty when it does not filter). */
export function chosen(query: ToolQuery, facet: FacetName): readonly string[] {
  return (query[facet] as readonly string[] | undefined) ?? [];
}

/** Whether the query chooses every mirrored record (as `regime=source_register` does): the lists then name that choice once. */
export function choosesEveryMirrored(query: ToolQuery): boolean {
  const c = chosen(query, "regime");
  return MIRRORED_REGIME_VALUES.every((v) => c.includes(v));
}

export type QueryNotice =
  | { code: "ignored_value"; param: string; value: string }
  | { code: "query_truncated"; max: number }
  | { code: "page_out_of_range"; page: number }
  | { code: "unknown_agency"; value: string }
  | { code: "any_word_fallback" };

/** The parameters of the list's URL (the page declares them; the API also takes "lang"). */
export const TOOL_QUERY_PARAMS = ["q", ...ENUM_FACETS, "agency", "sort", "page"] as const;
/** The parameters that may be given several times (each a filter's values). */
export const REPEATABLE_QUERY_PARAMS = [...ENUM_FACETS, "agency"] as const;
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
    const allowed = FACETS[facet] as readonly string[];
    const values = new Set<string>();
    for (const v of params.getAll(facet)) {
      if (v === "") continue;
      if (facet === "regime" && v === ANY_SOURCE_REGISTER) {
        for (const r of MIRRORED_REGIME_VALUES) values.add(r);
      } else if (allowed.includes(v)) values.add(v);
      else notices.push({ code: "ignored_value", param: facet, value: short(v) });
    }
    // Kept in the table's order, so the same choice is always the same query (and address).
    if (values.size) (query as Record<string, unknown>)[facet] = allowed.filter((v) => values.has(v));
  }
  const agencies = new Set<string>();
  for (const agency of params.getAll("agency")) {
    if (agency === "") continue;
    if (AGENCY_SLUG.test(agency) && agency.length <= 80 && agencies.size < MAX_AGENCIES) agencies.add(agency);
    else notices.push({ code: "ignored_value", param: "agency", value: short(agency) });
  }
  if (agencies.size) query.agency = [...agencies].sort();
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

type Change = Partial<{ q: string; sort: Sort; page: number } & Record<FacetName, readonly string[] | string | undefined>>;

/**
 * The URL search string for a query, with some parts changed (a filter set to a value, to
 * several, or to undefined to remove it); defaults are left out. Any change but the page's
 * starts again at page 1.
 */
export function toolQueryString(query: ToolQuery, change: Change = {}): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  if (!("page" in change)) merged.page = 1;
  const p = new URLSearchParams();
  if (merged.q) p.set("q", String(merged.q));
  for (const f of [...ENUM_FACETS, "agency"] as const) {
    const v = merged[f] as readonly string[] | string | undefined;
    for (const one of v === undefined ? [] : typeof v === "string" ? [v] : v) p.append(f, one);
  }
  const defaultSort = merged.q ? "relevance" : "name";
  if (merged.sort && merged.sort !== defaultSort && !(merged.sort === "relevance" && !merged.q)) p.set("sort", String(merged.sort));
  if (merged.page && merged.page !== 1) p.set("page", String(merged.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The query with one more value of a filter chosen (an alternative to the values chosen already). */
export function withValue(query: ToolQuery, facet: FacetName, value: string): Change {
  const now = chosen(query, facet);
  const next = now.includes(value) ? now : [...now, value];
  const order = facet === "agency" ? [...next].sort() : (FACETS[facet] as readonly string[]).filter((v) => next.includes(v));
  return { [facet]: order };
}

/** The query without one value of a filter. */
export function withoutValue(query: ToolQuery, facet: FacetName, value: string): Change {
  const rest = chosen(query, facet).filter((v) => v !== value);
  return { [facet]: rest.length ? rest : undefined };
}
