// The columns of the tool exports, apart from the code that fills them so pure modules (the
// import format) can use them without the database.
import type { LabelGroup } from "../../standard/labels";

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
  // The names of the agencies confirmed as responsible, in the record's order (agencies.csv has one row each).
  "agency_names_zh",
  "agency_names_en",
] as const;
export type ToolExportColumn = (typeof TOOL_EXPORT_COLUMNS)[number];

/** How the names of several agencies are joined in one cell, per language. */
export const AGENCY_NAMES_SEPARATOR = { zh: "；", en: "; " } as const;

/**
 * The coded columns of /tools.csv and the label group (registry/standard/labels.ts) that names
 * their values: with `?labels=on` each is followed by `<column>_label` in the request's language.
 */
export const LABELLED_TOOL_COLUMNS = {
  kind: "kind",
  jurisdiction_level: "jurisdiction",
  deployment_status: "status",
  review_status: "review",
  impact_level: "level",
  sunset_state: "sunset",
  policy_domain: "policyDomain",
} as const satisfies Partial<Record<ToolExportColumn, LabelGroup>>;

/** The name of the label column that follows a coded column. */
export const labelColumn = (column: string) => `${column}_label`;

/** The columns in order, each coded column followed by its label column when `labels` is set. */
export function withLabelColumns(columns: readonly string[], labelled: Readonly<Record<string, LabelGroup>>, labels: boolean): string[] {
  return labels ? columns.flatMap((c) => (c in labelled ? [c, labelColumn(c)] : [c])) : [...columns];
}

/** Every label column /tools.csv may carry, for the import (accepted and ignored). */
export const TOOL_LABEL_COLUMNS = Object.keys(LABELLED_TOOL_COLUMNS).map(labelColumn);
