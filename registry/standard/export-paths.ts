// Where each field of the record standard appears in the exports: its CSV file and column(s) and
// its JSON path, for the data dictionary. The tests check that every export column is mapped to
// a field of the standard or listed as computed by the register, and every mapped field exists.
import { TOOL_EXPORT_COLUMNS } from "../exchange/exports/columns";

export type CsvLocation = { file: string; columns: string[] };

const pair = (file: string, base: string): CsvLocation => ({ file, columns: [`${base}_zh`, `${base}_en`] });
const one = (file: string, column: string): CsvLocation => ({ file, columns: [column] });

/** Record path (as the data dictionary writes it) to the CSV columns that carry it. */
export const CSV_COLUMNS_BY_PATH: Record<string, CsvLocation> = {
  "identity.id": one("tools.csv", "id"),
  "identity.slug": one("tools.csv", "slug"),
  "identity.name": pair("tools.csv", "name"),
  "identity.kind": one("tools.csv", "kind"),
  "identity.jurisdiction.level": one("tools.csv", "jurisdiction_level"),
  "identity.jurisdiction.place": pair("tools.csv", "place"),
  "identity.policyDomain": one("tools.csv", "policy_domain"),
  "identity.summary": pair("tools.csv", "summary"),
  "lifecycle.deploymentStatus": one("tools.csv", "deployment_status"),
  "lifecycle.reviewStatus": one("tools.csv", "review_status"),
  "lifecycle.sunsetDate": one("tools.csv", "sunset_date"),
  "lifecycle.retirement.date": one("tools.csv", "retired_on"),
  "lifecycle.retirement.reason": pair("tools.csv", "retirement_reason"),
  "responsibility.agencies[].agency": one("agencies.csv", "agency_slug"),
  "responsibility.agencies[].role": one("agencies.csv", "role"),
  "dataScope.elements[].name": pair("tools/data-elements.csv", "name"),
  "dataScope.elements[].category": one("tools/data-elements.csv", "category"),
  "dataScope.elements[].sensitive": one("tools/data-elements.csv", "sensitive"),
  "dataScope.elements[].necessity": pair("tools/data-elements.csv", "necessity"),
  "dataScope.elements[].retention": pair("tools/data-elements.csv", "retention"),
  "dataScope.elements[].granularity": pair("tools/data-elements.csv", "granularity"),
  "incidents[].kind": one("incidents.csv", "kind"),
  "incidents[].date": one("incidents.csv", "date"),
  "incidents[].title": pair("incidents.csv", "title"),
  "incidents[].description": pair("incidents.csv", "description"),
  "incidents[].peopleAffected": one("incidents.csv", "people_affected"),
  "incidents[].response": pair("incidents.csv", "response"),
  "incidents[].regulatorNotified": one("incidents.csv", "regulator_notified"),
};

/**
 * Columns of /tools.csv that are not fields of a record but computed by the register, with what
 * they mean. (`id` is also `tool_id` in the nested files, which also carry `tool_url`.)
 */
export const COMPUTED_EXPORT_COLUMNS: Record<string, { en: string; zh: string }> = {
  url: { en: "The record's address in the register.", zh: "记录在登记簿中的网址。" },
  impact_level: { en: "Impact level (I–IV) computed from the impact answers of the published revision.", zh: "根据已发布版本的影响评估答案计算的影响等级（I–IV）。" },
  sunset_state: { en: "Sunset state computed on the day of the export: lapsed, due soon, no sunset, and so on.", zh: "按导出当日计算的终止状态：已过期、即将到期、无终止日期等。" },
  incident_count: { en: "Number of incidents on the record.", zh: "记录中的事件数量。" },
  comment_count: { en: "Number of published public comments.", zh: "已发布的公众意见数量。" },
  updated_at: { en: "When the published record last changed.", zh: "已发布记录的最后更新时间。" },
  agency_names_zh: {
    en: "Names (Chinese) of the agencies confirmed as responsible, in the record's order, separated by \"；\" (agencies.csv has one row each).",
    zh: "已确认负责的机构名称（中文），按记录中的顺序，以“；”分隔（agencies.csv 中每个机构一行）。",
  },
  agency_names_en: {
    en: "Names (English) of the agencies confirmed as responsible, in the record's order, separated by \"; \".",
    zh: "已确认负责的机构名称（英文），按记录中的顺序，以“; ”分隔。",
  },
  "<column>_label": {
    en: "Only with ?labels=on (or labels=zh / labels=en): right after each coded column (kind, jurisdiction_level, deployment_status, review_status, impact_level, sunset_state, policy_domain), the name of its value in the request's language. The nested files do the same for their coded columns.",
    zh: "仅在加上 ?labels=on（或 labels=zh / labels=en）时出现：紧接在每个代码列（kind、jurisdiction_level、deployment_status、review_status、impact_level、sunset_state、policy_domain）之后，以请求的语言给出该值的名称。嵌套文件的代码列同样如此。",
  },
};

/** Every place a field appears: CSV columns, its key in /tools.json rows, its path in /tools/<id>.json. */
export function exportLocations(path: string, localized: boolean): { csv: CsvLocation | null; listJsonKeys: string[]; recordJsonPath: string } {
  const csv = CSV_COLUMNS_BY_PATH[path] ?? null;
  const jsonPath = `$.record.${path.replace(/\[\]/g, "[*]")}`;
  return {
    csv,
    // The rows of /tools.json and /tools.ndjson have the columns of /tools.csv as keys.
    listJsonKeys: csv?.file === "tools.csv" ? csv.columns.filter((c) => (TOOL_EXPORT_COLUMNS as readonly string[]).includes(c)) : [],
    recordJsonPath: localized ? `${jsonPath}.zh / .en` : jsonPath,
  };
}
