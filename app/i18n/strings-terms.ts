// Interface strings for the words the public pages share (issue 11: who acted, source markers,
// time zones, the home page's list of tools without a lawful end date), merged into strings.ts.
// The chosen term for each concept is in docs/glossary.md and checked by test/unit/glossary.test.ts.
const en = {
  actorEditors: "Register editors",
  actorRegister: "The register",
  actorPublic: "Member of the public",
  actorUnknown: "Unnamed actor",
  actorRoleAtAgency: "{role}, {agency}",
  sourceMarker: "Source {n}",
  homeUnlawfulSuspended: "Suspended, with no lawful end date",
  homeUnlawfulRunning: "Running or piloting, with no lawful end date",
  homeUnlawfulOther: "Proposed, with no lawful end date",
};

const zh: typeof en = {
  actorEditors: "登记簿编辑",
  actorRegister: "登记簿系统",
  actorPublic: "公众",
  actorUnknown: "未具名的操作方",
  actorRoleAtAgency: "{agency}{role}",
  sourceMarker: "来源 {n}",
  homeUnlawfulSuspended: "已暂停，且没有合法的终止日期",
  homeUnlawfulRunning: "正在使用或试点，且没有合法的终止日期",
  homeUnlawfulOther: "拟议中，且没有合法的终止日期",
};

export const termsStrings = { en, zh };
