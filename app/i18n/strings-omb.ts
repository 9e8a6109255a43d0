// Messages of the foreign-format readers (registry/exchange/interop): the US federal AI use case inventory.
const en = {
  interopOmbHeader:
    "This is not the US federal AI use case inventory of 2025 as OMB publishes it: its header must be the inventory's 36 columns, in order. Missing: {missing}. Not in the inventory: {unknown}. Nothing was imported.",
  interopTooManyRows: "The file has more than {max} rows. Split it into smaller files. Nothing was imported.",
} as const;

const zh: Record<keyof typeof en, string> = {
  interopOmbHeader: "该文件不是美国管理和预算办公室（OMB）所发布格式的 2025 年美国联邦政府人工智能用例清单：表头必须依次为该清单的 36 列。缺少：{missing}。清单中没有的列：{unknown}。未导入任何内容。",
  interopTooManyRows: "文件超过 {max} 行。请拆分为较小的文件。未导入任何内容。",
};

export const ombStrings = { en, zh };
