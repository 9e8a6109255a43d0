// Interface strings for co-responsibility (an agency named in another agency's record confirms
// the link), merged into strings.ts. Kept apart so parallel work does not edit the shared table.
const en = {
  agencyNotConfirmed: "named by the agency that filed this record; not confirmed by this agency",
  coRespConfirm: "Confirm that our agency is responsible",
  coRespInboxHeading: "Co-responsibility awaiting your confirmation",
  coRespInboxText: "Another agency's public record names your agency as responsible. Until your agency confirms, the link is not public and does not count; once declined, it never will.",
  coRespInboxRole: "Role the record gives your agency",
  coRespConfirmShort: "Confirm",
  coRespDecline: "Decline",
  coRespConfirmed: "Your agency's responsibility is confirmed and now shown on the record.",
  coRespDeclined: "Declined: your agency will not be shown as responsible for this tool.",
};

const zh: Record<keyof typeof en, string> = {
  agencyNotConfirmed: "由填报机构列出，尚未经该机构确认",
  coRespConfirm: "确认本机构负有责任",
  coRespInboxHeading: "待确认的共同责任",
  coRespInboxText: "其他机构的公开记录列出本机构负有责任。本机构确认之前，该关联不公开、也不计入；拒绝后将始终不公开、不计入。",
  coRespInboxRole: "记录中本机构的角色",
  coRespConfirmShort: "确认",
  coRespDecline: "拒绝",
  coRespConfirmed: "已确认本机构的共同责任，记录中现已列出本机构。",
  coRespDeclined: "已拒绝：本机构不会被列为该工具的责任机构。",
};

export const coRespStrings = { en, zh };
