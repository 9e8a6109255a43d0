// Interface strings of search on the tool list (issue 14): the any-word notice and "did you mean".
const en = {
  notice_any_word_fallback: "No tool matches every word you searched for; showing tools that match any of them, best matches first.",
  didYouMean: "Did you mean:",
  didYouMeanLabel: "Suggested searches",
};

const zh: Record<keyof typeof en, string> = {
  notice_any_word_fallback: "没有同时包含全部关键词的工具，以下为包含其中任一关键词的工具，最相关的排在前面。",
  didYouMean: "您是不是要找：",
  didYouMeanLabel: "搜索建议",
};

export const searchStrings = { en, zh };
