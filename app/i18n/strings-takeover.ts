// Interface strings for taking over a record the register's editors registered (issue 13):
// the list on /drafts, the offer on the edit page, the record page's registration line and the
// refusals of a second take-over. Merged into strings.ts.
const en = {
  takeOverHeading: "Records the register's editors registered for your agency",
  takeOverIntro:
    "The register's editors registered these tools from public sources and name your agency as operating or deciding on them. Take a record over to complete it: your agency becomes responsible for it and a new draft starts from the public version, published only after submission and an independent review.",
  takeOverRole: "Your agency's role in the record",
  takeOverButton: "Take over and edit",
  takeOverOfferHeading: "Take over this record",
  takeOverOfferText:
    "The register's editors registered this record from public sources. It names your agency as: {roles}. Take it over to start a new draft from the public version, complete it and submit it for independent review. The public record will show that your agency took it over, and when.",
  takeOverPublicLink: "See the public record",
  provenanceLabel: "Registration",
  provenanceEditors: "Registered by the register's editors on {date}",
  provenanceAgency: "Registered by {agency} on {date}",
  provenanceTakenOver: "{agency} took over the record on {date} and is responsible for it",
  err_takeover_done: "Your agency has already taken over this record. Continue with its draft.",
  err_takeover_taken: "Another agency has already taken over this record; only that agency can change it now.",
};

const zh: Record<keyof typeof en, string> = {
  takeOverHeading: "登记簿编辑为本机构登记的记录",
  takeOverIntro:
    "登记簿编辑根据公开资料登记了以下工具，记录中列出本机构负责运营或决策。接管记录后即可补充完善：本机构将对该记录负责，并从公开版本开始一份新草稿，草稿须经提交和独立审查后才会公开。",
  takeOverRole: "记录中本机构的角色",
  takeOverButton: "接管并编辑",
  takeOverOfferHeading: "接管这条记录",
  takeOverOfferText:
    "这条记录由登记簿编辑根据公开资料登记，记录中本机构的角色为：{roles}。接管后，可从公开版本开始一份新草稿，补充完善后提交独立审查。公开记录将显示本机构接管了该记录及接管日期。",
  takeOverPublicLink: "查看公开记录",
  provenanceLabel: "登记情况",
  provenanceEditors: "由登记簿编辑于{date}登记",
  provenanceAgency: "由{agency}于{date}登记",
  provenanceTakenOver: "{agency}于{date}接管本记录，现由该机构负责",
  err_takeover_done: "本机构已接管这条记录，请继续填写其草稿。",
  err_takeover_taken: "另一机构已接管这条记录，现在只有该机构可以修改。",
};

export const takeOverStrings = { en, zh };
