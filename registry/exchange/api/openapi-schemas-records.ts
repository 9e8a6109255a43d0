// The API's schemas of the register's records: tools (list, detail, revisions, impact, reviews,
// comments), the standard's record schema embedded, agencies and incidents.
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
import { arr, bool, cursorFields, date, dateTime, int, nullable, obj, oneOf, ref, sha256, str, toolId, url, type Schema, type SchemaName } from "./openapi-schema-kit";

const toolSummaryProperties: Record<string, Schema> = {
  id: toolId,
  slug: str(),
  name: ref("LocalizedText"),
  summary: ref("LocalizedText"),
  kind: oneOf(TOOL_KINDS),
  jurisdictionLevel: oneOf(JURISDICTION_LEVELS),
  place: ref("LocalizedText"),
  deploymentStatus: oneOf(DEPLOYMENT_STATUSES),
  reviewStatus: oneOf(FACETS.review, { description: "Review status of the published revision; `source_regime` for a record mirrored from another register, which this register does not review." }),
  impactLevel: nullable(oneOf(IMPACT_LEVELS)),
  sunsetDate: nullable(date),
  sunsetState: oneOf(SUNSET_STATES, { description: "Computed from the dates on the day of the answer; lapsed and no_sunset mean unlawful to keep running; source_regime for a record mirrored from another register, whose rules govern it." }),
  regime: str({
    pattern: "^[a-z0-9_]+(?:-[a-z0-9]+)*$",
    description: "Which rules govern the record: `this_register`, or the key of the register it is mirrored from (e.g. `uk-atrs`).",
  }),
  updatedAt: dateTime,
  incidentCount: int({ minimum: 0 }),
  commentCount: int({ minimum: 0, description: "Published public comments." }),
  url: url("The record's page."),
  api: url("The record in this API."),
};

const agencyRefProperties: Record<string, Schema> = { slug: str({ pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" }), name: ref("LocalizedText"), url: url("The agency's page."), api: url("The agency in this API.") };
/** The standard's record schema, embedded: its own $id and changelog belong to the standalone file. */
function toolRecordSchema(): Schema {
  const { $schema: _s, $id: _id, "x-changelog": _c, ...rest } = recordJsonSchema();
  return { ...rest, description: `${String(rest.description ?? "")} The same schema is published on its own at /standard/v1.1.schema.json (records of version 1 also meet it; /standard/v1.schema.json is version 1).`.trim() };
}

/** The records' component schemas, by name. */
export function recordSchemas() {
  return {
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
    AgencyList: obj({ notices: arr(ref("Notice")), total: int({ minimum: 0 }), items: arr(ref("AgencySummary"), { description: "Ordered by slug." }), ...cursorFields }),
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
  } satisfies Partial<Record<SchemaName, Schema>>;
}
