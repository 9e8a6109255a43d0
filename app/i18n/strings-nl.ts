// Messages of the Dutch algorithm register's format (registry/exchange/interop/nl-1): files
// refused (each naming where the file goes wrong) and the quirks reported, never refusing.
const en = {
  interopNlShape:
    "This is not a file of the Dutch algorithm register: it must be a list of records keyed as the register's schema keys them (name, organization, goal…), one such record, or the register's API list with its “algoritmes”. Nothing was imported.",
  interopNlApiDocKeys: "This API list has keys the register's API list does not have: {unknown}. It has only count, fetched_at, source_url and algoritmes. Nothing was imported.",
  interopNlApiNoList: "In this API list, “algoritmes” is not a list of records. Nothing was imported.",
  interopNlApiMeta: "In this API list, “{key}” is not what the register's API gives (count a whole number, fetched_at and source_url text). Nothing was imported.",
  interopNlNotRecord: "Record {item} of the file is not a record (a JSON object). Nothing was imported.",
  interopNlUnknownKeys: "Record {item} has keys the Dutch algorithm register does not have: {keys}. Nothing was imported.",
  interopNlValue: "In record {item}, the value of “{key}” is not of a kind the register gives there (text or empty; for the themes and impact assessments also a list of texts; for the groupings a list of objects). Nothing was imported.",
  interopNlMissingName: "{count} records have no name (records {items}). Each is named by its id in the register, and written back without a name.",
  interopNlOffListStatus: "{count} records have a status other than In gebruik, In ontwikkeling or Buiten gebruik (records {items}). Their status is “not stated” and the value is kept as published.",
} as const;

const zh: Record<keyof typeof en, string> = {
  interopNlShape:
    "该文件不是荷兰算法登记簿的文件：它必须是按该登记簿模式字段（name、organization、goal 等）组织的记录列表、单条此类记录，或带有“algoritmes”的该登记簿 API 列表。未导入任何内容。",
  interopNlApiDocKeys: "该 API 列表含有登记簿 API 列表所没有的键：{unknown}。API 列表只有 count、fetched_at、source_url 和 algoritmes。未导入任何内容。",
  interopNlApiNoList: "该 API 列表中的“algoritmes”不是记录列表。未导入任何内容。",
  interopNlApiMeta: "该 API 列表中的“{key}”与登记簿 API 所给的不符（count 应为整数，fetched_at 和 source_url 应为文字）。未导入任何内容。",
  interopNlNotRecord: "文件中的第 {item} 条不是记录（JSON 对象）。未导入任何内容。",
  interopNlUnknownKeys: "第 {item} 条记录含有荷兰算法登记簿所没有的键：{keys}。未导入任何内容。",
  interopNlValue: "第 {item} 条记录中“{key}”的值不是登记簿在该处给出的类型（文字或空值；主题和影响评估也可以是文字列表；分组为对象列表）。未导入任何内容。",
  interopNlMissingName: "有 {count} 条记录没有名称（第 {items} 条）。这些记录以其在登记簿中的编号命名，导出时名称仍为空。",
  interopNlOffListStatus: "有 {count} 条记录的状态不是 In gebruik（使用中）、In ontwikkeling（开发中）或 Buiten gebruik（已停用）（第 {items} 条）。其状态记为“未说明”，原值原样保留。",
};

export const nlStrings = { en, zh };
