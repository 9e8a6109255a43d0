// Messages of the foreign-format import (registry/exchange/interop): who may import, and the US
// federal AI use case inventory's quirks (reported, never refusing the file).
const en = {
  interopOmbHeader:
    "This is not the US federal AI use case inventory of 2025 as OMB publishes it: its header must be the inventory's 36 columns, in order. Missing: {missing}. Not in the inventory: {unknown}. Nothing was imported.",
  interopTooManyRows: "The file has more than {max} rows. Split it into smaller files. Nothing was imported.",
  interopOmbMissingId: "Rows without an id in the inventory: {count} (lines {lines}). Agencies may leave it out of the public inventory; their records name the inventory without an id.",
  interopOmbRepeatedIds: "Ids given to more than one row of the same agency: {count}, on {rows} rows: {ids}. Each row becomes its own record; both keep the id as the inventory gives it.",
  interopOmbMissingName: "Rows without a use case name: {count} (lines {lines}). Each is named by its id in the inventory, and written back without a name.",
  interopOmbUnreadableLists: "List cells that are neither a list nor values separated by semicolons: {count} (lines {lines}). They are kept as published.",
  interopOmbFormulaLike: "Cells that start with -, =, + or @: {count} (lines {lines}). They are text: the export writes them with a leading apostrophe so a spreadsheet shows them instead of running them, and reading the export takes the apostrophe off again.",
  interopOmbOffList: "Answers that are not among the inventory's listed values: {count} (lines {lines}). They are kept as published.",
  err_interop_import_role: "Only an administrator (mirrored records) or an agency's official (drafts of their own agency) may import another register's file.",
  err_interop_already_mirrored: "This row is already in the register as {tool}, mirrored from the same register (same agency, id and name). Importing a file again never doubles its records; nothing was written for this row.",
  err_interop_format_unknown: "The register does not read the format {format}. It reads omb-2025 (US inventory CSV), atrs-3 (UK ATRS records) and nl-1 (Dutch algorithm register records).",
} as const;

const zh: Record<keyof typeof en, string> = {
  interopOmbHeader: "该文件不是美国管理和预算办公室（OMB）所发布格式的 2025 年美国联邦政府人工智能用例清单：表头必须依次为该清单的 36 列。缺少：{missing}。清单中没有的列：{unknown}。未导入任何内容。",
  interopTooManyRows: "文件超过 {max} 行。请拆分为较小的文件。未导入任何内容。",
  interopOmbMissingId: "有 {count} 行在清单中没有编号（第 {lines} 行）。各机构可以在公开清单中省略编号；这些记录只注明来源清单，不带编号。",
  interopOmbRepeatedIds: "有 {count} 个编号被同一机构的多行使用（共 {rows} 行）：{ids}。每一行各成一条记录，都保留清单所给的编号。",
  interopOmbMissingName: "有 {count} 行没有用例名称（第 {lines} 行）。这些记录以其在清单中的编号命名，导出时名称仍为空。",
  interopOmbUnreadableLists: "有 {count} 个列表单元格既不是列表，也不是以分号分隔的值（第 {lines} 行）。已按原样保留。",
  interopOmbFormulaLike: "有 {count} 个单元格以 -、=、+ 或 @ 开头（第 {lines} 行）。它们是文字：导出时在前面加一个撇号，电子表格会显示而不会当作公式运行；读取导出文件时再去掉这个撇号。",
  interopOmbOffList: "有 {count} 个答案不在清单列出的取值之中（第 {lines} 行）。已按原样保留。",
  err_interop_import_role: "只有管理员（导入为转载记录）或机构工作人员（导入为本机构的草稿）可以导入其他登记簿的文件。",
  err_interop_already_mirrored: "该行已作为 {tool} 在本登记簿中，转载自同一登记簿（机构、编号和名称均相同）。再次导入同一文件不会使记录重复；该行未写入任何内容。",
  err_interop_format_unknown: "登记簿不读取 {format} 格式。可读取的格式：omb-2025（美国清单 CSV）、atrs-3（英国 ATRS 记录）和 nl-1（荷兰算法登记簿记录）。",
};

export const ombStrings = { en, zh };
