// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the API's answers. Allowed values come from
// the record standard's own lists, and a tool's record is the standard's published JSON
// Schema, so the API documentation cannot drift from what the register validates. Objects are
// closed (additionalProperties: false): the tests check every answer against these schemas, so
// a field added to an answer without documenting it fails them.
import { recordJsonSchema } from "../../standard/json-schema";
import {
  AGENCY_ROLES,
  DEPLOYMENT_STATUSES,
  IMPACT_LEVELS,
  INCIDENT_KINDS,
  JURISDICTION_LEVELS,
  REVIEW_STATUSES,
  TOOL_KINDS,
} from "../../standard/v1";
import { FACETS, SORTS } from "../../records/query";
import { SUNSET_STATES } from "../../lifecycle/sunset";
import { EVENT_KINDS } from "../../log/log.server";
import { CHAIN_PROBLEM_CODES, MAX_PROBLEMS } from "../../log/verify.server";

export type Schema = Record<string, unknown>;

const str = (extra: Schema = {}): Schema => ({ type: "string", ...extra });
const int = (extra: Schema = {}): Schema => ({ type: "integer", ...extra });
const bool: Schema = { type: "boolean" };
const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: "array", items, ...extra });
const oneOf = (values: readonly string[], extra: Schema = {}): Schema => ({ type: "string", enum: [...values], ...extra });
const nullable = (s: Schema): Schema =>
  "$ref" in s || !("type" in s) ? { anyOf: [s, { type: "null" }] } : { ...s, type: [s.type, "null"], ...(s.enum ? { enum: [...(s.enum as unknown[]), null] } : {}) };
/** A closed object; every property is required unless listed in `optional`. */
const obj = (properties: Record<string, Schema>, optional: string[] = [], extra: Schema = {}): Schema => ({
  type: "object",
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
  ...extra,
});
export const ref = (name: SchemaName): Schema => ({ $ref: `#/components/schemas/${name}` });

const url = (description: string): Schema => str({ format: "uri", description });
const dateTime = str({ format: "date-time" });
const date = str({ format: "date" });
const sha256 = str({ pattern: "^[0-9a-f]{64}$" });
const toolId = str({ pattern: "^[A-Z]+-\\d+$", examples: ["ALG-000002"] });

const cursorFields = {
  limit: int({ minimum: 1, maximum: 500, description: "The page size used." }),
  nextCursor: nullable(str({ description: "Pass as `cursor` to get the next page; null on the last page." })),
  next: nullable(url("The URL of the next page (this query with the cursor); null on the last page.")),
};

const toolSummaryProperties: Record<string, Schema> = {
  id: toolId,
  slug: str(),
  name: ref("LocalizedText"),
  summary: ref("LocalizedText"),
  kind: oneOf(TOOL_KINDS),
  jurisdictionLevel: oneOf(JURISDICTION_LEVELS),
  place: ref("LocalizedText"),
  deploymentStatus: oneOf(DEPLOYMENT_STATUSES),
  reviewStatus: oneOf(REVIEW_STATUSES, { description: "Review status of the published revision." }),
  impactLevel: nullable(oneOf(IMPACT_LEVELS)),
  sunsetDate: nullable(date),
  sunsetState: oneOf(SUNSET_STATES, { description: "Computed from the dates on the day of the answer; lapsed and no_sunset mean unlawful to keep running." }),
  updatedAt: dateTime,
  incidentCount: int({ minimum: 0 }),
  commentCount: int({ minimum: 0, description: "Published public comments." }),
  url: url("The record's page."),
  api: url("The record in this API."),
};

const agencyRefProperties: Record<string, Schema> = { slug: str({ pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" }), name: ref("LocalizedText"), url: url("The agency's page."), api: url("The agency in this API.") };

const chainHead = obj(
  { id: int({ minimum: 1 }), hash: sha256 },
  [],
  { description: "An event of the log by id and hash. Keep a copy: `npm run verify-log -- --expect <id>:<hash>` checks that the register still contains it unchanged." },
);

const chainProblem = obj(
  {
    code: oneOf(CHAIN_PROBLEM_CODES, {
      description:
        "chain_broken: an event does not follow from the one before; anchor_missing / anchor_mismatch: the checkpoint the server keeps outside the database names an event that is gone or has another hash (entries deleted from the end, or the chain rewritten); record_hash_mismatch: a submitted revision's text does not match its hash; record_event_mismatch: its hash is not the one logged; status_mismatch: its review status is not the one the log gives it; revision_unlogged: a public revision no event records; revision_missing: an event names a revision that is gone; projection_status_mismatch: a tool is listed with another review status than its published revision's.",
    }),
    event: int({ minimum: 0, description: "The event concerned." }),
    reason: oneOf(["hash_mismatch", "prev_hash_mismatch", "id_gap"]),
    source: oneOf(["checkpoint", "expected"]),
    lastEvent: int({ minimum: 0, description: "The last event in the log." }),
    expected: sha256,
    found: sha256,
    tool: toolId,
    revision: int({ minimum: 1 }),
    status: str({ description: "The review status in the database." }),
    logged: str({ description: "The review status the log gives." }),
    file: str({ description: "Always empty: the server's file names are not published." }),
  },
  ["event", "reason", "source", "lastEvent", "expected", "found", "tool", "revision", "status", "logged", "file"],
);

const chainCheck = nullable(
  obj(
    {
      checkedAt: dateTime,
      ok: bool,
      head: nullable(ref("ChainHead")),
      count: int({ minimum: 0, description: "Events checked." }),
      problemCount: int({ minimum: 0 }),
      problems: arr(ref("ChainProblem"), { description: `The first problems found (at most ${MAX_PROBLEMS}).` }),
    },
    [],
    {
      description:
        "The latest full check, which the server runs after every change and at least every minute: the hash chain, the checkpoint kept outside the database, and every submitted revision's record hash and review status against the log. null before the first check.",
    },
  ),
);

/** The standard's record schema, embedded: its own $id and changelog belong to the standalone file. */
function toolRecordSchema(): Schema {
  const { $schema: _s, $id: _id, "x-changelog": _c, ...rest } = recordJsonSchema();
  return { ...rest, description: `${String(rest.description ?? "")} The same schema is published on its own at /standard/v1.schema.json.`.trim() };
}

export function componentSchemas() {
  return {
    LocalizedText: obj({ zh: str(), en: str() }, ["zh", "en"], { description: "Text in Simplified Chinese and/or English." }),
    Error: obj(
      {
        error: oneOf(["bad_parameter", "not_found", "method_not_allowed", "internal_error"]),
        message: str({ description: "What went wrong and what to change, in English." }),
        param: str({ description: "The query parameter at fault (bad_parameter)." }),
        allowed: arr(str(), { description: "The values that parameter accepts, when they are a short list." }),
      },
      ["param", "allowed"],
    ),
    Notice: {
      description:
        "A filter value the answer ignored. Filters are lenient, as on the HTML list: an unknown value is dropped and reported here, never an error.",
      anyOf: [
        obj({ code: { const: "ignored_value" }, param: str(), value: str() }),
        obj({ code: { const: "query_truncated" }, max: int() }),
        obj({ code: { const: "unknown_agency" }, value: str() }),
      ],
    },
    ApiIndex: obj({
      name: str(),
      version: str(),
      openapi: url("This API's OpenAPI document."),
      docs: url("The documentation page."),
      endpoints: obj({ tools: url("Tools"), agencies: url("Agencies"), incidents: url("Incidents"), events: url("Event log") }),
    }),
    ToolSummary: obj(toolSummaryProperties),
    ToolList: obj({
      query: obj(
        {
          q: str(),
          ...Object.fromEntries(Object.entries(FACETS).map(([k, v]) => [k, oneOf(v)])),
          agency: str(),
          sort: oneOf(SORTS),
          lang: oneOf(["zh", "en"]),
        },
        [...Object.keys(FACETS), "agency"],
        { description: "The query as understood, after ignored values were dropped." },
      ),
      notices: arr(ref("Notice")),
      total: int({ minimum: 0, description: "Tools matching the query (all pages)." }),
      items: arr(ref("ToolSummary")),
      ...cursorFields,
    }),
    ImpactResult: obj({
      level: oneOf(IMPACT_LEVELS),
      rawScore: int(),
      mitigationCredit: int(),
      netScore: int(),
      parts: arr(obj({ factor: str(), points: int() })),
      obligations: obj({
        consultationDays: int(),
        maxSunsetMonths: int(),
        reviewersRequired: int(),
        nonDigitalAlternativeRequired: bool,
        humanOverrideRequired: bool,
      }),
    }),
    PublicReview: obj({
      reviewer: str({ description: "The reviewer's role and agency, e.g. reviewer@samr; never a person's name." }),
      startedAt: dateTime,
      decision: nullable(str()),
      decidedAt: nullable(dateTime),
      summary: ref("LocalizedText"),
      findings: arr(
        obj({
          criterion: int({ minimum: 1, maximum: 10 }),
          rating: str(),
          severity: nullable(str()),
          recommendation: nullable(str()),
          condition: nullable(str()),
          conditionDeadline: nullable(str()),
        }),
        { description: "Findings become public with the decision." },
      ),
    }),
    PublicComment: obj(
      {
        id: int(),
        displayName: nullable(str()),
        body: nullable(str({ description: "Null for a removed comment: only the reason is shown." })),
        status: oneOf(["published", "removed"]),
        removalReason: nullable(str()),
        createdAt: dateTime,
        revision: int(),
        replies: arr(obj({ id: int(), body: str(), agency: str(), createdAt: dateTime })),
      },
      [],
      { description: "A moderated public comment. Pending and spam comments and contact e-mails are never shown." },
    ),
    AgencyRef: obj(agencyRefProperties),
    ToolDetail: obj({
      id: toolId,
      url: url("The record's page."),
      api: url("This answer's URL."),
      revision: obj({ number: int({ minimum: 1 }), status: oneOf(REVIEW_STATUSES), publishedAt: dateTime }),
      revisionCount: int({ minimum: 1, description: "Submitted revisions (drafts are never counted)." }),
      sunsetState: oneOf(SUNSET_STATES),
      updatedAt: dateTime,
      impact: nullable(ref("ImpactResult")),
      agencies: arr(ref("AgencyRef"), {
        description:
          "The agencies responsible for the tool: its owning agency and every agency that confirmed the link. An agency the record names without having confirmed it is left out here (the record keeps it as submitted).",
      }),
      consultation: nullable(obj({ opens: date, closes: date })),
      consultationResponse: nullable(obj({ raised: ref("LocalizedText"), changed: ref("LocalizedText"), postedAt: dateTime })),
      reviews: arr(ref("PublicReview")),
      comments: arr(ref("PublicComment")),
      links: obj({ revisions: url("Every revision of this tool."), history: url("The history page."), standard: url("The record standard's JSON Schema.") }),
      record: ref("ToolRecord"),
    }),
    ToolRecord: toolRecordSchema(),
    ChainEvent: obj({
      id: int({ minimum: 1 }),
      at: dateTime,
      kind: str({ description: `What happened. Current kinds: ${EVENT_KINDS.join(", ")}; new kinds may be added.` }),
      toolId: nullable(toolId),
      actor: str({ description: "A role and agency (e.g. official@shanghai-municipal-government), the public or the system; never a person." }),
      payload: { description: "The event's details as a JSON value." },
      prevHash: sha256,
      hash: sha256,
    }),
    ToolRevisions: obj({
      id: toolId,
      url: url("The history page."),
      api: url("This answer's URL."),
      revisions: arr(
        obj({
          number: int({ minimum: 1 }),
          status: oneOf(REVIEW_STATUSES),
          submittedAt: nullable(dateTime),
          recordSha256: sha256,
          reviews: arr(ref("PublicReview")),
          publishedAt: nullable(dateTime),
          record: ref("ToolRecord"),
        }),
        { description: "Every submitted revision, oldest first, with the full record as submitted. Drafts never appear." },
      ),
      events: arr(ref("ChainEvent"), { description: "This tool's entries in the event log, oldest first." }),
    }),
    AgencySummary: obj({ ...agencyRefProperties, jurisdictionLevel: oneOf(JURISDICTION_LEVELS), toolCount: int({ minimum: 0 }) }),
    AgencyList: obj({ total: int({ minimum: 0 }), items: arr(ref("AgencySummary")) }),
    Agency: obj({
      ...agencyRefProperties,
      jurisdictionLevel: oneOf(JURISDICTION_LEVELS),
      place: ref("LocalizedText"),
      website: nullable(str({ format: "uri" })),
      parent: nullable(ref("AgencyRef")),
      children: arr(ref("AgencyRef")),
      toolsApi: url("This agency's tools in GET /api/v1/tools, filtered and paged."),
      tools: arr(obj({ ...toolSummaryProperties, roles: arr(oneOf(AGENCY_ROLES)) }), { description: "Every public tool the agency has a role in, by id." }),
    }),
    Incident: obj({
      toolId,
      toolName: ref("LocalizedText"),
      toolUrl: url("The record's page."),
      toolApi: url("The record in this API."),
      position: int({ minimum: 0, description: "Place of the incident in the record's incidents list." }),
      kind: oneOf(INCIDENT_KINDS),
      date: str({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$", description: "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known." }),
      title: ref("LocalizedText"),
      peopleAffected: nullable(int({ minimum: 0 })),
      regulatorNotified: nullable(bool),
    }),
    IncidentList: obj({
      query: obj({ kind: oneOf(INCIDENT_KINDS), year: str({ pattern: "^\\d{4}$" }) }, ["kind", "year"]),
      notices: arr(ref("Notice")),
      total: int({ minimum: 0 }),
      items: arr(ref("Incident")),
      ...cursorFields,
    }),
    ChainHead: chainHead,
    ChainProblem: chainProblem,
    ChainCheck: chainCheck,
    EventList: obj({
      query: obj({ tool: toolId }, ["tool"]),
      notices: arr(ref("Notice")),
      hashAlgorithm: str(),
      head: nullable({ ...ref("ChainHead"), description: "The latest event of the whole log when this answer was made (whatever the filter)." }),
      verification: ref("ChainCheck"),
      total: int({ minimum: 0, description: "Events matching the query (all pages)." }),
      items: arr(ref("ChainEvent")),
      ...cursorFields,
    }),
  } satisfies Record<SchemaName, Schema>;
}

export type SchemaName =
  | "LocalizedText"
  | "Error"
  | "Notice"
  | "ApiIndex"
  | "ToolSummary"
  | "ToolList"
  | "ImpactResult"
  | "PublicReview"
  | "PublicComment"
  | "AgencyRef"
  | "ToolDetail"
  | "ToolRecord"
  | "ChainEvent"
  | "ToolRevisions"
  | "AgencySummary"
  | "AgencyList"
  | "Agency"
  | "Incident"
  | "IncidentList"
  | "ChainHead"
  | "ChainProblem"
  | "ChainCheck"
  | "EventList";
