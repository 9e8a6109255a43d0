// Interface strings for the limits on forms and imports (issue 10), merged into strings.ts. Kept
// apart so that work on one area does not edit the shared table; a key missing in one language
// fails the typecheck.
const en = {
  importTooManyColumns: "The file has {count} columns; the register reads at most {max}. Use the columns of /tools.csv. Nothing was imported.",
  importColumnsUnknown: "Unknown columns: {names}. The columns are those of /tools.csv (see below).",
  importColumnsRepeated: "These columns appear more than once: {names}. Keep one of each.",
  importAndMore: "and {n} more",
  importMoreProblems: "… and {n} more problems, not listed here. Fix those shown and check the file again, or use the command-line import for the full report.",
  formMoreProblems: "… and {n} more problems.",
  standardMaxItems: "At most {n} entries.",
  standardRecordLimit: "A record may be at most {mb} MB (as UTF-8 JSON), and each list has a stated maximum length, shown beside it below.",
};

const zh: Record<keyof typeof en, string> = {
  importTooManyColumns: "文件有 {count} 列，登记簿最多读取 {max} 列。请使用 /tools.csv 的列。未导入任何内容。",
  importColumnsUnknown: "无法识别的列：{names}。列与 /tools.csv 相同（见下文）。",
  importColumnsRepeated: "以下列出现了不止一次：{names}。每列只保留一个。",
  importAndMore: "另有 {n} 个",
  importMoreProblems: "……另有 {n} 个问题未在此列出。请先修改已列出的问题并重新检查文件，或使用命令行导入获取完整报告。",
  formMoreProblems: "……另有 {n} 个问题。",
  standardMaxItems: "最多 {n} 条。",
  standardRecordLimit: "单条记录最大 {mb} MB（按 UTF-8 JSON 计），每个列表都有规定的最大条目数，见下表。",
};

export const formsStrings = { en, zh };
