// The OpenAPI 3.1 document of the open API, served at /api/openapi.json. Parameters take their
// allowed values from the same lists the query parsers use; answers are described in
// openapi-schemas.ts. The tests validate this document against the OpenAPI 3.1 schema and call
// every operation in it, checking each answer against the schema documented here.
import { ENUM_FACETS, FACET_DEFS, FACETS, MAX_AGENCIES, MAX_QUERY_LENGTH, SORTS, type EnumFacet } from "../../records/query";
import { INCIDENT_KINDS } from "../../standard/v1";
import { API_LIMIT } from "./cursor";
import { componentSchemas, ref, type Schema } from "./openapi-schemas";
import { absolute, API_PATH_TEMPLATES, paths as urls } from "../../shared/urls";
import { INTEROP_FORMAT_KEYS, INTEROP_FORMATS, INTEROP_SHAPES } from "../interop/formats";

/** Every operation, with an example the documentation page links to. */
export const API_OPERATIONS = [
  { id: "getApiIndex", path: API_PATH_TEMPLATES.getApiIndex, example: urls.apiRoot() },
  { id: "listTools", path: API_PATH_TEMPLATES.listTools, example: urls.apiTools({ kind: "code_system", sort: "updated", limit: 5 }) },
  { id: "getTool", path: API_PATH_TEMPLATES.getTool, example: urls.apiTool("ALG-000002") },
  { id: "listToolRevisions", path: API_PATH_TEMPLATES.listToolRevisions, example: urls.apiToolRevisions("ALG-000002") },
  { id: "listAgencies", path: API_PATH_TEMPLATES.listAgencies, example: urls.apiAgencies() },
  { id: "getAgency", path: API_PATH_TEMPLATES.getAgency, example: urls.apiAgency("shanghai-municipal-government") },
  { id: "listIncidents", path: API_PATH_TEMPLATES.listIncidents, example: urls.apiIncidents({ kind: "data_breach" }) },
  { id: "listEvents", path: API_PATH_TEMPLATES.listEvents, example: urls.apiEvents({ limit: 100 }) },
  { id: "getOpenApiDocument", path: API_PATH_TEMPLATES.getOpenApiDocument, example: urls.openapi() },
] as const;
export type ApiOperationId = (typeof API_OPERATIONS)[number]["id"];

const LENIENT = "An unknown value is ignored and reported in `notices`, as on the HTML list; it is never an error.";

const query = (name: string, schema: Schema, description: string) => ({ name, in: "query", required: false, schema, description });
const REPEATABLE = "May be given several times: a tool with any of the values is listed (`?sunset=lapsed&sunset=no_sunset`); different filters must all hold.";
const repeatableParam = (name: string, items: Schema, description: string) => ({ ...query(name, { type: "array", items }, description), style: "form", explode: true });
const enumParam = (name: string, values: readonly string[], description: string) => query(name, { type: "string", enum: [...values] }, `${description} ${LENIENT}`);

const parameters = {
  limit: query("limit", { type: "integer", minimum: 1, maximum: API_LIMIT.max, default: API_LIMIT.default }, `Items per page, 1 to ${API_LIMIT.max}. Anything else is a 400 error.`),
  cursor: query(
    "cursor",
    { type: "string" },
    "Where the page starts: the `nextCursor` of the previous page, unchanged, with the same query. A cursor that was not made by this API, or was made for other filters or another sort order, is a 400 error.",
  ),
  q: query("q", { type: "string", maxLength: MAX_QUERY_LENGTH }, `Full-text search in Chinese and English (names, summaries, descriptions). Longer queries are cut to ${MAX_QUERY_LENGTH} characters, with a notice.`),
  // One parameter per filter of the list, from the one table of filters (registry/records/query.ts).
  // Each filter may be given several times: its values are alternatives (OR), different filters
  // must all hold (AND), e.g. `?kind=code_system&sunset=lapsed&sunset=no_sunset`.
  ...(Object.fromEntries(ENUM_FACETS.map((f) => [f, repeatableParam(f, { type: "string", enum: [...FACETS[f]] }, `${FACET_DEFS[f].api} ${REPEATABLE} ${LENIENT}`)])) as Record<EnumFacet, ReturnType<typeof repeatableParam>>),
  agency: repeatableParam("agency", { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" }, `Slug of an agency with any role in the tool; at most ${MAX_AGENCIES}. ${REPEATABLE} ${LENIENT}`),
  sort: enumParam("sort", SORTS, "Order: `relevance` (default with q), `name` (default without q), `updated` (newest first) or `sunset` (soonest first, no date last)."),
  lang: query("lang", { type: "string", enum: ["zh", "en"], default: "zh" }, `Which name sort=name orders by (falling back to the other language). ${LENIENT}`),
  toolId: {
    name: "id",
    in: "path",
    required: true,
    schema: { type: "string", maxLength: 100 },
    description: "Public id of the tool (e.g. ALG-000002, any case). A slug answers 301 with the id's URL, as the record's page does.",
  },
  agencySlug: { name: "slug", in: "path", required: true, schema: { type: "string", maxLength: 80 }, description: "Slug of the agency." },
  incidentKind: enumParam("kind", INCIDENT_KINDS, "Kind of incident."),
  year: query("year", { type: "string", pattern: "^\\d{4}$" }, `Year of the incident. ${LENIENT}`),
  eventTool: query("tool", { type: "string", pattern: "^[A-Za-z]+-\\d+$" }, `Only the events of this tool (its public id). ${LENIENT}`),
  after: query("after", { type: "integer", minimum: 0 }, "Only events with a larger id: to fetch what is new since the last event you saw. Not together with cursor."),
  exportSort: enumParam(
    "sort",
    SORTS,
    "Order the rows as the list page does (`relevance` needs q). Without it (or with a value the list does not know) the rows are in the order of the register's tool numbers, which for records imported from a file is the file's own order.",
  ),
  interopShape: enumParam("shape", INTEROP_SHAPES, "A variant of the file the format publishes (`api`: the Dutch register's public API list); formats without variants ignore it."),
};
type ParamName = keyof typeof parameters;

const headers = {
  ETag: { description: "A weak validator, the SHA-256 of the body. Send it back in If-None-Match to get 304 when nothing changed.", schema: { type: "string" } },
  "Last-Modified": {
    description: "The time of the latest event or published revision the answer depends on (and, where sunset states appear, midnight of the day in Beijing time). Prefer ETag, which is exact.",
    schema: { type: "string" },
  },
  "Cache-Control": { description: "Public data; revalidate before reuse.", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "`*`: any web page may read the API.", schema: { type: "string", const: "*" } },
  Link: { description: 'The next page as `<url>; rel="next"`, when there is one.', schema: { type: "string" } },
  Location: { description: "The canonical URL of the record.", schema: { type: "string", format: "uri" } },
  "Content-Disposition": {
    description: "`attachment`, with a file name that says what was filtered and the register's date (`omb-2025-us-omb-ai-inventory-2026-12-03.csv`), as ASCII and as UTF-8 (RFC 6266).",
    schema: { type: "string" },
  },
};
const h = (...names: (keyof typeof headers)[]) => Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));

const errorContent = { "application/json": { schema: ref("Error") } };
const responses = {
  NotModified: { description: "Not modified: the ETag in If-None-Match still matches, or nothing changed since If-Modified-Since. No body.", headers: h("ETag", "Last-Modified", "Access-Control-Allow-Origin") },
  BadRequest: { description: "A parameter is not valid; `param` names it and `message` says what is allowed.", headers: h("Access-Control-Allow-Origin"), content: errorContent },
  NotFound: { description: "Nothing public by that name.", headers: h("Access-Control-Allow-Origin"), content: errorContent },
  Moved: { description: "A slug was given: the record's canonical URL is in Location.", headers: h("Location", "Access-Control-Allow-Origin") },
  ServerError: { description: "An error in the register. The message says nothing about the cause; it is logged.", headers: h("Access-Control-Allow-Origin"), content: errorContent },
};
type ResponseName = keyof typeof responses;
const r = (name: ResponseName) => ({ $ref: `#/components/responses/${name}` });

function operation(o: {
  id: ApiOperationId;
  tag: string;
  summary: string;
  description: string;
  params?: ParamName[];
  schema: Schema;
  paged?: boolean;
  errors?: ("400" | "404" | "301")[];
  /** The answer changes only with a new version of the register: no Last-Modified. */
  fixed?: boolean;
}) {
  const errs = o.errors ?? [];
  return {
    get: {
      operationId: o.id,
      tags: [o.tag],
      summary: o.summary,
      description: o.description,
      ...(o.params?.length ? { parameters: o.params.map((p) => ({ $ref: `#/components/parameters/${p}` })) } : {}),
      responses: {
        "200": {
          description: "OK",
          headers: h("ETag", ...(o.fixed ? [] : (["Last-Modified"] as const)), "Cache-Control", "Access-Control-Allow-Origin", ...(o.paged ? (["Link"] as const) : [])),
          content: { "application/json": { schema: o.schema } },
        },
        ...(errs.includes("301") ? { "301": r("Moved") } : {}),
        "304": r("NotModified"),
        ...(errs.includes("400") ? { "400": r("BadRequest") } : {}),
        ...(errs.includes("404") ? { "404": r("NotFound") } : {}),
        "500": r("ServerError"),
      },
    },
  };
}

/**
 * The foreign registers' formats (issue 16) this register publishes: /interop/<format>.<ext>, the
 * tools of a list query as the other register's file. Downloads, not JSON answers of the API:
 * not paged, no ETag; a format not published yet is not documented (its address answers 404).
 */
function interopPaths() {
  const out: Record<string, unknown> = {};
  for (const key of INTEROP_FORMAT_KEYS) {
    const f = INTEROP_FORMATS[key];
    if (!f) continue;
    const mediaType = f.mediaType.split(";")[0]!.trim();
    const params: ParamName[] = ["q", ...ENUM_FACETS, "agency", "exportSort", ...(key === "nl-1" ? (["interopShape"] as const) : [])];
    out[urls.interopExport(f.key, f.extension)] = {
      get: {
        operationId: `exportInterop_${key.replace(/[^A-Za-z0-9]/g, "_")}`,
        tags: ["exports"],
        summary: `The tools in the format of the ${f.title.en}`,
        description: `Every tool the query selects (the same filters as the list page /tools and listTools; unknown values are ignored), each from its newest public revision, written as ${f.title.en} publishes its records (${f.standardUrl}), by the mapping table the crosswalk page /standard/crosswalk shows. Fields the standard could not hold exactly are written as the source published them while the record still says the same. Records this register governs are written too. Drafts never appear. Not paged: the whole selection in one file.`,
        parameters: params.map((p) => ({ $ref: `#/components/parameters/${p}` })),
        responses: {
          "200": {
            description: "The file, as a download.",
            headers: h("Content-Disposition", "Cache-Control", "Access-Control-Allow-Origin"),
            content: { [mediaType]: { schema: f.extension === "csv" ? { type: "string", description: "CSV, UTF-8 with a byte order mark, the format's columns in its order." } : {} } },
          },
          "500": r("ServerError"),
        },
      },
    };
  }
  return out;
}

const PAGING =
  "Pages are cursor-based and stable: follow `next` (or pass `nextCursor` as `cursor` with the same query) until it is null. Each item appears exactly once in a walk, even if records are added meanwhile; `total` counts every match.";

function paths() {
  const ops: Record<ApiOperationId, ReturnType<typeof operation>> = {
    getApiIndex: operation({ id: "getApiIndex", tag: "meta", summary: "Entry points of the API", description: "Links to the endpoints, this document and the documentation page.", schema: ref("ApiIndex"), fixed: true }),
    listTools: operation({
      id: "listTools",
      tag: "tools",
      summary: "Search and filter the registered tools",
      description: `The same filters and sort orders as the register's list page /tools. ${PAGING} With q and sort=relevance the order follows search ranking, which shifts when records change; to harvest everything, sort by name or updated.`,
      params: ["q", ...ENUM_FACETS, "agency", "sort", "lang", "limit", "cursor"],
      schema: ref("ToolList"),
      paged: true,
      errors: ["400"],
    }),
    getTool: operation({
      id: "getTool",
      tag: "tools",
      summary: "One tool: its latest published revision",
      description: "The full record (record standard v1.1, or v1 for older records) with the computed impact level, sunset state, reviews and decisions, and the moderated public comments with the agency's replies.",
      params: ["toolId"],
      schema: ref("ToolDetail"),
      errors: ["301", "404"],
    }),
    listToolRevisions: operation({
      id: "listToolRevisions",
      tag: "tools",
      summary: "Every revision of a tool, with decisions and log entries",
      description: "Every submitted revision with its full record, the reviews and decisions on it with timestamps, and the tool's entries in the event log. Drafts never appear.",
      params: ["toolId"],
      schema: ref("ToolRevisions"),
      errors: ["301", "404"],
    }),
    listAgencies: operation({
      id: "listAgencies",
      tag: "agencies",
      summary: "Every agency",
      description: `Every agency, by slug, with the number of public tools it has a role in. ${PAGING}`,
      params: ["limit", "cursor"],
      schema: ref("AgencyList"),
      paged: true,
      errors: ["400"],
    }),
    getAgency: operation({
      id: "getAgency",
      tag: "agencies",
      summary: "One agency and its tools",
      description: "The agency, its parent and child agencies, and every public tool it has a role in, with its roles.",
      params: ["agencySlug"],
      schema: ref("Agency"),
      errors: ["404"],
    }),
    listIncidents: operation({
      id: "listIncidents",
      tag: "incidents",
      summary: "Incidents on public records",
      description: `Data breaches, outages, wrongful decisions, misuse of power, function creep and security flaws recorded on public records, newest first. ${PAGING}`,
      params: ["incidentKind", "year", "limit", "cursor"],
      schema: ref("IncidentList"),
      paged: true,
      errors: ["400"],
    }),
    listEvents: operation({
      id: "listEvents",
      tag: "events",
      summary: "The hash-chained event log",
      description: `Every submission, decision, status change, moderation and reply, oldest first, each with the hash of the one before (see hashAlgorithm), the latest event of the whole log (head: keep it to check the register later from outside) and the server's latest full check with its time (verification). ${PAGING}`,
      params: ["eventTool", "after", "limit", "cursor"],
      schema: ref("EventList"),
      paged: true,
      errors: ["400"],
    }),
    getOpenApiDocument: operation({
      id: "getOpenApiDocument",
      tag: "meta",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API.",
      schema: {
        type: "object",
        required: ["openapi", "info", "paths"],
        properties: { openapi: { type: "string", pattern: "^3\\.1\\." }, info: { type: "object" }, paths: { type: "object" }, components: { type: "object" } },
      },
      fixed: true,
    }),
  };
  // The downloads in the foreign formats are documented beside the API (tag "exports"); typed as
  // the API's operations so the document keeps one shape for its readers.
  return { ...Object.fromEntries(API_OPERATIONS.map((o) => [o.path, ops[o.id]])), ...(interopPaths() as Record<string, (typeof ops)[ApiOperationId]>) };
}

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Public Algorithm Register API",
      version: "1.0.0",
      summary: "Read-only access to the register of government algorithms, apps and code systems.",
      description: [
        "Open and read-only: no key, no account. Every answer is public data that the register's pages also show; drafts, contact e-mails, unmoderated comments and accounts are never part of it.",
        "Answers are JSON (UTF-8). Errors are JSON too: `{ \"error\": code, \"message\": text }`, with `param` for a bad parameter. Unknown paths under /api answer 404; methods other than GET, HEAD and OPTIONS answer 405 with an Allow header.",
        "CORS: every answer carries `Access-Control-Allow-Origin: *`; OPTIONS answers a preflight for GET and HEAD.",
        "Caching: every 200 answer has an ETag and, where it is known, Last-Modified; send If-None-Match or If-Modified-Since to get 304 without a body.",
        "Records follow the record standard v1.1, or v1 for older records (/standard, /standard/v1.1.schema.json, /standard/v1.schema.json).",
      ].join("\n\n"),
    },
    servers: [{ url: origin }],
    externalDocs: { description: "Documentation page", url: absolute(origin, urls.api()) },
    tags: [
      { name: "tools", description: "Registered algorithms, apps and code systems" },
      { name: "agencies", description: "The agencies responsible for them" },
      { name: "incidents", description: "Breaches, outages, wrongful decisions and other incidents" },
      { name: "events", description: "The append-only, hash-chained event log" },
      { name: "meta", description: "About the API" },
      { name: "exports", description: "Downloads in the formats of other registers (the US, UK and Dutch algorithm registers)" },
    ],
    paths: paths(),
    components: { schemas: componentSchemas(), parameters, headers, responses },
  };
}
