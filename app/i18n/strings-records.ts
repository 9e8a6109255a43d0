// Strings of the whole-record import (registry/exchange/records): its refusals of a file and of
// an entry, merged into strings.ts. `{place}` is a key of the whole-record format, as the file
// spells it (the format's keys are its columns).
const en = {
  err_records_import_admin_only: "Only an administrator may import whole records: they carry review statuses and dates only the review process gives. An agency's official imports the same file, or a table, as new drafts of the agency's own tools.",
  err_records_unknown_fields: "{place} holds fields the whole-record format does not have: {keys}. Remove them.",
  err_records_entry_unknown_fields: "The entry holds fields the whole-record format does not have: {keys}. Remove them.",
  err_records_entry_invalid: "The entry is not a tool in the whole-record format (an object with its id, slug, agencies and revisions).",
  err_records_field_invalid: "{place} is missing or not written as the whole-record format requires.",
  err_records_id_repeated: "{id} appears twice in the file (first at {first}); each tool may appear once.",
  err_records_slug_repeated: "The address name {slug} appears twice in the file (first at {first}); each tool needs its own.",
  err_records_id_exists: "{id} is already in this register. A whole-record import adds new tools only and never overwrites a record.",
  err_records_revisions_order: "Revision {revision} is out of order: list the revisions oldest first, each with a higher number than the one before.",
  err_records_hash_mismatch: "Revision {revision} does not match its fingerprint (recordSha256): the record was changed after it was exported, or the fingerprint is wrong.",
  err_records_other_tool: "Revision {revision} is a record of {other}, not of {id}.",
  err_records_slug_differs: "The address name {slug} is not the one the newest revision gives ({recordSlug}).",
  err_records_agency_missing: "The agency {agency} is not in this register. Add it first, or import with the option that creates missing agencies (--create-agencies).",
  err_records_agency_not_given: "The agency {agency} is not in this register, and the entry's list of agencies does not describe it, so it cannot be created.",
  err_records_no_admin: "There is no active administrator account to import as. Name one with --as.",
  recordsFileTooManyEntries: "The file holds more than {max} tools. Split it into smaller files.",
  recordsFileEmpty: "The file holds no records.",
  recordsFileLineNotJson: "Line {line} is not a JSON object: in a line-by-line file each line holds one whole entry.",
  recordsFileWrongFormat: "The file is not in the whole-record format ({format}, version {version}): give /records.ndjson or /records.json as the register exports them.",
};

const zh: Record<keyof typeof en, string> = {
  err_records_import_admin_only: "只有管理员可以导入完整记录：完整记录包含只能由审查程序给出的审查状态和日期。机构经办人可将同一文件或表格导入为本机构工具的新草稿。",
  err_records_unknown_fields: "{place} 含有完整记录格式中没有的字段：{keys}。请删除。",
  err_records_entry_unknown_fields: "该条目含有完整记录格式中没有的字段：{keys}。请删除。",
  err_records_entry_invalid: "该条目不是完整记录格式中的工具（应是含编号、网址名称、机构和各版本的对象）。",
  err_records_field_invalid: "{place} 缺失，或不符合完整记录格式的要求。",
  err_records_id_repeated: "{id} 在文件中出现了两次（第一次在 {first}）；每个工具只能出现一次。",
  err_records_slug_repeated: "网址名称 {slug} 在文件中出现了两次（第一次在 {first}）；每个工具需要各自的网址名称。",
  err_records_id_exists: "{id} 已在本登记簿中。完整记录导入只新增工具，不会覆盖已有记录。",
  err_records_revisions_order: "第 {revision} 版顺序有误：请按从旧到新的顺序列出各版本，每一版的编号都要大于前一版。",
  err_records_hash_mismatch: "第 {revision} 版与其指纹（recordSha256）不符：记录在导出后被改动，或指纹有误。",
  err_records_other_tool: "第 {revision} 版是 {other} 的记录，不是 {id} 的记录。",
  err_records_slug_differs: "网址名称 {slug} 与最新版本中的（{recordSlug}）不一致。",
  err_records_agency_missing: "本登记簿中没有机构 {agency}。请先添加该机构，或在导入时选择自动创建缺少的机构（--create-agencies）。",
  err_records_agency_not_given: "本登记簿中没有机构 {agency}，且该条目的机构列表中没有对它的描述，因此无法创建。",
  err_records_no_admin: "没有可用于导入的有效管理员账户。请用 --as 指定一个。",
  recordsFileTooManyEntries: "文件中的工具超过 {max} 个。请拆分为较小的文件。",
  recordsFileEmpty: "文件中没有记录。",
  recordsFileLineNotJson: "第 {line} 行不是 JSON 对象：逐行文件的每一行应是一个完整条目。",
  recordsFileWrongFormat: "文件不是完整记录格式（{format}，第 {version} 版）：请使用登记簿导出的 /records.ndjson 或 /records.json。",
};

export const recordsStrings = { en, zh };
