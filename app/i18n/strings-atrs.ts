// Messages of the UK Algorithmic Transparency Recording Standard v3.0 import
// (registry/exchange/interop/atrs-3/format.ts): why a file is refused, and its quirks (reported,
// never refusing the file).
const en = {
  interopAtrsEmpty: "The file holds no record. Upload a record of the UK Algorithmic Transparency Recording Standard v3.0 as JSON, or a list of them. Nothing was imported.",
  interopAtrsShape: "The JSON must be one record of the UK Algorithmic Transparency Recording Standard v3.0 (an object keyed by its attributes) or a list of such records. Nothing was imported.",
  interopAtrsNotRecord: "{count} items of the list are not records (items {items}): each must be an object keyed by the standard's attributes. Nothing was imported.",
  interopAtrsUnknownKeys:
    "Keys that are not attributes of the UK Algorithmic Transparency Recording Standard v3.0 ({count}): {keys} (in records {items}). The register keeps only the standard's fields, so these would be lost; a record of version 4.0 is not read. Remove them, or send records of version 3.0. Nothing was imported.",
  interopAtrsNotText: "{count} values are neither text nor empty (key and record: {values}). Every field is text; the id may also be a whole number. Nothing was imported.",
  interopAtrsIdAsText: "{count} records give their id as text made of digits (records {items}). The standard's id is a whole number: it is written back as a number.",
  interopAtrsRepeatedIds: "{count} ids are given to more than one record: {ids}. Each record becomes its own record here; each keeps the id as given.",
  interopAtrsNoName: "{count} records have neither a name nor a title (records {items}). Each is named by its id, or else its organisation, and written back without a name.",
} as const;

const zh: Record<keyof typeof en, string> = {
  interopAtrsEmpty: "文件中没有记录。请上传一条英国《算法透明度记录标准》3.0 版的 JSON 记录，或由此类记录组成的列表。未导入任何内容。",
  interopAtrsShape: "JSON 须是一条英国《算法透明度记录标准》3.0 版的记录（以该标准的属性名为键的对象），或由此类记录组成的列表。未导入任何内容。",
  interopAtrsNotRecord: "列表中有 {count} 项不是记录（第 {items} 项）：每一项都须是以该标准属性名为键的对象。未导入任何内容。",
  interopAtrsUnknownKeys:
    "有 {count} 个键不是英国《算法透明度记录标准》3.0 版的属性：{keys}（见第 {items} 条记录）。登记簿只保存该标准的字段，这些内容将会丢失；不读取 4.0 版的记录。请删除这些键，或改为提交 3.0 版的记录。未导入任何内容。",
  interopAtrsNotText: "有 {count} 个值既不是文字也不是空值（键与记录：{values}）。每个字段都是文字；编号也可以是整数。未导入任何内容。",
  interopAtrsIdAsText: "有 {count} 条记录以数字文字给出编号（第 {items} 条记录）。该标准的编号是整数：导出时写为数字。",
  interopAtrsRepeatedIds: "有 {count} 个编号被多条记录使用：{ids}。每条记录在此各成一条记录，均保留所给的编号。",
  interopAtrsNoName: "有 {count} 条记录既没有名称也没有标题（第 {items} 条记录）。这些记录以其编号（或其所属组织）命名，导出时名称仍为空。",
};

export const atrsStrings = { en, zh };
