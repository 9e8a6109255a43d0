// Strings of an official's import of whole records as drafts (registry/exchange/records/import-drafts.server.ts)
// and of the table import's columns kept in the extension area, its `agency` column and its
// "unknown" dates (registry/exchange/import), merged into strings.ts. An agency is named by its
// names ({agency}: the Chinese name with the English one in brackets), never by its address name,
// except an agency the register does not have, named as the file wrote it.
const en = {
  err_records_drafts_no_create_agencies: "Only an administrator may create agencies while importing. Ask an administrator to add the missing agency, then import the file again.",
  err_records_drafts_mirrored:
    "This record is mirrored from another register and is governed by that register's rules. Only an administrator may publish mirrored records; an agency imports its own tools as drafts.",
  err_records_drafts_other_agency: "This record names {agency} as operating or deciding on the tool, not your agency. You may import only your own agency's tools; that agency imports its own.",
  err_records_drafts_not_own_agency:
    "This record does not name your agency as operating or deciding on the tool. Add your agency to the record's responsible agencies with one of those roles, or leave the record out.",
  err_records_drafts_agency_unknown: "The record names the agency {agency}, which is not in this register. Ask an administrator to add it, or leave it out of the record.",
  importColumnsKept:
    "Columns that are not in the format: {names}. Nothing was refused for them: each row's values in these columns are kept with its draft as fields from another source, as given and unchecked. Put facts in the format's own columns where there is one.",
  err_import_extra_too_long: "This value is too long to keep (at most {max} characters). Shorten it, or leave the column out.",
  err_import_extra_invalid: "The values of the columns that are not in the format cannot be kept with this draft. Leave those columns out.",
  err_import_retired_on_unknown:
    "The tool is retired, and the retirement date is unknown. The standard needs at least the year it stopped running: write the year (2024) or the month (2024-05) if the source gives it.",
  err_import_retired_on_missing: "The tool is retired: give the date it stopped running, at least the year (2024) or the month (2024-05).",
  err_import_agency_not_own: "This row is for {agency}. You may import only your own agency's tools: leave the agency column empty, or name your own agency.",
  err_import_admin_records: "An administrator imports whole records as they are (npm run import -- FILE --format records), not as drafts.",
  err_import_agency_required: "Name the agency this row is a draft of in the agency column.",
  err_import_agency_unknown_row: "The register has no agency “{agency}”. Check the agency column, or add the agency first.",
  err_import_agency_no_official: "{agency} has no active official to carry on with this draft. Create an official's account for it first.",
  importRecordsHeading: "Whole records",
  importRecordsText:
    "You may also upload whole records, as /records.ndjson and /records.json give them (one or many). Each becomes a new draft of your agency with its own id and address name: only the newest version's content is taken, never its review status or dates. A record must name your agency as operating or deciding on the tool; records mirrored from other registers are imported by administrators only.",
  importColEntry: "Line or item",
  importColRecordField: "Field",
  importWarningsHeading: "Kept, not refused",
};

const zh: Record<keyof typeof en, string> = {
  err_records_drafts_no_create_agencies: "只有管理员可以在导入时创建机构。请联系管理员添加缺少的机构，然后重新导入该文件。",
  err_records_drafts_mirrored: "该记录转载自另一登记簿，适用该登记簿的规则。只有管理员可以公开转载的记录；机构以草稿形式导入本机构的工具。",
  err_records_drafts_other_agency: "该记录写明运行或决定使用该工具的是{agency}，而不是本机构。您只能导入本机构的工具；该机构的工具由该机构自行导入。",
  err_records_drafts_not_own_agency: "该记录没有写明本机构运行或决定使用该工具。请在记录的责任机构中以上述角色之一加入本机构，或不导入该记录。",
  err_records_drafts_agency_unknown: "该记录提及的机构“{agency}”不在本登记簿中。请联系管理员添加该机构，或从记录中删去。",
  importColumnsKept:
    "以下列不属于导入格式：{names}。这些列不会导致拒绝：每行在这些列中的内容将作为来自其他来源的字段原样随草稿保存，不作检查。如格式中有对应的列，请将信息填入该列。",
  err_import_extra_too_long: "该内容过长，无法保存（最多 {max} 个字符）。请缩短，或删去该列。",
  err_import_extra_invalid: "不属于导入格式的各列内容无法随该草稿保存。请删去这些列。",
  err_import_retired_on_unknown: "该工具已停用，但停用日期未知。标准至少需要停止运行的年份：如来源给出，请填写年份（2024）或年月（2024-05）。",
  err_import_retired_on_missing: "该工具已停用：请填写停止运行的日期，至少填写年份（2024）或年月（2024-05）。",
  err_import_agency_not_own: "该行属于{agency}。您只能导入本机构的工具：请将机构列留空，或填写本机构。",
  err_import_admin_records: "管理员按原样导入完整记录（npm run import -- FILE --format records），而不是作为草稿导入。",
  err_import_agency_required: "请在机构列中填写该行草稿所属的机构。",
  err_import_agency_unknown_row: "本登记簿中没有机构“{agency}”。请检查机构列，或先添加该机构。",
  err_import_agency_no_official: "{agency}没有可继续处理该草稿的在职经办人。请先为该机构创建经办人账户。",
  importRecordsHeading: "完整记录",
  importRecordsText:
    "也可以上传完整记录，格式与 /records.ndjson 和 /records.json 相同（一条或多条）。每条记录成为本机构的一份新草稿，由登记簿分配编号和网址名称：只采用最新版本的内容，不采用其审查状态或日期。记录须写明本机构运行或决定使用该工具；转载自其他登记簿的记录只能由管理员导入。",
  importColEntry: "行或条目",
  importColRecordField: "字段",
  importWarningsHeading: "已保存，未拒绝",
};

export const offimpStrings = { en, zh };
