// The columns of the tool exports, apart from the code that fills them so pure modules (the
// import format) can use them without the database.
/**
 * The stable column order of /tools.csv (and the keys of /tools.json and /tools.ndjson rows).
 * New columns are only ever added at the end.
 */
export const TOOL_EXPORT_COLUMNS = [
  "id",
  "url",
  "name_zh",
  "name_en",
  "kind",
  "jurisdiction_level",
  "place_zh",
  "place_en",
  "deployment_status",
  "review_status",
  "impact_level",
  "sunset_date",
  "sunset_state",
  "incident_count",
  "comment_count",
  "updated_at",
  "summary_zh",
  "summary_en",
  "slug",
  "policy_domain",
  "retired_on",
  "retirement_reason_zh",
  "retirement_reason_en",
] as const;
export type ToolExportColumn = (typeof TOOL_EXPORT_COLUMNS)[number];
