// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the API's answers. Allowed values come from
// the record standard's own lists, and a tool's record is the standard's published JSON
// Schema, so the API documentation cannot drift from what the register validates. Objects are
// closed (additionalProperties: false): the tests check every answer against these schemas, so
// a field added to an answer without documenting it fails them.
//
// The schemas are grouped: the building blocks (openapi-schema-kit.ts), the records
// (openapi-schemas-records.ts) and the event log (openapi-schemas-log.ts); this module holds the
// common ones and lists them all in the document's order.
import { arr, int, obj, oneOf, str, url, type Schema, type SchemaName } from "./openapi-schema-kit";
import { LANG_TAG_PATTERN, TEXT_MAX_LANGS } from "../../standard/v1";
import { recordSchemas } from "./openapi-schemas-records";
import { logSchemas } from "./openapi-schemas-log";

export { ref, type Schema, type SchemaName } from "./openapi-schema-kit";

export function componentSchemas() {
  const records = recordSchemas();
  const log = logSchemas();
  return {
    LocalizedText: obj({ zh: str(), en: str() }, ["zh", "en"], {
      description:
        "Text keyed by language: Simplified Chinese (zh) and/or English (en), and for records mirrored from other registers any other BCP 47 language tag (nl, fy, fr-CA...); at least one, at most " +
        `${TEXT_MAX_LANGS}.`,
      additionalProperties: str(),
      propertyNames: { pattern: LANG_TAG_PATTERN },
      minProperties: 1,
      maxProperties: TEXT_MAX_LANGS,
    }),
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
        "Something the answer did differently from the query as given. Filters are lenient, as on the HTML list: an unknown value is dropped and reported here, never an error. `any_word_fallback`: no tool has every word of `q`, so the tools with any of them are listed, best first.",
      anyOf: [
        obj({ code: { const: "ignored_value" }, param: str(), value: str() }),
        obj({ code: { const: "query_truncated" }, max: int() }),
        obj({ code: { const: "unknown_agency" }, value: str() }),
        obj({ code: { const: "any_word_fallback" } }),
      ],
    },
    ApiIndex: obj({
      name: str(),
      version: str(),
      openapi: url("This API's OpenAPI document."),
      docs: url("The documentation page."),
      endpoints: obj({ tools: url("Tools"), agencies: url("Agencies"), incidents: url("Incidents"), events: url("Event log") }),
    }),
    ToolSummary: records.ToolSummary,
    ToolList: records.ToolList,
    ImpactResult: records.ImpactResult,
    PublicReview: records.PublicReview,
    PublicComment: records.PublicComment,
    AgencyRef: records.AgencyRef,
    ToolDetail: records.ToolDetail,
    ToolRecord: records.ToolRecord,
    ChainEvent: log.ChainEvent,
    ToolRevisions: records.ToolRevisions,
    AgencySummary: records.AgencySummary,
    AgencyList: records.AgencyList,
    Agency: records.Agency,
    Incident: records.Incident,
    IncidentList: records.IncidentList,
    ChainHead: log.ChainHead,
    ChainProblem: log.ChainProblem,
    ChainCheck: log.ChainCheck,
    EventList: log.EventList,
  } satisfies Record<SchemaName, Schema>;
}
