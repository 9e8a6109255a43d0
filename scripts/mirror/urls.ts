// Which URLs of the live register belong in the static mirror, and the file each one becomes.
//
// The mirror is deny-by-default: only the public routes listed in ROUTES are mirrored, so a page
// that needs a session (or a new route nobody has thought about yet) never leaks into an archive
// by accident. Links to anything else are turned into plain text, or into links to the live
// register when its address is known.
//
// Bounding rule (so facet combinations cannot explode):
//   - /tools list pages are mirrored with no filter or exactly ONE filter (kind, agency,
//     jurisdiction, status, review, level, sunset, category, sensitive), with every page of
//     results. The sort order is always the default one: a link to another sort order points at
//     the default-order page of the same filter (same rows, different order). Links to two or
//     more filters at once, or to a text search (q=), are not mirrored.
//   - /incidents likewise: no filter or one of kind / year, with every page.
//   - /log: every page. /tools/<id>/history: the default view plus each comparison of two
//     consecutive revisions (the static history page links them in place of its compare form),
//     which is linear in the number of revisions.
//   - The tool exports (/tools.csv, .json, .ndjson, the nested CSVs and the whole records at
//     /records.json and .ndjson, the other registers' formats at /interop/*) are mirrored unfiltered
//     and, unless disabled, with each single filter a mirrored list page offers; links to any
//     other filter combination point at the unfiltered export.
// A link whose target had to be changed this way and then lands on the page it is on is dropped
// (its text is kept), so the mirror never shows a "sort by date" link that goes nowhere.
//
// Languages: the register serves every page at /zh/... and /en/... (registry/shared/urls.ts, `localized`).
// A resource's key here is its address WITHOUT the prefix; the language is a separate argument, and
// the mirror's files follow `localized()`'s layout exactly: the app's /en/tools/ALG-000002 is
// en/tools/ALG-000002/index.html, its /en/changes.atom is en/changes.atom.
import { ENUM_FACETS } from "../../registry/records/query";
import { isLanguageNeutral, localized, splitLangPrefix, LANGS, type Lang, type LangPrefix } from "../../registry/shared/urls";

export type { Lang };
export const MIRROR_LANGS: readonly Lang[] = LANGS;

/**
 * One mirrored resource. `key` is its canonical local URL without a language prefix (path plus
 * sorted query), the identity the crawler de-duplicates on. Pages and Atom feeds exist once per
 * language; the data files and assets are shared by both.
 */
export type Resource =
  | { kind: "page"; key: string }
  | { kind: "data"; key: string; perLang: boolean }
  | { kind: "asset"; key: string };

export type Resolution =
  | { ok: true; resource: Resource; reduced: boolean }
  | { ok: false; reason: "not-public" | "too-many-filters" | "search" | "comparison" | "absent" };

/**
 * Which exports are mirrored with each single filter a mirrored list page offers: all (true), none
 * (false), or "rows": only the row formats (/tools.csv .json .ndjson and the nested CSVs), the
 * whole records (/records.*) and the other registers' formats (/interop/*) only unfiltered. Those
 * are most of a mirror's bytes (each filter dimension holds every record once more).
 */
export type FilteredExports = boolean | "rows";

export type MirrorRules = {
  /** Mirror /tools.csv?kind=app and the like for every single-filter list page (default true). */
  filteredExports: FilteredExports;
  /** True when the path is a file in public/ (the CSS bundle, the favicon): copied as is. */
  isAsset: (pathname: string) => boolean;
  /** True for an optional resource the build turned out not to have (the API docs, say). */
  isAbsent?: (key: string) => boolean;
};

const TOOL_FILTERS = new Set<string>([...ENUM_FACETS, "agency"]);
const INCIDENT_FILTERS = new Set(["kind", "year"]);

type Shaped = { params: [string, string][]; reduced: boolean } | Exclude<Resolution, { ok: true }>;
type QueryRule = (params: URLSearchParams, rules: MirrorRules) => Shaped;

const isPageNumber = (v: string) => /^\d{1,7}$/.test(v) && Number(v) >= 1;

/** A route that ignores its query: any parameters are dropped. */
const noQuery: QueryRule = (params) => ({ params: [], reduced: [...params.keys()].length > 0 });

/** Lists with filters and pages. `page=1` is the same view as no page for these lists. */
function filteredList(filters: Set<string>, opts: { keepPage: boolean; allowFilter: (rules: MirrorRules) => boolean }): QueryRule {
  return (params, rules) => {
    let reduced = false;
    const out: [string, string][] = [];
    let filterCount = 0;
    for (const [k, v] of params) {
      if (v === "") {
        reduced = true;
      } else if (k === "q") {
        return { ok: false, reason: "search" };
      } else if (filters.has(k)) {
        if (out.some(([ok]) => ok === k)) return { ok: false, reason: "too-many-filters" };
        filterCount++;
        if (opts.allowFilter(rules)) out.push([k, v]);
        else reduced = true;
      } else if (k === "page" && opts.keepPage && isPageNumber(v) && Number(v) !== 1) {
        out.push([k, String(Number(v))]);
      } else {
        // sort, page=1, a page on an export (ignored by the server), or an unknown parameter.
        reduced = true;
      }
    }
    if (filterCount > 1 && opts.allowFilter(rules)) return { ok: false, reason: "too-many-filters" };
    return { params: out, reduced };
  };
}

const toolList = filteredList(TOOL_FILTERS, { keepPage: true, allowFilter: () => true });
function exportRule(allowFilter: (rules: MirrorRules) => boolean): QueryRule {
  const shape = filteredList(TOOL_FILTERS, { keepPage: false, allowFilter });
  return (params, rules) => {
    // An export with two filters falls back to the unfiltered file rather than disappearing: the
    // "download these results" link should always offer some data.
    const shaped = shape(params, rules);
    if ("ok" in shaped) return { params: [], reduced: true };
    return shaped;
  };
}
const toolExport = exportRule((r) => r.filteredExports !== false);
/** The whole records and the other registers' formats: filtered only when every export is. */
const recordExport = exportRule((r) => r.filteredExports === true);
const incidentList = filteredList(INCIDENT_FILTERS, { keepPage: true, allowFilter: () => true });

/** /log without a page is the newest page, so page=1 is a different view and is kept. */
const logPages: QueryRule = (params) => {
  const page = params.get("page");
  const keep = page !== null && isPageNumber(page);
  return { params: keep ? [["page", String(Number(page))]] : [], reduced: [...params.keys()].length !== (keep ? 1 : 0) };
};
/** /log.json without a page is page 1. */
const logJsonPages: QueryRule = (params) => {
  const shaped = logPages(params, { filteredExports: true, isAsset: () => false });
  if ("ok" in shaped) return shaped;
  if (shaped.params[0]?.[1] === "1") return { params: [], reduced: true };
  return shaped;
};

/**
 * The default history view, or one comparison of two revisions. Only comparisons some page links
 * to are crawled: the mirror's history page links each pair of consecutive revisions, so the
 * number of comparisons grows with the number of revisions, not with its square.
 */
const comparison: QueryRule = (params) => {
  const from = params.get("from");
  const to = params.get("to");
  const others = [...params.keys()].some((k) => k !== "from" && k !== "to");
  if (from === null && to === null) return { params: [], reduced: others };
  if (from && to && /^\d{1,6}$/.test(from) && /^\d{1,6}$/.test(to) && Number(from) < Number(to)) {
    return { params: [["from", String(Number(from))], ["to", String(Number(to))]], reduced: others };
  }
  return { ok: false, reason: "comparison" };
};

const ID = "[A-Za-z0-9-]{1,40}";
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

type Route = { pattern: RegExp; kind: "page" | "data"; perLang?: boolean; query: QueryRule };

/** The public site. Order matters only where patterns overlap (a tool id never has a dot). */
const ROUTES: Route[] = [
  { pattern: /^\/$/, kind: "page", query: noQuery },
  { pattern: /^\/tools$/, kind: "page", query: toolList },
  { pattern: new RegExp(`^/tools/${ID}$`), kind: "page", query: noQuery },
  { pattern: new RegExp(`^/tools/${ID}/history$`), kind: "page", query: comparison },
  { pattern: /^\/agencies$/, kind: "page", query: noQuery },
  { pattern: new RegExp(`^/agencies/${SLUG}$`), kind: "page", query: noQuery },
  { pattern: /^\/incidents$/, kind: "page", query: incidentList },
  { pattern: /^\/log$/, kind: "page", query: logPages },
  { pattern: /^\/(?:standard|standard\/crosswalk|sunsets|unregistered|api)$/, kind: "page", query: noQuery },

  // The CSV and JSON exports have one address (language neutral: machine column names). The mirror
  // keeps one copy of each, which both languages link to.
  { pattern: /^\/tools\.(?:csv|json|ndjson)$/, kind: "data", query: toolExport },
  // The whole records with their public revisions (registry/exchange/records), under the same filters.
  { pattern: /^\/records\.(?:json|ndjson)$/, kind: "data", query: recordExport },
  // The tools in the formats of other registers (issue 16, /interop/omb-2025.csv), under the same filters.
  { pattern: /^\/interop\/[a-z0-9-]+\.(?:csv|json)$/, kind: "data", query: recordExport },
  { pattern: /^\/(?:tools\/data-elements|agencies|incidents|findings|comments)\.csv$/, kind: "data", query: toolExport },
  { pattern: new RegExp(`^/tools/${ID}\\.json$`), kind: "data", query: noQuery },
  { pattern: new RegExp(`^/tools/${ID}/history\\.json$`), kind: "data", query: noQuery },
  { pattern: /^\/log\.json$/, kind: "data", query: logJsonPages },
  { pattern: /^\/standard\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.json$/, kind: "data", query: noQuery },
  { pattern: /^\/api\/openapi\.json$/, kind: "data", query: noQuery },
  // Feed titles and entry labels follow the reader's language, so each language has its own copy.
  { pattern: /^\/(?:changes|sunsets)\.atom$/, kind: "data", perLang: true, query: noQuery },
  { pattern: new RegExp(`^/tools/${ID}/changes\\.atom$`), kind: "data", perLang: true, query: noQuery },
  { pattern: new RegExp(`^/agencies/${SLUG}/changes\\.atom$`), kind: "data", perLang: true, query: noQuery },
];

function queryString(params: [string, string][]): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(sorted).toString();
}

/** Where a local URL (path without a language prefix, and query) lands in the mirror, if anywhere. */
export function resolveLocal(pathname: string, params: URLSearchParams, rules: MirrorRules): Resolution {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (rules.isAsset(path)) return { ok: true, resource: { kind: "asset", key: path }, reduced: [...params.keys()].length > 0 };
  const route = ROUTES.find((r) => r.pattern.test(path));
  if (!route) return { ok: false, reason: "not-public" };
  const shaped = route.query(params, rules);
  if ("ok" in shaped) return shaped;
  const qs = queryString(shaped.params);
  const key = qs ? `${path}?${qs}` : path;
  if (rules.isAbsent?.(key)) return { ok: false, reason: "absent" };
  const resource: Resource = route.kind === "page" ? { kind: "page", key } : { kind: "data", key, perLang: Boolean(route.perLang) };
  return { ok: true, resource, reduced: shaped.reduced || path !== pathname };
}

export type AddressResolution = Resolution & {
  /** The language the address fixes (/zh, /en), or null for an unprefixed one. */
  prefix: LangPrefix;
};

/**
 * Where an address of the live register, as a page links it (`/en/tools?kind=app`,
 * `/en/changes.atom`, `/tools.csv`), lands in the mirror: its resource, and the language the prefix
 * names. A prefix on what has no language addresses (`/en/tools.csv`, `/en/favicon.svg`) is an
 * address the register does not serve, so it is not mirrored either.
 */
export function resolveAddress(pathname: string, params: URLSearchParams, rules: MirrorRules): AddressResolution {
  const { prefix, path } = splitLangPrefix(pathname);
  if (prefix && (isLanguageNeutral(path) || rules.isAsset(path))) return { ok: false, reason: "not-public", prefix };
  return { ...resolveLocal(path, params, rules), prefix };
}

/**
 * The address of the live register a resource is rendered from in the given language: pages and
 * feeds at their /zh or /en address, data files without language addresses as they are.
 */
export function addressFor(resource: Resource, lang: Lang): string {
  return resource.kind === "asset" ? resource.key : localized(resource.key, lang);
}

/**
 * A file-name-safe, deterministic and reversible spelling of any text: letters, digits, ".", "_"
 * and "-" stay; every other byte of its UTF-8 form becomes "~XX". "~" is unreserved in URLs and
 * allowed on every file system, so the result needs no further escaping in an href.
 */
export function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/gu, (ch) =>
    Array.from(new TextEncoder().encode(ch), (b) => `~${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}

/** "kind=app&page=2" -> "__kind=app&page=2", each name and value made safe. "" stays "". */
function querySuffix(search: string): string {
  if (!search) return "";
  const parts = [...new URLSearchParams(search)].map(([k, v]) => `${safeName(k)}=${safeName(v)}`);
  return `__${parts.join("&")}`;
}

function splitKey(key: string): { path: string; search: string } {
  const q = key.indexOf("?");
  return q < 0 ? { path: key, search: "" } : { path: key.slice(0, q), search: key.slice(q + 1) };
}

/**
 * The mirror file of a resource, relative to the mirror's root, with "/" separators. What exists
 * per language is filed under the language's address, `localized(key, lang)`, so the mirror's
 * directories are the register's own /zh and /en:
 *   page  /tools?kind=app&page=2  ->  <lang>/tools/index__kind=app&page=2.html
 *   page  /                       ->  <lang>/index.html
 *   data  /tools.csv?kind=app     ->  tools__kind=app.csv   (shared; the extension stays last)
 *   data  /changes.atom           ->  <lang>/changes.atom
 *   asset /build/_assets/x.css    ->  build/_assets/x.css
 */
export function fileFor(resource: Resource, lang: Lang): string {
  // Pure, and asked for every link of every page: remembered, a bounded number at a time.
  const memo = `${resource.kind === "data" && resource.perLang ? "D" : resource.kind}|${lang}|${resource.key}`;
  let file = files.get(memo);
  if (file === undefined) {
    file = fileOf(resource, lang);
    if (files.size >= 100_000) files.clear();
    files.set(memo, file);
  }
  return file;
}
const files = new Map<string, string>();

function fileOf(resource: Resource, lang: Lang): string {
  const { path, search } = splitKey(resource.key);
  const perLang = resource.kind === "page" || (resource.kind === "data" && resource.perLang);
  const filed = perLang ? localized(path, lang) : path;
  // Two languages in one file would lose one of them.
  if (perLang && filed === path) throw new Error(`${path} has no address per language, so it cannot be mirrored per language`);
  const segments = filed.split("/").filter(Boolean).map((s) => safeName(safeDecode(s)));
  if (resource.kind === "asset") return segments.join("/");
  if (resource.kind === "page") return [...segments, `index${querySuffix(search)}.html`].join("/");
  const last = segments.pop() ?? "index";
  const dot = last.indexOf(".");
  const name = dot > 0 ? `${last.slice(0, dot)}${querySuffix(search)}${last.slice(dot)}` : `${last}${querySuffix(search)}`;
  return [...segments, name].join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The href that leads from one mirror file to another (both relative to the mirror's root). */
export function relativeHref(fromFile: string, toFile: string): string {
  const from = fromFile.split("/").slice(0, -1);
  const to = toFile.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  return [...Array<string>(up).fill(".."), ...to.slice(common)].join("/");
}

/** A stable string for de-duplicating resources across kinds. */
export function resourceId(r: Resource): string {
  return `${r.kind}:${r.key}`;
}
