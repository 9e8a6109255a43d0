// Interface strings for whole-file refusals of the bulk import that had no code of their own
// (registry/exchange/import/read-file.ts returns codes only), merged into strings.ts. The other
// file notices are in strings-errors.ts and strings-forms.ts; a key missing in one language fails
// the typecheck.
const en = {
  importTooManyColumnsOver: "The file has more than {max} columns; the register reads at most {max}. Use the columns of /tools.csv. Nothing was imported.",
  importCsvUnreadable: "The file cannot be read as CSV. Check that it is a comma-separated file saved from a spreadsheet. Nothing was imported.",
  importJsonInvalidAt: "The file is not valid JSON (the first error is on line {line}). Nothing was imported.",
};

const zh: Record<keyof typeof en, string> = {
  importTooManyColumnsOver: "文件超过 {max} 列，登记簿最多读取 {max} 列。请使用 /tools.csv 的列。未导入任何内容。",
  importCsvUnreadable: "无法将该文件读取为 CSV。请确认这是从电子表格保存的逗号分隔文件。未导入任何内容。",
  importJsonInvalidAt: "文件不是有效的 JSON（第一个错误在第 {line} 行）。未导入任何内容。",
};

export const importFileStrings = { en, zh };
