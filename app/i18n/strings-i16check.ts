// Messages of the foreign-format readers (registry/exchange/interop), added by the independent
// check of issue 16: the US inventory's header check for a header that has the inventory's column
// names but not its order, or names one twice (the refusal says where, instead of naming no
// missing and no unknown column); and a JSON object that gives one key twice (JSON.parse would
// keep only the last value, and the first would be lost without a word).
const en = {
  interopOmbHeaderOrder:
    "This is not the US federal AI use case inventory of 2025 as OMB publishes it: the header has the inventory's 36 columns, but not in its order. Column {column} is {found}, where the inventory has {expected}. Nothing was imported.",
  interopOmbHeaderRepeated:
    "This is not the US federal AI use case inventory of 2025 as OMB publishes it: the header gives these columns more than once: {repeated}. The inventory has each of its 36 columns once, in order. Nothing was imported.",
  interopJsonRepeatedKey:
    "A record of the file gives the key {key} twice: only one of its values could be kept, and the other would be lost. Give each key once. Nothing was imported.",
} as const;

const zh: Record<keyof typeof en, string> = {
  interopOmbHeaderOrder: "该文件不是美国管理和预算办公室（OMB）所发布格式的 2025 年美国联邦政府人工智能用例清单：表头包含该清单的 36 列，但顺序不对。第 {column} 列是 {found}，而清单此处应为 {expected}。未导入任何内容。",
  interopOmbHeaderRepeated: "该文件不是美国管理和预算办公室（OMB）所发布格式的 2025 年美国联邦政府人工智能用例清单：表头中以下列出现了不止一次：{repeated}。清单的 36 列各出现一次，并按顺序排列。未导入任何内容。",
  interopJsonRepeatedKey: "文件中有一条记录两次给出键 {key}：只能保留其中一个值，另一个将会丢失。请每个键只给出一次。未导入任何内容。",
};

export const i16checkStrings = { en, zh };
