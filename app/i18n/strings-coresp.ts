// Interface strings for co-responsibility (an agency named in another agency's record confirms
// the link), merged into strings.ts. Kept apart so parallel work does not edit the shared table.
const en = {
  agencyNotConfirmed: "named by the owning agency; this agency has not confirmed it",
  coRespHeading: "Tools of other agencies that name your agency",
  coRespIntro:
    "Another agency's official has named your agency as responsible for these tools. Until your agency confirms, it is not listed as responsible on your agency's page or in the register's lists, and your agency's reviewers may review the tool.",
  coRespRole: "Role given to your agency",
  coRespConfirm: "Confirm that our agency is responsible",
  coRespConfirmed: "Your agency's responsibility for {id} is confirmed.",
};

const zh: Record<keyof typeof en, string> = {
  agencyNotConfirmed: "由主管机构列出，该机构尚未确认",
  coRespHeading: "其他机构列明本机构负有责任的工具",
  coRespIntro: "其他机构的工作人员在以下工具中将本机构列为责任机构。在本机构确认之前，本机构不会在本机构页面或登记簿列表中显示为责任机构，本机构的审查人员也可以审查这些工具。",
  coRespRole: "列明的本机构角色",
  coRespConfirm: "确认本机构负有责任",
  coRespConfirmed: "已确认本机构对 {id} 负有责任。",
};

export const coRespStrings = { en, zh };
