// Interface strings for multi-value filters on the list and /sunsets (issue 14). Merged into
// strings.ts.
const en = {
  addFilter: "Also show: {label}",
  facetChooseSeveral: "Choose several values to see tools with any of them.",
  sunsetsFilteredBy: "Only tools matching these filters:",
  sunsetsKindFilter: "Kind of tool",
  sunsetsAllKinds: "All kinds",
  sunsetsSeeList: "See these tools in the list",
};
const zh: Record<keyof typeof en, string> = {
  addFilter: "同时显示：{label}",
  facetChooseSeveral: "可多选，显示符合其中任一项的工具。",
  sunsetsFilteredBy: "仅显示符合以下筛选条件的工具：",
  sunsetsKindFilter: "工具类型",
  sunsetsAllKinds: "全部类型",
  sunsetsSeeList: "在列表中查看这些工具",
};
export const facetStrings = { en, zh };
