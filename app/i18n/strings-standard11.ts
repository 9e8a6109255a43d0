// Interface strings of /standard for version 1.1 of the record standard (issue 15): the two
// JSON Schemas, what version 1.1 added, and the changelog's headings.
const en = {
  standard11Schemas: "JSON Schemas",
  standard11SchemaCurrent: "Version 1.1 (current; every record of version 1 also meets it)",
  standard11SchemaV1: "Version 1 (for records that declare version 1)",
  standard11Versions:
    "A record says which version of the standard it follows. Version 1.1 adds optional fields only, so every record of version 1 remains valid; a record that declares version 1 may not use the fields version 1.1 added. New records follow version 1.1.",
  standard11Added: "What version 1.1 added",
  standard11AddedIntro:
    "These fields let a record carry what other public registers publish about the same tool (the US federal AI use case inventory, the UK Algorithmic Transparency Recording Standard, the Dutch Algorithm Register, Canada's Algorithmic Impact Assessment). The record forms do not ask for them yet; they arrive with whole-record imports.",
  standard11Since: "since 1.1",
};

const zh: Record<keyof typeof en, string> = {
  standard11Schemas: "JSON Schema",
  standard11SchemaCurrent: "1.1 版（现行；1 版的记录同样符合）",
  standard11SchemaV1: "1 版（供声明 1 版的记录使用）",
  standard11Versions: "每条记录须说明所遵循的标准版本。1.1 版只新增可选字段，因此 1 版的所有记录仍然有效；声明 1 版的记录不得使用 1.1 版新增的字段。新记录遵循 1.1 版。",
  standard11Added: "1.1 版新增内容",
  standard11AddedIntro:
    "这些字段使记录能够收录其他公共登记簿就同一工具公开的信息（美国联邦人工智能用例清单、英国算法透明度记录标准、荷兰政府算法登记簿、加拿大算法影响评估）。记录编辑表单暂不要求填写这些字段，它们随整条记录导入而来。",
  standard11Since: "自 1.1 版起",
};

export const standard11Strings = { en, zh };
