// Interface strings of the import page's code list and of each row's result in an import report
// (page, command line and report CSV), merged into strings.ts. A key missing in one language
// fails the typecheck.
const en = {
  importCodesHeading: "The codes to type",
  importCodesIntro: "These columns take one of the codes listed, typed exactly as shown (the code, not its name). Next to each code is what it means.",
  importCodesSummary: "{name} ({column})",
  importCodesItem: "{code} = {label}",
  importCodesColumn_kind: "Kind of tool",
  importCodesColumn_jurisdiction_level: "Level of government",
  importCodesColumn_policy_domain: "Policy domain",
  importCodesColumn_deployment_status: "Deployment status",
  importStateCreated: "draft created",
  importStateUpdated: "draft updated",
  importStateWouldCreate: "would create a draft",
  importStateWouldUpdate: "would update the draft",
  importStateHeld: "not written: this row is valid, but other rows have problems",
  importStateUnchanged: "unchanged",
  importStateError: "problem, not written",
};

const zh: Record<keyof typeof en, string> = {
  importCodesHeading: "需要填写的代码",
  importCodesIntro: "以下各列只接受所列代码之一，须按原样填写代码本身（而不是名称）。每个代码旁注明其含义。",
  importCodesSummary: "{name}（{column}）",
  importCodesItem: "{code} = {label}",
  importCodesColumn_kind: "工具类型",
  importCodesColumn_jurisdiction_level: "政府层级",
  importCodesColumn_policy_domain: "政策领域",
  importCodesColumn_deployment_status: "部署状态",
  importStateCreated: "已新建草稿",
  importStateUpdated: "已更新草稿",
  importStateWouldCreate: "将新建草稿",
  importStateWouldUpdate: "将更新草稿",
  importStateHeld: "未写入：本行无误，但其他行有问题",
  importStateUnchanged: "无变化",
  importStateError: "有问题，未写入",
};

export const importPageStrings = { en, zh };
