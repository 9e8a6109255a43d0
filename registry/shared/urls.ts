// The register's addresses, in one place. Every link, form action, redirect, export, feed, API
// answer and the static mirror build their URLs here; nothing else writes a path by hand (a test
// greps for it: test/unit/urls.test.ts).
//
// Pages exist three times: `/tools` (language negotiated: the switch's cookie, then
// Accept-Language, then Chinese), `/zh/tools` and `/en/tools` (language fixed by the address, so
// it can be shared). A page links in the form it was asked for: on `/en/...` every link keeps
// `/en`, on an unprefixed page links stay unprefixed. Data that does not depend on the reader's
// language (CSV with its machine column names, JSON, the API, the schema) has one address only.

export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];
/** The language an address fixes, or null when it leaves the language to negotiation. */
export type LangPrefix = Lang | null;

/** BCP 47 tags the pages declare (`<html lang>`, `hreflang`). */
export const LANG_TAG: Record<Lang, string> = { zh: "zh-Hans", en: "en" };

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue> | URLSearchParams;

/** `?a=1&b=2` from the set values (null, undefined and "" are left out), or "" when none is set. */
export function queryString(query?: Query): string {
  if (!query) return "";
  const out = new URLSearchParams();
  const entries: [string, QueryValue][] = query instanceof URLSearchParams ? [...query] : Object.entries(query);
  for (const [k, v] of entries) {
    if (v === null || v === undefined || v === "" || v === false) continue;
    if (Array.isArray(v)) for (const x of v) out.append(k, String(x));
    else out.append(k, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : "";
}

const seg = (s: string | number) => encodeURIComponent(String(s));
const hash = (h?: string | null) => (h ? `#${h}` : "");

/** Every address of the register, without a language prefix (see `localized`). */
export const paths = {
  home: () => "/",

  tools: (q?: Query) => `/tools${queryString(q)}`,
  tool: (id: string, fragment?: string | null) => `/tools/${seg(id)}${hash(fragment)}`,
  toolHistory: (id: string, q?: Query) => `/tools/${seg(id)}/history${queryString(q)}`,
  toolHistoryJson: (id: string) => `/tools/${seg(id)}/history.json`,
  toolJson: (id: string, q?: Query) => `/tools/${seg(id)}.json${queryString(q)}`,
  /** Where server.mjs sends /tools/<id>.json: a route segment cannot mix a parameter and ".json". */
  toolJsonRoute: (id: string, search = "") => `/tools-json/${seg(id)}${search}`,
  toolChangesAtom: (id: string) => `/tools/${seg(id)}/changes.atom`,
  toolEdit: (id: string, q?: Query, fragment?: string | null) => `/tools/${seg(id)}/edit${queryString(q)}${hash(fragment)}`,
  /** The draft's "check your answers" page, where the official submits it. */
  toolEditCheck: (id: string) => `/tools/${seg(id)}/edit/check`,
  /** The confirmation after submitting a revision for review. */
  toolSubmitted: (id: string) => `/tools/${seg(id)}/submitted`,
  toolFacts: (id: string, q?: Query) => `/tools/${seg(id)}/facts${queryString(q)}`,
  toolReport: (id: string) => `/tools/${seg(id)}/report`,
  toolsCsv: (q?: Query) => `/tools.csv${queryString(q)}`,
  /** The Atom feed of changes to the tools a list view selects (the same parameters as /tools). */
  toolsAtom: (q?: Query) => `/tools.atom${queryString(q)}`,
  toolsJson: (q?: Query) => `/tools.json${queryString(q)}`,
  toolsNdjson: (q?: Query) => `/tools.ndjson${queryString(q)}`,
  /** Complete records with every public revision (registry/exchange/records), the same parameters as /tools. */
  recordsNdjson: (q?: Query) => `/records.ndjson${queryString(q)}`,
  recordsJson: (q?: Query) => `/records.json${queryString(q)}`,
  dataElementsCsv: (q?: Query) => `/tools/data-elements.csv${queryString(q)}`,
  /** A foreign register's format (registry/exchange/interop/formats.ts), the same parameters as /tools: /interop/omb-2025.csv. */
  interopExport: (key: string, extension: string, q?: Query) => `/interop/${seg(key)}.${seg(extension)}${queryString(q)}`,

  agencies: () => "/agencies",
  agency: (slug: string) => `/agencies/${seg(slug)}`,
  agencyChangesAtom: (slug: string) => `/agencies/${seg(slug)}/changes.atom`,
  agenciesCsv: (q?: Query) => `/agencies.csv${queryString(q)}`,

  standard: (fragment?: string | null) => `/standard${hash(fragment)}`,
  /** A field's definition in the standard, by its dotted path. */
  standardField: (fieldPath: string) => `/standard#field-${fieldPath}`,
  /** The crosswalk between the standard and the foreign registers' formats (issue 16). */
  standardCrosswalk: (fragment?: string | null) => `/standard/crosswalk${hash(fragment)}`,
  /** The JSON Schema of the standard's current version (1.1, as the route file app/routes/standard.v1[.]1[.]schema[.]json.ts). */
  standardSchema: () => "/standard/v1.1.schema.json",
  /** The JSON Schema of version 1 of the standard (app/routes/standard.v1[.]schema[.]json.ts). */
  standardSchemaV1: () => "/standard/v1.schema.json",

  sunsets: (q?: Query) => `/sunsets${queryString(q)}`,
  /** The sunsets feed, with the list's filters. */
  sunsetsAtom: (q?: Query) => `/sunsets.atom${queryString(q)}`,
  incidents: (q?: Query) => `/incidents${queryString(q)}`,
  incidentsCsv: (q?: Query) => `/incidents.csv${queryString(q)}`,
  unregistered: () => "/unregistered",
  reportUnregistered: () => "/report-unregistered",
  log: (q?: Query) => `/log${queryString(q)}`,
  logJson: (q?: Query) => `/log.json${queryString(q)}`,
  changesAtom: () => "/changes.atom",
  commentsCsv: (q?: Query) => `/comments.csv${queryString(q)}`,
  findingsCsv: (q?: Query) => `/findings.csv${queryString(q)}`,

  api: () => "/api",
  openapi: () => "/api/openapi.json",
  apiRoot: () => "/api/v1",
  apiTools: (q?: Query) => `/api/v1/tools${queryString(q)}`,
  apiTool: (id: string) => `/api/v1/tools/${seg(id)}`,
  apiToolRevisions: (id: string) => `/api/v1/tools/${seg(id)}/revisions`,
  apiAgencies: (q?: Query) => `/api/v1/agencies${queryString(q)}`,
  apiAgency: (slug: string) => `/api/v1/agencies/${seg(slug)}`,
  apiEvents: (q?: Query) => `/api/v1/events${queryString(q)}`,
  apiIncidents: (q?: Query) => `/api/v1/incidents${queryString(q)}`,

  login: (next?: string | null) => `/login${queryString({ next })}`,
  logout: () => "/logout",
  account: (q?: Query, fragment?: string | null) => `/account${queryString(q)}${hash(fragment)}`,
  /** A signed-in person's notifications. */
  inbox: (q?: Query) => `/inbox${queryString(q)}`,
  langSwitch: () => "/lang",
  drafts: (q?: Query) => `/drafts${queryString(q)}`,
  draftsNew: () => "/drafts/new",
  draftsImport: () => "/drafts/import",
  draftsInventoryCsv: () => "/drafts/inventory.csv",
  draftsInventoryJson: () => "/drafts/inventory.json",
  review: (q?: Query) => `/review${queryString(q)}`,
  reviewTool: (id: string, q?: Query, fragment?: string | null) => `/review/${seg(id)}${queryString(q)}${hash(fragment)}`,
  reviewComments: (q?: Query) => `/review/comments${queryString(q)}`,
  reports: (q?: Query) => `/reports${queryString(q)}`,
  adminAccounts: () => "/admin/accounts",
  adminAgencies: (q?: Query) => `/admin/agencies${queryString(q)}`,
  /** The page where an invited person sets their password: the token is in the path, shown once to the admin. */
  invite: (token: string) => `/invite/${seg(token)}`,
} as const;

/** `{name}` put back where a builder encoded the braces: an OpenAPI path template from the builder itself. */
const template = (built: string) => built.replace(/%7B(\w+)%7D/g, "{$1}");

/**
 * The API's operations as OpenAPI path templates ("/api/v1/tools/{id}"), built by the same
 * builders as the addresses they describe (registry/exchange/api/openapi.ts lists them in this order).
 */
export const API_PATH_TEMPLATES = {
  getApiIndex: paths.apiRoot(),
  listTools: paths.apiTools(),
  getTool: template(paths.apiTool("{id}")),
  listToolRevisions: template(paths.apiToolRevisions("{id}")),
  listAgencies: paths.apiAgencies(),
  getAgency: template(paths.apiAgency("{slug}")),
  listIncidents: paths.apiIncidents(),
  listEvents: paths.apiEvents(),
  getOpenApiDocument: paths.openapi(),
} as const;

export type Paths = typeof paths;

/**
 * Addresses whose answer does not depend on the reader's language: one address each, never
 * prefixed. Everything else (pages, and the Atom feeds, whose titles are written in a language)
 * also exists under /zh and /en. remix.config.js builds the prefixed routes by the same rule; a test checks
 * the two agree for every route of the build.
 */
export function isLanguageNeutral(pathname: string): boolean {
  return (
    /^\/api\/./.test(pathname) ||
    /\.(?:json|ndjson|csv)$/.test(pathname) ||
    pathname === "/lang" ||
    pathname === "/logout" ||
    pathname.startsWith("/tools-json/")
  );
}

/** `path` (as `paths` builds it, query and fragment included) in the given language's address space. */
export function localized(path: string, prefix: LangPrefix): string {
  if (!prefix || !path.startsWith("/") || path.startsWith("//")) return path;
  const end = path.search(/[?#]/);
  const pathname = end < 0 ? path : path.slice(0, end);
  if (isLanguageNeutral(pathname)) return path;
  return pathname === "/" ? `/${prefix}${path.slice(1)}` : `/${prefix}${path}`;
}

/** The language an address fixes, and the address without it: `/en/tools?q=x` -> en, `/tools?q=x`. */
export function splitLangPrefix(path: string): { prefix: LangPrefix; path: string } {
  const m = /^\/(zh|en)(?=$|[/?#])/.exec(path);
  if (!m) return { prefix: null, path };
  const rest = path.slice(m[0].length);
  return { prefix: m[1] as Lang, path: rest.startsWith("/") ? rest : `/${rest}` };
}

/** The same page in each language and unprefixed, for `<link rel="alternate" hreflang>` and the switch. */
export function alternates(pathAndQuery: string): { zh: string; en: string; negotiated: string } {
  const { path } = splitLangPrefix(pathAndQuery);
  return { zh: localized(path, "zh"), en: localized(path, "en"), negotiated: path };
}

/** An absolute URL on the given origin (`https://register.example`), for exports, feeds and the API. */
export function absolute(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, "")}${path}`;
}

/**
 * The address builders bound to one page language: `urls(prefix).tool(id)` is `/en/tools/<id>` on
 * an English-prefixed page and `/tools/<id>` on an unprefixed one.
 */
export function urlsFor(prefix: LangPrefix): Paths {
  if (!prefix) return paths;
  // Made once per prefix: every card and badge of a page asks for them.
  let bound = boundPaths.get(prefix);
  if (!bound) {
    const made: Record<string, (...args: never[]) => string> = {};
    for (const [name, build] of Object.entries(paths) as [string, (...args: never[]) => string][]) {
      made[name] = (...args: never[]) => localized(build(...args), prefix);
    }
    boundPaths.set(prefix, (bound = made as unknown as Paths));
  }
  return bound;
}
const boundPaths = new Map<LangPrefix, Paths>();

